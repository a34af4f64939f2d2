import Mustache

/// What a template sees: a typed value that answers Mustache's lookups with a switch over its
/// own names, so rendering needs no `Mirror` reflection and no `[String: Any]` casts. The
/// names are the theme contract (templates/); the same values encode to JSON for the golden
/// data tests (property names in snake case are the template names).
protocol TemplateData: MustacheParent, Encodable {}

/// A link with a visible label: breadcrumbs, month navigation.
struct Link: TemplateData, Equatable {
    let label: String
    let href: String
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        default: nil
        }
    }
}

/// A link named by what it leads to: categories, audiences.
struct NamedLink: TemplateData {
    let name: String
    let href: String
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href
        default: nil
        }
    }
}

/// A link named by its page's title: the footer's pages.
struct TitledLink: TemplateData {
    let title: String
    let href: String
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "href": href
        default: nil
        }
    }
}

/// One entry of the site navigation.
struct NavItem: TemplateData {
    let label: String
    let href: String
    let current: Bool
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        case "current": current
        default: nil
        }
    }
}

struct DistrictLink: TemplateData {
    let id: String
    let name: String
    let kana: String?
    let href: String
    let count: Int
    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "name": name
        case "kana": kana
        case "href": href
        case "count": count
        default: nil
        }
    }
}

struct WeekdayLink: TemplateData {
    let slug: String
    let name: String
    let label: String
    let href: String
    let count: Int
    func child(named key: String) -> Any? {
        switch key {
        case "slug": slug
        case "name": name
        case "label": label
        case "href": href
        case "count": count
        default: nil
        }
    }
}

struct KindLink: TemplateData {
    let name: String
    let kind: String
    let description: String
    let href: String
    let count: Int
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "kind": kind
        case "description": description
        case "href": href
        case "count": count
        default: nil
        }
    }
}

struct IDName: TemplateData {
    let id: String
    let name: String
    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "name": name
        default: nil
        }
    }
}

struct BulletinLink: TemplateData {
    let title: String
    let href: String
    let date: String
    let datetime: String
    let number: String?
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "href": href
        case "date": date
        case "datetime": datetime
        case "number": number
        default: nil
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
    func child(named key: String) -> Any? {
        switch key {
        case "bounds": bounds
        case "geojson": geojson
        case "tiles": tiles
        case "attribution": attribution
        case "lat": lat
        case "lon": lon
        case "zoom": zoom
        case "district": district
        case "listing": listing
        case "small": small
        default: nil
        }
    }
}

/// Listings of one district on an index page; `Item` is a card's HTML or a card's data.
struct DistrictGroup<Item: Encodable>: TemplateData {
    let id: String
    let name: String
    let href: String
    let count: Int
    let listings: [Item]
    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "name": name
        case "href": href
        case "count": count
        case "listings": listings
        default: nil
        }
    }
}
