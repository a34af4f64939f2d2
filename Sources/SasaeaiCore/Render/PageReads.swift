import SasaeaiSchedule

/// Which listings a page's data reads, for incremental builds: a page is kept from the previous
/// site only when these listings and everything outside the listings are as they were.
extension PageRenderer {
    /// What one page shows of the listings.
    struct Reads: Equatable {
        /// The listings a split index pages through, in the order it shows them (their places
        /// decide which part shows what and what the pager says).
        var order: [Int]
        /// The listings whose content the page shows.
        var shown: ArraySlice<Int>
        /// What else it shows that depends on every listing, as text.
        var summary = ""
    }

    /// nil means every listing: indexes of the whole town, calendars, bulletins with embeds,
    /// and any family not named here (reading too much only costs a render; reading too little
    /// would publish a stale page).
    func reads(_ spec: PageSpec) -> Reads? {
        switch spec {
        case .part(let whole, let part): reads(whole, part: part)
        default: reads(spec, part: 1)
        }
    }

    /// What part `part` of a split index reads, from what its first part reads: the order of
    /// the whole index is worked out once, not once per part.
    func reads(part: Int, of whole: Reads?) -> Reads? {
        whole.map { Reads(order: $0.order, shown: paged($0.order, part: part), summary: $0.summary) }
    }

    private func reads(_ spec: PageSpec, part: Int) -> Reads? {
        switch spec {
        case .listing(let i): return Reads(order: [i], shown: [i])
        case .page, .search, .notFound: return Reads(order: [], shown: [])
        case .listings:
            // The five-hundred cards of its part, the 行 each listing starts (the jumps lead to
            // the part holding a 行), and the weekday counts of its filter.
            return Reads(order: index.listed, shown: paged(index.listed, part: part),
                         summary: index.listedRows.joined(separator: ",") + ";" + weekdayCounts)
        case .calendarDistrict(_, let i):
            // One district's month: its own listings' meetings.
            let members = index.byDistrict[content.districts[i].id] ?? []
            return Reads(order: members, shown: members[...])
        case .weekDistrict(let i):
            let members = index.byDistrict[content.districts[i].id] ?? []
            return Reads(order: members, shown: members[...], summary: weekdayCounts)
        case .district(let i) where content.districts[i].center == nil || !index.districtTree.children[i].isEmpty:
            // Its map is placed from the pins of every listing under it: their places are read
            // too (which listings lie under it is the listing set's shape, in every key).
            guard let order = indexOrder(spec) else { return nil }
            let pins = (index.underDistrict[content.districts[i].id] ?? []).map { listing in
                content.listings[listing].coordinate.map { "\($0.latitude),\($0.longitude)" } ?? "-"
            }
            return Reads(order: order, shown: paged(order, part: part), summary: pins.joined(separator: ";"))
        default:
            guard let order = indexOrder(spec) else { return nil }
            return Reads(order: order, shown: paged(order, part: part))
        }
    }

    /// The weekday links' counts some pages show.
    private var weekdayCounts: String {
        Weekday.allCases.map { String(index.byWeekday[$0]?.count ?? 0) }.joined(separator: ",")
    }

    /// The cards an index page of one district or one term lists, in the order it lists them
    /// (the district's by kind, a term's by district); nil for any other page.
    func indexOrder(_ spec: PageSpec) -> [Int]? {
        if let known = indexOrders?.order(of: spec) { return known }
        return orderOfIndex(spec)
    }

    fileprivate func orderOfIndex(_ spec: PageSpec) -> [Int]? {
        switch spec {
        case .district(let i):
            let members = index.byDistrict[content.districts[i].id] ?? []
            return ListingKind.allCases.flatMap { kind in members.filter { content.listings[$0].kind == kind } }
        case .kind(let kind): return inDistrictOrder(index.byKind[kind])
        case .category(let term): return inDistrictOrder(index.byCategory[term.id])
        case .audience(let term): return inDistrictOrder(index.byAudience[term.id])
        case .weekday(let day): return inDistrictOrder(index.byWeekday[day])
        default: return nil
        }
    }

    private func inDistrictOrder(_ members: [Int]?) -> [Int] {
        listings.groupedByDistrict(members ?? [], root: "") { $0 }.flatMap(\.listings)
    }

    /// The members part `part` of a split index shows.
    func paged(_ order: [Int], part: Int) -> ArraySlice<Int> {
        let start = min(order.count, (part - 1) * RoutePlanner.cardsPerPage)
        return order[start..<min(order.count, start + RoutePlanner.cardsPerPage)]
    }
}

/// The order of each split index, worked out once and shared by all its parts: at 100,000
/// listings an index of a kind has dozens of parts, and each part working out the whole order
/// again made the index pages quadratic.
final class IndexOrders: Sendable {
    private let orders: [PageSpec: Once<[Int]?>]

    /// `renderer` works the orders out (without this cache); `specs` are the site's pages.
    init(renderer: PageRenderer, specs: [PageSpec]) {
        var orders: [PageSpec: Once<[Int]?>] = [:]
        for case .part(let whole, _) in specs where orders[whole] == nil {
            orders[whole] = Once { renderer.orderOfIndex(whole) }
        }
        self.orders = orders
    }

    /// The order of `spec` when it is a split index; nil otherwise.
    func order(of spec: PageSpec) -> [Int]?? {
        orders[spec].map(\.value)
    }
}
