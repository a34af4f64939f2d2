import Foundation
import SasaeaiSchedule

public enum TextNormalization {
    /// NFC; half-width katakana to full-width (ｻﾛﾝ → サロン).
    ///
    /// Full-width ASCII and both wave dashes stay as written: they are what people typed in
    /// names and descriptions, and only numeric contexts fold them (see `asciiFolded`).
    public static func normalize(_ text: String) -> String {
        // Nearly every cell has no half-width kana and nothing NFC could change (ASCII, kana,
        // kanji): it is returned as it is, without Foundation's normalization, which goes
        // through UTF-16 and costs more than everything else done to a cell.
        guard text.unicodeScalars.contains(where: { !isStable($0) }) else { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            guard let full = halfWidthKana[scalar] else {
                out.append(scalar)
                continue
            }
            // カﾞ: a half-width mark typed after a full-width kana still belongs to it.
            if scalar == "\u{FF9E}" || scalar == "\u{FF9F}", let base = out.last,
               let combined = (scalar == "\u{FF9E}" ? voiced : semiVoiced)[base] {
                out.removeLast()
                out.append(combined)
                continue
            }
            // ｶﾞ is two half-width characters but one full-width one.
            if let mark = pending, mark == "\u{FF9E}" || mark == "\u{FF9F}" {
                let table = mark == "\u{FF9E}" ? voiced : semiVoiced
                if let combined = table[full] {
                    out.append(combined)
                    pending = scalars.next()
                    continue
                }
            }
            out.append(full)
        }
        let folded = String(out)
        return folded.unicodeScalars.allSatisfy(TextDecoding.isStableUnderNFC) ? folded : folded.precomposedStringWithCanonicalMapping
    }

    /// Left as it is by `normalize`: not half-width kana, and never changed by NFC.
    private static func isStable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 || !(0xFF61...0xFF9F).contains(scalar.value) && TextDecoding.isStableUnderNFC(scalar)
    }

    /// Full-width ASCII (digits, letters, ：, ．, －, ／) to half-width, for numbers, times, dates, ids.
    ///
    /// Hyphen-like marks (‐, –, ―) become `-` next to a digit, and the long-vowel mark ー only
    /// between two digits (0270ー11ー0000, 10:00ー12:00): there it is a hyphen typed with the
    /// IME, anywhere else it is part of a word (コーヒー1杯). U+2212 − is always a minus.
    public static func asciiFolded(_ text: String) -> String {
        // Nearly every value (IDs, times, coordinates, URLs) has nothing to fold.
        guard text.unicodeScalars.contains(where: mayFold) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            if let folded = foldedWidth(scalar) {
                out.append(folded)
            } else if (scalar == "ー" || scalar == "ｰ") && isDigit(scalars, i - 1) && isDigit(scalars, i + 1) {
                out.append("-")
            } else if minusLike.contains(scalar.value) && (isDigit(scalars, i - 1) || isDigit(scalars, i + 1)) {
                out.append("-")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A key for matching headers and vocabulary names: width-folded, spaces removed, lowercased.
    ///
    /// Both wave dashes and the ASCII tilde become one key, since which one a person typed
    /// depends on their IME, not on what they meant.
    public static func matchKey(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in normalize(text).unicodeScalars {
            if TextTrimming.isWhitespace(scalar) { continue }
            if scalar == "\u{301C}" || scalar == "\u{FF5E}" || scalar == "\u{2053}" {
                out.append("~")
            } else if let folded = foldedWidth(scalar) {
                out.append(folded)
            } else {
                out.append(scalar)
            }
        }
        return String(out).lowercased()
    }

    /// Katakana to hiragana, for readings: sorting and search treat them alike.
    public static func hiragana(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in normalize(text).unicodeScalars {
            switch scalar.value {
            case 0x30A1...0x30F6, 0x30FD...0x30FE:
                out.append(Unicode.Scalar(scalar.value - 0x60)!)
            case 0x30F7...0x30FA:
                // ヷヸヹヺ have no precomposed hiragana; わ゙ keeps the sound.
                out.append(Unicode.Scalar(scalar.value - 0x30F7 + 0x308F)!)
                out.append("\u{3099}")
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    // MARK: tables

    private static func isDigit(_ scalars: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i >= 0, i < scalars.count else { return false }
        let v = scalars[i].value
        return (0x30...0x39).contains(v) || (0xFF10...0xFF19).contains(v)
    }

    /// Whether `asciiFolded` could change the scalar (some only next to a digit).
    private static func mayFold(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x80 && (foldedWidth(scalar) != nil || scalar == "ー" || scalar == "ｰ" || minusLike.contains(scalar.value))
    }

    private static func foldedWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFF01 + 0x21)
        case 0x3000: return " "
        case 0x2212: return "-"
        default: return nil
        }
    }

    /// ‐ ‑ ‒ – — ― (hyphens and dashes).
    private static let minusLike: Set<UInt32> = [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015]

    private static let halfWidthKana: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for value in UInt32(0xFF61)...0xFF9D {
            let scalar = Unicode.Scalar(value)!
            if let full = String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars.first {
                table[scalar] = full
            }
        }
        // Alone, the marks become the spacing ゛ ゜ rather than combining marks with nothing to sit on.
        table["\u{FF9E}"] = "\u{309B}"
        table["\u{FF9F}"] = "\u{309C}"
        return table
    }()

    private static let voiced: [Unicode.Scalar: Unicode.Scalar] = composed(with: "\u{3099}")
    private static let semiVoiced: [Unicode.Scalar: Unicode.Scalar] = composed(with: "\u{309A}")

    private static func composed(with mark: Unicode.Scalar) -> [Unicode.Scalar: Unicode.Scalar] {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for value in UInt32(0x30A1)...0x30FA {
            let base = Unicode.Scalar(value)!
            let combined = (String(base) + String(mark)).precomposedStringWithCanonicalMapping.unicodeScalars
            if combined.count == 1 { table[base] = combined.first! }
        }
        return table
    }
}
