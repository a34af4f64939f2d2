extension ScheduleRule {
    /// Whether the rule, before any exception, falls on `date`. Nil when it cannot be known
    /// (隔週 without an anchor date).
    public func falls(on date: LocalDate) -> Bool? {
        RuleMatcher(self).baseFalls(DayCursor(date.adding(days: -offset)))
    }

    /// The rule can produce dates at all (隔週 and 隔月 need their anchor).
    public var isComputable: Bool {
        if case .weekly(_, let interval, let anchor) = frequency, interval > 1, anchor == nil { return false }
        if everyMonths > 1, monthAnchor == nil { return false }
        return true
    }
}

/// A rule made ready to test many days: what each test would otherwise work out again (the
/// month set, the weekdays, the first meeting week of 隔週) is worked out once.
struct RuleMatcher {
    let rule: ScheduleRule
    /// Bit `m` set for each month the rule applies in.
    private let months: Int
    /// Bit `w` set for each weekday (raw value) of a weekly rule.
    private let weekdays: Int
    /// 隔週: the day number of the Monday of the week of the first meeting on or after the anchor.
    private let firstMonday: Int?
    /// Written-out dates, as day numbers.
    private let dates: [Int]

    init(_ rule: ScheduleRule) {
        self.rule = rule
        months = rule.months.map { $0.reduce(0) { $0 | 1 << $1 } } ?? ~0
        var weekdays = 0, firstMonday: Int?, dates: [Int] = []
        switch rule.frequency {
        case .weekly(let days, _, let anchor):
            weekdays = days.reduce(0) { $0 | 1 << $1.rawValue }
            if let anchor {
                let first = days.map { anchor.adding(days: ($0.rawValue - anchor.weekday.rawValue + 7) % 7) }.min() ?? anchor
                firstMonday = first.dayNumber - (first.weekday.rawValue - 1)
            }
        case .dates(let list):
            dates = list.map(\.dayNumber)
        case .monthlyByWeekday, .monthlyByDay:
            break
        }
        self.weekdays = weekdays
        self.firstMonday = firstMonday
        self.dates = dates
    }

    /// Whether the rule's frequency gives `d`, before `offset` moves it; nil when it cannot be known.
    func baseFalls(_ d: DayCursor) -> Bool? {
        if months & 1 << d.month == 0 { return false }
        if rule.everyMonths > 1 {
            guard let monthAnchor = rule.monthAnchor else { return nil }
            let distance = (d.year - monthAnchor.year) * 12 + d.month - monthAnchor.month
            guard ((distance % rule.everyMonths) + rule.everyMonths) % rule.everyMonths == 0 else { return false }
        }
        if !rule.excluded.isEmpty, rule.excluded.contains(where: { Self.isNth($0, d) }) { return false }
        switch rule.frequency {
        case .weekly(_, let interval, _):
            guard weekdays & 1 << d.weekday != 0 else { return false }
            if interval <= 1 { return true }
            guard let firstMonday else { return nil }
            let weeks = (d.dayNumber - (d.weekday - 1) - firstMonday) / 7
            return ((weeks % interval) + interval) % interval == 0
        case .monthlyByWeekday(let pairs):
            return pairs.contains { Self.isNth($0, d) }
        case .monthlyByDay(let days):
            return days.contains(d.day) || (d.day == d.monthLength && days.contains(-1))
        case .dates:
            return dates.contains(d.dayNumber)
        }
    }

    /// 第2火曜 or 最終金曜 (ordinal -1) on the cursor's day.
    static func isNth(_ pair: NthWeekday, _ d: DayCursor) -> Bool {
        guard pair.weekday.rawValue == d.weekday else { return false }
        if pair.ordinal == -1 { return d.day + 7 > d.monthLength }
        return (d.day - 1) / 7 + 1 == pair.ordinal
    }
}

/// A meeting as an expansion keeps it: the rule that gave it and the day it ended on. The rest
/// of a `Meeting` (times, part of the day, holiday name) follows from those two, so a whole
/// town's year of meetings stays small.
struct Occurrence: Hashable, Sendable {
    /// The meeting's day (after any move), days since 1970-01-01.
    var day: Int32
    var rule: UInt16
    /// A holiday or weekend moved it here (祝日の場合は翌日).
    var moved: Bool
    /// The same day and times as an earlier occurrence (a meeting moved onto a day the salon
    /// meets anyway): iCalendar still needs it, the list of meetings does not.
    var repeated: Bool = false
}

