/// The council's yearly figures, written per listing in optional columns and summed for its
/// report (実施回数・参加者数・ボランティア延人数, as 社協 annual reports give them).
public enum ReportFigure: String, CaseIterable, Sendable {
    case sessions = "sessions_per_year", participants, volunteers

    var column: ListingColumn {
        switch self {
        case .sessions: .sessionsPerYear
        case .participants: .participants
        case .volunteers: .volunteers
        }
    }

    public var label: String { column.label }
}

/// Counts of listed (active and paused) listings by district × kind, and by category, and the
/// sums of the yearly figures by district × kind: the `{{< stats >}}` embed and `sasaeai stats`
/// show the same numbers.
public struct Statistics: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public let districtID: String
        public let districtName: String
        /// In `ListingKind.allCases` order.
        public let byKind: [Int]
        public var total: Int { byKind.reduce(0, +) }
        /// Each figure's sum by kind (`ListingKind.allCases` order); listings that leave the
        /// column empty add nothing.
        public let figures: [ReportFigure: [Int]]

        public func figureTotal(_ figure: ReportFigure) -> Int { figures[figure]?.reduce(0, +) ?? 0 }
    }

    public let rows: [Row]
    public let categories: [(term: Term, count: Int)]

    public var kindTotals: [Int] { ListingKind.allCases.indices.map { k in rows.reduce(0) { $0 + $1.byKind[k] } } }
    public var total: Int { rows.reduce(0) { $0 + $1.total } }
    /// The figures at least one listed listing gives, in `ReportFigure` order.
    public let reportedFigures: [ReportFigure]

    public func figureTotals(_ figure: ReportFigure) -> [Int] {
        ListingKind.allCases.indices.map { k in rows.reduce(0) { $0 + ($1.figures[figure]?[k] ?? 0) } }
    }

    public init(_ content: SiteContent) {
        let zeros = Array(repeating: 0, count: ListingKind.allCases.count)
        var counts: [String: [Int]] = [:]
        var sums: [String: [ReportFigure: [Int]]] = [:]
        var reported = Set<ReportFigure>()
        var categoryCounts: [String: Int] = [:]
        for listing in content.listings where listing.isListed {
            let k = ListingKind.allCases.firstIndex(of: listing.kind)!
            counts[listing.districtID, default: zeros][k] += 1
            for figure in ReportFigure.allCases {
                guard let value = listing[figure.column].flatMap(Int.init) else { continue }
                sums[listing.districtID, default: [:]][figure, default: zeros][k] += value
                reported.insert(figure)
            }
            for id in listing.categoryIDs { categoryCounts[id, default: 0] += 1 }
        }
        // Each district counts its own listings; in a nested site the rows go parents first and
        // name the town with the district (海風市 › 中央), as two towns may each have a 中央.
        let tree = DistrictTree(content.districts)
        rows = tree.preorder.map { position in
            let district = content.districts[position]
            return Row(districtID: district.id, districtName: tree.qualifiedName(position, in: content.districts), byKind: counts[district.id] ?? zeros,
                figures: Dictionary(uniqueKeysWithValues: ReportFigure.allCases.map { ($0, sums[district.id]?[$0] ?? zeros) }))
        }
        reportedFigures = ReportFigure.allCases.filter(reported.contains)
        categories = content.config.categories.map { ($0, categoryCounts[$0.id] ?? 0) }
    }

    public static func == (a: Statistics, b: Statistics) -> Bool {
        a.rows == b.rows && a.categories.map(\.count) == b.categories.map(\.count) && a.reportedFigures == b.reportedFigures
    }
}
