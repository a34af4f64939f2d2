import Foundation

/// Foundation's trimming, for the text of every cell: the same character set decides, so the
/// result is the same, but a value with nothing to trim (nearly every one) is returned without
/// the bridge through NSString, which costs more than the rest of reading the cell.
public enum TextTrimming {
    private static let spaceAndNewline = CharacterSet.whitespacesAndNewlines
    private static let space = CharacterSet.whitespaces

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, or `.whitespaces` when `newlines` is false.
    public static func trimmed(_ text: some StringProtocol, newlines: Bool = true) -> String {
        let set = newlines ? spaceAndNewline : space
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return "" }
        if !set.contains(first) && !set.contains(last) { return String(text) }
        return text.trimmingCharacters(in: set)
    }
}
