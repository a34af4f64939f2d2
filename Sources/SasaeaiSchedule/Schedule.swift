import Foundation

/// Whether a schedule text yields computable dates. Texts like 不定期 are honest answers, not
/// errors, so they are kept apart from text the parser could not read.
public enum ScheduleKind: String, Hashable, Sendable {
    case structured
    /// The weekday is certain but the dates are not (月1回土曜日, 隔週水曜 without 開始): the
    /// listing belongs on that weekday's page, and no date is published.
    case weekdayOnly
    /// 不定期, 要問合せ, 年4回, 随時 …: valid, with no computed dates.
    case noFixedDates
    case notUnderstood
}

/// 午前, 午後, 昼, 夜 written without a clock time: shown as written, never turned into one.
public enum PartOfDay: String, Hashable, Sendable, CaseIterable {
    case earlyMorning = "朝"
    case morning = "午前"
    case noon = "昼"
    case afternoon = "午後"
    case evening = "夕方"
    case night = "夜"
}

/// One of the ways a month can count a weekday: 第2火曜 is (2, .tuesday), 最終金曜 is (-1, .friday).
public struct NthWeekday: Hashable, Comparable, Sendable {
    /// 1…5, or -1 for the last one of the month (RFC 5545 counts from the end with negatives).
    public let ordinal: Int
    public let weekday: Weekday

    public init(_ ordinal: Int, _ weekday: Weekday) {
        self.ordinal = ordinal
        self.weekday = weekday
    }

    /// The RFC 5545 BYDAY form, e.g. `2TU`, `-1FR`.
    public var icalCode: String { "\(ordinal)\(weekday.icalCode)" }

    public static func < (a: NthWeekday, b: NthWeekday) -> Bool {
        // The last week sorts after the 5th, as it does on a calendar.
        let ka = a.ordinal < 0 ? 10 - a.ordinal : a.ordinal
        let kb = b.ordinal < 0 ? 10 - b.ordinal : b.ordinal
        return (ka, a.weekday.rawValue) < (kb, b.weekday.rawValue)
    }
}

public enum ScheduleFrequency: Hashable, Sendable {
    /// 毎週 (interval 1) or 隔週 (interval 2). Weeks run Monday to Sunday; with an interval above 1
    /// the meeting weeks are counted from the week of the first meeting on or after `anchor`.
    case weekly(weekdays: [Weekday], interval: Int, anchor: LocalDate?)
    /// 第2・第4火曜, 最終金曜: pairs rather than ordinals × weekdays so 第1月曜・第3木曜 fits too.
    case monthlyByWeekday([NthWeekday])
    /// 毎月15日, 1日・15日; -1 is 月末.
    case monthlyByDay([Int])
    /// 7月2日(火)・8月5日(月): dates written out one by one, each met once.
    case dates([LocalDate])
}

public struct ScheduleRule: Hashable, Sendable {
    public var frequency: ScheduleFrequency
    /// Months the rule applies in (奇数月, 4月・10月); nil means every month.
    public var months: [Int]?
    public var start: TimeOfDay?
    /// Nil when open-ended (10:00〜) or when no time is given at all.
    public var end: TimeOfDay?
    /// 午前, 夜 …: when the text gives a part of the day instead of a clock time.
    public var part: PartOfDay?
    /// 隔月, 2ヶ月に1回: meets every `everyMonths` months counted from `monthAnchor`.
    public var everyMonths: Int
    public var monthAnchor: YearMonth?
    /// 第4水曜以外の水曜, 最終水曜は休み: dates of the frequency that are not meeting days.
    public var excluded: [NthWeekday]
    /// その直後の木曜日: the meeting is this many days after the date the frequency gives.
    public var offset: Int

    public init(frequency: ScheduleFrequency, months: [Int]? = nil, start: TimeOfDay? = nil, end: TimeOfDay? = nil,
                part: PartOfDay? = nil, everyMonths: Int = 1, monthAnchor: YearMonth? = nil, excluded: [NthWeekday] = [],
                offset: Int = 0) {
        self.frequency = frequency
        self.months = months
        self.start = start
        self.end = end
        self.part = part
        self.everyMonths = everyMonths
        self.monthAnchor = monthAnchor
        self.excluded = excluded
        self.offset = offset
    }
}

/// What a salon does when its day is a public holiday.
public enum HolidayPolicy: Hashable, Sendable {
    case meets
    case cancelled
    case movedToNextDay
    case movedToPreviousDay
}

