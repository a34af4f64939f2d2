/// A schedule's meetings over a window of days, expanded once: whoever needs meetings within
/// the window (a month, the next weeks, an iCalendar year) reads them from here.
public struct ScheduleExpansion: Sendable {
    public let schedule: Schedule
    /// The days expanded, as asked for (開始 and 終了 may leave some of them without meetings).
    public let first: LocalDate
    public let last: LocalDate
    private let holidays: HolidayCalendar
    /// In meeting order: by day, then start and end time, an unmoved meeting before a moved one.
    private let occurrences: [Occurrence]

    public init(_ schedule: Schedule, from first: LocalDate, through last: LocalDate, holidays: HolidayCalendar = HolidayCalendar()) {
        self.schedule = schedule
        self.first = first
        self.last = last
        self.holidays = holidays
        occurrences = Self.ordered(schedule.occurrences(from: first, through: last, holidays: holidays), rules: schedule.rules)
    }

    /// Whether every day from `start` through `end` was expanded.
    public func covers(from start: LocalDate, through end: LocalDate) -> Bool { first <= start && end <= last }

    /// The meetings of the whole window, in order.
    public var meetings: [Meeting] { meetings(from: first, through: last) }

    /// The meetings whose (possibly moved) day lies from `start` through `end`, in order of day
    /// and time; a window this expansion does not cover is expanded on its own.
    public func meetings(from start: LocalDate, through end: LocalDate) -> [Meeting] {
        guard covers(from: start, through: end) else {
            return ScheduleExpansion(schedule, from: start, through: end, holidays: holidays).meetings
        }
        let policy = schedule.holidayPolicy
        let chosen = occurrences(from: start, through: end)
        var result: [Meeting] = []
        result.reserveCapacity(chosen.count)
        for occurrence in chosen where !occurrence.repeated {
            let rule = schedule.rules[Int(occurrence.rule)]
            let day = Int(occurrence.day)
            result.append(Meeting(date: LocalDate(dayNumber: day), start: rule.start, end: rule.end, part: rule.part,
                                  holiday: policy == .meets ? holidays.name(ofDay: day) : nil, moved: occurrence.moved))
        }
        return result
    }

    /// Every occurrence from `start` through `end`, repeated ones included (iCalendar needs to
    /// know which rule gave a day even when another rule gives it too).
    func occurrences(from start: LocalDate, through end: LocalDate) -> ArraySlice<Occurrence> {
        let low = Int32(start.dayNumber), high = Int32(end.dayNumber)
        let lower = occurrences.partitioningIndex { $0.day >= low }
        let upper = occurrences[lower...].partitioningIndex { $0.day > high }
        return occurrences[lower..<upper]
    }

    /// Puts occurrences in meeting order and marks as repeated each one whose day and times an
    /// earlier one has: a meeting moved onto a day the salon meets anyway (月・火, 月曜が祝日)
    /// is one meeting, and the one that was not moved is the one shown.
    static func ordered(_ occurrences: [Occurrence], rules: [ScheduleRule]) -> [Occurrence] {
        // Minutes since midnight, -1 without a time, so a time-less meeting comes first.
        let starts = rules.map { $0.start?.minutesSinceMidnight ?? -1 }
        let ends = rules.map { $0.end?.minutesSinceMidnight ?? -1 }
        func key(_ o: Occurrence) -> (Int32, Int, Int, Bool) { (o.day, starts[Int(o.rule)], ends[Int(o.rule)], o.moved) }
        func precedes(_ a: Occurrence, _ b: Occurrence) -> Bool {
            let (ka, kb) = (key(a), key(b))
            return (ka.0, ka.1, ka.2) != (kb.0, kb.1, kb.2) ? (ka.0, ka.1, ka.2) < (kb.0, kb.1, kb.2) : !ka.3 && kb.3
        }
        var result = occurrences
        // One rule without moves, the usual case, is in order already.
        if zip(result, result.dropFirst()).contains(where: { precedes($1, $0) }) {
            // Ties keep the order the rules gave them, as the first of equals is the one shown.
            result = result.enumerated().sorted { a, b in
                precedes(a.element, b.element) || !precedes(b.element, a.element) && a.offset < b.offset
            }.map(\.element)
        }
        for i in result.indices.dropFirst() {
            let (a, b) = (key(result[i - 1]), key(result[i]))
            result[i].repeated = (a.0, a.1, a.2) == (b.0, b.1, b.2)
        }
        return result
    }
}

extension Schedule {
    /// Meetings whose (possibly moved) date lies in `month`, with holidays and closures applied.
    public func meetings(in month: YearMonth) -> [Meeting] {
        meetings(from: month.firstDay, through: month.lastDay)
    }

    public func meetings(from start: LocalDate, through end: LocalDate) -> [Meeting] {
        ScheduleExpansion(self, from: start, through: end).meetings
    }

    /// The next meetings on or after `date`, looking at most `limit` days ahead.
    public func nextMeetings(after date: LocalDate, count: Int, within limit: Int = 400) -> [Meeting] {
        Array(meetings(from: date, through: date.adding(days: limit)).prefix(count))
    }
}

extension Collection {
    /// The first index whose element satisfies `belongs`, which must hold for a suffix only.
    func partitioningIndex(where belongs: (Element) -> Bool) -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if belongs(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
