import SasaeaiSchedule

/// Template data for calendars: the month pages, the bulletin's quarter and a listing's
/// next meetings.
struct CalendarView {
    let content: SiteContent
    let index: SiteIndex

    /// Every day that has meetings (or is a holiday), with the meetings grouped by district.
    func days(_ calendar: MeetingCalendar, root: String) -> [CalendarDay] {
        calendar.days.compactMap { day -> CalendarDay? in
            let holiday = JapaneseHolidays.name(of: day.date)
            guard !day.entries.isEmpty || holiday != nil else { return nil }
            var groups: [String: [DayMeeting]] = [:]
            for entry in day.entries {
                let listing = content.listings[entry.listing]
                groups[listing.districtID, default: []].append(
                    DayMeeting(name: listing.name, href: root + Route.listing(listing.id).path,
                               time: DateText.span(entry.meeting), moved: entry.meeting.moved))
            }
            let districts = content.districts.compactMap { d in groups[d.id].map { DayDistrict(name: d.name, meetings: $0) } }
            return CalendarDay(label: DateText.day(day.date), datetime: day.date.description, districts: districts,
                               weekend: day.date.weekday >= .saturday, holiday: holiday)
        }
    }

    /// The bulletin embed: per month, per district, each listing with the days it meets.
    /// One line per listing keeps a quarter on a printed A4 page. Month headings link to the
    /// month pages in `linking` (older issues' months have no page any more).
    func quarter(_ months: [YearMonth], linking: Set<YearMonth>, root: String) -> QuarterData {
        QuarterData(months: months.map { month in
            let calendar = MeetingCalendar(content, listed: index.listed, month: month)
            let dates = calendar.datesByListing
            // A large town's quarter would fill a book: each district then gets one line
            // with how many places meet, linking its own month page.
            let summary = RoutePlanner.splitsCalendars(index)
            let districts = content.districts.compactMap { district -> QuarterDistrict? in
                let rows = (index.byDistrict[district.id] ?? []).compactMap { i -> QuarterRow? in
                    guard let days = dates[i], !days.isEmpty else { return nil }
                    let listing = content.listings[i]
                    return QuarterRow(name: listing.name, href: root + Route.listing(listing.id).path,
                                      days: days.map { "\($0.day)" }.joined(separator: "・") + "日")
                }
                guard !rows.isEmpty else { return nil }
                guard summary else { return QuarterDistrict(name: district.name, rows: rows, count: rows.count, summaryHref: nil) }
                return QuarterDistrict(name: district.name, rows: [], count: rows.count,
                                       summaryHref: linking.contains(month) ? root + Route.calendar(month.description).path + district.id + "/" : nil)
            }
            return QuarterMonth(label: DateText.month(month), districts: districts,
                                monthHref: linking.contains(month) ? root + Route.calendar(month.description).path : nil)
        })
    }

    /// A listing's meetings from `from` through the end of the quarter after it.
    func upcoming(_ listing: Listing, from: LocalDate, months: [YearMonth]) -> [UpcomingMeeting] {
        guard let schedule = listing.schedule, listing.status == .active else { return [] }
        return months.flatMap { schedule.meetings(in: $0) }
            .filter { $0.date >= from }
            .prefix(12)
            .map { UpcomingMeeting(label: DateText.day($0.date), datetime: $0.date.description, time: DateText.span($0),
                                   holiday: $0.holiday, moved: $0.moved) }
    }
}
