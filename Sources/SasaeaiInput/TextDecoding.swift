import Foundation

/// The encodings Excel and text editors produce for Japanese tables.
public enum TextEncoding: String, Sendable {
    case utf8, utf8BOM, utf16LE, utf16BE, cp932
}

public struct DecodedText: Sendable {
    public let text: String          // NFC, BOM removed, line ends kept as in the file
    public let encoding: TextEncoding
}

public struct UndecodableText: Error, Sendable {
    public let byteOffset: Int       // the first byte that is not valid in any accepted encoding
}

public enum TextDecoding {
    /// UTF-8 (BOM or not), UTF-16 LE/BE (BOM), else CP932; fails with the first bad byte.
    ///
    /// A BOM is taken as the writer's word: a file that starts with one and then breaks the
    /// encoding is reported rather than re-read as CP932, because guessing again would turn a
    /// damaged file into silent mojibake on the public site.
    public static func decode(_ data: Data) -> Result<DecodedText, UndecodableText> {
        // UTF-8, nearly every large export, is checked and decoded from the file's bytes in
        // place: a copy of them would add the file's size again to the peak memory.
        let utf8: Result<DecodedText, UndecodableText>? = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
            if !bom && (bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])) { return nil }
            let start = bom ? 3 : 0
            let scan = scanUTF8(bytes, from: start)
            guard let bad = scan.firstInvalid else {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
                // Whether NFC could change anything was found in the same pass over the bytes.
                let normalized = scan.stableUnderNFC ? text : text.precomposedStringWithCanonicalMapping
                return .success(DecodedText(text: normalized, encoding: bom ? .utf8BOM : .utf8))
            }
            // CP932 text almost never forms even one three-byte UTF-8 sequence before its first
            // invalid byte, while UTF-8 Japanese usually reads as valid (mojibake) CP932: a file
            // that is UTF-8 up to a damaged byte is reported, not published as 縺ゅ.
            if bom || scan.multiByteBefore >= 2 { return .failure(UndecodableText(byteOffset: bad)) }
            return nil
        }
        if let utf8 { return utf8 }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) {
            return utf16(bytes, bigEndian: false).map { DecodedText(text: nfc($0), encoding: .utf16LE) }
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return utf16(bytes, bigEndian: true).map { DecodedText(text: nfc($0), encoding: .utf16BE) }
        }
        return cp932(bytes).map { DecodedText(text: nfc($0), encoding: .cp932) }
    }

    private static func nfc(_ text: String) -> String {
        // Foundation's NFC goes through UTF-16 and doubles the memory of a large export; text
        // made only of scalars that NFC never changes (ASCII, kana, kanji, full-width forms —
        // nearly every Japanese table) is returned as it is.
        text.unicodeScalars.allSatisfy(isStableUnderNFC) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// Scalars with NFC_Quick_Check=Yes that also never combine with what precedes them
    /// (Unicode 15, DerivedNormalizationProps.txt): a conservative subset, so anything else
    /// (combining marks, the dakuten U+3099/U+309A, CJK compatibility ideographs such as 﨑,
    /// Hangul, U+2000 spaces) still goes through full normalization.
    public static func isStableUnderNFC(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x2FF,            // ASCII, Latin-1 and Latin Extended (precomposed letters)
             0x2010...0x2027, 0x2030...0x205E,   // dashes, quotes, ※ and other punctuation
             0x3000...0x3029, 0x3030...0x3098,   // CJK symbols and hiragana (not the tone marks 302A–302F)
             0x309B...0x30FF,                    // katakana
             0x31F0...0x31FF, 0x3200...0x33FF,   // small katakana, enclosed ㈱ and ㍻ forms
             0x3400...0x4DBF, 0x4E00...0x9FFF,   // CJK unified ideographs (and extension A)
             0xFF01...0xFFEF:                    // full-width and half-width forms
            return true
        default:
            return false
        }
    }

    /// Strict UTF-8 (no overlong forms, no surrogates), because `String(decoding:)` would
    /// quietly repair what is really a CP932 file into replacement characters.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { scanUTF8($0, from: start).firstInvalid }
    }

    /// Also counts the three- and four-byte sequences before the first invalid byte, and tells
    /// whether every scalar (of valid text) is one `isStableUnderNFC` keeps, so that the text
    /// need not be read a second time for NFC.
    static func scanUTF8(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (firstInvalid: Int?, multiByteBefore: Int, stableUnderNFC: Bool) {
        var multiByte = 0
        var stable = true
        var i = start
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return (i, multiByte, false)
            }
            guard i + 1 < n, (low...high).contains(bytes[i + 1]) else { return (i, multiByte, false) }
            var value = UInt32(b) & (0xFF >> (length + 1))
            for k in 1..<length {
                guard i + k < n, (0x80...0xBF).contains(bytes[i + k]) else { return (i, multiByte, false) }
                value = value << 6 | UInt32(bytes[i + k] & 0x3F)
            }
            if stable, let scalar = Unicode.Scalar(value), !isStableUnderNFC(scalar) { stable = false }
            i += length
            // Two-byte sequences are left out: CP932 half-width kana pairs (ﾃｽ = C3 BD) form them.
            if length >= 3 { multiByte += 1 }
        }
        return (nil, multiByte, stable)
    }

    private static func utf16(_ bytes: [UInt8], bigEndian: Bool) -> Result<String, UndecodableText> {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let unit = bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i])
            units.append(unit)
            i += 2
        }
        if i < bytes.count { return .failure(UndecodableText(byteOffset: i)) }
        // Lone surrogates would become U+FFFD; report them so nothing is silently replaced.
        var k = 0
        while k < units.count {
            let u = units[k]
            if (0xD800...0xDBFF).contains(u) {
                guard k + 1 < units.count, (0xDC00...0xDFFF).contains(units[k + 1]) else {
                    return .failure(UndecodableText(byteOffset: 2 + 2 * k))
                }
                k += 2
            } else if (0xDC00...0xDFFF).contains(u) {
                return .failure(UndecodableText(byteOffset: 2 + 2 * k))
            } else {
                k += 1
            }
        }
        return .success(String(decoding: units, as: UTF16.self))
    }

    /// Foundation's `.shiftJIS` decodes with CP932's tables (NEC and IBM extensions, ① at 0x8740)
    /// but only says yes or no; the byte structure is checked here so the error can name a byte.
    private static func cp932(_ bytes: [UInt8]) -> Result<String, UndecodableText> {
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count)
        var structuralError: Int?
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            starts.append(i)
            switch b {
            case 0x00...0x7F, 0xA1...0xDF:
                i += 1
            case 0x81...0x9F, 0xE0...0xFC:
                guard i + 1 < bytes.count, isTrail(bytes[i + 1]) else {
                    structuralError = i
                    break
                }
                i += 2
            default:
                structuralError = i
            }
            if structuralError != nil { break }
        }
        if structuralError == nil, let text = shiftJIS(bytes[...]) {
            return .success(text)
        }
        // Characters before `end` are well formed; find the first one Foundation has no mapping for.
        let end = structuralError ?? bytes.count
        if structuralError != nil { starts.removeLast() }
        // Invariant: the prefix up to starts[lo] decodes; the prefix up to boundary hi does not.
        var lo = 0, hi = starts.count
        if shiftJIS(bytes[0..<end]) != nil { return .failure(UndecodableText(byteOffset: end)) }
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if shiftJIS(bytes[0..<starts[mid]]) != nil { lo = mid } else { hi = mid }
        }
        return .failure(UndecodableText(byteOffset: starts.isEmpty ? 0 : starts[lo]))
    }

    private static func isTrail(_ b: UInt8) -> Bool { (0x40...0x7E).contains(b) || (0x80...0xFC).contains(b) }

    private static func shiftJIS(_ bytes: ArraySlice<UInt8>) -> String? {
        if bytes.isEmpty { return "" }
        return String(data: Data(bytes), encoding: .shiftJIS)
    }
}
