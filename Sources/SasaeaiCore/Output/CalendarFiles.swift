import SasaeaiSchedule

/// iCalendar files: one for the whole site and one per listing, covering a year from `asOf`.
enum CalendarFiles {
    static func files(_ content: SiteContent, index: SiteIndex) -> [OutputFile] {
        let start = content.asOf
        let end = start.adding(days: 365)
        let withCalendar = index.listed.filter { content.listings[$0].hasCalendar }
        let perListing = ParallelMap.map(withCalendar) { i -> (events: [ICalendarEvent], file: OutputFile) in
            let listing = content.listings[i]
            let location = [listing.venue, listing.address].compactMap { $0 }.joined(separator: " ")
            let events = listing.schedule!.calendarEvents(
                uid: listing.id, summary: listing.name, location: location.isEmpty ? nil : location,
                url: content.config.baseURL.resolve(Route.listing(listing.id).path), from: start, through: end)
            return (events, OutputFile(Route.listingCalendar(listing.id).path, text: ICalendarDocument(name: listing.name, events: events).render()))
        }
        let all = ICalendarDocument(name: content.config.title, events: perListing.flatMap(\.events))
        return perListing.map(\.file) + [OutputFile("calendar.ics", text: all.render())]
    }
}