/// A day of the year without a year, for closures that recur every year (年末年始).
public struct MonthDay: Hashable, Comparable, Sendable {
    public let month: Int
    public let day: Int

    public init?(month: Int, day: Int) {
        // 2月29日 must stay expressible, so validate against a leap year.
        guard LocalDate(year: 2000, month: month, day: day) != nil else { return nil }
        self.month = month
        self.day = day
    }

    public static func < (a: MonthDay, b: MonthDay) -> Bool { (a.month, a.day) < (b.month, b.day) }

    public var text: String { "\(month)月\(day)日" }
}

public enum ScheduleException: Hashable, Sendable {
    /// 祝日は休み, 祝日の場合は翌日 …
    case holidays(HolidayPolicy)
    /// 土日の場合は翌月曜: a date on a Saturday or Sunday moves to the Monday after.
    case weekendToNextMonday
    /// 土日の場合は前日: a date on a Saturday or Sunday moves to the Friday before.
    case weekendToPreviousFriday
    /// 8月は休み, 1月・8月は休み.
    case closedMonths([Int])
    /// 土日祝日の場合は休み under a day-of-month rule: those weekdays are never meeting days.
    case closedWeekdays([Weekday])
    /// 12月29日〜1月3日は休み; `from` after `through` wraps over the new year.
    case closedDates(from: MonthDay, through: MonthDay)
}

public struct Schedule: Hashable, Sendable {
    /// The text as written, kept for display: residents recognise their salon's own words.
    public var text: String
    public var kind: ScheduleKind
    public var rules: [ScheduleRule]
    public var exceptions: [ScheduleException]
    /// Days the text names for certain without saying which weeks (月1回土曜日, 隔週水曜 without
    /// 開始): the weekday pages list them, the calendars do not.
    public var weekdaysWithoutDates: [Weekday]
    /// The listing's 開始 and 終了: no meeting is computed outside them, whoever asks.
    public var since: LocalDate?
    public var until: LocalDate?

    public init(text: String, kind: ScheduleKind, rules: [ScheduleRule] = [], exceptions: [ScheduleException] = [],
                weekdaysWithoutDates: [Weekday] = [], since: LocalDate? = nil, until: LocalDate? = nil) {
        self.text = text
        self.kind = kind
        self.rules = rules
        self.exceptions = exceptions
        self.weekdaysWithoutDates = weekdaysWithoutDates
        self.since = since
        self.until = until
    }

    /// Whether a meeting on `date` lies within 開始…終了.
    public func isWithinPeriod(_ date: LocalDate) -> Bool {
        if let since, date < since { return false }
        if let until, date > until { return false }
        return true
    }

    /// The weekdays for the weekday pages as of `date`: none once the listing's 終了 has passed.
    /// A salon that starts later stays listed (its page says from when), as a notice would.
    public func weekdays(asOf date: LocalDate) -> [Weekday] {
        if let until, until < date { return [] }
        return weekdays
    }

    /// The last holiday exception wins, as in 「祝日は休み…ただし祝日の場合は翌日」corrections.
    public var holidayPolicy: HolidayPolicy {
        for case .holidays(let policy) in exceptions.reversed() { return policy }
        return .meets
    }

    public var closedMonths: [Int] {
        var months = Set<Int>()
        for case .closedMonths(let list) in exceptions { months.formUnion(list) }
        return months.sorted()
    }

    /// Whether the schedule's own closures (not holidays) rule the date out.
    public func isClosed(on date: LocalDate) -> Bool { Closures(exceptions).isClosed(day: date.dayNumber) }

    /// The days of the week the schedule can fall on, for the weekday index pages. Day-of-month
    /// rules move around the week, so they contribute nothing.
    public var weekdays: [Weekday] {
        var days = Set(weekdaysWithoutDates)
        for rule in rules {
            var ruleDays: [Weekday]
            switch rule.frequency {
            case .weekly(let weekdays, _, _): ruleDays = weekdays
            case .monthlyByWeekday(let pairs): ruleDays = pairs.map(\.weekday)
            case .monthlyByDay, .dates: continue
            }
            if rule.offset != 0 {
                ruleDays = ruleDays.map { Weekday(rawValue: ($0.rawValue - 1 + rule.offset % 7 + 7) % 7 + 1)! }
            }
            days.formUnion(ruleDays)
        }
        return days.sorted()
    }
}
