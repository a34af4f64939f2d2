import SasaeaiInput
import SasaeaiSchedule

/// Renders one planned page to HTML: builds the template's context, then the template.
/// Pure given its inputs, so pages can be rendered in any order on any thread.
struct PageRenderer: Sendable {
    let content: SiteContent
    let index: SiteIndex
    let templates: TemplateSet
    let markdown: Markdown
    var cards: CardCache?
    var chrome: ChromeCache?
    /// The order of each split index, shared by its parts.
    var indexOrders: IndexOrders?
    /// Whether Leaflet is copied into the site, so the map layer can be offered.
    var interactiveMap = true
    /// Each issue's changes (newest first, as `content.bulletins`), worked out for every issue
    /// by the first bulletin rendered: the listings-now snapshot they compare with (a copy of
    /// every listing's public fields) is not kept for the rest of the build.
    var issueChanges: Once<[Changes]>?
    /// Every listing's meetings, expanded once per build; without it each calendar expands the schedules it shows.
    var meetings: MeetingTable?

    var listings: ListingView { ListingView(content: content, index: index, markdown: markdown, labels: labels, cache: cards) }
    /// The theme's labels (titles, breadcrumbs), from templates/labels.yml.
    var labels: Labels { templates.labels }

    func renderCard(_ i: Int, root: String, finder: Bool) -> String {
        templates.render("partials/listing-card", listings.card(content.listings[i], root: root, finder: finder))
    }

    /// A card's HTML, from the cache when this depth was pre-rendered.
    func cardHTML(_ i: Int, root: String, finder: Bool = false) -> String {
        if let position = index.listedPosition[i], let html = cards?.card(position: position, root: root, finder: finder, with: self) {
            return html
        }
        return renderCard(i, root: root, finder: finder)
    }
    var calendars: CalendarView { CalendarView(content: content, index: index, meetings: meetings ?? .unexpanded(content)) }

    func render(_ spec: PageSpec) -> String {
        String(decoding: renderBytes(spec), as: UTF8.self)
    }

    /// The page's UTF-8, as the site writer takes it.
    func renderBytes(_ spec: PageSpec) -> [UInt8] {
        let root = root(of: spec)
        let layout = layout(route: RoutePlanner.route(of: spec, in: content), root: root, section: section(of: spec))
        let (template, body) = pageData(spec, root: root)
        func show<Body: PageData>(_ body: Body) -> [UInt8] {
            templates.renderBytes(template, PageContext(body: body, layout: layout))
        }
        return show(body)
    }

    /// A page's family template and its typed data: the one place a page family is added.
    func pageData(_ spec: PageSpec, root: String, part: Int = 1) -> (template: String, data: any PageData) {
        switch spec {
        case .part(let whole, let number): return pageData(whole, root: root, part: number)
        default: break
        }
        let kinds = { (kind: ListingKind) in self.index.byKind[kind] ?? [] }
        return switch spec {
        case .home: ("home", home(root: root))
        case .districts: ("districts", DistrictsData(title: labels[.districtsTitle], districts: districtNodes(index.districtTree.roots, root: root), areasHref: areasHref(root: root)))
        case .district(let i): ("district", district(content.districts[i], root: root, part: part))
        case .areas: ("areas", areasIndex(root: root))
        case .listings: ("listings", listingsIndex(root: root, part: part))
        case .listing(let i): ("listing", listingPage(content.listings[i], root: root))
        case .kind(let kind):
            ("term", term(spec, title: kind.name, lead: kind.description, members: kinds(kind), root: root, part: part))
        case .category(let term):
            ("term", self.term(spec, title: labels.text(.categoryTitle, [.name: term.name]), lead: nil, members: index.byCategory[term.id] ?? [], root: root, part: part))
        case .audience(let term):
            ("term", self.term(spec, title: labels.text(.audienceTitle, [.name: term.name]), lead: nil, members: index.byAudience[term.id] ?? [], root: root, part: part))
        case .weekday(let day): ("weekday", weekday(day, root: root, part: part))
        case .calendar(let month): ("calendar", calendar(month, root: root))
        case .week: ("week", week(root: root))
        case .weekDistrict(let i): ("week", week(district: content.districts[i], root: root))
        case .calendarDistrict(let month, let i): ("calendar", calendar(month, district: content.districts[i], root: root))
        case .bulletins:
            ("bulletins", BulletinsData(title: content.config.bulletinName, bulletins: content.bulletins.map { bulletinLink($0, root: root) }))
        case .bulletin(let i): ("bulletin", bulletinPage(content.bulletins[i], root: root))
        case .page(let i): ("page", TextPageData(title: content.pages[i].title, bodyHTML: markdown.html(content.pages[i].body)))
        case .map: ("map", mapPage(root: root))
        case .search: ("search", TextPageData(title: labels[.searchTitle], bodyHTML: nil))
        case .notFound: ("not-found", TextPageData(title: labels[.notFoundTitle], bodyHTML: nil))
        case .part: fatalError("parts are resolved above")
        }
    }

