/// What a template sees: a typed value that answers the template engine's lookups with a
/// switch over its own names (`case .title: .init(title)`), so rendering never casts. The
/// names are the theme contract (templates/, spelled in `TemplateKey`); the same values encode
/// to JSON for the golden data tests (property names in snake case are the template names).
protocol TemplateData: KeyedTemplateObject, TemplateValueConvertible, Encodable {}

/// A link with a visible label: breadcrumbs, month navigation.
struct Link: TemplateData, Equatable {
    let label: String
    let href: String
    func value(_ name: TemplateKey) -> TemplateValue {
        switch name {
        case .label: .init(label)
        case .href: .init(href)
        default: .none
        }
    }
}

/// A link named by what it leads to: categories, audiences.
struct NamedLink: TemplateData {
    let name: String
    let href: String
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .name: .init(name)
        case .href: .init(href)
        default: .none
        }
    }
}

/// A link named by its page's title: the footer's pages.
struct TitledLink: TemplateData {
    let title: String
    let href: String
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .title: .init(title)
        case .href: .init(href)
        default: .none
        }
    }
}

/// One entry of the site navigation.
struct NavItem: TemplateData {
    let label: String
    let href: String
    let current: Bool
    func value(_ name: TemplateKey) -> TemplateValue {
        switch name {
        case .label: .init(label)
        case .href: .init(href)
        case .current: .init(current)
        default: .none
        }
    }
}

struct DistrictLink: TemplateData {
    let id: String
    let name: String
    let kana: String?
    let href: String
    let count: Int
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .id: .init(id)
        case .name: .init(name)
        case .kana: .init(kana)
        case .href: .init(href)
        case .count: .init(count)
        default: .none
        }
    }
}

struct WeekdayLink: TemplateData {
    let slug: String
    let name: String
    let label: String
    let href: String
    let count: Int
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .slug: .init(slug)
        case .name: .init(name)
        case .label: .init(label)
        case .href: .init(href)
        case .count: .init(count)
        default: .none
        }
    }
}

struct KindLink: TemplateData {
    let name: String
    let kind: String
    let description: String
    let href: String
    let count: Int
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .name: .init(name)
        case .kind: .init(kind)
        case .description: .init(description)
        case .href: .init(href)
        case .count: .init(count)
        default: .none
        }
    }
}

struct IDName: TemplateData {
    let id: String
    let name: String
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .id: .init(id)
        case .name: .init(name)
        default: .none
        }
    }
}

struct BulletinLink: TemplateData {
    let title: String
    let href: String
    let date: String
    let datetime: String
    let number: String?
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .title: .init(title)
        case .href: .init(href)
        case .date: .init(date)
        case .datetime: .init(datetime)
        case .number: .init(number)
        default: .none
        }
    }
}

/// The interactive map's settings; absent when Leaflet is not installed.
struct MapData: TemplateData {
    let geojson: String
    let tiles: String
    let attribution: String
    let lat: String
    let lon: String
    let zoom: Int
    let district: String?
    let listing: String?
    let small: Bool
    /// `south,west,north,east` of the listings a district's map shows, when the district has
    /// districts below it: the map opens on the whole level before the pins load.
    var bounds: String? = nil
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .bounds: .init(bounds)
        case .geojson: .init(geojson)
        case .tiles: .init(tiles)
        case .attribution: .init(attribution)
        case .lat: .init(lat)
        case .lon: .init(lon)
        case .zoom: .init(zoom)
        case .district: .init(district)
        case .listing: .init(listing)
        case .small: .init(small)
        default: .none
        }
    }
}

/// Listings of one district on an index page; `Item` is a card's HTML or a card's data.
struct DistrictGroup<Item: Encodable & TemplateValueConvertible>: TemplateData {
    let id: String
    let name: String
    let href: String
    let count: Int
    let listings: [Item]
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .id: .init(id)
        case .name: .init(name)
        case .href: .init(href)
        case .count: .init(count)
        case .listings: .init(listings)
        default: .none
        }
    }
}
