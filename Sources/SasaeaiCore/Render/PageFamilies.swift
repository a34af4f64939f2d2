import Mustache

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
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "areas_href": areasHref
        case "is_home": true
        case "latest_bulletin": latestBulletin
        case "districts": districts
        case "weekdays": weekdays
        case "kinds": kinds
        case "listing_count": listingCount
        case "calendar_months": calendarMonths
        case "map_href": mapHref
        case "week_href": weekHref
        default: nil
        }
    }
}

struct DistrictsData: PageData {
    let title: String
    /// The top districts, each with those below it.
    let districts: [DistrictNode]
    /// 「町名から探す」, when the districts name their 町名.
    var areasHref: String?
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "areas_href": areasHref
        case "districts": districts
        default: nil
        }
    }
}

/// A district's listings of one kind, as pre-rendered cards.
struct KindGroup: TemplateData {
    let kind: String
    let kindName: String
    let listings: [String]
    func child(named key: String) -> Any? {
        switch key {
        case "kind": kind
        case "kind_name": kindName
        case "listings": listings
        case "count": listings.count
        default: nil
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
    func child(named key: String) -> Any? {
        switch key {
        case "children": children
        case "has_children": !children.isEmpty
        case "own_count": ownCount
        case "title": title
        case "kana": kana
        case "areas": areas
        case "has_areas": !areas.isEmpty
        case "coordinator": coordinator
        case "body_html": bodyHTML
        case "kinds": kinds
        case "count": count
        case "map": map
        case "breadcrumbs": breadcrumbs
        case "pager": pager
        default: nil
        }
    }
}

/// Listings whose names begin in one 行, as pre-rendered cards.
struct GyoGroup: TemplateData {
    let label: String
    let anchor: String
    let listings: [String]
    func child(named key: String) -> Any? {
        switch key {
        case "label": label
        case "anchor": anchor
        case "listings": listings
        case "count": listings.count
        default: nil
        }
    }
}

/// The 行 jump links; a 行 with no listing is shown but not linked. `href` leads to the
/// anchor, on the part of a split index that holds the 行's first listing.
struct GyoJump: TemplateData {
    let label: String
    let anchor: String
    let href: String?
    func child(named key: String) -> Any? {
        switch key {
        case "label": label
        case "anchor": anchor
        case "present": href != nil
        case "href": href
        default: nil
        }
    }
}

/// Links between the parts of a split index; nil when the index is one page.
struct PagerData: TemplateData {
    let pages: [NavItem]
    let previous: Link?
    let next: Link?
    func child(named key: String) -> Any? {
        switch key {
        case "pages": pages
        case "previous": previous
        case "next": next
        default: nil
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
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "groups": groups
        case "jumps": jumps
        case "count": count
        case "districts": districts
        case "kinds": kinds
        case "weekdays": weekdays
        case "finder": true
        case "audiences": audiences
        case "pager": pager
        default: nil
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
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "lead": lead
        case "count": count
        case "districts": districts
        case "breadcrumbs": breadcrumbs
        case "pager": pager
        default: nil
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
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "days": days
        // Every day of the month is there (the grid needs them); the page shows a month only
        // when some day has a meeting or a holiday.
        case "has_days": days.contains { !$0.districts.isEmpty || $0.holiday != nil }
        case "parts": parts
        case "has_parts": !parts.isEmpty
        case "breadcrumbs": breadcrumbs.isEmpty ? nil : breadcrumbs
        case "previous": previous
        case "next": next
        default: nil
        }
    }
}

struct BulletinsData: PageData {
    let title: String
    let bulletins: [BulletinLink]
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "bulletins": bulletins
        default: nil
        }
    }
}

struct BulletinData: PageData {
    let link: BulletinLink
    let bodyHTML: String
    let pdfHref: String?
    let breadcrumbs: [Link]
    func child(named key: String) -> Any? {
        switch key {
        case "body_html": bodyHTML
        case "pdf_href": pdfHref
        case "breadcrumbs": breadcrumbs
        default: link.child(named: key)
        }
    }
}

/// A free page (pages/*.md) and the pages that have only a title (search, not found).
struct TextPageData: PageData {
    let title: String
    let bodyHTML: String?
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "body_html": bodyHTML
        default: nil
        }
    }
}

/// A card on the map page's list, which says whether it has a pin.
struct MapCard: TemplateData {
    let card: CardData
    let hasCoordinates: Bool
    func child(named key: String) -> Any? {
        key == "has_coordinates" ? hasCoordinates : card.child(named: key)
    }
}

struct MapPageData: PageData {
    let title: String
    let districts: [DistrictGroup<MapCard>]
    let map: MapData?
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "districts": districts
        case "map": map
        default: nil
        }
    }
}
