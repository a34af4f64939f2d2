import Foundation
import SasaeaiSchedule

/// Reads the dates coordinators write: 2024-04-01, 2024/4/1, 2024.4.1, 2024年4月1日, 2024年4月,
/// 2024-04, 2024年度, 令和6年4月1日, 令和元年5月, R6.4.1, H28.10, H28, 平成28年度, with full-width
/// or kanji digits, spaces between parts, and after a day an optional weekday such as （月） and a
/// time of day such as 10:00 (ignored).
public enum JapaneseDateParser {
    public static func parse(_ text: String) -> Result<WrittenDate, WrittenDateError> {
        guard text.unicodeScalars.count <= 64, var tokens = tokenize(text) else { return .failure(.unreadable) }
        guard let hasTime = removeTime(&tokens) else { return .failure(.unreadable) }
        var weekday: Weekday?
        if case .weekday(let w)? = tokens.last {
            weekday = w
            tokens.removeLast()
        }
        guard let written = read(tokens) else { return .failure(.unreadable) }
        let result = written.resolve()
        if hasTime, case .success(let date) = result {
            guard case .day = date else { return .failure(.unreadable) }
        }
        if let weekday, case .success(let date) = result {
            guard case .day(let day) = date else { return .failure(.unreadable) }
            // A weekday that disagrees means the day or the weekday is a typo; neither can be trusted.
            if day.weekday != weekday { return .failure(.impossible) }
        }
        return result
    }

    /// Excel writes date-time cells as 2024/4/1 10:00; the time says nothing about which day.
    /// Returns whether a time was removed, or nil when it is not a time of day (25:00).
    private static func removeTime(_ tokens: inout [Token]) -> Bool? {
        let n = tokens.count
        guard n >= 3, case .number(let minute, 2) = tokens[n - 1], tokens[n - 2] == .colon,
              case .number(var hour, let hourDigits) = tokens[n - 3], hourDigits <= 2 else { return false }
        var fields = [minute]
        var start = n - 3
        if start >= 2, tokens[start - 1] == .colon, case .number(let h, let digits) = tokens[start - 2], digits <= 2 {
            // h:mm:ss — what looked like the hour was the minutes.
            fields.append(hour)
            hour = h
            start -= 2
        }
        guard hour <= 23, fields.allSatisfy({ $0 <= 59 }) else { return nil }
        tokens.removeSubrange(start...)
        return true
    }

    // MARK: tokens

    enum Token: Equatable {
        case number(Int, digits: Int)
        case gannen                  // 元 in 令和元年
        case era(Era)
        case separator(Unicode.Scalar)
        case colon
        case nen, tsuki, hi, nendo
        case weekday(Weekday)
    }

    private static let eraNames: [(String, Era)] = [
        ("令和", .reiwa), ("平成", .heisei), ("昭和", .showa), ("大正", .taisho), ("明治", .meiji),
        ("㋿", .reiwa), ("㍻", .heisei), ("㍼", .showa), ("㍽", .taisho), ("㍾", .meiji),
    ]

    private static let eraLetters: [Unicode.Scalar: Era] = [
        "R": .reiwa, "H": .heisei, "S": .showa, "T": .taisho, "M": .meiji,
    ]

