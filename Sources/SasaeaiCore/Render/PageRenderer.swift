import SasaeaiInput
import SasaeaiSchedule

/// Renders one planned page to HTML: builds the template's context, then the template.
/// Pure given its inputs, so pages can be rendered in any order on any thread.
struct PageRenderer: @unchecked Sendable {
    // Holds only immutable values; TemplateSet's library is read-only after loading.
    let content: SiteContent
    let index: SiteIndex
    let templates: TemplateSet
    let markdown: Markdown
    var cards: CardCache?
    var chrome: ChromeCache?
    /// Whether Leaflet is copied into the site, so the map layer can be offered.
    var interactiveMap = true
    /// Bulletin bodies rendered once (embeds are the costly part) with `BulletinBody.rootMarker`
    /// where links start, for the page and the feed to relocate.
    var bulletinBodies: [YearMonth: String] = [:]
    /// The listings now as open data, which every issue's changes compare with: made once per build.
    var currentListings: ListingSnapshot?

    func bulletinHTML(_ bulletin: Bulletin, root: String) -> String {
        guard let body = bulletinBodies[bulletin.month] else { return BulletinBody(renderer: self, root: root).html(bulletin) }
        return body.replacingOccurrences(of: BulletinBody.rootMarker, with: root)
    }

    var listings: ListingView { ListingView(content: content, index: index, markdown: markdown) }

    func renderCard(_ i: Int, root: String, finder: Bool) -> String {
        templates.render("partials/listing-card", listings.card(content.listings[i], root: root, finder: finder))
    }

    /// A card's HTML, from the cache when this depth was pre-rendered.
    func cardHTML(_ i: Int, root: String, finder: Bool = false) -> String {
        if let position = index.listedPosition[i], let html = cards?.card(position: position, root: root, finder: finder) {
            return html
        }
        return renderCard(i, root: root, finder: finder)
    }
    var calendars: CalendarView { CalendarView(content: content, index: index) }

    func render(_ spec: PageSpec) -> String {
        let route = RoutePlanner.route(of: spec, in: content)
        let root = root(of: spec)
        var (template, context) = page(spec, root: root)
        // Mustache cannot ask "is this list non-empty" without iterating it.
        context["has_breadcrumbs"] = !((context["breadcrumbs"] as? [Any])?.isEmpty ?? true)
        context.merge(layout(route: route, root: root, section: section(of: spec)), uniquingKeysWith: { page, _ in page })
        return templates.render(template, context)
    }

