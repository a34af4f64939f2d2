/// Stable codes for problems found while reading a file, before its content is understood.
/// Each is documented in docs/diagnostics-input.md; core codes start at E011.
public enum InputCode {
    public static let undecodable = "E001"
    public static let unterminatedQuote = "E002"
    public static let duplicateHeader = "E003"
    public static let emptyTable = "E004"
    public static let valueWithoutHeader = "E005"
    public static let textAfterQuote = "E006"
}

/// Codes added for quoting, control characters and workbooks (issues 8 and 9). The numbers
/// 011–018 are the core's (Codes.swift), so these use 007–010 and 019.
extension InputCode {
    public static let quoteSwallowsCells = "E007"
    public static let controlCharacters = "W008"
    public static let notAWorkbook = "E009"
    public static let mergedCellRepeated = "W010"
    public static let damagedWorkbook = "E019"
    public static let formulaWithoutValue = "W019"
    /// A row with fewer fields than the header in a table with private columns (issue 8).
    public static let shortRowWithPrivateColumns = "E025"
}
