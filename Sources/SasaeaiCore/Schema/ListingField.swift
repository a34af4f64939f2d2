/// How a field's cell is read, checked and shown.
enum FieldKind: String, Sendable {
    case id, number, text, kana, listingKind, district, vocabulary, schedule
    case frequency, weekdays, schedulePart, latitude, longitude, coordinatePair
    case fee, phone, email, url, image, flag, code, status, date
    /// A yearly figure for the council's report (参加者数, 実施回数): a whole number.
    case count
    /// Read and deliberately not kept: a column of the national layout that means nothing to
    /// residents or to other systems once the table is published (an internal cross-reference).
    case dropped

    /// How `docs/columns.md` describes the kind to coordinators.
    var description: String {
        switch self {
        case .id: "半角英小文字・数字・ハイフン（URL になる）。数字だけでもよい"
        case .number: "表の通し番号（ID がない行の ID を作るのに使う）"
        case .count: "0 以上の整数（「107」「107名」「243回」のように単位を付けてもよい）"
        case .text: "文字"
        case .kana: "読み（ひらがな・カタカナ）"
        case .listingKind: "salon / place / group、またはサロン・通いの場・居場所・子ども食堂・支え合い・生活支援 など"
        case .district: "地区の ID か名前。空なら住所と地区の areas から決める"
        case .vocabulary: "site.yml の語（区切り: 、 , ; ／ ・）"
        case .schedule: "開催日時の文（第2・第4火曜日 10:00-12:00 など）"
        case .frequency: "開催頻度のコード 1〜8（下の表）"
        case .weekdays: "曜日（土、月火水木金、木日 など）"
        case .schedulePart: "開催日時の一部（ほかの開催の列とあわせて一つの開催日時になる）"
        case .latitude: "緯度（10進数）。「36.395, 139.33」のように緯度と経度を一つのセルに書いてもよい"
        case .longitude: "経度（10進数）"
        case .coordinatePair: "「緯度, 経度」を一つのセルに"
        case .fee: "金額（数字だけなら円、0 は無料）または文"
        case .phone: "電話番号（ページでは電話をかけるリンクになる）"
        case .email: "メールアドレス（ページではメールのリンクになる）"
        case .url: "http:// か https:// で始まる URL"
        case .image: "画像の URL（http(s)）"
        case .flag: "1 ならあり、0 か空ならなし"
        case .code: "数字のコード"
        case .status: "活動中・休止中・活動終了"
        case .date: "日付（2024-04、2024年4月、令和6年4月、R6.4 など）"
        case .dropped: "読み込むが使わない"
        }
    }
}

/// Where a field's value goes. Private columns have no field, so they go nowhere.
struct FieldOutputs: OptionSet, Sendable {
    let rawValue: Int
    /// The listing's own page (as a labelled fact, or in the card for name, kind, district …).
    static let page = FieldOutputs(rawValue: 1)
    /// The site's search index.
    static let search = FieldOutputs(rawValue: 2)
    /// data/listings.json, data/listings.csv and the properties of data/listings.geojson.
    static let data = FieldOutputs(rawValue: 4)
    /// data/hsds/ (Open Referral): which HSDS property carries it is the HSDS export's business.
    static let hsds = FieldOutputs(rawValue: 8)
    static let all: FieldOutputs = [.page, .search, .data, .hsds]
}

/// One listing field: the single place its headers, label, parsing and outputs are written.
struct ListingField: Sendable {
    let key: ListingColumn
    /// Japanese headers that mean this field, the one written by Sasaeai first. The key itself
    /// (`barrier_free`) and `national` are always accepted too.
    let headers: [String]
    /// What residents read on the page, and what messages call the field.
    let label: String
    let kind: FieldKind
    let outputs: FieldOutputs
    /// The header of the shared open-data layout for 子ども食堂・居場所, when it has one.
    let national: String?
    /// Required in every row (after sidecar defaults and derived values are applied).
    let required: Bool
    /// One line for the coordinators' column reference.
    let note: String

    init(_ key: ListingColumn, _ headers: [String], label: String? = nil, _ kind: FieldKind, _ outputs: FieldOutputs,
         national: String? = nil, required: Bool = false, note: String = "") {
        self.key = key
        self.headers = headers
        self.label = label ?? headers.first ?? key.rawValue
        self.kind = kind
        self.outputs = outputs
        self.national = national
        self.required = required
        self.note = note
    }

    /// Every header that means this field.
    var allHeaders: [String] {
        var result = headers
        if let national, !result.contains(national) { result.append(national) }
        result.append(key.rawValue)
        return result
    }

    /// The header written in data/listings.csv.
    var csvHeader: String { national ?? headers.first ?? key.rawValue }
}
