/// The 「町名から探す」 page and the 町名 on each district's page.

/// A listed activity in a 町.
struct AreaListing: TemplateData {
    let name: String
    let href: String
    let kindName: String
    let paused: Bool
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .name: .init(name)
        case .href: .init(href)
        case .kindName: .init(kindName)
        case .paused: .init(paused)
        default: .none
        }
    }
}

/// One 町名: its reading where known, its district, and the activities whose 住所 is in it.
struct AreaRow: TemplateData {
    let name: String
    let kana: String?
    /// Set like a listing's name (Furigana): the reading over the kanji, read once.
    let rubyNames: Bool
    let nameParts: [RubyPart]
    let anchor: String
    let districtName: String
    let districtHref: String
    let listings: [AreaListing]
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .name: .init(name)
        case .kana: .init(kana)
        case .rubyNames: .init(rubyNames)
        case .nameParts: .init(nameParts)
        case .anchor: .init(anchor)
        case .districtName: .init(districtName)
        case .districtHref: .init(districtHref)
        case .listings: .init(listings)
        case .hasListings: .init(!listings.isEmpty)
        case .count: .init(listings.count)
        default: .none
        }
    }
}

/// The 町名 whose readings begin in one 行 (or 他: reading unknown).
struct AreaGroup: TemplateData {
    let label: String
    let anchor: String
    let areas: [AreaRow]
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .label: .init(label)
        case .anchor: .init(anchor)
        case .areas: .init(areas)
        default: .none
        }
    }
}

struct AreasData: PageData {
    let title: String
    let groups: [AreaGroup]
    let jumps: [GyoJump]
    let count: Int
    let districtsHref: String
    let breadcrumbs: [Link]
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .title: .init(title)
        case .districtsHref: .init(districtsHref)
        case .groups: .init(groups)
        case .jumps: .init(jumps)
        case .count: .init(count)
        case .breadcrumbs: .init(breadcrumbs)
        default: .none
        }
    }
}

/// A 町名 on its district's page, leading to its row on the 町名 page.
struct AreaLink: TemplateData {
    let name: String
    let kana: String?
    let href: String
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .name: .init(name)
        case .kana: .init(kana)
        case .href: .init(href)
        default: .none
        }
    }
}

extension PageRenderer {
    /// Where a 町名's row is on the 町名 page: by district and position, so ids stay ASCII and
    /// two districts may share a name.
    static func areaAnchor(district: District, name: String) -> String {
        "area-\(district.id)-\((district.areas.firstIndex(of: name) ?? 0) + 1)"
    }

    func areasIndex(root: String) -> AreasData {
        let entries = AreaIndex.entries(content, listed: index.listed)
        let gyo = Gojuon.rows.map(\.label) + [Gojuon.other]
        var rows: [String: [AreaRow]] = [:]
        for entry in entries {
            let district = content.districts[entry.district]
            rows[Gojuon.row(of: entry.kana ?? ""), default: []].append(AreaRow(
                name: entry.name, kana: entry.kana, rubyNames: content.config.rubyNames,
                nameParts: Furigana.parts(name: entry.name, reading: entry.kana ?? ""), anchor: Self.areaAnchor(district: district, name: entry.name),
                districtName: district.name, districtHref: root + Route.district(district.id).path,
                listings: entry.listings.map { i in
                    let listing = content.listings[i]
                    return AreaListing(name: listing.name, href: root + Route.listing(listing.id).path,
                                       kindName: listing.kind.name, paused: listing.status == .paused)
                }))
        }
        let groups = gyo.enumerated().compactMap { position, label in
            rows[label].map { AreaGroup(label: label, anchor: "gyo-\(position)", areas: $0) }
        }
        let jumps = gyo.enumerated().map { position, label in
            GyoJump(label: label, anchor: "gyo-\(position)", href: rows[label] == nil ? nil : "#gyo-\(position)")
        }
        return AreasData(title: labels[.areasTitle], groups: groups, jumps: jumps, count: entries.count,
                         districtsHref: root + Route.districts.path,
                         breadcrumbs: [Link(label: labels[.districtsTitle], href: root + Route.districts.path)])
    }

    /// The 町名 page's address, when the site has one (some district names its areas).
    func areasHref(root: String) -> String? {
        RoutePlanner.hasAreas(content) ? root + Route.areas.path : nil
    }

    func areaLinks(_ district: District, root: String) -> [AreaLink] {
        district.areas.map { name in
            AreaLink(name: name, kana: AreaName.reading(name, in: district),
                     href: root + Route.areas.path + "#" + Self.areaAnchor(district: district, name: name))
        }
    }
}
