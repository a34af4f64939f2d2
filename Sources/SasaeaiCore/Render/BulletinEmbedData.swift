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
    /// The yearly figures some listing gives; none when the tables have no such column.
    let figures: [FigureChart]
    func child(named key: String) -> Any? {
        switch key {
        case "kinds": kinds
        case "rows": rows
        case "totals": totals
        case "categories": categories
        case "total": total
        case "figures": figures
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

/// One kind's part of a district's bar, in the chart's 0…1000 units.
struct BarSegment: TemplateData {
    let kind: String
    let value: Int
    let x: Int
    let width: Int
    func child(named key: String) -> Any? {
        switch key {
        case "kind": kind
        case "value": value
        case "x": x
        case "width": width
        // Templates choose the colour per kind: paper engines do not style SVG from the page's CSS.
        case "is_salon", "is_place", "is_group": key == "is_" + kind
        default: nil
        }
    }
}

/// A district's row of a figure: the stacked bar and the numbers of the accessible table.
struct FigureRow: TemplateData {
    let name: String
    let segments: [BarSegment]
    let counts: [CountCell]
    let total: Int
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "segments": segments
        case "counts": counts
        case "total": total
        default: nil
        }
    }
}

/// One of the council's yearly figures (年間実施回数, 参加者数 …) by district × kind: drawn as
/// bars for reading at a glance, with the table kept as its accessible equivalent.
struct FigureChart: TemplateData {
    let key: String
    let label: String
    let rows: [FigureRow]
    let totals: [CountCell]
    let total: Int

    /// Bars are scaled to the largest district total, so the longest bar fills the width.
    init(_ figure: ReportFigure, stats: Statistics) {
        key = figure.rawValue
        label = figure.label
        let kinds = ListingKind.allCases
        let largest = max(1, stats.rows.map { $0.figureTotal(figure) }.max() ?? 1)
        rows = stats.rows.map { row in
            let values = row.figures[figure] ?? Array(repeating: 0, count: kinds.count)
            var x = 0
            var segments: [BarSegment] = []
            for (kind, value) in zip(kinds, values) where value > 0 {
                let width = max(1, value * 1000 / largest)
                segments.append(BarSegment(kind: kind.rawValue, value: value, x: x, width: width))
                x += width
            }
            return FigureRow(name: row.districtName, segments: segments, counts: values.map(CountCell.init), total: row.figureTotal(figure))
        }
        let totals = stats.figureTotals(figure)
        self.totals = totals.map(CountCell.init)
        total = totals.reduce(0, +)
    }

    func child(named key: String) -> Any? {
        switch key {
        case "key": self.key
        case "label": label
        case "rows": rows
        case "totals": totals
        case "total": total
        default: nil
        }
    }
}
