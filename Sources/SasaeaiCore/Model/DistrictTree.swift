/// How the districts nest (SPEC 3.2 `parent`): prefecture → municipality → district. Positions
/// are into `SiteContent.districts`, so siblings keep the districts' `order`.
struct DistrictTree: Sendable {
    /// Districts without a parent, in district order.
    let roots: [Int]
    /// Each district's children, in district order.
    let children: [[Int]]
    /// Each district's ancestors, the top first; empty at the top.
    let ancestors: [[Int]]
    /// Parents before their children, siblings in district order: the districts index's order.
    let preorder: [Int]

    /// Whether any district has a parent. A flat town's pages and exports stay as they were.
    var isNested: Bool { roots.count != children.count }

    /// Nesting deeper than 国 → 都道府県 → 市区町村 → 地区 is almost certainly a slip in `parent`.
    static let usualDepth = 4

    init(_ districts: [District]) {
        var position: [String: Int] = [:]
        for (i, district) in districts.enumerated() { position[district.id] = i }
        var parentOf = districts.map { $0.parent.flatMap { position[$0] } }
        // The check stage reports unknown parents and cycles and removes them; a content that
        // still has one (a caller that skipped the check) gets a forest all the same, by
        // cutting each cycle where it is found.
        for start in districts.indices {
            var seen: Set<Int> = [start]
            var at = start
            while let up = parentOf[at] {
                if seen.contains(up) { parentOf[at] = nil; break }
                seen.insert(up)
                at = up
            }
        }
        var children = Array(repeating: [Int](), count: districts.count)
        var roots: [Int] = []
        for i in districts.indices {
            if let parent = parentOf[i] { children[parent].append(i) } else { roots.append(i) }
        }
        var ancestors = Array(repeating: [Int](), count: districts.count)
        var preorder: [Int] = []
        preorder.reserveCapacity(districts.count)
        func visit(_ i: Int, path: [Int]) {
            ancestors[i] = path
            preorder.append(i)
            for child in children[i] { visit(child, path: path + [i]) }
        }
        for root in roots { visit(root, path: []) }
        self.roots = roots
        self.children = children
        self.ancestors = ancestors
        self.preorder = preorder
        var level = roots
        var depth = 0
        while level.count == 1, !children[level[0]].isEmpty {
            level = children[level[0]]
            depth += 1
        }
        entryLevel = level
        entryDepth = depth
    }

    /// The district and everything below it.
    func subtree(_ i: Int) -> [Int] {
        [i] + children[i].flatMap(subtree)
    }

    /// The level a site opens on: the top, or below it while the top is one district (a
    /// prefecture's site opens on its municipalities, not on the prefecture alone).
    let entryLevel: [Int]
    /// How many districts lie above the entry level (0, or 1 for a prefecture's site).
    let entryDepth: Int

    /// The district and those above it, the top first: the district path of listings in exports.
    func path(to i: Int) -> [Int] { ancestors[i] + [i] }

    /// A district's name where a page lists districts of several branches side by side: with
    /// the districts above it, from the site's entry level down (海風市 › 中央), as two towns
    /// may each have a 中央. A flat town's names stay as they are.
    func qualifiedName(_ i: Int, in districts: [District]) -> String {
        (ancestors[i].dropFirst(entryDepth) + [i]).map { districts[$0].name }.joined(separator: " › ")
    }
}
