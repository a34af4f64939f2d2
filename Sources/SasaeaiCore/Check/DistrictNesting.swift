import SasaeaiInput

/// Checks the districts' `parent:` (SPEC 3.2) and leaves a forest: an unknown parent or a cycle
/// is reported and cut, so every later stage can walk up and down without a guard.
enum DistrictNesting {
    /// `written` is each district's `parent:` as written, with where it was written. Returns
    /// whether every parent held (no E090 or E091): a tree cut by an error is not the one the
    /// coordinator meant, so nothing more is judged from it.
    @discardableResult
    static func resolve(_ districts: inout [District], written: [String: (text: String, location: SourceLocation)],
                        into diagnostics: inout [Diagnostic]) -> Bool {
        let before = diagnostics.count
        let ids = Set(districts.map(\.id))
        let names = Vocabulary(districts.map { ($0.id, $0.name) })
        for i in districts.indices {
            guard let (text, location) = written[districts[i].id] else { continue }
            if ids.contains(text) {
                districts[i].parent = text
                continue
            }
            let hint = names.sharedName(text).map { "（「\(text)」という地区は \($0.joined(separator: "、")) です）" }
                ?? names.resolve(text).map { "（「\(text)」の ID は \($0) です）" }
                ?? Suggestion.hint(for: text, in: ids.sorted())
            diagnostics.append(Diagnostic(.unknownParentDistrict,
                "地区「\(districts[i].name)」の parent「\(text)」という地区がありません\(hint)。districts/ にある地区のファイル名（.md を除いた ID）を書いてください",
                at: location))
        }
        cutCycles(&districts, written: written, into: &diagnostics)
        let tree = DistrictTree(districts)
        for i in districts.indices where tree.ancestors[i].count >= DistrictTree.usualDepth {
            let path = (tree.ancestors[i] + [i]).map { districts[$0].name }.joined(separator: " › ")
            diagnostics.append(Diagnostic(.deepDistrictNesting,
                "地区「\(districts[i].name)」は上から \(tree.ancestors[i].count + 1) 段目です（\(path)）。入れ子はふつう 国・都道府県・市区町村・地区 の \(DistrictTree.usualDepth) 段までです。parent が正しいか確かめてください",
                at: written[districts[i].id]?.location ?? districts[i].source))
        }
        return !diagnostics[before...].contains { $0.severity == .error }
    }

    /// Each cycle is reported once, at the `parent:` of its member that comes first in file
    /// order, and cut there; the other members then hang below it.
    private static func cutCycles(_ districts: inout [District], written: [String: (text: String, location: SourceLocation)],
                                  into diagnostics: inout [Diagnostic]) {
        var position: [String: Int] = [:]
        for (i, district) in districts.enumerated() { position[district.id] = i }
        var settled = Set<Int>()
        for start in districts.indices.sorted(by: { districts[$0].source < districts[$1].source }) where !settled.contains(start) {
            var walk: [Int] = []
            var at: Int? = start
            while let i = at, !settled.contains(i), !walk.contains(i) {
                walk.append(i)
                at = districts[i].parent.flatMap { position[$0] }
            }
            settled.formUnion(walk)
            guard let repeated = at, let from = walk.firstIndex(of: repeated) else { continue }
            let cycle = Array(walk[from...])
            let cut = cycle.min { districts[$0].source < districts[$1].source }!
            let names = (cycle + [cycle[0]]).map { districts[$0].name }.joined(separator: " → ")
            diagnostics.append(Diagnostic(.districtCycle,
                "地区の parent をたどると元に戻ります（\(names)）。いちばん上になる地区の parent を消すか、正しい地区に直してください",
                at: written[districts[cut].id]?.location ?? districts[cut].source))
            districts[cut].parent = nil
        }
    }

    /// A salon or a place meets at one venue, so it belongs to the district where it meets; a
    /// support group (`group`) may serve a whole municipality. So a salon or place whose 地区
    /// is a district that has districts below it is most likely missing its own district: it
    /// is shown on the parent's page (as the parent's own, 全域), not on any district below.
    /// One warning per parent, at its first such listing.
    static func venueListingsInParents(_ districts: [District], _ listings: [Listing], into diagnostics: inout [Diagnostic]) {
        let tree = DistrictTree(districts)
        guard tree.isNested else { return }
        var position: [String: Int] = [:]
        for (i, district) in districts.enumerated() { position[district.id] = i }
        var found: [Int: [Listing]] = [:]
        for listing in listings where listing.isListed && listing.kind != .group {
            guard let i = position[listing.districtID], !tree.children[i].isEmpty else { continue }
            found[i, default: []].append(listing)
        }
        for (i, listings) in found.sorted(by: { $0.key < $1.key }) {
            let district = districts[i]
            let first = listings.min { $0.source < $1.source }!
            let below = tree.children[i].prefix(3).map { districts[$0].name }.joined(separator: "、") + (tree.children[i].count > 3 ? " など" : "")
            let others = listings.count > 1 ? "ほか \(listings.count - 1)件" : ""
            diagnostics.append(Diagnostic(.venueListingInParentDistrict,
                "サロン・通いの場「\(first.name)」\(others)の地区が「\(district.name)」ですが、\(district.name)の中には地区（\(below)）があります。\(district.name)のページに\(district.name)全域の掲載として載り、中の地区のページには出ません。会場のある地区を書いてください",
                at: first.source))
        }
    }
}
