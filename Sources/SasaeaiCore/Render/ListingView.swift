import SasaeaiInput
import SasaeaiSchedule

/// What templates see of a listing (CardData, Fact), built from the model.
struct ListingView {
    let content: SiteContent
    let index: SiteIndex
    let markdown: Markdown
    /// The theme's labels, for the facts' own wording (届出の表記, dates).
    let labels: Labels
    /// Where each listing's card texts are kept once worked out, when the pages share them.
    var cache: CardCache?

    /// What a card shows that is the same on every page: the costly part of a card (phone
    /// links, the schedule's tidy form, the name's ruby, the first-visit fees, the finder's
    /// folded text), worked out once per listing instead of once per card.
    func texts(_ listing: Listing, forFinder: Bool = false) -> CardTexts {
        if let cache { return cache.texts(of: listing) }
        return CardTexts(
            schedule: listing.schedule.map {
                // Cards show the tidy form (full-width digits and 午前10時 read alike); the listing
                // page keeps the coordinator's own words too.
                $0.kind == .structured ? $0.normalizedText : $0.text
            },
            tel: listing.contact.flatMap(FieldFormat.telephone),
            summaryHTML: listing.summary.map(RecordMarkdown.inlineHTML),
            nameParts: Furigana.parts(name: listing.name, reading: listing.kana),
            firstVisit: FirstVisit(listing),
            searchText: forFinder ? searchText(listing) : nil)
    }

    /// What the listings page's finder matches a query against, folded as the search index folds (`SearchFolding`).
    func searchText(_ listing: Listing) -> String {
        SearchFolding.fold([listing.name, listing.kana, qualifiedDistrictName(listing), listing.venue ?? "",
                          listing.address ?? "", listing.schedule?.text ?? "", listing.summary ?? ""]
            .joined(separator: " "))
    }

    /// `finder` adds what the listings page's finder filters on (only that page needs it).
    func card(_ listing: Listing, root: String, finder: Bool = false) -> CardData {
        let texts = texts(listing, forFinder: finder)
        // The card is rendered on its own (CardCache), so the partial cannot see the page's flag.
        // The district and those above it, so the finder's choice of a municipality keeps its districts' cards.
        let finderData = !finder ? nil : FinderData(
            district: index.districtsByID[listing.districtID].map { index.districtTree.path(to: $0).map { content.districts[$0].id }.joined(separator: " ") } ?? listing.districtID,
            weekdaySlugs: (listing.schedule?.weekdays ?? []).map(\.slug).joined(separator: " "),
            audienceIDs: listing.audienceIDs.joined(separator: " "),
            searchText: texts.searchText ?? searchText(listing))
        return CardData(
            id: listing.id,
            href: root + Route.listing(listing.id).path,
            name: listing.name,
            kana: listing.kana,
            kind: listing.kind.rawValue,
            kindName: listing.kind.name,
            districtName: qualifiedDistrictName(listing),
            districtHref: root + Route.district(listing.districtID).path,
            paused: listing.status == .paused,
            ended: listing.status == .ended,
            statusName: listing.status.name,
            rubyNames: content.config.rubyNames,
            nameParts: texts.nameParts,
            schedule: texts.schedule,
            venue: listing.venue,
            fee: listing.fee,
            contact: listing.contact,
            tel: texts.tel,
            summaryHTML: texts.summaryHTML,
            categories: listing.categoryIDs.map { NamedLink(name: index.categoryNames[$0] ?? $0, href: root + Route.category($0).path) },
            audiences: listing.audienceIDs.map { NamedLink(name: index.audienceNames[$0] ?? $0, href: root + Route.audience($0).path) },
            firstVisit: texts.firstVisit,
            finder: finderData)
    }

    /// The schema's fields a listing page shows, in the schema's order, less those the
    /// first-visit block shows: the same for every listing, so filtered once.
    private static let factFields = ListingSchema.fields.filter { $0.outputs.contains(.page) && !FirstVisit.columns.contains($0.key) }

    /// Every public field in the order a resident asks: when, where, what it costs, whom to call.
    func facts(_ listing: Listing) -> [Fact] {
        var fields: [Fact] = []
        func add(_ label: String, _ value: String?, href: String? = nil) {
            guard let value, !value.isEmpty else { return }
            fields.append(Fact(label: label, value: value, link: href))
        }
        // The schema's page fields, in its order; the card already shows name, kind, district,
        // categories and audiences, and the map the coordinate.
        // Booking, first-timers, organiser and fees stand above the facts (FirstVisit).
        for field in Self.factFields {
            switch field.key {
            case .name, .kana, .kind, .district, .categories, .audience, .status, .summary:
                continue
            case .schedule:
                // The card's tidy form, worked out once per listing (normalizedText is made anew on each call).
                if let schedule = listing.schedule, let shown = texts(listing).schedule {
                    add(field.label, shown)
                    // The coordinator's own words, when they wrote one 開催日時 (a schedule joined
                    // from the national layout's columns has no single original text).
                    if schedule.kind == .structured && shown != schedule.text && listing[.schedule] != nil {
                        add(labels.text(.scheduleAsWritten, [.field: field.label]), schedule.text)
                    }
                }
            case .scheduleNote:
                if let note = listing[.scheduleNote], listing.schedule?.text.contains(note) != true { add(field.label, note) }
            case .venue:
                add(field.label, listing.venue)
            case .url:
                add(field.label, listing.url ?? listing[.url], href: listing.url)
            case .since:
                add(field.label, listing.since.map(labels.date))
            case .until:
                if listing.status != .active { add(labels[listing.status == .paused ? .pausedSince : .endedSince], listing.until.map(labels.date)) }
            case .updated:
                add(field.label, listing.updated.map(labels.date))
            case .image:
                if let text = listing[.image], let shown = FieldFormat.display(field, text) {
                    let licence = listing[.imageLicence].map { labels.text(.imageLicence, [.licence: $0]) } ?? ""
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
        return fields
    }

    func districtName(_ listing: Listing) -> String {
        index.districtsByID[listing.districtID].map { content.districts[$0].name } ?? listing.districtID
    }

    /// The district as a card names it: with its municipality in a nested site (海風市 › 中央),
    /// since a card is shown beside other towns' listings.
    func qualifiedDistrictName(_ listing: Listing) -> String {
        index.districtsByID[listing.districtID].map { index.districtTree.qualifiedName($0, in: content.districts) } ?? listing.districtID
    }

    /// Listings grouped by district, in district order: the shape of most index pages.
    /// `item` makes what the template shows for each listing (card HTML or fields).
    func groupedByDistrict<Item>(_ indexes: [Int], root: String, item: (Int) -> Item) -> [DistrictGroup<Item>] {
        var groups: [String: [Int]] = [:]
        for i in indexes { groups[content.listings[i].districtID, default: []].append(i) }
        // Parents before their districts, so a municipality's districts stay together.
        let tree = index.districtTree
        return tree.preorder.compactMap { position -> DistrictGroup<Item>? in
            let district = content.districts[position]
            guard let members = groups[district.id], !members.isEmpty else { return nil }
            return DistrictGroup(id: district.id, name: tree.qualifiedName(position, in: content.districts), href: root + Route.district(district.id).path,
                                 count: members.count, listings: members.map(item))
        }
    }
}

struct CardTexts: Sendable {
    let schedule: String?
    let tel: String?
    let summaryHTML: String?
    let nameParts: [RubyPart]
    let firstVisit: FirstVisit
    /// Worked out when the card is made for the listings page's finder.
    let searchText: String?
}
