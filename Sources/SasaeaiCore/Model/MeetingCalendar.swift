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

    public init(_ content: SiteContent, listed: [Int], month: YearMonth) {
        self.month = month
        days = Self.days(content, listed: listed, from: month.firstDay, through: month.lastDay)
    }

    /// Every day from `start` through `end`, in order, each with its meetings (a moved meeting
    /// on the day it moved to), sorted by start time and, within a time, in `listed` order.
    public static func days(_ content: SiteContent, listed: [Int], from start: LocalDate, through end: LocalDate)
        -> [(date: LocalDate, entries: [Entry])] {
        guard start <= end else { return [] }
        var byDay: [LocalDate: [Entry]] = [:]
        for i in listed where content.listings[i].status == .active {
            for meeting in content.listings[i].schedule?.meetings(from: start, through: end) ?? [] {
                byDay[meeting.date, default: []].append(Entry(listing: i, meeting: meeting))
            }
        }
        // `listed` is already in 五十音順, so a stable sort by time keeps that order within a time.
        return (start.dayNumber...end.dayNumber).map { number in
            let date = LocalDate(dayNumber: number)
            let entries = byDay[date] ?? []
            let sorted = entries.enumerated().sorted { a, b in
                let ta = a.element.meeting.start.map { $0.hour * 60 + $0.minute } ?? Int.max
                let tb = b.element.meeting.start.map { $0.hour * 60 + $0.minute } ?? Int.max
                return (ta, a.offset) < (tb, b.offset)
            }.map(\.element)
            return (date, sorted)
        }
    }

    /// For each listing, the days it meets this month, in order.
    public var datesByListing: [Int: [LocalDate]] {
        var dates: [Int: [LocalDate]] = [:]
        for day in days {
            for entry in day.entries where dates[entry.listing]?.last != day.date {
                dates[entry.listing, default: []].append(day.date)
            }
        }
        return dates
    }
}