    private func page(_ spec: PageSpec, root: String) -> (String, [String: Any]) {
        let view = listings
        switch spec {
        case .home:
            let latest = content.bulletins.first.map { bulletinLink($0, root: root) }
            return ("home", compact([
                "title": content.config.title,
                "is_home": true,
                "latest_bulletin": latest,
                "districts": districtLinks(root: root),
                "weekdays": weekdayLinks(root: root),
                "kinds": kindLinks(root: root),
                "listing_count": index.listed.count,
                "calendar_months": RoutePlanner.calendarMonths(for: content).prefix(3).map {
                    ["label": DateText.month($0), "href": root + Route.calendar($0.description).path]
                },
                "map_href": root + Route.map.path,
            ]))
        case .districts:
            return ("districts", ["title": "地区から探す", "districts": districtLinks(root: root)])
        case .district(let i):
            let district = content.districts[i]
            let members = index.byDistrict[district.id] ?? []
            let byKind = ListingKind.allCases.compactMap { kind -> [String: Any]? in
                let cards = members.filter { content.listings[$0].kind == kind }.map { cardHTML($0, root: root) }
                return cards.isEmpty ? nil : ["kind_name": kind.name, "kind": kind.rawValue, "listings": cards, "count": cards.count]
            }
            return ("district", compact([
                "title": district.name, "kana": district.kana, "coordinator": district.coordinator,
                "body_html": markdown.html(district.body), "kinds": byKind, "count": members.count,
                "map": mapView(root: root, center: district.center, district: district.id),
                "breadcrumbs": [["label": "地区から探す", "href": root + Route.districts.path]],
            ]))
        case .listings:
            var rows: [String: [String]] = [:]
            for i in index.listed {
                rows[Gojuon.row(of: content.listings[i].kana), default: []].append(cardHTML(i, root: root, finder: true))
            }
            let labels = Gojuon.rows.map(\.label) + [Gojuon.other]
            let groups = labels.compactMap { label -> [String: Any]? in
                guard let cards = rows[label] else { return nil }
                return ["label": label, "anchor": "gyo-\(labels.firstIndex(of: label)!)", "listings": cards, "count": cards.count]
            }
            let jumps = labels.map { label -> [String: Any] in
                ["label": label, "anchor": "gyo-\(labels.firstIndex(of: label)!)", "present": rows[label] != nil]
            }
            return ("listings", ["title": "一覧（五十音順）", "groups": groups, "jumps": jumps, "count": index.listed.count,
                                 "districts": districtLinks(root: root), "kinds": kindLinks(root: root),
                                 "weekdays": weekdayLinks(root: root), "finder": true,
                                 "audiences": content.config.audiences.map { ["id": $0.id, "name": $0.name] }])
        case .listing(let i):
            let listing = content.listings[i]
            var context = view.detail(listing, root: root)
            context["title"] = listing.name
            let upcoming = calendars.upcoming(listing, from: content.asOf, months: RoutePlanner.calendarMonths(for: content))
            context["upcoming"] = upcoming
            context["has_upcoming"] = !upcoming.isEmpty
            context["json_ld"] = StructuredData.listing(listing, content: content, districtName: view.districtName(listing))
            if listing.isListed, let coordinate = listing.coordinate {
                context["map"] = mapView(root: root, center: coordinate, listing: listing.id)
            }
            context["breadcrumbs"] = [
                ["label": "地区から探す", "href": root + Route.districts.path],
                ["label": view.districtName(listing), "href": root + Route.district(listing.districtID).path],
            ]
            return ("listing", context)
        case .kind(let kind):
            return term(title: kind.name, lead: kind.description, members: index.byKind[kind] ?? [], root: root)
        case .category(let term):
            return self.term(title: "分類: \(term.name)", lead: nil, members: index.byCategory[term.id] ?? [], root: root)
        case .audience(let term):
            return self.term(title: "対象: \(term.name)", lead: nil, members: index.byAudience[term.id] ?? [], root: root)
        case .weekday(let day):
            return term(title: "\(day.kanji)曜日に開いているところ", lead: nil, members: index.byWeekday[day] ?? [], root: root)
        case .calendar(let month):
            let days = calendars.days(MeetingCalendar(content, listed: index.listed, month: month), root: root)
            let months = RoutePlanner.calendarMonths(for: content)
            var context: [String: Any] = ["title": "\(DateText.month(month))の開催日", "days": days, "has_days": !days.isEmpty]
            if let i = months.firstIndex(of: month) {
                if i > 0 { context["previous"] = ["label": DateText.month(months[i - 1]), "href": root + Route.calendar(months[i - 1].description).path] }
                if i + 1 < months.count { context["next"] = ["label": DateText.month(months[i + 1]), "href": root + Route.calendar(months[i + 1].description).path] }
            }
            return ("calendar", context)
        case .bulletins:
            return ("bulletins", ["title": content.config.bulletinName, "bulletins": content.bulletins.map { bulletinLink($0, root: root) }])
        case .bulletin(let i):
            let bulletin = content.bulletins[i]
            var context = bulletinLink(bulletin, root: root)
            context["body_html"] = bulletinHTML(bulletin, root: root)
            context["pdf_href"] = bulletin.pdf.map { root + $0 }
            context["breadcrumbs"] = [["label": content.config.bulletinName, "href": root + Route.bulletins.path]]
            return ("bulletin", context)
        case .page(let i):
            let page = content.pages[i]
            return ("page", ["title": page.title, "body_html": markdown.html(page.body)])
        case .map:
            let groups = listings.groupedByDistrict(index.listed, root: root) { i in
                var card = view.card(content.listings[i], root: root)
                card["has_coordinates"] = content.listings[i].coordinate != nil
                return card
            }
            return ("map", ["title": "地図から探す", "districts": groups, "map": mapView(root: root, center: nil) as Any?].compactMapValues { $0 })
        case .search:
            return ("search", ["title": "検索"])
        case .notFound:
            return ("not-found", ["title": "ページが見つかりません"])
        }
    }

    private func term(title: String, lead: String?, members: [Int], root: String) -> (String, [String: Any]) {
        ("term", compact(["title": title, "lead": lead, "count": members.count,
                          "districts": listings.groupedByDistrict(members, root: root) { cardHTML($0, root: root) },
                          "breadcrumbs": [["label": "一覧", "href": root + Route.listings.path]]]))
    }

    func bulletinLink(_ bulletin: Bulletin, root: String) -> [String: Any] {
        var view: [String: Any] = [
            "title": bulletin.title,
            "href": root + Route.bulletin(bulletin.month.description).path,
            "date": "\(bulletin.date.year)年\(bulletin.date.month)月\(bulletin.date.day)日",
            "datetime": bulletin.date.description,
        ]
        view["number"] = bulletin.number.map { "第\($0)号" }
        return view
    }

