import SasaeaiInput

/// The columns of SPEC 3.3: a canonical key and the Japanese headers that mean the same.
enum ListingColumn: String, CaseIterable, Sendable {
    case id, name, kana, kind, district, categories, audience, schedule, venue, address, lat, lon
    case fee, capacity, contact, url, status, since, until, updated, summary
    case barrierFree = "barrier_free"
    case transport, notes

    var headers: [String] {
        switch self {
        case .id: ["ID"]
        case .name: ["名称", "団体名"]
        case .kana: ["ふりがな", "フリガナ", "よみがな", "名称_カナ"]
        case .kind: ["種別"]
        case .district: ["地区"]
        case .categories: ["分類", "活動内容"]
        case .audience: ["対象"]
        case .schedule: ["開催日時", "日時"]
        case .venue: ["会場", "場所"]
        case .address: ["住所", "所在地"]
        case .lat: ["緯度"]
        case .lon: ["経度"]
        case .fee: ["参加費", "料金"]
        case .capacity: ["定員"]
        case .contact: ["連絡先", "問合せ", "電話番号"]
        case .url: ["URL", "ホームページ"]
        case .status: ["状態"]
        case .since: ["開始", "開始年月"]
        case .until: ["終了", "休止日", "終了日"]
        case .updated: ["更新日", "確認日"]
        case .summary: ["紹介", "説明", "PR"]
        case .barrierFree: ["バリアフリー"]
        case .transport: ["送迎", "アクセス"]
        case .notes: ["備考"]
        }
    }

    static let required: [ListingColumn] = [.id, .name, .kana, .kind, .district]

    /// The Japanese label shown to residents and used in messages.
    var label: String {
        switch self {
        case .id: "ID"
        case .kana: "ふりがな"
        case .url: "ホームページ"
        case .lat: "緯度"
        case .lon: "経度"
        default: headers[0]
        }
    }

    private static let byKey: [String: ListingColumn] = {
        var map: [String: ListingColumn] = [:]
        for column in allCases {
            map[TextNormalization.matchKey(column.rawValue)] = column
            for header in column.headers { map[TextNormalization.matchKey(header)] = column }
        }
        return map
    }()

    /// What a header means: a known column, a private one, or an extra public field.
    static func classify(header: String) -> HeaderMeaning {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("_") || trimmed.hasPrefix("＿") || trimmed.hasPrefix("非公開") { return .private }
        if let column = byKey[TextNormalization.matchKey(trimmed)] { return .column(column) }
        return .extra(trimmed)
    }
}

enum HeaderMeaning: Equatable {
    case column(ListingColumn)
    case `private`
    case extra(String)
}
