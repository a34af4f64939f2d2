import Foundation

extension ScheduleRule {
    /// Whether the rule, before any exception, falls on `date`. Nil when it cannot be known
    /// (隔週 without an anchor date).
    public func falls(on date: LocalDate) -> Bool? {
        if offset != 0 { return baseFalls(on: date.adding(days: -offset)) }
        return baseFalls(on: date)
    }

    /// The RRULE's own dates, before `excluded` removes some: iCalendar writes those as EXDATE.
    func fallsIgnoringExclusions(on date: LocalDate) -> Bool? {
        var copy = self
        copy.excluded = []
        return copy.falls(on: date)
    }

    private func baseFalls(on date: LocalDate) -> Bool? {
        if let months, !months.contains(date.month) { return false }
        if everyMonths > 1 {
            guard let monthAnchor else { return nil }
            let distance = (date.year - monthAnchor.year) * 12 + date.month - monthAnchor.month
            guard ((distance % everyMonths) + everyMonths) % everyMonths == 0 else { return false }
        }
        if !excluded.isEmpty, excluded.contains(where: { Self.isNth($0, date) }) { return false }
        switch frequency {
        case .weekly(let weekdays, let interval, let anchor):
            guard weekdays.contains(date.weekday) else { return false }
            if interval <= 1 { return true }
            guard let anchor else { return nil }
            let first = weekdays.map { weekday in
                anchor.adding(days: (weekday.rawValue - anchor.weekday.rawValue + 7) % 7)
            }.min() ?? anchor
            let weeks = (Self.mondayOf(date) - Self.mondayOf(first)) / 7
            return ((weeks % interval) + interval) % interval == 0
        case .monthlyByWeekday(let pairs):
            let length = LocalDate.daysIn(year: date.year, month: date.month)
            let nth = (date.day - 1) / 7 + 1
            let isLast = date.day + 7 > length
            return pairs.contains { pair in
                pair.weekday == date.weekday && (pair.ordinal == nth || (pair.ordinal == -1 && isLast))
            }
        case .monthlyByDay(let days):
            let length = LocalDate.daysIn(year: date.year, month: date.month)
            return days.contains(date.day) || (days.contains(-1) && date.day == length)
        case .dates(let dates):
            return dates.contains(date)
        }
    }

    static func isNth(_ pair: NthWeekday, _ date: LocalDate) -> Bool {
        guard pair.weekday == date.weekday else { return false }
        if pair.ordinal == -1 { return date.day + 7 > LocalDate.daysIn(year: date.year, month: date.month) }
        return (date.day - 1) / 7 + 1 == pair.ordinal
    }

    /// The rule can produce dates at all (隔週 and 隔月 need their anchor).
    public var isComputable: Bool {
        if case .weekly(_, let interval, let anchor) = frequency, interval > 1, anchor == nil { return false }
        if everyMonths > 1, monthAnchor == nil { return false }
        return true
    }

    static func mondayOf(_ date: LocalDate) -> Int { date.dayNumber - (date.weekday.rawValue - 1) }
}

/// A meeting traced back to the rule and the date the rule gave, which the iCalendar writer
/// needs to turn holiday handling into EXDATE and RDATE.
struct Occurrence: Hashable {
    var ruleIndex: Int
    var ruleDate: LocalDate
    var meeting: Meeting
}

extension Schedule {
    /// Meetings whose (possibly moved) date lies in `month`, with holidays and closures applied.
    public func meetings(in month: YearMonth) -> [Meeting] {
        meetings(from: month.firstDay, through: month.lastDay)
    }

    public func meetings(from start: LocalDate, through end: LocalDate) -> [Meeting] {
        // A meeting moved onto a day the salon meets anyway (月・火, 月曜が祝日) is one meeting.
        struct Key: Hashable { var date: LocalDate; var start: TimeOfDay?; var end: TimeOfDay? }
        var seen = Set<Key>()
        var result: [Meeting] = []
        let all = occurrences(from: start, through: end).sorted { !$0.meeting.moved && $1.meeting.moved }
        for occurrence in all where seen.insert(Key(date: occurrence.meeting.date, start: occurrence.meeting.start, end: occurrence.meeting.end)).inserted {
            result.append(occurrence.meeting)
        }
        return result.sorted { a, b in
            if a.date != b.date { return a.date < b.date }
            return (a.start?.minutesSinceMidnight ?? -1, a.end?.minutesSinceMidnight ?? -1)
                < (b.start?.minutesSinceMidnight ?? -1, b.end?.minutesSinceMidnight ?? -1)
        }
    }

    /// The next meetings on or after `date`, looking at most `limit` days ahead.
    public func nextMeetings(after date: LocalDate, count: Int, within limit: Int = 400) -> [Meeting] {
        Array(meetings(from: date, through: date.adding(days: limit)).prefix(count))
    }

    func occurrences(from requestedStart: LocalDate, through requestedEnd: LocalDate) -> [Occurrence] {
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
        var result: [Occurrence] = []
        for (index, rule) in rules.enumerated() where rule.isComputable {
            var day = start.adding(days: -margin)
            let last = end.adding(days: margin)
            while day <= last {
                defer { day = day.adding(days: 1) }
                guard rule.falls(on: day) == true, !isClosed(on: day) else { continue }
                var meeting = Meeting(date: day, start: rule.start, end: rule.end, part: rule.part)
                if let weekendMove, day.weekday >= .saturday {
                    // 土日の場合は翌月曜 (or 前日): the Monday after (the Friday before), then checked like any date.
                    meeting.date = day.adding(days: day.weekday == .saturday ? weekendMove.saturday : weekendMove.sunday)
                    meeting.moved = true
                    if isClosed(on: meeting.date) { continue }
                }
                if let holiday = JapaneseHolidays.name(of: meeting.date) {
                    switch policy {
                    case .meets:
                        meeting.holiday = holiday
                    case .cancelled:
                        continue
                    case .movedToNextDay, .movedToPreviousDay:
                        let step = policy == .movedToNextDay ? 1 : -1
                        var moved = meeting.date.adding(days: step)
                        while JapaneseHolidays.isHoliday(moved) || weekendMove != nil && moved.weekday >= .saturday {
                            moved = moved.adding(days: step)
                        }
                        if isClosed(on: moved) { continue }
                        meeting.date = moved
                        meeting.moved = true
                    }
                }
                if meeting.date >= start && meeting.date <= end {
                    result.append(Occurrence(ruleIndex: index, ruleDate: day, meeting: meeting))
                }
            }
        }
        return result
    }
}
