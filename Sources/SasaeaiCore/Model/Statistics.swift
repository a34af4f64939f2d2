/// Counts of listed (active and paused) listings by district × kind, and by category: the
/// `{{< stats >}}` embed and `sasaeai stats` show the same numbers.
public struct Statistics: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public let districtID: String
        public let districtName: String
        /// In `ListingKind.allCases` order.
        public let byKind: [Int]
        public var total: Int { byKind.reduce(0, +) }
    }

    public let rows: [Row]
    public let categories: [(term: Term, count: Int)]

    public var kindTotals: [Int] { ListingKind.allCases.indices.map { k in rows.reduce(0) { $0 + $1.byKind[k] } } }
    public var total: Int { rows.reduce(0) { $0 + $1.total } }

    public init(_ content: SiteContent) {
        var counts: [String: [Int]] = [:]
        var categoryCounts: [String: Int] = [:]
        for listing in content.listings where listing.isListed {
            let k = ListingKind.allCases.firstIndex(of: listing.kind)!
            counts[listing.districtID, default: Array(repeating: 0, count: ListingKind.allCases.count)][k] += 1
            for id in listing.categoryIDs { categoryCounts[id, default: 0] += 1 }
        }
        rows = content.districts.map { district in
            Row(districtID: district.id, districtName: district.name,
                byKind: counts[district.id] ?? Array(repeating: 0, count: ListingKind.allCases.count))
        }
        categories = content.config.categories.map { ($0, categoryCounts[$0.id] ?? 0) }
    }

    public static func == (a: Statistics, b: Statistics) -> Bool {
        a.rows == b.rows && a.categories.map(\.count) == b.categories.map(\.count)
    }
}
