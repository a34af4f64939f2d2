import Foundation
import SasaeaiInput

/// How the search index and the listings page's finder fold text, so that a query typed in
/// katakana, half-width or with 曜日 meets what the tables wrote. `assets/fold.js` folds queries
/// by the same rules (an e2e test compares them). Text level, below Render and Output: both use it.
enum SearchFolding {
    /// NFKC (widths, half-width katakana), katakana → hiragana, lowercase, no spaces, and
    /// 曜日 → 曜 so that 金曜日, 金曜 and (as a substring) 金 find the same listings.
    static func fold(_ text: String) -> String {
        if let folded = foldStable(text) { return folded }
        let compatible = text.precomposedStringWithCompatibilityMapping.lowercased()
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar = " "
        for scalar in TextNormalization.hiragana(compatible).unicodeScalars where !isWhitespace(scalar) {
            if scalar == "日" && previous == "曜" { continue }
            out.append(scalar)
            previous = scalar
        }
        return String(out)
    }

    /// `fold` in one pass over the UTF-8 of text made only of printable ASCII, kana, kanji,
    /// common Japanese brackets and marks (〜・): what NFKC leaves as it is and lowercasing
    /// changes only A–Z in (checked with Python's unicodedata for every code point of these
    /// ranges), and of full-width ASCII and the ideographic space, which NFKC makes ASCII. Nil for any other text. Most of a town's text is this, and the general way
    /// (Foundation's normalization, then four passes building Strings) was 7 % of a rebuild.
    private static func foldStable(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { utf8 -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count)
            var afterYou = false
            func append(_ value: UInt32) {
                out.append(0xE0 | UInt8(value >> 12))
                out.append(0x80 | UInt8(value >> 6 & 0x3F))
                out.append(0x80 | UInt8(value & 0x3F))
            }
            var i = 0
            while i < utf8.count {
                let byte = utf8[i]
                func appendASCII(_ byte: UInt8) {
                    out.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
                    afterYou = false
                }
                if byte < 0x80 {
                    guard (0x20...0x7E).contains(byte) else { return nil }
                    i += 1
                    // A space is dropped and, as in `fold`, leaves 曜 before a 日 after it.
                    if byte != 0x20 { appendASCII(byte) }
                    continue
                }
                // Every character handled here is three bytes long.
                guard byte & 0xF0 == 0xE0 else { return nil }
                let value = UInt32(byte & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                i += 3
                switch value {
                // NFKC makes the ideographic space a space, dropped as any white space, and
                // full-width ASCII (０, ：, Ａ …) ASCII.
                case 0x3000: continue
                case 0xFF01...0xFF5E:
                    appendASCII(UInt8(value - 0xFEE0))
                    continue
                default:
                    guard isCompatibilityStable(Unicode.Scalar(value)!) else { return nil }
                }
                switch value {
                case 0x30A1...0x30F6, 0x30FD...0x30FE:
                    append(value - 0x60)
                    afterYou = false
                case 0x30F7...0x30FA:
                    // As `TextNormalization.hiragana`: わ゙ for ヷ (no precomposed hiragana).
                    append(value - 0x30F7 + 0x308F)
                    append(0x3099)
                    afterYou = false
                case 0x65E5 where afterYou:
                    continue
                default:
                    append(value)
                    afterYou = value == 0x66DC
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Unicode's White_Space, without asking the property tables for ASCII, kana and kanji.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: true
        case 0x21...0x7E, 0x3001...0x9FFF: false
        default: scalar.properties.isWhitespace
        }
    }

    private static func isCompatibilityStable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0x3001...0x3002, 0x3005, 0x3008...0x3011, 0x3014...0x301C, 0x3041...0x3096,
             0x309D...0x309E, 0x30A1...0x30FE, 0x4E00...0x9FFF: true
        default: false
        }
    }

    /// Readings of facility and everyday words residents type in kana (こうみんかん, むりょう).
    /// A venue has no reading column, so its common parts get one here; the list is vocabulary,
    /// not data, and is added only where the word occurs.
    static let readings: [(word: String, reading: String)] = [
        ("公民館", "こうみんかん"), ("集会所", "しゅうかいじょ"), ("集会場", "しゅうかいじょう"), ("公会堂", "こうかいどう"),
        ("会館", "かいかん"), ("体育館", "たいいくかん"), ("図書館", "としょかん"), ("保健センター", "ほけんせんたー"),
        ("福祉センター", "ふくしせんたー"), ("小学校", "しょうがっこう"), ("中学校", "ちゅうがっこう"), ("役場", "やくば"),
        ("無料", "むりょう"), ("送迎", "そうげい"), ("予約", "よやく"), ("体操", "たいそう"), ("多目的トイレ", "たもくてきといれ"),
        ("車いす", "くるまいす"), ("車椅子", "くるまいす"), ("子ども", "こども"), ("食堂", "しょくどう"), ("高齢者", "こうれいしゃ"),
    ]

    /// The folded text followed by the readings of the common words it holds.
    static func foldWithReadings(_ text: String) -> String {
        // Foundation's `contains` matches canonically equivalent text, and bridged the whole
        // text to UTF-16 for each word (13% of a town's build). Text with no combining mark and
        // no CJK compatibility ideograph has one spelling of these words, so its UTF-8 is
        // searched directly; only other text goes through Foundation.
        var found: [String] = []
        if hasOneSpelling(text) {
            var text = text
            text.withUTF8 { bytes in
                for (word, reading) in zip(readingWordsUTF8, readings.map(\.reading)) where contains(bytes, word) {
                    found.append(reading)
                }
            }
        } else {
            found = readings.filter { text.contains($0.word) }.map(\.reading)
        }
        return fold(([text] + found).joined(separator: " "))
    }

    private static let readingWordsUTF8 = readings.map { Array($0.word.utf8) }

    /// Whether `bytes` hold `word` (a plain scan: the stdlib's generic search cost more than
    /// Foundation's).
    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        guard let first = word.first, bytes.count >= word.count else { return false }
        var i = 0
        let last = bytes.count - word.count
        while i <= last {
            if bytes[i] == first {
                var j = 1
                while j < word.count, bytes[i + j] == word[j] { j += 1 }
                if j == word.count { return true }
            }
            i += 1
        }
        return false
    }

    private static func hasOneSpelling(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where scalar.value >= 0x300 {
            if scalar.properties.canonicalCombiningClass.rawValue != 0
                || (0xF900...0xFAFF).contains(scalar.value) || (0x2F800...0x2FA1F).contains(scalar.value) {
                return false
            }
        }
        return true
    }
}
