import SasaeaiSchedule

/// iCalendar files: one for the whole site and one per listing, covering a year from `asOf`.
enum CalendarFiles {
    static func files(_ content: SiteContent, index: SiteIndex, meetings: MeetingTable) -> [OutputFile] {
        let start = content.asOf
        let end = MeetingTable.calendarFilesLastDay(asOf: start)
        let withCalendar = index.listed.filter { content.listings[$0].hasCalendar }
        // Each event is rendered once, for its listing's file and again as part of the site's;
        // the files themselves are put together when written, so only the events are held.
        let perListing = ParallelMap.map(withCalendar) { i -> (events: [String], file: OutputFile) in
            let listing = content.listings[i]
            let location = [listing.venue, listing.address].compactMap { $0 }.joined(separator: " ")
            let events = listing.schedule!.calendarEvents(
                uid: listing.id, summary: listing.name, location: location.isEmpty ? nil : location,
                url: content.config.baseURL.resolve(Route.listing(listing.id).path), from: start, through: end,
                expansion: meetings.expansion(of: i)).map(\.text)
            let name = listing.name
            return (events, OutputFile(Route.listingCalendar(listing.id).path) { ICalendarDocument.render(name: name, eventTexts: events) })
        }
        let title = content.config.title
        let events = perListing.map(\.events)
        return perListing.map(\.file) + [OutputFile("calendar.ics") { ICalendarDocument.render(name: title, eventTexts: events.flatMap { $0 }) }]
    }
}
