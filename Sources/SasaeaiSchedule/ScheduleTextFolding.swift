import Foundation

/// Folding the many ways the same schedule is typed (full-width digits from Excel, both wave
/// dashes, 漢数字) into one spelling, so the parser only has to know one.
enum ScheduleTextFolding {
    static func normalize(_ text: String) -> String {
        // NFKC changes nothing in text of ASCII, kana and kanji alone, the common case; skipping
        // it saves a Foundation call that goes through UTF-16.
        let stable = text.unicodeScalars.allSatisfy(isStableUnderNFKC)
        let composed = stable ? text : text.precomposedStringWithCompatibilityMapping
        var s = ""
        s.reserveCapacity(composed.utf8.count)
        if stable {
            // No scalar here joins another into one character but LF after CR, so going by
            // scalars folds what going by characters would, without finding their boundaries.
            var afterCR = false
            for scalar in composed.unicodeScalars {
                if scalar == "\n" && afterCR {
                    afterCR = false
                    continue
                }
                afterCR = scalar == "\r"
                s.unicodeScalars.append(fold(scalar))
            }
        } else {
            // By characters, as Foundation's search matched them: a symbol carrying a combining
            // mark or a variation selector (〰️) is another character and stays.
            for character in composed {
                var scalars = character.unicodeScalars.makeIterator()
                if let scalar = scalars.next(), scalars.next() == nil {
                    s.unicodeScalars.append(fold(scalar))
                } else {
                    // CRLF, one character, becomes one line feed like a lone CR.
                    s.append(character == "\r\n" ? "\n" : character)
                }
            }
        }
        s = convertKanjiNumbers(s)
        s = convertProlongedDashes(s)
        s = convertSlashDates(s)
        return s
    }