    /// The cards of part `part` of an index page, and the links between its parts; `members`
    /// must already be in the order the page shows them.
    private func paged(_ members: [Int], of spec: PageSpec, part: Int, root: String) -> (members: ArraySlice<Int>, pager: PagerData?) {
        let count = RoutePlanner.parts(cards: members.count)
        let slice = paged(members, part: part)
        guard count > 1 else { return (slice, nil) }
        let base = RoutePlanner.route(of: spec, in: content)
        func href(_ n: Int) -> String { root + base.part(n).path }
        return (slice, PagerData(
            pages: (1...count).map { NavItem(label: "\($0)", href: href($0), current: $0 == part) },
            previous: part > 1 ? Link(label: "\(part - 1)", href: href(part - 1)) : nil,
            next: part < count ? Link(label: "\(part + 1)", href: href(part + 1)) : nil))
    }

    func bulletinPage(_ bulletin: Bulletin, root: String) -> BulletinData {
        BulletinData(link: bulletinLink(bulletin, root: root), bodyHTML: BulletinBody(renderer: self, root: root).html(bulletin),
                     pdfHref: bulletin.pdf.map { root + $0 },
                     breadcrumbs: [Link(label: content.config.bulletinName, href: root + Route.bulletins.path)])
    }

    func home(root: String) -> HomeData {
        HomeData(
            title: content.config.title,
            latestBulletin: content.bulletins.first.map { bulletinLink($0, root: root) },
            districts: index.districtTree.entryLevel.map { districtLink($0, root: root) },
            weekdays: weekdayLinks(root: root),
            kinds: kindLinks(root: root),
            listingCount: index.listed.count,
            calendarMonths: Quarters.months(for: content).prefix(3).map {
                Link(label: DateText.month($0), href: root + Route.calendar($0.description).path)
            },
            mapHref: root + Route.map.path,
            weekHref: root + Route.week.path,
            areasHref: areasHref(root: root))
    }

    func district(_ district: District, root: String, part: Int = 1) -> DistrictData {
        let position = index.districtsByID[district.id] ?? 0
        let members = index.byDistrict[district.id] ?? []
        let (shown, pager) = paged(indexOrder(.district(position)) ?? [], of: .district(position), part: part, root: root)
        let byKind = ListingKind.allCases.compactMap { kind -> KindGroup? in
            let cards = shown.filter { content.listings[$0].kind == kind }.map { cardHTML($0, root: root) }
            return cards.isEmpty ? nil : KindGroup(kind: kind.rawValue, kindName: kind.name, listings: cards)
        }
        let place = districtMapPlace(position)
        var data = DistrictData(
            title: labels.partTitle(district.name, part: part), kana: district.kana, coordinator: district.coordinator,
            bodyHTML: markdown.html(district.body), kinds: byKind, count: index.underDistrict[district.id]?.count ?? 0, pager: pager,
            map: mapView(root: root, center: place.center, district: district.id, bounds: place.bounds),
            breadcrumbs: districtTrail(to: position, root: root))
        data.children = index.districtTree.children[position].map { districtLink($0, root: root) }
        data.ownCount = members.count
        data.areas = areaLinks(district, root: root)
        return data
    }

