import SasaeaiSchedule

/// A cell's text from its bytes: surrounding whitespace (full-width spaces too) trimmed, line
/// breaks inside kept, control characters removed.
///
/// Control characters (NUL, ESC, DEL, C1 …; not tab or line feed) never mean anything in a
/// listing, and passed on they break HTML, `.ics` and JSON readers downstream, so they are
/// removed here, where every cell and front-matter value comes in, and the caller warns.
enum CellText {
    static func make(_ bytes: UnsafeBufferPointer<UInt8>) -> (value: String, hadControls: Bool) {
        var lower = 0, upper = bytes.count
        while lower < upper {
            let length = UTF8Scan.whitespaceLength(in: bytes, at: lower)
            guard length > 0 else { break }
            lower += length
        }
        while upper > lower {
            let start = UTF8Scan.scalarStart(in: bytes, before: upper, notBefore: lower)
            guard UTF8Scan.whitespaceLength(in: bytes, at: start) > 0 else { break }
            upper = start
        }
        let trimmed = UnsafeBufferPointer(rebasing: bytes[lower..<upper])
        guard containsControl(trimmed) else { return (String(decoding: trimmed, as: UTF8.self), false) }
        let kept = String(decoding: trimmed, as: UTF8.self).unicodeScalars.filter { !isRemovedControl($0) }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: kept)
        // Removing a control can expose whitespace at an end (" \0" → " "): trim again.
        return (String(view).trimmingWhitespace(), true)
    }

    /// Whether anything but whitespace is in the bytes.
    static func hasText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let length = UTF8Scan.whitespaceLength(in: bytes, at: i)
            if length == 0 { return true }
            i += length
        }
        return false
    }

    static func isRemovedControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control && scalar != "\t" && scalar != "\n"
    }

    /// Fast byte test: C0 (but tab, LF, CR), DEL, and C1 (U+0080–U+009F, encoded C2 80–C2 9F).
    private static func containsControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x20 && byte != 0x09 && byte != 0x0A { return true }
            if byte == 0x7F { return true }
            if byte == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { return true }
            i += 1
        }
        return false
    }

    /// The same removal for text that is already a String (front matter).
    static func removingControls(_ text: String) -> (text: String, removed: Bool) {
        guard text.unicodeScalars.contains(where: isRemovedControl) else { return (text, false) }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text.unicodeScalars.filter { !isRemovedControl($0) })
        return (String(view), true)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !UTF8Scan.isWhitespace($0) }),
              let last = scalars.lastIndex(where: { !UTF8Scan.isWhitespace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}

/// Decoding single scalars out of UTF-8 bytes that came from a Swift String (so valid).
enum UTF8Scan {
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, i + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The length of the scalar at `i` when it is whitespace (`properties.isWhitespace`), else 0.
    /// Nearly every cell starts and ends with a letter, a digit or a kana: those are known from
    /// their first byte, without decoding the scalar or looking up its properties.
    @inline(__always)
    static func whitespaceLength(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let lead = bytes[i]
        if lead < 0x80 { return lead == 0x20 || (0x09...0x0D).contains(lead) ? 1 : 0 }
        // White_Space above ASCII is U+0085, U+00A0 (C2 ..), U+1680 (E1 ..), U+2000–U+205F
        // (E2 ..) and U+3000 (E3 80 80); any other lead byte starts something else.
        guard lead == 0xC2 || lead == 0xE1 || lead == 0xE2 || lead == 0xE3 else { return 0 }
        let (scalar, length) = scalar(in: bytes, at: i)
        return TextTrimming.isWhitespace(scalar) ? length : 0
    }

    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { TextTrimming.isWhitespace(scalar) }

    /// Start of the scalar that ends just before `end`.
    static func scalarStart(in bytes: UnsafeBufferPointer<UInt8>, before end: Int, notBefore lower: Int) -> Int {
        var i = end - 1
        while i > lower && bytes[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }
}