    /// Scalars NFKC leaves as they are and that never combine with a neighbour (checked against
    /// Unicode's data for every scalar of these ranges): ASCII, CJK punctuation 、。「」〜 (not
    /// the ideographic space, which NFKC makes a space), hiragana and katakana (not the spacing
    /// marks ゛゜ or the digraphs ゟ ヿ), and the CJK unified ideographs.
    static func isStableUnderNFKC(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x7F, 0x3001...0x3029, 0x3041...0x3096, 0x309D...0x309E, 0x30A1...0x30FE, 0x4E00...0x9FFF: true
        default: false
        }
    }

    /// One scalar's spelling for the parser, in one pass instead of a search per symbol: every
    /// wave dash and hyphen-like dash as 〜, brackets, tabs, marks such as ※★● as spaces, a
    /// full-width colon as ASCII.
    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "~", "∼", "〜", "-", "−", "–", "—", "―", "‐", "⁓", "〰": "〜"
        case "\r": "\n"
        case "(", ")", "[", "]", "「", "」", "【", "】", "『", "』", "〔", "〕", "<", ">", "《", "》", "\t", "　",
             "※", "★", "☆", "●", "○", "◎", "■", "□", "◆", "◇", "▲", "△", "*", "\"": " "
        case "：": ":"
        default: scalar
        }
    }

    /// The scalars of `kanjiDigits` and 十: text without any has no kanji number to convert.
    private static let kanjiNumerals: Set<Unicode.Scalar> = Set("〇零一二三四五六七八九十".unicodeScalars)

    static let kanjiDigits: [Character: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// 十五 → 15, 二十一 → 21, 十 → 10; nil for runs that are not a number below 100.
    static func kanjiNumberValue(_ run: [Character]) -> Int? {
        if run.isEmpty { return nil }
        if let tenIndex = run.firstIndex(of: "十") {
            let before = run[..<tenIndex], after = run[(tenIndex + 1)...]
            guard before.count <= 1, after.count <= 1, !after.contains("十") else { return nil }
            let tens = before.first.flatMap { kanjiDigits[$0] } ?? (before.isEmpty ? 1 : nil)
            let ones = after.first.flatMap { kanjiDigits[$0] } ?? (after.isEmpty ? 0 : nil)
            guard let tens, let ones else { return nil }
            return tens * 10 + ones
        }
        var value = 0
        for c in run {
            guard let digit = kanjiDigits[c] else { return nil }
            value = value * 10 + digit
        }
        return run.count <= 2 ? value : nil
    }

    /// Converts kanji numbers only where a schedule uses numbers (第二, 十五日, 午後一時, 四月),
    /// so words such as 一緒 or 十分 in free text are left alone.
    static func convertKanjiNumbers(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { kanjiNumerals.contains($0) }) else { return s }
        let chars = Array(s)
        var out = ""
        var i = 0
        let numeral: (Character) -> Bool = { $0 == "十" || kanjiDigits[$0] != nil }
        let suffixes: Set<Character> = ["月", "日", "時", "分", "回", "度", "週", "・", "、", "と"]
        let prefixes: Set<Character> = ["第", "・", "、", "後", "前", "毎"]
        while i < chars.count {
            if numeral(chars[i]) {
                var j = i
                while j < chars.count, numeral(chars[j]) { j += 1 }
                let run = Array(chars[i..<j])
                let before: Character? = i > 0 ? chars[i - 1] : nil
                let after: Character? = j < chars.count ? chars[j] : nil
                let prefixed = before.map { prefixes.contains($0) } ?? false
                let suffixed = after.map { suffixes.contains($0) || "火水木金土曜".contains($0) } ?? false
                // 一日中 means "all day", not the 1st.
                let allDay = run == ["一"] && after == "日" && j + 1 < chars.count && chars[j + 1] == "中"
                if let value = kanjiNumberValue(run), prefixed || suffixed, !allDay {
                    out += String(value)
                    i = j
                    continue
                }
                out += String(run)
                i = j
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }

    /// ー between digits (10:00ー12:00) is a dash typed with the long-vowel key.
    static func convertProlongedDashes(_ s: String) -> String {
        guard s.unicodeScalars.contains("ー") else { return s }
        let chars = Array(s)
        var out = ""
        for (i, c) in chars.enumerated() {
            if c == "ー", i > 0, i + 1 < chars.count, chars[i - 1].isASCIIDigitOrTimeUnit, chars[i + 1].isASCIIDigit || chars[i + 1] == "午" {
                out.append("〜")
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// 12/29 → 12月29日, so that slashes can separate rules everywhere else.
    static func convertSlashDates(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "/")) else { return s }
        let chars = Array(s)
        var out = ""
        var i = 0
        while i < chars.count {
            if chars[i].isASCIIDigit, i == 0 || !chars[i - 1].isASCIIDigit {
                var j = i
                while j < chars.count, chars[j].isASCIIDigit { j += 1 }
                if j < chars.count, chars[j] == "/", j + 1 < chars.count, chars[j + 1].isASCIIDigit {
                    var k = j + 1
                    while k < chars.count, chars[k].isASCIIDigit { k += 1 }
                    if let m = Int(String(chars[i..<j])), let d = Int(String(chars[(j + 1)..<k])),
                       j - i <= 2, k - j - 1 <= 2, MonthDay(month: m, day: d) != nil,
                       !(k < chars.count && (chars[k] == "/" || chars[k] == ":")) {
                        out += "\(m)月\(d)日"
                        i = k
                        continue
                    }
                }
                out += String(chars[i..<j])
                i = j
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }
}

extension Character {
    /// `self >= "0" && self <= "9"`, which compares Strings: a character of one ASCII byte is
    /// tested by its byte, and one that starts beyond ASCII sorts after "9" (no normalization
    /// makes it start with a digit). Others (a digit with a combining mark) compare as before.
    var isASCIIDigit: Bool {
        let first = utf8.first!
        if first >= 0x80 { return false }
        if utf8.count == 1 { return first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") }
        return self >= "0" && self <= "9"
    }
    var isASCIIDigitOrTimeUnit: Bool { isASCIIDigit || self == "時" || self == "分" || self == "半" || self == "午" }
    var asciiDigitValue: Int? {
        guard isASCIIDigit else { return nil }
        if utf8.count == 1 { return Int(utf8.first! - UInt8(ascii: "0")) }
        return Int(String(self))
    }
}
