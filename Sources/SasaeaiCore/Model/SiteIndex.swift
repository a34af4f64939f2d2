import SasaeaiSchedule

/// Groupings every page needs, computed once in one pass so no page does a linear search.
struct SiteIndex: Sendable {
    let listingsByID: [String: Int]
    let districtsByID: [String: Int]
    /// Indexes into `content.listings`, in 五十音順, of listings shown in indexes (not ended).
    let listed: [Int]
    /// Position of a listing index in `listed`.
    let listedPosition: [Int: Int]
    /// The 行 (あ行, か行 …) of each listing in `listed`, and where each 行 begins there: the
    /// listings index and its jumps, made once rather than for each of its parts.
    let listedRows: [String]
    let rowStart: [String: Int]
    let byDistrict: [String: [Int]]
    /// Listings in a district or in any district below it: a parent's counts, map and paper sheet.
    /// The same as `byDistrict` in a flat town.
    let underDistrict: [String: [Int]]
    let districtTree: DistrictTree
    let byKind: [ListingKind: [Int]]
    let byCategory: [String: [Int]]
    let byAudience: [String: [Int]]
    let byWeekday: [Weekday: [Int]]
    let categoryNames: [String: String]
    let audienceNames: [String: String]

    init(_ content: SiteContent) {
        var listingsByID: [String: Int] = [:]
        var listed: [Int] = []
        var byDistrict: [String: [Int]] = [:]
        var byKind: [ListingKind: [Int]] = [:]
        var byCategory: [String: [Int]] = [:]
        var byAudience: [String: [Int]] = [:]
        var byWeekday: [Weekday: [Int]] = [:]
        for (index, listing) in content.listings.enumerated() {
            listingsByID[listing.id] = index
            guard listing.isListed else { continue }
            listed.append(index)
            byDistrict[listing.districtID, default: []].append(index)
            byKind[listing.kind, default: []].append(index)
            for id in listing.categoryIDs { byCategory[id, default: []].append(index) }
            for id in listing.audienceIDs { byAudience[id, default: []].append(index) }
            for day in listing.schedule?.weekdays(asOf: content.asOf) ?? [] { byWeekday[day, default: []].append(index) }
        }
        self.listingsByID = listingsByID
        self.listed = listed
        listedPosition = Dictionary(uniqueKeysWithValues: listed.enumerated().map { ($1, $0) })
        listedRows = listed.map { Gojuon.row(of: content.listings[$0].kana) }
        var rowStart: [String: Int] = [:]
        for (position, row) in listedRows.enumerated() where rowStart[row] == nil { rowStart[row] = position }
        self.rowStart = rowStart
        self.byDistrict = byDistrict
        let districtsByID = Dictionary(uniqueKeysWithValues: content.districts.enumerated().map { ($1.id, $0) })
        let tree = DistrictTree(content.districts)
        if tree.isNested {
            var underDistrict: [String: [Int]] = [:]
            for i in listed {
                let id = content.listings[i].districtID
                guard let position = districtsByID[id] else { continue }
                for above in tree.ancestors[position] { underDistrict[content.districts[above].id, default: []].append(i) }
                underDistrict[id, default: []].append(i)
            }
            self.underDistrict = underDistrict
        } else {
            underDistrict = byDistrict
        }
        districtTree = tree
        self.districtsByID = districtsByID
        self.byKind = byKind
        self.byCategory = byCategory
        self.byAudience = byAudience
        self.byWeekday = byWeekday
        categoryNames = Dictionary(uniqueKeysWithValues: content.config.categories.map { ($0.id, $0.name) })
        audienceNames = Dictionary(uniqueKeysWithValues: content.config.audiences.map { ($0.id, $0.name) })
    }
}
