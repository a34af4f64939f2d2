import SasaeaiInput
import SasaeaiSchedule

/// What templates see of a listing. Values are plain text (Mustache escapes them); the only
/// HTML here is produced by cmark: the summary (record text, always escaped: RecordMarkdown)
/// and the body of a listing's .md file (the coordinator's Markdown, which follows unsafe_html).
struct ListingView {
    let content: SiteContent
    let index: SiteIndex
    let markdown: Markdown

    /// `finder` adds what the listings page's finder filters on (only that page needs it).
    func card(_ listing: Listing, root: String, finder: Bool = false) -> [String: Any] {
        var view: [String: Any] = [
            "id": listing.id,
            "href": root + Route.listing(listing.id).path,
            "name": listing.name,
            "kana": listing.kana,
            "kind": listing.kind.rawValue,
            "kind_name": listing.kind.name,
            "district_name": districtName(listing),
            "district_href": root + Route.district(listing.districtID).path,
            "paused": listing.status == .paused,
            "ended": listing.status == .ended,
            "status_name": listing.status.name,
            "ruby_names": content.config.rubyNames,
        ]
        if let schedule = listing.schedule {
            // Cards show the tidy form (full-width digits and 午前10時 read alike); the listing
            // page keeps the coordinator's own words too.
            view["schedule"] = schedule.kind == .structured ? schedule.normalizedText : schedule.text
        }
        view["venue"] = listing.venue
        view["fee"] = listing.fee
        view["contact"] = listing.contact
        view["tel"] = listing.contact.flatMap(FieldFormat.telephone)
        view["summary_html"] = listing.summary.map(RecordMarkdown.inlineHTML)
        if finder {
            // The card is rendered on its own (CardCache), so the partial cannot see the page's flag.
            view["finder"] = true
            view["district"] = listing.districtID
            view["weekday_slugs"] = (listing.schedule?.weekdays ?? []).map(\.slug).joined(separator: " ")
            view["audience_ids"] = listing.audienceIDs.joined(separator: " ")
            view["search_text"] = SearchIndex.fold([listing.name, listing.kana, districtName(listing), listing.venue ?? "",
                                                    listing.address ?? "", listing.schedule?.text ?? "", listing.summary ?? ""]
                .joined(separator: " "))
        }
        view["categories"] = listing.categoryIDs.map { ["name": index.categoryNames[$0] ?? $0, "href": root + Route.category($0).path] }
        view["has_categories"] = !listing.categoryIDs.isEmpty
        view["has_audiences"] = !listing.audienceIDs.isEmpty
        view["audiences"] = listing.audienceIDs.map { ["name": index.audienceNames[$0] ?? $0, "href": root + Route.audience($0).path] }
        return view
    }

    /// Every public field in the order a resident asks: when, where, what it costs, whom to call.
    func detail(_ listing: Listing, root: String) -> [String: Any] {
        var view = card(listing, root: root)
        var fields: [[String: Any]] = []
        func add(_ label: String, _ value: String?, href: String? = nil) {
            guard let value, !value.isEmpty else { return }
            var field: [String: Any] = ["label": label, "value": value]
            field["link"] = href
            fields.append(field)
        }
        // The schema's page fields, in its order; the card already shows name, kind, district,
        // categories and audiences, and the map the coordinate.
        for field in ListingSchema.fields where field.outputs.contains(.page) {
            switch field.key {
            case .name, .kana, .kind, .district, .categories, .audience, .status, .summary:
                continue
            case .schedule:
                if let schedule = listing.schedule {
                    add(field.label, schedule.kind == .structured ? schedule.normalizedText : schedule.text)
                    // The coordinator's own words, when they wrote one 開催日時 (a schedule joined
                    // from the national layout's columns has no single original text).
                    if schedule.kind == .structured && schedule.normalizedText != schedule.text && listing[.schedule] != nil {
                        add("\(field.label)（届出の表記）", schedule.text)
                    }
                }
            case .scheduleNote:
                if let note = listing[.scheduleNote], listing.schedule?.text.contains(note) != true { add(field.label, note) }
            case .venue:
                add(field.label, listing.venue)
            case .url:
                add(field.label, listing.url ?? listing[.url], href: listing.url)
            case .since:
                add(field.label, listing.since.map(Self.japanese))
            case .until:
                if listing.status != .active { add(listing.status == .paused ? "休止" : "終了", listing.until.map(Self.japanese)) }
            case .updated:
                add(field.label, listing.updated.map(Self.japanese))
            case .image:
                if let text = listing[.image], let shown = FieldFormat.display(field, text) {
                    let licence = listing[.imageLicence].map { "（ライセンス: \($0)）" } ?? ""
                    add(field.label, shown.value + licence, href: shown.link)
                }
            case .notes:
                add(field.label, listing[.notes])
                // Columns Sasaeai does not know come after the notes, as written.
                for extra in listing.extras { add(extra.label, extra.value) }
            default:
                if let text = listing[field.key], let shown = FieldFormat.display(field, text) {
                    add(field.label, shown.value, href: shown.link)
                }
            }
        }
        view["fields"] = fields
        view["body_html"] = listing.body.map(markdown.html)
        view["address"] = listing.address
        if let coordinate = listing.coordinate {
            view["lat"] = String(coordinate.latitude)
            view["lon"] = String(coordinate.longitude)
        }
        view["calendar_href"] = CalendarFiles.hasCalendar(listing) ? root + Route.listingCalendar(listing.id).path : nil
        view["ended_date"] = listing.until.map(Self.japanese)
        return view
    }

    func districtName(_ listing: Listing) -> String {
        index.districtsByID[listing.districtID].map { content.districts[$0].name } ?? listing.districtID
    }

    /// 2024年4月, 2024年4月1日, 2016年度: how dates read on a Japanese page.
    static func japanese(_ date: WrittenDate) -> String {
        switch date {
        case .day(let d): "\(d.year)年\(d.month)月\(d.day)日"
        case .month(let m): "\(m.year)年\(m.month)月"
        case .year(let y): "\(y)年"
        case .fiscalYear(let y): "\(y)年度"
        }
    }

    /// Listings grouped by district, in district order: the shape of most index pages.
    /// `item` makes what the template shows for each listing (card HTML or fields).
    func groupedByDistrict(_ indexes: [Int], root: String, item: (Int) -> Any) -> [[String: Any]] {
        var groups: [String: [Int]] = [:]
        for i in indexes { groups[content.listings[i].districtID, default: []].append(i) }
        return content.districts.compactMap { district -> [String: Any]? in
            guard let members = groups[district.id], !members.isEmpty else { return nil }
            return ["id": district.id, "name": district.name, "href": root + Route.district(district.id).path,
                    "count": members.count, "listings": members.map(item)]
        }
    }
}
