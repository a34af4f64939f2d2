import Mustache

/// A number in a row of the statistics table.
struct CountCell: TemplateData {
    let count: Int
    func child(named key: String) -> Any? { key == "count" ? count : nil }
}

struct StatsRow: TemplateData {
    let name: String
    let href: String
    let counts: [CountCell]
    let total: Int
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href
        case "counts": counts
        case "total": total
        default: nil
        }
    }
}

struct CategoryCount: TemplateData {
    let name: String
    let href: String
    let count: Int
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href
        case "count": count
        default: nil
        }
    }
}

/// The bulletin's statistics embed: listings per district and kind, and per category.
struct StatsData: TemplateData {
    let kinds: [IDName]
    let rows: [StatsRow]
    let totals: [CountCell]
    let categories: [CategoryCount]
    let total: Int
    func child(named key: String) -> Any? {
        switch key {
        case "kinds": kinds
        case "rows": rows
        case "totals": totals
        case "categories": categories
        case "total": total
        default: nil
        }
    }
}

struct ChangedField: TemplateData {
    let label: String
    let before: String
    let after: String
    func child(named key: String) -> Any? {
        switch key {
        case "label": label
        case "before": before
        case "after": after
        default: nil
        }
    }
}

/// A listing named in the changes embed; `href` only while it is still in the content.
struct ChangedListing: TemplateData {
    let name: String
    let districtName: String
    let kindName: String
    let href: String?
    let fields: [ChangedField]
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "district_name": districtName
        case "kind_name": kindName
        case "href": href
        case "has_fields": fields.isEmpty ? nil : true
        case "fields": fields.isEmpty ? nil : fields
        default: nil
        }
    }
}

struct ChangeGroup: TemplateData {
    let label: String
    let listings: [ChangedListing]
    func child(named key: String) -> Any? {
        switch key {
        case "label": label
        case "listings": listings
        default: nil
        }
    }
}

/// The bulletin's changes embed: what changed since the previous issue.
struct ChangesData: TemplateData {
    let groups: [ChangeGroup]
    var empty: Bool { groups.isEmpty }
    func child(named key: String) -> Any? {
        switch key {
        case "groups": groups
        case "empty": empty
        default: nil
        }
    }
}
