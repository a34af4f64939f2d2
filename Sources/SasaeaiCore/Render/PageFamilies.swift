/// Each page family's template data. Built by `PageDataBuilder` from the model; the template
/// of the same name (templates/<family>.mustache) shows it.

struct HomeData: PageData {
    let title: String
    let latestBulletin: BulletinLink?
    let districts: [DistrictLink]
    let weekdays: [WeekdayLink]
    let kinds: [KindLink]
    let listingCount: Int
    let calendarMonths: [Link]
    let mapHref: String
    let weekHref: String
    /// 「町名から探す」, when the districts name their 町名.
    var areasHref: String?
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .title: .init(title)
        case .areasHref: .init(areasHref)
        case .isHome: .init(true)
        case .latestBulletin: .init(latestBulletin)
        case .districts: .init(districts)
        case .weekdays: .init(weekdays)
        case .kinds: .init(kinds)
        case .listingCount: .init(listingCount)
        case .calendarMonths: .init(calendarMonths)
        case .mapHref: .init(mapHref)
        case .weekHref: .init(weekHref)
        default: .none
        }
    }
}

struct DistrictsData: PageData {
    let title: String
    /// The top districts, each with those below it.
    let districts: [DistrictNode]
    /// 「町名から探す」, when the districts name their 町名.
    var areasHref: String?
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .title: .init(title)
        case .areasHref: .init(areasHref)
        case .districts: .init(districts)
        default: .none
        }
    }
}

/// A district's listings of one kind, as pre-rendered cards.
struct KindGroup: TemplateData {
    let kind: String
    let kindName: String
    let listings: [String]
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .kind: .init(kind)
        case .kindName: .init(kindName)
        case .listings: .init(listings)
        case .count: .init(listings.count)
        default: .none
        }
    }
}

struct DistrictData: PageData {
    let title: String
    let kana: String?
    let coordinator: String?
    let bodyHTML: String
    let kinds: [KindGroup]
    let count: Int
    let pager: PagerData?
    let map: MapData?
    let breadcrumbs: [Link]
    /// The districts directly below this one, with their rolled-up counts; `count` includes
    /// them, and `kinds` shows only this district's own listings (`own_count`).
    var children: [DistrictLink] = []
    var ownCount: Int = 0
    /// The 町名 the district covers (its `areas:`), each leading to the 町名 page.
    var areas: [AreaLink] = []
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .children: .init(children)
        case .hasChildren: .init(!children.isEmpty)
        case .ownCount: .init(ownCount)
        case .title: .init(title)
        case .kana: .init(kana)
        case .areas: .init(areas)
        case .hasAreas: .init(!areas.isEmpty)
        case .coordinator: .init(coordinator)
        case .bodyHtml: .init(bodyHTML)
        case .kinds: .init(kinds)
        case .count: .init(count)
        case .map: .init(map)
        case .breadcrumbs: .init(breadcrumbs)
        case .pager: .init(pager)
        default: .none
        }
    }
}

/// Listings whose names begin in one 行, as pre-rendered cards.
struct GyoGroup: TemplateData {
    let label: String
    let anchor: String
    let listings: [String]
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .label: .init(label)
        case .anchor: .init(anchor)
        case .listings: .init(listings)
        case .count: .init(listings.count)
        default: .none
        }
    }
}

/// The 行 jump links; a 行 with no listing is shown but not linked. `href` leads to the
/// anchor, on the part of a split index that holds the 行's first listing.
struct GyoJump: TemplateData {
    let label: String
    let anchor: String
    let href: String?
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .label: .init(label)
        case .anchor: .init(anchor)
        case .present: .init(href != nil)
        case .href: .init(href)
        default: .none
        }
    }
}

/// Links between the parts of a split index; nil when the index is one page.
struct PagerData: TemplateData {
    let pages: [NavItem]
    let previous: Link?
    let next: Link?
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .pages: .init(pages)
        case .previous: .init(previous)
        case .next: .init(next)
        default: .none
        }
    }
}

struct ListingsData: PageData {
    let title: String
    let groups: [GyoGroup]
    let jumps: [GyoJump]
    let count: Int
    let pager: PagerData?
    let districts: [DistrictLink]
    let kinds: [KindLink]
    let weekdays: [WeekdayLink]
    let audiences: [IDName]
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .title: .init(title)
        case .groups: .init(groups)
        case .jumps: .init(jumps)
        case .count: .init(count)
        case .districts: .init(districts)
        case .kinds: .init(kinds)
        case .weekdays: .init(weekdays)
        case .finder: .init(true)
        case .audiences: .init(audiences)
        case .pager: .init(pager)
        default: .none
        }
    }
}

/// A kind, category, audience or weekday: its listings by district.
struct TermData: PageData {
    let title: String
    let lead: String?
    let count: Int
    let pager: PagerData?
    let districts: [DistrictGroup<String>]
    let breadcrumbs: [Link]
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .title: .init(title)
        case .lead: .init(lead)
        case .count: .init(count)
        case .districts: .init(districts)
        case .breadcrumbs: .init(breadcrumbs)
        case .pager: .init(pager)
        default: .none
        }
    }
}

struct CalendarData: PageData {
    let title: String
    let days: [CalendarDay]
    /// The districts' own month pages, when the town's month is split.
    let parts: [DistrictLink]
    let previous: Link?
    let next: Link?
    let breadcrumbs: [Link]
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .title: .init(title)
        case .days: .init(days)
        // Every day of the month is there (the grid needs them); the page shows a month only
        // when some day has a meeting or a holiday.
        case .hasDays: .init(days.contains { !$0.districts.isEmpty || $0.holiday != nil })
        case .parts: .init(parts)
        case .hasParts: .init(!parts.isEmpty)
        case .breadcrumbs: .init(breadcrumbs.isEmpty ? nil : breadcrumbs)
        case .previous: .init(previous)
        case .next: .init(next)
        default: .none
        }
    }
}

struct BulletinsData: PageData {
    let title: String
    let bulletins: [BulletinLink]
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .title: .init(title)
        case .bulletins: .init(bulletins)
        default: .none
        }
    }
}

struct BulletinData: PageData {
    let link: BulletinLink
    let bodyHTML: String
    let pdfHref: String?
    let breadcrumbs: [Link]
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .bodyHtml: .init(bodyHTML)
        case .pdfHref: .init(pdfHref)
        case .breadcrumbs: .init(breadcrumbs)
        default: link.value(key)
        }
    }
}

/// A free page (pages/*.md) and the pages that have only a title (search, not found).
struct TextPageData: PageData {
    let title: String
    let bodyHTML: String?
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .title: .init(title)
        case .bodyHtml: .init(bodyHTML)
        default: .none
        }
    }
}

/// A card on the map page's list, which says whether it has a pin.
struct MapCard: TemplateData {
    let card: CardData
    let hasCoordinates: Bool
    func value(_ key: TemplateKey) -> TemplateValue {
        key == .hasCoordinates ? .init(hasCoordinates) : card.value(key)
    }
}

struct MapPageData: PageData {
    let title: String
    let districts: [DistrictGroup<MapCard>]
    let map: MapData?
    /// Too many listings for one page: the list under the map names the districts, whose
    /// pages list their own (each with its map), and the pins come from the GeoJSON as always.
    var byDistrictPages = false
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .title: .init(title)
        case .byDistrictPages: .init(byDistrictPages)
        case .districts: .init(districts)
        case .map: .init(map)
        default: .none
        }
    }
}