    func listingsIndex(root: String, part: Int = 1) -> ListingsData {
        let gyo = Gojuon.rows.map(\.label) + [Gojuon.other]
        let (shown, pager) = paged(index.listed, of: .listings, part: part, root: root)
        var rows: [String: [String]] = [:]
        for i in shown {
            rows[index.listedRows[index.listedPosition[i] ?? 0], default: []].append(cardHTML(i, root: root, finder: true))
        }
        let groups = gyo.enumerated().compactMap { position, label -> GyoGroup? in
            rows[label].map { GyoGroup(label: label, anchor: "gyo-\(position)", listings: $0) }
        }
        let jumps = gyo.enumerated().map { position, label -> GyoJump in
            let anchor = "gyo-\(position)"
            // A 行 that begins on another part is linked there.
            guard let first = index.rowStart[label] else { return GyoJump(label: label, anchor: anchor, href: nil) }
            let holder = first / RoutePlanner.cardsPerPage + 1
            let page = holder == part ? "" : root + Route.listings.part(holder).path
            return GyoJump(label: label, anchor: anchor, href: page + "#" + anchor)
        }
        return ListingsData(title: labels.partTitle(labels[.listingsTitle], part: part), groups: groups, jumps: jumps, count: index.listed.count, pager: pager,
                            districts: index.districtTree.preorder.map { districtLink($0, root: root, qualified: true) }, kinds: kindLinks(root: root),
                            weekdays: weekdayLinks(root: root),
                            audiences: content.config.audiences.map { IDName(id: $0.id, name: $0.name) })
    }

    func listingPage(_ listing: Listing, root: String) -> ListingPageData {
        let view = listings
        let districtName = view.districtName(listing)
        return ListingPageData(
            title: listing.name,
            card: view.card(listing, root: root),
            fields: view.facts(listing),
            bodyHTML: listing.body.map(markdown.html),
            address: listing.address,
            lat: listing.coordinate.map { String($0.latitude) },
            lon: listing.coordinate.map { String($0.longitude) },
            calendarHref: listing.hasCalendar ? root + Route.listingCalendar(listing.id).path : nil,
            endedDate: listing.until.map(labels.date),
            upcoming: calendars.upcoming(listing, from: content.asOf, months: Quarters.months(for: content)),
            jsonLD: StructuredData.listing(listing, content: content, districtName: districtName),
            map: listing.isListed ? listing.coordinate.flatMap { mapView(root: root, center: $0, listing: listing.id) } : nil,
            breadcrumbs: index.districtsByID[listing.districtID].map { districtTrail(to: $0, root: root) + [Link(label: districtName, href: root + Route.district(listing.districtID).path)] }
                ?? [Link(label: labels[.districtsTitle], href: root + Route.districts.path)])
    }

    /// A month's meetings: the whole town's, or one district's when `district` is given. A town
    /// whose calendars are split gets a month page that links each district's.
    func calendar(_ month: YearMonth, district: District? = nil, root: String) -> CalendarData {
        let split = RoutePlanner.splitsByDistrict(index)
        let months = Quarters.months(for: content)
        func route(_ month: YearMonth) -> Route {
            let route = Route.calendar(month.description)
            return district.map { Route(route.path + $0.id + "/") } ?? route
        }
        func link(_ offset: Int) -> Link? {
            guard let i = months.firstIndex(of: month), months.indices.contains(i + offset) else { return nil }
            return Link(label: DateText.month(months[i + offset]), href: root + route(months[i + offset]).path)
        }
        let title = labels.text(.calendarTitle, [.month: DateText.month(month)])
        if let district {
            let members = index.byDistrict[district.id] ?? []
            let days = calendars.days(MeetingCalendar(calendars.meetings, listed: members, month: month), root: root)
            return CalendarData(title: labels.text(.districtPartTitle, [.title: title, .district: district.name]), days: days, parts: [], previous: link(-1), next: link(1),
                                breadcrumbs: [Link(label: title, href: root + Route.calendar(month.description).path)])
        }
        guard split else {
            let days = calendars.days(MeetingCalendar(calendars.meetings, listed: index.listed, month: month), root: root)
            return CalendarData(title: title, days: days, parts: [], previous: link(-1), next: link(1), breadcrumbs: [])
        }
        return CalendarData(title: title, days: [], parts: districtParts(of: route(month), root: root), previous: link(-1), next: link(1), breadcrumbs: [])
    }

    /// A weekday's listings by district, each card with its next meetings on that day counted
    /// from the as-of date (the page says which date that is).
    func weekday(_ day: Weekday, root: String, part: Int = 1) -> WeekdayPageData {
        let spec = PageSpec.weekday(day)
        let members = index.byWeekday[day] ?? []
        let view = listings
        let (shown, pager) = paged(indexOrder(spec) ?? [], of: spec, part: part, root: root)
        let months = Quarters.months(for: content)
        return WeekdayPageData(
            title: labels.partTitle(labels.text(.weekdayTitle, [.weekday: day.kanji]), part: part), dayName: day.kanji, count: members.count, pager: pager,
            districts: view.groupedByDistrict(Array(shown), root: root) { i in
                DatedCard(cardHTML: cardHTML(i, root: root),
                          next: calendars.upcoming(content.listings[i], from: content.asOf, months: months, on: day, limit: 3))
            },
            weekHref: root + Route.week.path,
            breadcrumbs: [Link(label: labels[.listingsBreadcrumb], href: root + Route.listings.path)])
    }

