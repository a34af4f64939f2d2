/// The site's sections: which navigation entry is current on a page.
enum Section: String, Hashable, Sendable, Encodable {
    case home, districts, listings, calendar, bulletins, map, search, pages
}
