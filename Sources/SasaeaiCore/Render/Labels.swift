import SasaeaiInput

/// Every text the render code puts on a page by itself (titles, breadcrumbs, date forms): the
/// key it has in `templates/labels.yml`, so a theme relabels the site without Swift.
enum Label: String, CaseIterable, Sendable {
    case districtsTitle = "districts.title"
    case areasTitle = "areas.title"
    case listingsTitle = "listings.title"
    case listingsBreadcrumb = "listings.breadcrumb"
    case categoryTitle = "category.title"
    case audienceTitle = "audience.title"
    case weekdayTitle = "weekday.title"
    case weekdayLink = "weekday.link"
    case calendarTitle = "calendar.title"
    case weekTitle = "week.title"
    case districtPartTitle = "district_part.title"
    case partTitle = "part.title"
    case mapTitle = "map.title"
    case searchTitle = "search.title"
    case notFoundTitle = "not_found.title"
    case searchPageType = "search.page_type"
    case bulletinNumber = "bulletin.number"
    case bulletinIssued = "bulletin.issued"
    case printDistrictTitle = "print.district_title"
    case printAsOf = "print.as_of"
    case printQuarter = "print.quarter"
    case scheduleAsWritten = "listing.schedule_as_written"
    case pausedSince = "listing.paused"
    case endedSince = "listing.ended"
    case imageLicence = "listing.image_licence"
    case changeNone = "changes.none"
    case dateDay = "date.day"
    case dateMonth = "date.month"
    case dateYear = "date.year"
    case dateFiscalYear = "date.fiscal_year"

    /// The values the label may show, as `{name}` in its text.
    var placeholders: [LabelValue] {
        switch self {
        case .categoryTitle, .audienceTitle: [.name]
        case .weekdayTitle, .weekdayLink: [.weekday]
        case .calendarTitle: [.month]
        case .districtPartTitle: [.title, .district]
        case .partTitle: [.title, .part]
        case .bulletinNumber: [.number]
        case .bulletinIssued, .printAsOf: [.date]
        case .printDistrictTitle: [.district]
        case .printQuarter: [.from, .to]
        case .scheduleAsWritten: [.field]
        case .imageLicence: [.licence]
        case .dateDay: [.year, .month, .day]
        case .dateMonth: [.year, .month]
        case .dateYear, .dateFiscalYear: [.year]
        case .districtsTitle, .areasTitle, .listingsTitle, .listingsBreadcrumb, .weekTitle, .mapTitle,
             .searchTitle, .notFoundTitle, .searchPageType, .pausedSince, .endedSince, .changeNone: []
        }
    }
}

/// A value a label shows: `{name}` in labels.yml.
enum LabelValue: String, CaseIterable, Sendable {
    case name, title, part, weekday, month, district, number, date, field, licence, year, day, from, to
}

/// The theme's labels, checked when read: each is its text cut at its placeholders, so filling
/// one is a walk over a few pieces.
struct Labels: Sendable {
    enum Piece: Equatable, Sendable {
        case text(String)
        case value(LabelValue)
    }

    private let forms: [Label: [Piece]]

    init(_ forms: [Label: [Piece]]) {
        precondition(Label.allCases.allSatisfy { forms[$0] != nil }, "every label has a form (LabelsFile checks)")
        self.forms = forms
    }

    /// A label that takes no values.
    subscript(label: Label) -> String {
        text(label, [:])
    }

    /// The label with its placeholders filled from `values`, which must hold every value the
    /// label takes (`Label.placeholders`).
    func text(_ label: Label, _ values: [LabelValue: String]) -> String {
        let pieces = forms[label] ?? []
        if pieces.count == 1, case .text(let text) = pieces[0] { return text }
        var result = ""
        for piece in pieces {
            switch piece {
            case .text(let text): result += text
            case .value(let name):
                assert(values[name] != nil, "\(label.rawValue) shows {\(name.rawValue)}, which was not given")
                result += values[name] ?? ""
            }
        }
        return result
    }

    /// 2024年4月, 2024年4月1日, 2016年度: a date as the coordinator wrote it.
    func date(_ date: WrittenDate) -> String {
        switch date {
        case .day(let d): text(.dateDay, [.year: "\(d.year)", .month: "\(d.month)", .day: "\(d.day)"])
        case .month(let m): text(.dateMonth, [.year: "\(m.year)", .month: "\(m.month)"])
        case .year(let y): text(.dateYear, [.year: "\(y)"])
        case .fiscalYear(let y): text(.dateFiscalYear, [.year: "\(y)"])
        }
    }

    /// A part's title says which part it is, so each page of a split index has its own.
    func partTitle(_ title: String, part: Int) -> String {
        part > 1 ? text(.partTitle, [.title: title, .part: "\(part)"]) : title
    }

    /// Why a label's text cannot be used as written.
    enum FormProblem: Equatable, Error {
        /// `{name}` where the label does not take `name`.
        case unknownPlaceholder(String)
        /// A `{` with no `}` after its name.
        case unclosedPlaceholder
    }

    /// A label's text cut at its placeholders, in one pass over its scalars. `{{` and `}}` stand
    /// for a brace itself; a `}` alone is kept as written.
    static func pieces(of text: String, for label: Label) -> Result<[Piece], FormProblem> {
        var pieces: [Piece] = []
        var literal = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar {
            case "{" where pending == "{", "}" where pending == "}":
                literal.append(scalar)
                pending = scalars.next()
            case "{":
                var name = String.UnicodeScalarView()
                while let next = pending, next != "}", next != "{" {
                    name.append(next)
                    pending = scalars.next()
                }
                guard pending == "}" else { return .failure(.unclosedPlaceholder) }
                pending = scalars.next()
                let written = String(name)
                guard let value = LabelValue(rawValue: written), label.placeholders.contains(value) else {
                    return .failure(.unknownPlaceholder(written))
                }
                if !literal.isEmpty { pieces.append(.text(String(literal))) }
                literal = String.UnicodeScalarView()
                pieces.append(.value(value))
            default:
                literal.append(scalar)
            }
        }
        if !literal.isEmpty || pieces.isEmpty { pieces.append(.text(String(literal))) }
        return .success(pieces)
    }
}