    /// The links of a split page (a month, the weeks) to each district's own part, under
    /// `route`: RoutePlanner makes one for each district with listings of its own, so a
    /// district above others links only what is its own.
    private func districtParts(of route: Route, root: String) -> [DistrictLink] {
        content.districts.compactMap { district -> DistrictLink? in
            guard let count = index.byDistrict[district.id]?.count, count > 0 else { return nil }
            return DistrictLink(id: district.id, name: district.name, kana: district.kana, href: root + route.path + district.id + "/", count: count)
        }
    }

    /// The as-of week and the next, day by day: the whole town's, or one district's when
    /// `district` is given. A town whose calendars are split gets a page that links each district's.
    func week(district: District? = nil, root: String) -> WeekPageData {
        let view = listings
        let title = labels[.weekTitle]
        let split = district == nil && RoutePlanner.splitsByDistrict(index)
        let listed = district.map { index.byDistrict[$0.id] ?? [] } ?? index.listed
        let weeks = split ? [] : calendars.weeks(asOf: content.asOf, listed: listed, root: root, districtName: view.districtName)
        let days = weeks.flatMap(\.days)
        let parts = split ? districtParts(of: Route.week, root: root) : []
        // The month pages the two weeks fall in (those the site has).
        let shown = Set(Weeks.days(asOf: content.asOf).joined().map(\.yearMonth))
        return WeekPageData(
            title: district.map { labels.text(.districtPartTitle, [.title: title, .district: $0.name]) } ?? title, weeks: weeks, parts: parts,
            first: days.first?.datetime ?? "", last: days.last?.datetime ?? "", lastLabel: days.last?.label ?? "",
            calendarMonths: Quarters.months(for: content).filter(shown.contains).map {
                Link(label: DateText.month($0), href: root + Route.calendar($0.description).path)
            },
            weekdays: weekdayLinks(root: root),
            breadcrumbs: district == nil ? [] : [Link(label: title, href: root + Route.week.path)])
    }

    func mapPage(root: String) -> MapPageData {
        // Past one index page's worth, a list of every listing would make the page megabytes.
        if RoutePlanner.splitsByDistrict(index) {
            let districts = content.districts.compactMap { district -> DistrictGroup<MapCard>? in
                guard let count = index.byDistrict[district.id]?.count, count > 0 else { return nil }
                return DistrictGroup(id: district.id, name: district.name, href: root + Route.district(district.id).path, count: count, listings: [])
            }
            return MapPageData(title: labels[.mapTitle], districts: districts, map: mapView(root: root, center: nil), byDistrictPages: true)
        }
        let view = listings
        let groups = view.groupedByDistrict(index.listed, root: root) { i in
            MapCard(card: view.card(content.listings[i], root: root), hasCoordinates: content.listings[i].coordinate != nil)
        }
        return MapPageData(title: labels[.mapTitle], districts: groups, map: mapView(root: root, center: nil))
    }

    private func term(_ spec: PageSpec, title: String, lead: String?, members: [Int], root: String, part: Int) -> TermData {
        let (shown, pager) = paged(indexOrder(spec) ?? [], of: spec, part: part, root: root)
        return TermData(title: labels.partTitle(title, part: part), lead: lead, count: members.count, pager: pager,
                 districts: listings.groupedByDistrict(Array(shown), root: root) { cardHTML($0, root: root) },
                 breadcrumbs: [Link(label: labels[.listingsBreadcrumb], href: root + Route.listings.path)])
    }

    func bulletinLink(_ bulletin: Bulletin, root: String) -> BulletinLink {
        BulletinLink(title: bulletin.title, href: root + Route.bulletin(bulletin.month.description).path,
                     date: DateText.date(bulletin.date),
                     datetime: bulletin.date.description, number: bulletinNumber(bulletin))
    }

