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
        let ends = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard let first = bytes.first, let last = bytes.last else { return nil }
            var lead = bytes.count - 1
            if last >= 0x80 {
                while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            }
            return mayBeSpace(bytes, at: 0, first) || mayBeSpace(bytes, at: lead, bytes[lead])
        }
        // Neither end can be in either set: the text is returned as it is, without decoding
        // its end scalars (which cost more than the rest of the call).
        if let ends, ends == false { return text }
        return trimmedText(text, newlines: newlines)
    }

    /// Whether the scalar whose UTF-8 starts with `lead` at `i` could be in either set: every
    /// member is ASCII, or starts with C2 (U+0085, U+00A0), E1 (U+1680), E2 (U+2000–U+205F) or
    /// E3 80 (U+3000). Conservative: a yes is decided on the scalar.
    @inline(__always)
    private static func mayBeSpace(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ lead: UInt8) -> Bool {
        switch lead {
        case 0x09...0x0D, 0x20, 0xC2, 0xE1, 0xE2: true
        case 0xE3: i + 1 < bytes.count && bytes[i + 1] == 0x80
        default: false
        }
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
