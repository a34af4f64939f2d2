import Foundation

/// Foundation's trimming, for the text of every cell: the same character set decides, so the
/// result is the same, but a value with nothing to trim (nearly every one) is returned without
/// the bridge through NSString, which costs more than the rest of reading the cell.
public enum TextTrimming {
    private static let spaceAndNewline = CharacterSet.whitespacesAndNewlines
    private static let space = CharacterSet.whitespaces

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, or `.whitespaces` when `newlines` is false.
    public static func trimmed(_ text: some StringProtocol, newlines: Bool = true) -> String {
        trimmedText(text, newlines: newlines)
    }

    /// The same for a String: called across modules, the generic version runs unspecialised,
    /// through witness tables, at a thousand instructions for a cell with nothing to trim.
    public static func trimmed(_ text: String, newlines: Bool = true) -> String {
        trimmedText(text, newlines: newlines)
    }

    /// The same for a Substring (pieces of a split list).
    public static func trimmed(_ text: Substring, newlines: Bool = true) -> String {
        trimmedText(text, newlines: newlines)
    }

    @inline(__always)
    private static func trimmedText(_ text: some StringProtocol, newlines: Bool) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return "" }
        // The ends are tested with the switches below, not the sets: `CharacterSet.contains`
        // costs as much as building the cell's String.
        let trims = newlines ? inWhitespacesAndNewlines(first) || inWhitespacesAndNewlines(last) : inWhitespaces(first) || inWhitespaces(last)
        if !trims { return String(text) }
        return text.trimmingCharacters(in: newlines ? spaceAndNewline : space)
    }

    /// The White_Space property (`properties.isWhitespace`), unchanged since Unicode 6.3, as a
    /// switch: the property lookup costs more than reading the rest of a cell. The tests
    /// compare it with the property for every scalar.
    @inline(__always)
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// In Foundation's `CharacterSet.whitespacesAndNewlines`: White_Space and, in this
    /// Foundation, the zero-width space U+200B. The tests compare it with the set for every
    /// scalar, so a Foundation that draws the set otherwise fails them.
    @inline(__always)
    static func inWhitespacesAndNewlines(_ scalar: Unicode.Scalar) -> Bool {
        isWhitespace(scalar) || scalar.value == 0x200B
    }

    /// In Foundation's `CharacterSet.whitespaces` (general category Zs, the tab, and U+200B).
    @inline(__always)
    static func inWhitespaces(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