    /// 第16号, when the issue has a number.
    func bulletinNumber(_ bulletin: Bulletin) -> String? {
        bulletin.number.map { labels.text(.bulletinNumber, [.number: "\($0)"]) }
    }

    /// The interactive map's settings; the list beside it is what works without JavaScript.
    /// Nil when Leaflet is not installed: the pages then keep their plain lists and link no script.
    private func mapView(root: String, center: Coordinate?, district: String? = nil, listing: String? = nil, bounds: CoordinateBounds? = nil) -> MapData? {
        guard interactiveMap else { return nil }
        let config = content.config.map
        let center = center ?? config.center ?? Coordinate(latitude: 35.68, longitude: 139.76)
        var map = MapData(geojson: root + Route.geoJSON.path, tiles: config.tiles, attribution: config.attribution,
                          lat: String(center.latitude), lon: String(center.longitude), zoom: listing == nil ? config.zoom : 16,
                          district: district, listing: listing, small: district != nil || listing != nil)
        map.bounds = bounds.map { "\($0.south),\($0.west),\($0.north),\($0.east)" }
        return map
    }

    private func weekdayLinks(root: String) -> [WeekdayLink] {
        Weekday.allCases.map { day in
            WeekdayLink(slug: day.slug, name: day.kanji, label: labels.text(.weekdayLink, [.weekday: day.kanji]), href: root + Route.weekday(day.slug).path,
                        count: index.byWeekday[day]?.count ?? 0)
        }
    }

    private func kindLinks(root: String) -> [KindLink] {
        ListingKind.allCases.map { kind in
            KindLink(name: kind.name, kind: kind.rawValue, description: kind.description,
                     href: root + Route.kind(kind).path, count: index.byKind[kind]?.count ?? 0)
        }
    }

    func section(of spec: PageSpec) -> Section {
        switch spec {
        case .home: .home
        case .districts, .district, .areas: .districts
        case .listings, .listing, .kind, .category, .audience, .weekday: .listings
        case .calendar, .calendarDistrict, .week, .weekDistrict: .calendar
        case .bulletins, .bulletin: .bulletins
        case .map: .map
        case .search: .search
        case .page, .notFound: .pages
        case .part(let spec, _): section(of: spec)
        }
    }

    /// What the base layout needs on every page. The header and footer come pre-rendered
    /// from the cache when it has this depth and section.
    private func layout(route: Route, root: String, section: Section) -> LayoutData {
        let config = content.config
        return LayoutData(
            root: root,
            lang: config.language,
            siteTitle: config.title,
            canonical: config.baseURL.resolve(route.path),
            feedHref: root + Route.feed.path,
            assetRoot: root + "assets/",
            bulletinName: config.bulletinName,
            asOf: DateLabel(content.asOf),
            siteHeader: chrome?.header(root: root, section: section) ?? renderHeader(root: root, section: section),
            siteFooter: chrome?.footer(root: root) ?? renderFooter(root: root))
    }

    func header(root: String, section: Section) -> HeaderData {
        let config = content.config
        return HeaderData(root: root, siteTitle: config.title, bulletinName: config.bulletinName, section: section, hrefs: [
            .home: root, .districts: root + Route.districts.path, .listings: root + Route.listings.path,
            .map: root + Route.map.path, .search: root + Route.search.path, .bulletins: root + Route.bulletins.path,
        ])
    }

    func renderHeader(root: String, section: Section) -> String {
        templates.render("partials/site-header", header(root: root, section: section))
    }

    func footer(root: String) -> FooterData {
        let config = content.config
        let publisher = config.publisher
        return FooterData(
            root: root,
            feedHref: root + Route.feed.path,
            footerPages: content.pages.map { TitledLink(title: $0.title, href: root + Route.page($0.slug).path) },
            publisherName: publisher.name,
            publisherAddress: publisher.address,
            publisherPhone: publisher.phone,
            publisherTel: publisher.phone.flatMap(SafeURL.telephone),
            publisherEmail: publisher.email,
            publisherURL: publisher.url.flatMap { SafeURL.isWebURL($0) ? $0 : nil },
            bulletinName: config.bulletinName)
    }

    func renderFooter(root: String) -> String {
        templates.render("partials/site-footer", footer(root: root))
    }

    func root(of spec: PageSpec) -> String {
        // 404.html is served at any depth, so its links are absolute from the base path.
        spec == .notFound ? content.config.baseURL.path : RoutePlanner.route(of: spec, in: content).root
    }
}
