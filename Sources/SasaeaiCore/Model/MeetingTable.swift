import SasaeaiSchedule

/// Every active listing's meetings over the days the site shows, expanded once per build: the
/// month pages, the weeks, the bulletin calendars, the next meetings and the iCalendar files
/// read them here instead of each expanding the schedules again.
public struct MeetingTable: Sendable {
    /// The days expanded, the same for every listing.
    public let first: LocalDate
    public let last: LocalDate
    private let listings: [Listing]
    private let holidays: HolidayCalendar
    /// By listing; nil for a listing that is not active or has no computed dates.
    private let expansions: [ScheduleExpansion?]

    /// Expands every listing over `window(of:)`.
    public init(_ content: SiteContent) {
        let (first, last) = Self.window(of: content)
        self.init(content, from: first, through: last)
    }

    init(_ content: SiteContent, from first: LocalDate, through last: LocalDate) {
        // A moved meeting can land a few days outside the window (連休), so the holidays reach
        // beyond it, back to the oldest issue's quarter too.
        let oldest = content.bulletins.compactMap { $0.quarter.first?.firstDay }.min() ?? first
        let holidays = HolidayCalendar(from: min(first, oldest).adding(days: -31), through: last.adding(days: 31))
        let expansions = ParallelMap.map(content.listings) { listing in
            Self.schedule(of: listing).map { ScheduleExpansion($0, from: first, through: last, holidays: holidays) }
        }
        self.init(first: first, last: last, listings: content.listings, holidays: holidays, expansions: expansions)
    }

    private init(first: LocalDate, last: LocalDate, listings: [Listing], holidays: HolidayCalendar, expansions: [ScheduleExpansion?]) {
        self.first = first
        self.last = last
        self.listings = listings
        self.holidays = holidays
        self.expansions = expansions
    }

    /// A table that expanded nothing: each question expands the listing's schedule for just
    /// the days asked, as a renderer made outside a build (a print edition) needs.
    static func unexpanded(_ content: SiteContent) -> MeetingTable {
        MeetingTable(first: content.asOf, last: content.asOf.adding(days: -1), listings: content.listings,
                     holidays: HolidayCalendar(), expansions: [])
    }

    /// The days the site's current pages ask about: the calendars' months, the weeks shown and
    /// a year of iCalendar from the as-of date. An older issue's quarter lies before them; its
    /// page expands those months for itself, the only page that shows them.
    static func window(of content: SiteContent) -> (first: LocalDate, last: LocalDate) {
        let months = Quarters.months(for: content)
        let weeks = Weeks.days(asOf: content.asOf).joined()
        let first = min(months.first?.firstDay ?? content.asOf, weeks.first ?? content.asOf, content.asOf)
        let last = max(months.last?.lastDay ?? content.asOf, weeks.last ?? content.asOf, calendarFilesLastDay(asOf: content.asOf))
        return (first, last)
    }

    /// The last day the iCalendar files cover: a year from the as-of date.
    static func calendarFilesLastDay(asOf: LocalDate) -> LocalDate { asOf.adding(days: 365) }

    /// The schedule whose meetings are published: an active listing's computable one.
    private static func schedule(of listing: Listing) -> Schedule? {
        guard listing.status == .active, let schedule = listing.schedule, schedule.kind == .structured else { return nil }
        return schedule
    }

    /// The holiday's name on `date`, from the holidays worked out with the table.
    func holiday(on date: LocalDate) -> String? { holidays.name(of: date) }

    /// The listing's expansion, when it has one covering the table's window.
    func expansion(of listing: Int) -> ScheduleExpansion? { expansions.isEmpty ? nil : expansions[listing] }

    /// An active listing's meetings whose (possibly moved) day lies from `start` through `end`,
    /// in order of day and time; none for a listing that is not active.
    func meetings(of listing: Int, from start: LocalDate, through end: LocalDate) -> [Meeting] {
        if let expansion = expansion(of: listing) { return expansion.meetings(from: start, through: end) }
        guard let schedule = Self.schedule(of: listings[listing]) else { return [] }
        return ScheduleExpansion(schedule, from: start, through: end, holidays: holidays).meetings
    }
}
