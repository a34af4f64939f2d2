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
