/// A number in a row of the statistics table.
struct CountCell: TemplateData {
    let count: Int
    func value(_ key: TemplateKey) -> TemplateValue { key == .count ? .init(count) : .none }
}

struct StatsRow: TemplateData {
    let name: String
    let href: String
    let counts: [CountCell]
    let total: Int
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .name: .init(name)
        case .href: .init(href)
        case .counts: .init(counts)
        case .total: .init(total)
        default: .none
        }
    }
}

struct CategoryCount: TemplateData {
    let name: String
    let href: String
    let count: Int
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .name: .init(name)
        case .href: .init(href)
        case .count: .init(count)
        default: .none
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
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .kinds: .init(kinds)
        case .rows: .init(rows)
        case .totals: .init(totals)
        case .categories: .init(categories)
        case .total: .init(total)
        case .figures: .init(figures)
        default: .none
        }
    }
}

struct ChangedField: TemplateData {
    let label: String
    let before: String
    let after: String
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .label: .init(label)
        case .before: .init(before)
        case .after: .init(after)
        default: .none
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
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .name: .init(name)
        case .districtName: .init(districtName)
        case .kindName: .init(kindName)
        case .href: .init(href)
        case .hasFields: .init(fields.isEmpty ? nil : true)
        case .fields: .init(fields.isEmpty ? nil : fields)
        default: .none
        }
    }
}

struct ChangeGroup: TemplateData {
    let label: String
    let listings: [ChangedListing]
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .label: .init(label)
        case .listings: .init(listings)
        default: .none
        }
    }
}

/// The bulletin's changes embed: what changed since the previous issue.
struct ChangesData: TemplateData {
    let groups: [ChangeGroup]
    var empty: Bool { groups.isEmpty }
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .groups: .init(groups)
        case .empty: .init(empty)
        default: .none
        }
    }
}

/// One kind's part of a district's bar, in the chart's 0…1000 units.
struct BarSegment: TemplateData {
    let kind: String
    let value: Int
    let x: Int
    let width: Int
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .kind: .init(kind)
        case .value: .init(value)
        case .x: .init(x)
        case .width: .init(width)
        // Templates choose the colour per kind: paper engines do not style SVG from the page's CSS.
        case .isSalon, .isPlace, .isGroup: .init(key.rawValue == "is_" + kind)
        default: .none
        }
    }
}

/// A district's row of a figure: the stacked bar and the numbers of the accessible table.
struct FigureRow: TemplateData {
    let name: String
    let segments: [BarSegment]
    let counts: [CountCell]
    let total: Int
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .name: .init(name)
        case .segments: .init(segments)
        case .counts: .init(counts)
        case .total: .init(total)
        default: .none
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

    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .key: .init(self.key)
        case .label: .init(label)
        case .rows: .init(rows)
        case .totals: .init(totals)
        case .total: .init(total)
        default: .none
        }
    }
}
