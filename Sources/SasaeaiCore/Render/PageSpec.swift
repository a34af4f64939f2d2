import SasaeaiSchedule

/// Every HTML page the site has. The plan is a list of these (cheap, Sendable values);
/// each is rendered independently, which is what lets rendering run on all cores.
enum PageSpec: Sendable, Hashable {
    case home
    case districts
    /// 「町名から探す」: the districts' 町名, each with its district and listings.
    case areas
    case district(Int)
    case listings
    case listing(Int)
    case kind(ListingKind)
    case category(Term)
    case audience(Term)
    case weekday(Weekday)
    case calendar(YearMonth)
    /// The as-of week and the next, day by day.
    case week
    /// One district's weeks, when the town is too large for one week page (as its months).
    case weekDistrict(Int)
    /// One district's meetings in a month, when the town is too large for one month page.
    case calendarDistrict(YearMonth, Int)
    case bulletins
    case bulletin(Int)
    case page(Int)
    case map
    case search
    case notFound
    /// Part `number` (from 2) of an index page with more cards than `RoutePlanner.cardsPerPage`.
    indirect case part(PageSpec, Int)
}

/// The route planner: which pages exist and where they live.
enum RoutePlanner {
    static func pages(for content: SiteContent, index: SiteIndex) -> [PageSpec] {
        var pages: [PageSpec] = [.home, .districts, .listings, .bulletins, .map, .search, .notFound, .week]
        pages += content.districts.indices.map(PageSpec.district)
        if hasAreas(content) { pages.append(.areas) }
        pages += content.listings.indices.map(PageSpec.listing)
        pages += ListingKind.allCases.map(PageSpec.kind)
        pages += content.config.categories.map(PageSpec.category)
        pages += content.config.audiences.map(PageSpec.audience)
        pages += Weekday.allCases.map(PageSpec.weekday)
        pages += Quarters.months(for: content).map(PageSpec.calendar)
        pages += content.bulletins.indices.map(PageSpec.bulletin)
        pages += content.pages.indices.map(PageSpec.page)
        if splitsByDistrict(index) {
            let districts = content.districts.indices.filter { index.byDistrict[content.districts[$0].id] != nil }
            pages += Quarters.months(for: content).flatMap { month in districts.map { PageSpec.calendarDistrict(month, $0) } }
            pages += districts.map(PageSpec.weekDistrict)
        }
        // Long indexes are split into parts so each page stays usable on a phone at any scale.
        pages += pages.flatMap { spec in
            (1..<parts(cards: cardCount(of: spec, content: content, index: index))).map { PageSpec.part(spec, $0 + 1) }
        }
        return pages
    }

    /// Whether some district names its 町名 (`areas:`), so the 町名 page exists.
    static func hasAreas(_ content: SiteContent) -> Bool { content.districts.contains(where: { !$0.areas.isEmpty }) }

    /// Cards per page of an index: about half a megabyte of HTML.
    static let cardsPerPage = 500

    /// A month page (and the bulletin's quarter embed), the week page and the map's list show
    /// the whole town; past one index page's worth of listings each district gets a page of its
    /// own instead (the map lists the districts' pages).
    static func splitsByDistrict(_ index: SiteIndex) -> Bool { index.listed.count > cardsPerPage }

    static func parts(cards: Int) -> Int { max(1, (cards + cardsPerPage - 1) / cardsPerPage) }

    /// How many listing cards an index page shows; 0 for pages that are not card indexes.
    static func cardCount(of spec: PageSpec, content: SiteContent, index: SiteIndex) -> Int {
        switch spec {
        case .listings: index.listed.count
        case .district(let i): index.byDistrict[content.districts[i].id]?.count ?? 0
        case .kind(let kind): index.byKind[kind]?.count ?? 0
        case .category(let term): index.byCategory[term.id]?.count ?? 0
        case .audience(let term): index.byAudience[term.id]?.count ?? 0
        case .weekday(let day): index.byWeekday[day]?.count ?? 0
        default: 0
        }
    }

    static func route(of spec: PageSpec, in content: SiteContent) -> Route {
        switch spec {
        case .home: .home
        case .districts: .districts
        case .areas: .areas
        case .district(let i): .district(content.districts[i].id)
        case .listings: .listings
        case .listing(let i): .listing(content.listings[i].id)
        case .kind(let kind): .kind(kind)
        case .category(let term): .category(term.id)
        case .audience(let term): .audience(term.id)
        case .weekday(let day): .weekday(day.slug)
        case .calendar(let month): .calendar(month.description)
        case .week: .week
        case .weekDistrict(let i): Route(Route.week.path + content.districts[i].id + "/")
        case .calendarDistrict(let month, let i): Route(Route.calendar(month.description).path + content.districts[i].id + "/")
        case .bulletins: .bulletins
        case .bulletin(let i): .bulletin(content.bulletins[i].month.description)
        case .page(let i): .page(content.pages[i].slug)
        case .map: .map
        case .search: .search
        case .notFound: .notFound
        case .part(let spec, let number): route(of: spec, in: content).part(number)
        }
    }
}
