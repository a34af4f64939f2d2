import SasaeaiInput

/// The three kinds of SPEC 3.3. Coordinators write them in many Japanese ways; all map here.
public enum ListingKind: String, CaseIterable, Sendable, Comparable {
    case salon, place, group

    public var name: String {
        switch self {
        case .salon: "サロン"
        case .place: "通いの場・居場所"
        case .group: "支え合い活動・生活支援"
        }
    }

    public var description: String {
        switch self {
        case .salon: "ふれあい・いきいきサロン、子育てサロン"
        case .place: "通いの場、居場所、子ども食堂"
        case .group: "買い物支援、見守り、ゴミ出し、除雪などの支え合い活動・生活支援団体"
        }
    }

    /// Recognises salon/place/group and the Japanese words coordinators use.
    /// Words that name each kind inside a longer text, as match keys (folded once).
    private static let words: [(ListingKind, [String])] = [
        (.salon, ["サロン"]),
        (.place, ["通いの場", "居場所", "食堂", "カフェ", "たまり場", "集いの場", "つどいの場"]),
        (.group, ["支え合い", "支えあい", "ささえあい", "生活支援", "助け合い", "たすけあい", "見守り", "買い物支援", "ボランティア"]),
    ].map { kind, list in (kind, list.map(TextNormalization.matchKey)) }

    public init?(written text: String) {
        let key = TextNormalization.matchKey(text)
        if let exact = ListingKind(rawValue: key) {
            self = exact
            return
        }
        for (kind, list) in Self.words where list.contains(where: { key.contains($0) }) {
            self = kind
            return
        }
        return nil
    }

    public static func < (a: ListingKind, b: ListingKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