extension Schedule {
    /// Every rule's meetings whose (possibly moved) day lies within the window, with holidays
    /// and closures applied, rule by rule in day order.
    func occurrences(from requestedStart: LocalDate, through requestedEnd: LocalDate, holidays: HolidayCalendar) -> [Occurrence] {
        // 開始 and 終了 bound every date, so no caller can show a meeting before the salon began.
        let start = max(requestedStart, since ?? requestedStart)
        let end = min(requestedEnd, until ?? requestedEnd)
        guard kind == .structured, start <= end else { return [] }
        // +2/+1 to Monday, or -1/-2 to Friday, from Saturday/Sunday.
        let weekendMove: (saturday: Int, sunday: Int)? = exceptions.contains(.weekendToNextMonday) ? (2, 1)
            : exceptions.contains(.weekendToPreviousFriday) ? (-1, -2) : nil
        // A holiday can move a meeting a few days (連休), so look a little beyond the window.
        let margin = 10
        let policy = holidayPolicy
        let closures = Closures(exceptions)
        let first = start.dayNumber, last = end.dayNumber
        var result: [Occurrence] = []
        for (index, rule) in rules.enumerated() where rule.isComputable {
            let matcher = RuleMatcher(rule)
            // The cursor walks the days the frequency gives; `offset` days later is the meeting day.
            var cursor = DayCursor(dayNumber: first - margin - rule.offset)
            for day in (first - margin)...(last + margin) {
                defer { cursor.advance() }
                guard matcher.baseFalls(cursor) == true else { continue }
                let weekday = LocalDate.weekdayNumber(ofDay: day)
                guard !closures.isClosed(day: day) else { continue }
                var date = day
                var moved = false
                if let weekendMove, weekday >= Weekday.saturday.rawValue {
                    // 土日の場合は翌月曜 (or 前日): the Monday after (the Friday before), then checked like any date.
                    date += weekday == Weekday.saturday.rawValue ? weekendMove.saturday : weekendMove.sunday
                    moved = true
                    if closures.isClosed(day: date) { continue }
                }
                if policy != .meets, holidays.isHoliday(day: date) {
                    guard policy != .cancelled else { continue }
                    let step = policy == .movedToNextDay ? 1 : -1
                    var later = date + step
                    while holidays.isHoliday(day: later)
                        || weekendMove != nil && LocalDate.weekdayNumber(ofDay: later) >= Weekday.saturday.rawValue {
                        later += step
                    }
                    if closures.isClosed(day: later) { continue }
                    date = later
                    moved = true
                }
                if date >= first && date <= last {
                    result.append(Occurrence(day: Int32(date), rule: UInt16(index), moved: moved))
                }
            }
        }
        return result
    }
}

/// A schedule's own closures (not holidays), ready to test day numbers.
struct Closures {
    private let months: Int
    private let weekdays: Int
    /// `month * 100 + day` bounds; `from` after `through` wraps over the new year.
    private let ranges: [(from: Int, through: Int)]

    init(_ exceptions: [ScheduleException]) {
        var months = 0, weekdays = 0, ranges: [(Int, Int)] = []
        for exception in exceptions {
            switch exception {
            case .holidays, .weekendToNextMonday, .weekendToPreviousFriday: continue
            case .closedMonths(let list): months |= list.reduce(0) { $0 | 1 << $1 }
            case .closedWeekdays(let days): weekdays |= days.reduce(0) { $0 | 1 << $1.rawValue }
            case .closedDates(let from, let through): ranges.append((from.month * 100 + from.day, through.month * 100 + through.day))
            }
        }
        self.months = months
        self.weekdays = weekdays
        self.ranges = ranges
    }

    var isEmpty: Bool { months == 0 && weekdays == 0 && ranges.isEmpty }

    func isClosed(day number: Int) -> Bool {
        if isEmpty { return false }
        if weekdays & 1 << LocalDate.weekdayNumber(ofDay: number) != 0 { return true }
        let date = LocalDate(dayNumber: number)
        if months & 1 << date.month != 0 { return true }
        let md = date.month * 100 + date.day
        return ranges.contains { $0.from <= $0.through ? $0.from <= md && md <= $0.through : md >= $0.from || md <= $0.through }
    }
}
