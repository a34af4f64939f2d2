import SasaeaiSchedule

/// iCalendar files: one for the whole site and one per listing, covering a year from `asOf`.
enum CalendarFiles {
    static func files(_ content: SiteContent, index: SiteIndex) -> [OutputFile] {
        let start = content.asOf
        let end = start.adding(days: 365)
        var all: [ICalendarEvent] = []
        var files: [OutputFile] = []
        for i in index.listed {
            let listing = content.listings[i]
            guard hasCalendar(listing), let schedule = listing.schedule else { continue }
            let location = [listing.venue, listing.address].compactMap { $0 }.joined(separator: " ")
            let events = schedule.calendarEvents(
                uid: listing.id, summary: listing.name, location: location.isEmpty ? nil : location,
                url: content.config.baseURL.resolve(Route.listing(listing.id).path), from: start, through: end)
            all += events
            files.append(OutputFile(Route.listingCalendar(listing.id).path, text: ICalendarDocument(name: listing.name, events: events).render()))
        }
        files.append(OutputFile("calendar.ics", text: ICalendarDocument(name: content.config.title, events: all).render()))
        return files
    }

    /// Listings that get their own .ics, so pages link only to files that exist.
    static func hasCalendar(_ listing: Listing) -> Bool {
        listing.status == .active && listing.schedule?.kind == .structured && !(listing.schedule?.rules.isEmpty ?? true)
    }
}
