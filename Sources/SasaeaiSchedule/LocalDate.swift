import Foundation

/// A calendar day with no time zone: salons meet on dates, and every date in Sasaeai is a
/// Japanese local date, so carrying a `Date` (an instant) would only invite off-by-one-day bugs.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for impossible dates (2月30日, 13月) so callers can report them.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(year: year, month: month) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the canonical `YYYY-MM-DD` form only; human forms are parsed elsewhere.
    public init?(iso text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
            return nil
        }
        self.init(year: y, month: m, day: d)
    }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days since 1970-01-01 (proleptic Gregorian), the basis of all date arithmetic here.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// For components already known to be valid (a `DayCursor` stepping through a month).
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    public var weekday: Weekday { Weekday(rawValue: LocalDate.weekdayNumber(ofDay: dayNumber))! }

    /// The weekday of a day number as `Weekday`'s raw value, 1 = Monday … 7 = Sunday.
    static func weekdayNumber(ofDay number: Int) -> Int {
        // 1970-01-01 was a Thursday.
        ((number % 7) + 7 + 3) % 7 + 1
    }

    public var yearMonth: YearMonth { YearMonth(year: year, month: month)! }

    /// `2026-11-05`. Every page and calendar entry writes dates, so the usual years are written
    /// straight into the string's bytes.
    public var description: String {
        guard (0...9999).contains(year) else { return zeroPadded(year, width: 4) + "-" + zeroPadded(month, width: 2) + "-" + zeroPadded(day, width: 2) }
        return String(unsafeUninitializedCapacity: 10) { bytes in
            let zero = UInt8(ascii: "0"), dash = UInt8(ascii: "-")
            bytes[0] = zero + UInt8(year / 1000)
            bytes[1] = zero + UInt8(year / 100 % 10)
            bytes[2] = zero + UInt8(year / 10 % 10)
            bytes[3] = zero + UInt8(year % 10)
            bytes[4] = dash
            bytes[5] = zero + UInt8(month / 10)
            bytes[6] = zero + UInt8(month % 10)
            bytes[7] = dash
            bytes[8] = zero + UInt8(day / 10)
            bytes[9] = zero + UInt8(day % 10)
            return 10
        }
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// A month of a year: the unit of bulletins, calendars and `since`/`until` given without a day.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`, the form used in bulletin file names and calendar URLs.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(year: y, month: m)
    }

    public var firstDay: LocalDate { LocalDate(year: year, month: month, day: 1)! }
    public var lastDay: LocalDate { LocalDate(year: year, month: month, day: LocalDate.daysIn(year: year, month: month))! }
    public var days: [LocalDate] { (1...LocalDate.daysIn(year: year, month: month)).map { LocalDate(year: year, month: month, day: $0)! } }

    public func adding(months: Int) -> YearMonth {
        let index = year * 12 + (month - 1) + months
        return YearMonth(year: index / 12, month: index % 12 + 1)!
    }

    public var description: String { zeroPadded(year, width: 4) + "-" + zeroPadded(month, width: 2) }

    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

/// Monday-first, as Japanese calendars and ISO 8601 count.
public enum Weekday: Int, CaseIterable, Sendable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The URL slug of `weekdays/<slug>/`.
    public var slug: String { ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][rawValue - 1] }
    /// The RFC 5545 BYDAY code.
    public var icalCode: String { ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][rawValue - 1] }
    /// 月, 火 … as in 毎週火曜日.
    public var kanji: String {
        switch self {
        case .monday: "月"
        case .tuesday: "火"
        case .wednesday: "水"
        case .thursday: "木"
        case .friday: "金"
        case .saturday: "土"
        case .sunday: "日"
        }
    }
    public var schemaOrgName: String { ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue - 1] }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }
}

/// Zero-padded decimal digits. Dates and times are formatted for every page and calendar
/// entry, and `String(format:)` costs more than the rest of that work together.
public func zeroPadded(_ value: Int, width: Int) -> String {
    let digits = String(value)
    let count = digits.utf8.count
    return count >= width ? digits : String(repeating: "0", count: width - count) + digits
}
