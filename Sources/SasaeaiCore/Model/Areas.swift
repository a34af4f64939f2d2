import SasaeaiInput

/// The 町名 and 自治会 of the districts (`areas:`), each with the district that covers it.
/// Residents think in them (「町名を教えていただければ、近くのサロンをご案内します」), and a row with
/// no 地区 is placed by the one its 住所 names.
struct AreaMatcher: Sendable {
    struct Area: Sendable, Hashable {
        let name: String
        let districtID: String
    }

    /// Folded once, longest first: 本町 must not be found inside 中本町.
    private let keys: [(key: String, area: Area)]

    init(_ areas: [Area]) {
        keys = areas.map { (TextNormalization.matchKey($0.name), $0) }.filter { !$0.key.isEmpty }
            .sorted { $0.key.count > $1.key.count }
    }

    init(districts: [District]) {
        self.init(districts.flatMap { district in district.areas.map { Area(name: $0, districtID: district.id) } })
    }

    var isEmpty: Bool { keys.isEmpty }

    /// The areas the address names: those of the longest name it contains, one per district.
    /// More than one means two districts claim that name.
    func areas(in address: String) -> [Area] {
        let folded = TextNormalization.matchKey(address)
        var best: [Area] = []
        var bestLength = 0
        for (key, area) in keys where key.count >= bestLength {
            guard folded.contains(key) else { continue }
            if key.count > bestLength { best = []; bestLength = key.count }
            if !best.contains(where: { $0.districtID == area.districtID }) { best.append(area) }
        }
        return best
    }
}

/// An entry of `areas:` with its reading: 「本町（ほんまち）」 gives 本町 read ほんまち; an entry in
/// kana reads as itself, and one that is the district's own name reads as the district.
enum AreaName {
    static func parse(_ entry: String) -> (name: String, kana: String?) {
        let trimmed = entry.trimmingCharacters(in: .whitespaces)
        for (open, close) in [("（", "）"), ("(", ")")] where trimmed.hasSuffix(close) {
            guard let start = trimmed.range(of: open, options: .backwards) else { continue }
            let name = trimmed[..<start.lowerBound].trimmingCharacters(in: .whitespaces)
            let kana = trimmed[start.upperBound..<trimmed.index(before: trimmed.endIndex)].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, !kana.isEmpty, kana.allSatisfy(isKana) { return (name, kana) }
        }
        return (trimmed, nil)
    }

    static func isKana(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { (0x3041...0x309F).contains($0.value) || (0x30A0...0x30FF).contains($0.value) }
    }

    /// The reading of `name` in `district`, where one is known.
    static func reading(_ name: String, in district: District) -> String? {
        if let kana = district.areaKana[name] { return kana }
        if name.allSatisfy(isKana) { return name }
        return name == district.name ? district.kana : nil
    }
}

/// One 町名 of the 「町名から探す」 index: its district, and the listed activities whose 住所 is in it.
struct AreaEntry: Sendable, Equatable {
    let name: String
    let kana: String?
    /// Index into `content.districts`.
    let district: Int
    /// Indexes into `content.listings`, in 五十音順.
    let listings: [Int]
}

enum AreaIndex {
    /// Every 町名 of every district, in 五十音順 of its reading; names whose reading is unknown come
    /// last, in the order of their characters (so the order never depends on file order).
    /// A listing is in the 町 of its own district that its 住所 names (matching against its
    /// district's areas only keeps this linear in the listings at prefecture scale).
    static func entries(_ content: SiteContent, listed: [Int]) -> [AreaEntry] {
        let matchers = Dictionary(content.districts.map { ($0.id, AreaMatcher(districts: [$0])) }, uniquingKeysWith: { first, _ in first })
        var members: [AreaMatcher.Area: [Int]] = [:]
        for i in listed {
            let listing = content.listings[i]
            guard let address = listing.address, let matcher = matchers[listing.districtID] else { continue }
            for area in matcher.areas(in: address) { members[area, default: []].append(i) }
        }
        var seen: Set<AreaMatcher.Area> = []
        let entries = content.districts.enumerated().flatMap { position, district in
            district.areas.compactMap { name -> AreaEntry? in
                let area = AreaMatcher.Area(name: name, districtID: district.id)
                guard seen.insert(area).inserted else { return nil }
                return AreaEntry(name: name, kana: AreaName.reading(name, in: district), district: position, listings: members[area] ?? [])
            }
        }
        return entries.sorted { a, b in
            switch (a.kana.map(Gojuon.sortKey), b.kana.map(Gojuon.sortKey)) {
            case let (x?, y?): x != y ? x < y : (a.name, a.district) < (b.name, b.district)
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): (a.name, a.district) < (b.name, b.district)
            }
        }
    }
}