    /// The interactive map's settings; the list beside it is what works without JavaScript.
    /// Nil when Leaflet is not installed: the pages then keep their plain lists and link no script.
    private func mapView(root: String, center: Coordinate?, district: String? = nil, listing: String? = nil) -> [String: Any]? {
        guard interactiveMap else { return nil }
        let config = content.config.map
        let center = center ?? config.center ?? Coordinate(latitude: 35.68, longitude: 139.76)
        var view: [String: Any] = [
            "geojson": root + Route.geoJSON.path, "tiles": config.tiles, "attribution": config.attribution,
            "lat": String(center.latitude), "lon": String(center.longitude), "zoom": listing == nil ? config.zoom : 16,
        ]
        view["district"] = district
        view["listing"] = listing
        if district != nil || listing != nil { view["small"] = true }
        return view
    }

    private func districtLinks(root: String) -> [[String: Any]] {
        content.districts.map { district in
            compact(["id": district.id, "name": district.name, "kana": district.kana, "href": root + Route.district(district.id).path,
                     "count": index.byDistrict[district.id]?.count ?? 0])
        }
    }

    private func weekdayLinks(root: String) -> [[String: Any]] {
        Weekday.allCases.map { day in
            ["slug": day.slug, "name": day.kanji, "label": "\(day.kanji)曜日", "href": root + Route.weekday(day.slug).path,
             "count": index.byWeekday[day]?.count ?? 0]
        }
    }

    private func kindLinks(root: String) -> [[String: Any]] {
        ListingKind.allCases.map { kind in
            ["name": kind.name, "kind": kind.rawValue, "description": kind.description,
             "href": root + Route.kind(kind).path, "count": index.byKind[kind]?.count ?? 0]
        }
    }

    func section(of spec: PageSpec) -> String {
        switch spec {
        case .home: "home"
        case .districts, .district: "districts"
        case .listings, .listing, .kind, .category, .audience, .weekday: "listings"
        case .calendar: "calendar"
        case .bulletins, .bulletin: "bulletins"
        case .map: "map"
        case .search: "search"
        case .page, .notFound: "pages"
        }
    }

    /// What the base layout needs on every page. The header and footer come pre-rendered
    /// from the cache when it has this depth and section.
    private func layout(route: Route, root: String, section: String) -> [String: Any] {
        let config = content.config
        return [
            "root": root,
            "lang": config.language,
            "site_title": config.title,
            "canonical": config.baseURL.resolve(route.path),
            "feed_href": root + Route.feed.path,
            "asset_root": root + "assets/",
            "bulletin_name": config.bulletinName,
            "site_header": chrome?.header(root: root, section: section) ?? renderHeader(root: root, section: section),
            "site_footer": chrome?.footer(root: root) ?? renderFooter(root: root),
        ]
    }

    func renderHeader(root: String, section: String) -> String {
        let config = content.config
        let nav: [[String: Any]] = [
            ["label": "ホーム", "href": root, "current": section == "home"],
            ["label": "地区", "href": root + Route.districts.path, "current": section == "districts"],
            ["label": "一覧", "href": root + Route.listings.path, "current": section == "listings"],
            ["label": "地図", "href": root + Route.map.path, "current": section == "map"],
            ["label": "検索", "href": root + Route.search.path, "current": section == "search"],
            ["label": config.bulletinName, "href": root + Route.bulletins.path, "current": section == "bulletins"],
        ]
        return templates.render("partials/site-header", ["root": root, "site_title": config.title, "nav": nav])
    }

    func renderFooter(root: String) -> String {
        let config = content.config
        let publisher = config.publisher
        return templates.render("partials/site-footer", compact([
            "root": root,
            "feed_href": root + Route.feed.path,
            "footer_pages": content.pages.map { ["title": $0.title, "href": root + Route.page($0.slug).path] },
            "publisher_name": publisher.name,
            "publisher_address": publisher.address,
            "publisher_phone": publisher.phone,
            "publisher_tel": publisher.phone.flatMap(SafeURL.telephone),
            "publisher_email": publisher.email,
            "publisher_url": publisher.url.flatMap { SafeURL.isWebURL($0) ? $0 : nil },
            "bulletin_name": config.bulletinName,
        ]))
    }

    func root(of spec: PageSpec) -> String {
        // 404.html is served at any depth, so its links are absolute from the base path.
        spec == .notFound ? content.config.baseURL.path : RoutePlanner.route(of: spec, in: content).root
    }
}
