/// Stable codes for problems found while reading a file, before its content is understood.
/// Each is documented in docs/diagnostics-input.md; core codes start at E011.
enum InputCode {
    static let undecodable = "E001"
    static let unterminatedQuote = "E002"
    static let duplicateHeader = "E003"
    static let emptyTable = "E004"
    static let valueWithoutHeader = "E005"
    static let textAfterQuote = "E006"
}