    static func tokenize(_ text: String) -> [Token]? {
        let scalars = Array(TextNormalization.asciiFolded(TextNormalization.normalize(text)).unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        func starts(with word: String) -> Bool {
            let w = Array(word.unicodeScalars)
            return i + w.count <= scalars.count && Array(scalars[i..<(i + w.count)]) == w
        }
        scan: while i < scalars.count {
            let s = scalars[i]
            if s.properties.isWhitespace { i += 1; continue }
            if ("0"..."9").contains(s) {
                var value = 0, digits = 0
                while i < scalars.count, ("0"..."9").contains(scalars[i]) {
                    digits += 1
                    guard digits <= 8 else { return nil }
                    value = value * 10 + Int(scalars[i].value - 0x30)
                    i += 1
                }
                tokens.append(.number(value, digits: digits))
                continue
            }
            if kanjiDigits[s] != nil || s == "十" {
                var run: [Unicode.Scalar] = []
                while i < scalars.count, kanjiDigits[scalars[i]] != nil || scalars[i] == "十" {
                    run.append(scalars[i])
                    i += 1
                }
                guard let (value, digits) = kanjiNumber(run) else { return nil }
                tokens.append(.number(value, digits: digits))
                continue
            }
            for (name, era) in eraNames where starts(with: name) {
                tokens.append(.era(era))
                i += name.unicodeScalars.count
                continue scan
            }
            if tokens.isEmpty, let letter = Unicode.Scalar(s.value < 0x80 ? String(Character(s)).uppercased() : ""),
               let era = eraLetters[letter] {
                tokens.append(.era(era))
                i += 1
                continue
            }
            if starts(with: "年度") { tokens.append(.nendo); i += 2; continue }
            switch s {
            case "元": tokens.append(.gannen)
            case "年": tokens.append(.nen)
            case "月": tokens.append(.tsuki)
            case "日": tokens.append(.hi)
            case "-", "/", ".": tokens.append(.separator(s))
            case ":": tokens.append(.colon)
            case "(", "（":
                guard let (weekday, end) = weekdaySuffix(scalars, from: i + 1) else { return nil }
                tokens.append(.weekday(weekday))
                i = end
                continue
            default: return nil
            }
            i += 1
        }
        return tokens
    }

    private static let kanjiDigits: [Unicode.Scalar: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// 令和六年四月十一日 and 二〇二四年: formal documents spell numbers in kanji, either digit by
    /// digit or with 十 for the tens (a date never needs more than 三十一).
    private static func kanjiNumber(_ run: [Unicode.Scalar]) -> (Int, Int)? {
        guard let ten = run.firstIndex(of: "十") else {
            guard run.count <= 4 else { return nil }
            return (run.reduce(0) { $0 * 10 + kanjiDigits[$1]! }, run.count)
        }
        let tens = run[..<ten], units = run[(ten + 1)...]
        guard tens.count <= 1, units.count <= 1, !units.contains("十") else { return nil }
        let t = tens.first.map { kanjiDigits[$0]! } ?? 1
        let u = units.first.map { kanjiDigits[$0]! } ?? 0
        guard t >= 1, (tens.isEmpty || t >= 2), units.first != "〇", units.first != "零" else { return nil }
        return (t * 10 + u, 2)
    }

    /// `(月)`, `（火曜）`, `(水曜日)`; returns the weekday and the index after the closing parenthesis.
    private static func weekdaySuffix(_ scalars: [Unicode.Scalar], from start: Int) -> (Weekday, Int)? {
        guard let close = scalars[start...].firstIndex(where: { $0 == ")" || $0 == "）" }) else { return nil }
        var inside = String(String.UnicodeScalarView(scalars[start..<close])).trimmingCharacters(in: .whitespaces)
        if inside.hasSuffix("曜日") { inside = String(inside.dropLast(2)) } else if inside.hasSuffix("曜") { inside = String(inside.dropLast()) }
        guard let weekday = Weekday.allCases.first(where: { $0.kanji == inside }) else { return nil }
        return (weekday, close + 1)
    }

    // MARK: grammar

    struct Written {
        var era: Era?
        var year: Int
        var yearDigits: Int
        var month: Int?
        var day: Int?
        var fiscal = false

        func resolve() -> Result<WrittenDate, WrittenDateError> {
            let gregorian: Int
            if let era {
                guard year >= 1, let g = era.gregorian(year) else { return .failure(.impossible) }
                gregorian = g
            } else {
                guard yearDigits == 4 else { return .failure(.unreadable) }
                gregorian = year
            }
            if fiscal { return .success(.fiscalYear(gregorian)) }
            guard let month else {
                if let era, !era.covers(first: LocalDate(year: gregorian, month: 1, day: 1)!,
                                        last: LocalDate(year: gregorian, month: 12, day: 31)!) {
                    return .failure(.impossible)
                }
                return .success(.year(gregorian))
            }
            guard let yearMonth = YearMonth(year: gregorian, month: month) else { return .failure(.impossible) }
            guard let day else {
                if let era, !era.covers(first: yearMonth.firstDay, last: yearMonth.lastDay) { return .failure(.impossible) }
                return .success(.month(yearMonth))
            }
            guard let date = LocalDate(year: gregorian, month: month, day: day) else { return .failure(.impossible) }
            if let era, !era.covers(first: date, last: date) { return .failure(.impossible) }
            return .success(.day(date))
        }
    }

    static func read(_ tokens: [Token]) -> Written? {
        var rest = tokens[...]
        var era: Era?
        if case .era(let e)? = rest.first { era = e; rest = rest.dropFirst() }
        let year: Int, yearDigits: Int
        switch rest.popFirst() {
        case .number(let n, let digits)?:
            guard era != nil ? digits <= 3 : digits == 4 || digits == 8 else { return nil }
            year = n; yearDigits = digits
        case .gannen?:
            guard era != nil else { return nil }
            year = 1; yearDigits = 1
        default:
            return nil
        }
        // 20240401: what some systems export; only without an era and as a whole.
        if yearDigits == 8 {
            guard rest.isEmpty else { return nil }
            return Written(era: nil, year: year / 10000, yearDigits: 4, month: year / 100 % 100, day: year % 100)
        }
        var written = Written(era: era, year: year, yearDigits: yearDigits)
        switch rest.popFirst() {
        case nil:
            return written
        case .nendo?:
            written.fiscal = true
            return rest.isEmpty ? written : nil
        case .nen?:
            guard !rest.isEmpty else { return written }
            guard case .number(let m, let md)? = rest.popFirst(), md <= 2, rest.popFirst() == .tsuki else { return nil }
            written.month = m
            guard !rest.isEmpty else { return written }
            guard case .number(let d, let dd)? = rest.popFirst(), dd <= 2, rest.popFirst() == .hi, rest.isEmpty else { return nil }
            written.day = d
            return written
        case .separator(let sep)?:
            guard case .number(let m, let md)? = rest.popFirst(), md <= 2 else { return nil }
            written.month = m
            guard !rest.isEmpty else { return written }
            guard rest.popFirst() == .separator(sep), case .number(let d, let dd)? = rest.popFirst(), dd <= 2, rest.isEmpty else { return nil }
            written.day = d
            return written
        default:
            return nil
        }
    }
}

/// The modern eras, with the day each began.
///
/// Dates before an era began are impossible (令和元年4月30日). Dates after it ended are accepted
/// through the year after its last one (平成31年5月1日, 平成32年): forms printed before an era
/// change kept the old name for months, and the day meant is unambiguous. Later than that
/// (昭和100年) is taken for a typo.
enum Era: Sendable {
    case meiji, taisho, showa, heisei, reiwa

    var firstDay: LocalDate {
        switch self {
        case .meiji: LocalDate(year: 1868, month: 1, day: 25)!
        case .taisho: LocalDate(year: 1912, month: 7, day: 30)!
        case .showa: LocalDate(year: 1926, month: 12, day: 25)!
        case .heisei: LocalDate(year: 1989, month: 1, day: 8)!
        case .reiwa: LocalDate(year: 2019, month: 5, day: 1)!
        }
    }

    /// The last era year in use, plus one for the overlap described above; nil while current.
    var lastAcceptedYear: Int? {
        switch self {
        case .meiji: 46
        case .taisho: 16
        case .showa: 65
        case .heisei: 32
        case .reiwa: nil
        }
    }

    func gregorian(_ eraYear: Int) -> Int? {
        if let last = lastAcceptedYear, eraYear > last { return nil }
        return firstDay.year + eraYear - 1
    }

    /// Whether any day from `first` to `last` falls on or after the era's first day.
    func covers(first: LocalDate, last: LocalDate) -> Bool {
        last >= firstDay
    }
}
