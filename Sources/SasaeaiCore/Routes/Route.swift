/// Where a page lives in the site. Paths are site-relative and end in "/" for pages
/// (served as `index.html`) or name a file (`feed.xml`). Links between pages are made relative,
/// so the site works below any base path, from a file system, and on any host.
public struct Route: Hashable, Sendable, Comparable {
    public let path: String

    public init(_ path: String) { self.path = path }

    /// The file written for this route.
    public var file: String { path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path }

    /// "../" repeated for each folder above this page: prefix for links to other routes.
    public var root: String { String(repeating: "../", count: path.split(separator: "/", omittingEmptySubsequences: true).count - (path.hasSuffix("/") || path.isEmpty ? 0 : 1)) }

    public static func < (a: Route, b: Route) -> Bool { a.path < b.path }

    public static let home = Route("")
    public static let districts = Route("districts/")
    public static let listings = Route("listings/")
    public static let bulletins = Route("bulletins/")
    public static let notFound = Route("404.html")
    public static let map = Route("map/")
    /// 「町名から探す」: every 町名 of the districts' `areas:`, with its district and listings.
    public static let areas = Route("areas/")
    public static let search = Route("search/")
    /// 「今週・来週」: the as-of week and the next, day by day.
    public static let week = Route("week/")
    public static let searchIndex = Route("search/index.json")
    /// The open data (`DataExport`): every public listing as JSON, CSV and GeoJSON.
    public static let listingsJSON = Route("data/listings.json")
    public static let listingsCSV = Route("data/listings.csv")
    public static let geoJSON = Route("data/listings.geojson")
    public static let feed = Route("feed.xml")
    public static let sitemap = Route("sitemap.xml")

    public static func district(_ id: String) -> Route { Route("districts/\(id)/") }
    public static func listing(_ id: String) -> Route { Route("listings/\(id)/") }
    public static func kind(_ kind: ListingKind) -> Route { Route("kinds/\(kind.rawValue)/") }
    public static func category(_ id: String) -> Route { Route("categories/\(id)/") }
    public static func audience(_ id: String) -> Route { Route("audiences/\(id)/") }
    public static func weekday(_ slug: String) -> Route { Route("weekdays/\(slug)/") }
    public static func calendar(_ month: String) -> Route { Route("calendar/\(month)/") }
    public static func bulletin(_ month: String) -> Route { Route("bulletins/\(month)/") }
    public static func page(_ slug: String) -> Route { Route("pages/\(slug)/") }
    public static func listingCalendar(_ id: String) -> Route { Route("listings/\(id)/calendar.ics") }

    /// Part `number` (from 2) of a page split because it grew long. Slugs never begin with "_",
    /// so `listings/_2/` cannot meet a listing's own folder.
    public func part(_ number: Int) -> Route { number <= 1 ? self : Route(path + "_\(number)/") }
}
