import SasaeaiSchedule

/// Who meets on which day of a month: the calendar pages, the bulletin's calendar embed and
/// the weekday pages all read this, computed once per month for the listed listings.
public struct MeetingCalendar: Sendable {
    public struct Entry: Sendable {
        public let listing: Int
        public let meeting: Meeting
    }

    public let month: YearMonth
    /// Every day of the month, in order, with its meetings sorted by start time then reading.
    public let days: [(date: LocalDate, entries: [Entry])]

    public init(_ meetings: MeetingTable, listed: [Int], month: YearMonth) {
        self.month = month
        days = Self.days(meetings, listed: listed, from: month.firstDay, through: month.lastDay)
    }

    /// Every day from `start` through `end`, in order, each with its meetings (a moved meeting
    /// on the day it moved to), sorted by start time and, within a time, in `listed` order.
    public static func days(_ meetings: MeetingTable, listed: [Int], from start: LocalDate, through end: LocalDate)
        -> [(date: LocalDate, entries: [Entry])] {
        guard start <= end else { return [] }
        let first = start.dayNumber
        var byDay = Array(repeating: [Entry](), count: end.dayNumber - first + 1)
        for i in listed {
            for meeting in meetings.meetings(of: i, from: start, through: end) {
                byDay[meeting.date.dayNumber - first].append(Entry(listing: i, meeting: meeting))
            }
        }
        // `listed` is already in 五十音順, so a stable sort by time keeps that order within a time.
        func time(_ entry: Entry) -> Int { entry.meeting.start?.minutesSinceMidnight ?? Int.max }
        return byDay.enumerated().map { offset, entries in
            let inOrder = zip(entries, entries.dropFirst()).allSatisfy { time($0) <= time($1) }
            let sorted = inOrder ? entries : entries.enumerated().sorted { a, b in
                (time(a.element), a.offset) < (time(b.element), b.offset)
            }.map(\.element)
            return (LocalDate(dayNumber: first + offset), sorted)
        }
    }
}
