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
        var byDay: [LocalDate: [Entry]] = [:]
        for i in listed where content.listings[i].status == .active {
            for meeting in content.listings[i].schedule?.meetings(in: month) ?? [] {
                byDay[meeting.date, default: []].append(Entry(listing: i, meeting: meeting))
            }
        }
        self.month = month
        // `listed` is already in 五十音順, so a stable sort by time keeps that order within a time.
        days = month.days.map { date in
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
