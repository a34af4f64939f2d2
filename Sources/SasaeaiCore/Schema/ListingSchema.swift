import SasaeaiInput

/// The listing fields, in the order a resident reads them on a listing's page (when, where,
/// what it costs, whom to ask). SPEC 3.3's columns, plus the fields of the shared open-data
/// layout for 子ども食堂・居場所 that municipalities publish.
enum ListingSchema {
    static let fields: [ListingField] = [
        ListingField(.id, ["ID"], .id, [.data, .hsds], national: "ID",
                     note: "空なら NO などの通し番号か読みから作る（警告）。URL になるので、一度公開したら変えない"),
        ListingField(.number, ["NO", "No.", "番号", "通し番号"], label: "番号", .number, [.data],
                     note: "ID がない表の行の ID を作るのに使う"),
        ListingField(.name, ["名称", "団体名"], .text, .all, national: "名称", required: true),
        ListingField(.kana, ["ふりがな", "フリガナ", "よみがな", "ヨミガナ", "読み"], label: "ふりがな", .kana, [.page, .search, .data, .hsds],
                     national: "名称_カナ", required: true, note: "五十音順の並びと検索に使う。表で空なら名称を使う（警告）"),
        ListingField(.kind, ["種別"], .listingKind, .all, required: true, note: "表にない場合は付属の .yml の defaults に書ける"),
        ListingField(.district, ["地区"], .district, .all, required: true,
                     note: "空なら、住所に地区の areas（町名）が含まれる地区になる"),
        ListingField(.categories, ["分類", "活動内容"], .vocabulary, .all),
        ListingField(.audience, ["対象"], .vocabulary, .all),
        ListingField(.schedule, ["開催日時", "日時"], .schedule, .all,
                     note: "開催頻度・開催曜日・開催日・開催開始時間・開催終了時間・開催日時特記事項の列からも作られる"),
        ListingField(.frequency, ["開催頻度"], .frequency, [.page, .data], national: "開催頻度"),
        ListingField(.weekdays, ["開催曜日", "曜日"], .weekdays, [.data], national: "開催曜日"),
        ListingField(.days, ["開催日"], .schedulePart, [.data], national: "開催日"),
        ListingField(.startTime, ["開催開始時間", "開始時間", "開始時刻"], .schedulePart, [.data], national: "開催開始時間"),
        ListingField(.endTime, ["開催終了時間", "終了時間", "終了時刻"], .schedulePart, [.data], national: "開催終了時間"),
        ListingField(.scheduleNote, ["開催日時特記事項", "開催日時の備考"], label: "開催日時について", .schedulePart, [.page, .search, .data],
                     national: "開催日時特記事項", note: "読み取れる例外（祝日は休み など）は開催日時に含め、それ以外はページに添える"),
        ListingField(.venue, ["会場", "場所"], .text, .all, note: "ページでは方書とあわせて表示する"),
        ListingField(.building, ["方書", "建物名"], .text, [.search, .data, .hsds], national: "方書",
                     note: "建物名・部屋番号。ページでは会場に続けて表示する"),
        ListingField(.address, ["住所", "所在地"], .text, .all, national: "住所"),
        ListingField(.lat, ["緯度"], .latitude, [.data, .hsds], national: "緯度"),
        ListingField(.lon, ["経度"], .longitude, [.data, .hsds], national: "経度"),
        ListingField(.coordinates, ["緯度経度", "座標"], label: "緯度経度", .coordinatePair, [],
                     note: "地図からコピーした「36.395, 139.33」。緯度と経度として出力する"),
        ListingField(.fee, ["参加費", "料金"], .fee, .all),
        ListingField(.feeInfant, ["参加費_幼児"], label: "参加費（幼児）", .fee, [.page, .data, .hsds], national: "参加費_幼児"),
        ListingField(.feeElementary, ["参加費_小学生"], label: "参加費（小学生）", .fee, [.page, .data, .hsds], national: "参加費_小学生"),
        ListingField(.feeJuniorHigh, ["参加費_中学生"], label: "参加費（中学生）", .fee, [.page, .data, .hsds], national: "参加費_中学生"),
        ListingField(.feeHighSchool, ["参加費_高校生"], label: "参加費（高校生）", .fee, [.page, .data, .hsds], national: "参加費_高校生"),
        ListingField(.feeAdult, ["参加費_大人"], label: "参加費（大人）", .fee, [.page, .data, .hsds], national: "参加費_大人"),
        ListingField(.feeNote, ["参加費特記事項", "参加費の備考"], label: "参加費について", .text, [.page, .data, .hsds], national: "参加費特記事項"),
        ListingField(.audienceNote, ["参加条件"], .text, .all, national: "参加条件"),
        ListingField(.capacity, ["定員"], .text, [.page, .data, .hsds], national: "定員"),
        ListingField(.booking, ["予約方法", "申込方法"], .text, [.page, .data, .hsds], national: "予約方法"),
        ListingField(.bookingNote, ["予約特記事項", "予約の備考"], label: "予約について", .text, [.page, .data, .hsds], national: "予約特記事項"),
        // What 社協 pages tell a first-timer beside booking: 「はじめてのご参加も大歓迎です」「見学だけでも」.
        ListingField(.firstVisit, ["はじめての方", "初めての方", "初参加", "見学"], label: "はじめての方", .text, [.page, .search, .data],
                     note: "はじめて来る人への一言（「見学だけでも歓迎です」「直接会場へお越しください」など）。カードとページの上の方に出る"),
        ListingField(.contact, ["連絡先", "問合せ", "問い合わせ", "電話番号"], .phone, [.page, .data, .hsds], national: "電話番号1",
                     note: "公開してよい連絡先だけ。電話番号はページで電話をかけるリンクになる"),
        ListingField(.contactNote, ["連絡先備考"], label: "連絡先の備考", .text, [.page, .data], national: "電話番号1_連絡先備考"),
        ListingField(.phone2, ["電話番号2"], label: "電話番号（2）", .phone, [.page, .data, .hsds], national: "電話番号2"),
        ListingField(.phone2Note, ["電話番号2の備考"], label: "電話番号（2）の備考", .text, [.page, .data], national: "電話番号2_連絡先備考"),
        ListingField(.phoneExtension, ["内線番号"], label: "内線", .text, [.page, .data], national: "内線番号"),
        ListingField(.fax, ["FAX番号", "FAX", "ファックス"], label: "FAX", .text, [.page, .data], national: "FAX番号"),
        ListingField(.email, ["メールアドレス", "メール"], .email, [.page, .data, .hsds], national: "メールアドレス1"),
        ListingField(.emailNote, ["メールアドレスの備考"], label: "メールの備考", .text, [.page, .data], national: "メールアドレス1_連絡先備考"),
        ListingField(.email2, ["メールアドレス2"], label: "メールアドレス（2）", .email, [.page, .data, .hsds], national: "メールアドレス2"),
        ListingField(.email2Note, ["メールアドレス2の備考"], label: "メールアドレス（2）の備考", .text, [.page, .data], national: "メールアドレス2_連絡先備考"),
        ListingField(.url, ["URL", "ホームページ"], label: "ホームページ", .url, [.page, .data, .hsds], national: "URL"),
        ListingField(.organiser, ["運営団体名", "運営団体", "主催", "運営"], label: "運営", .text, .all, national: "運営団体名"),
        ListingField(.purpose, ["設置目的", "目的"], label: "目的", .text, .all, national: "設置目的"),
        ListingField(.support, ["実施支援の主な区分"], label: "主な活動", .text, .all, national: "実施支援の主な区分",
                     note: "「;」区切りはページで「・」区切りにする"),
        ListingField(.foodPantry, ["フードパントリー実施", "フードパントリー"], label: "フードパントリー", .flag, .all, national: "フードパントリー実施"),
        ListingField(.takeout, ["テイクアウト実施", "テイクアウト"], label: "テイクアウト", .flag, .all, national: "テイクアウト実施"),
        ListingField(.schoolDistrict, ["学区"], .text, [.page, .search, .data], national: "学区"),
        ListingField(.barrierFree, ["バリアフリー"], .text, [.page, .search, .data, .hsds]),
        ListingField(.transport, ["送迎", "アクセス"], label: "送迎・アクセス", .text, [.page, .search, .data, .hsds]),
        ListingField(.image, ["画像", "写真"], .image, [.page, .data], national: "画像", note: "ページでは画像へのリンクとライセンスを表示する"),
        ListingField(.imageLicence, ["画像のライセンス"], label: "画像のライセンス", .text, [.data], national: "画像_ライセンス"),
        ListingField(.notes, ["備考"], .text, [.page, .search, .data, .hsds], national: "備考"),
        ListingField(.summary, ["紹介", "説明", "PR"], .text, .all, note: "一段落。行内の Markdown（**太字** など）が使える"),
        ListingField(.status, ["状態"], .status, .all, note: "空なら活動中"),
        ListingField(.since, ["開始", "開始年月"], label: "活動開始", .date, [.page, .data, .hsds]),
        ListingField(.until, ["終了", "休止日", "終了日"], label: "休止・終了", .date, [.page, .data, .hsds]),
        ListingField(.updated, ["更新日", "確認日"], label: "情報の確認日", .date, [.page, .data, .hsds]),
        // The council's own figures (社協の事業報告): summed by district × kind in `sasaeai stats`
        // and the {{< stats >}} embed; not shown on residents' pages.
        ListingField(.participants, ["参加者数", "利用者数", "参加人数", "参加者"], label: "参加者数", .count, [.data],
                     note: "1 年間の参加者の数（延べ人数でも実人数でも、町で決めた数え方で）"),
        ListingField(.volunteers, ["担い手・ボランティア数", "ボランティア数", "担い手数", "ボランティア延人数", "担い手"], label: "担い手・ボランティア数", .count, [.data],
                     note: "1 年間に運営にかかわった担い手・ボランティアの数"),
        ListingField(.sessionsPerYear, ["年間実施回数", "実施回数", "開催回数", "年間開催回数"], label: "年間実施回数", .count, [.data],
                     note: "1 年間に開いた回数"),
        ListingField(.network, ["ネットワークの加入"], .flag, [.data], national: "ネットワークの加入",
                     note: "地域ネットワークへの加入（住民向けのページには出さない）"),
        ListingField(.corporateNumber, ["法人番号"], .code, [.data], national: "法人番号", note: "オープンデータにだけ出す"),
        ListingField(.municipalityCode, ["全国地方公共団体コード", "都道府県コード又は市区町村コード", "市区町村コード"], .code, [.data, .hsds],
                     national: "全国地方公共団体コード"),
        ListingField(.prefecture, ["都道府県", "都道府県名"], .text, [.data, .hsds], national: "都道府県"),
        ListingField(.municipality, ["市区町村名", "市区町村"], label: "市区町村", .text, [.page, .search, .data, .hsds], national: "市区町村名"),
        ListingField(.extraInfoNumber, ["追加情報NO"], .dropped, [], national: "追加情報NO",
                     note: "全国の様式の内部の参照番号。読み込むが出力しない（CSV では空の列）"),
    ]

    /// The column order of the shared open-data layout (子ども食堂・居場所), as municipalities
    /// publish it; data/listings.csv is written in this order, then Sasaeai's own fields.
    static let nationalLayout: [ListingColumn] = [
        .municipalityCode, .id, .prefecture, .municipality, .name, .kana, .purpose, .support, .address, .building,
        .lat, .lon, .contact, .contactNote, .phone2, .phone2Note, .phoneExtension, .fax, .url, .email, .emailNote,
        .email2, .email2Note, .corporateNumber, .organiser, .frequency, .weekdays, .days, .startTime, .endTime,
        .scheduleNote, .audienceNote, .feeInfant, .feeElementary, .feeJuniorHigh, .feeHighSchool, .feeAdult,
        .feeNote, .booking, .bookingNote, .capacity, .foodPantry, .takeout, .schoolDistrict, .network,
        .extraInfoNumber, .image, .imageLicence, .notes,
    ]

    /// 開催頻度 as the layout codes it. Taken from the civic-tech map apps built on the layout
    /// (e.g. github.com/CivicTechSaitamaCity/230902-saitama-kodomo-shokudo, script.js); the
    /// published tables agree (1 with 月火水木金, 3 with one weekday, 5 with 第N). むすびえ's own
    /// specification document was not at hand when this was written.
    static let frequencies: [(code: String, label: String)] = [
        ("1", "ほぼ毎日（週5〜7回程度）"), ("2", "週3〜4回程度"), ("3", "週1〜2回程度"), ("4", "2週間に1回程度"),
        ("5", "月1回程度"), ("6", "数か月に1回程度"), ("7", "季節限定（長期休暇中のみなど）"), ("8", "不定期"),
    ]

    static func frequencyLabel(_ code: String) -> String? {
        let folded = TextNormalization.asciiFolded(code).trimmingCharacters(in: .whitespaces)
        return frequencies.first { $0.code == folded }?.label
    }

    private static let byKey: [ListingColumn: ListingField] = Dictionary(uniqueKeysWithValues: fields.map { ($0.key, $0) })

    static func field(_ key: ListingColumn) -> ListingField { byKey[key]! }

    /// The required fields' keys, and each field's kind by its key's case number: the checker
    /// asks for them on every row, and taking a whole `ListingField` out of `fields` copies its
    /// label and header lists each time.
    static let requiredKeys: [ListingColumn] = fields.filter(\.required).map(\.key)
    private static let kinds: [FieldKind] = ListingColumn.allCases.map { field($0).kind }
    static func kind(_ key: ListingColumn) -> FieldKind { kinds[key.ordinal] }

    /// Folded header → field.
    static let byHeader: [String: ListingColumn] = {
        var map: [String: ListingColumn] = [:]
        for field in fields {
            for header in field.allHeaders {
                let key = TextNormalization.matchKey(header)
                precondition(map[key] == nil || map[key] == field.key, "header \(header) means two fields")
                map[key] = field.key
            }
        }
        return map
    }()

    /// Headers that start with `_` or `非公開` never reach any output. `folded` is a matchKey.
    static func isPrivate(folded: String) -> Bool {
        folded.hasPrefix("_") || folded.hasPrefix(TextNormalization.matchKey("非公開"))
    }

    /// The field a header that matched nothing probably means: one edit away from a known
    /// header (開催日程 → 開催日時), or containing one (連絡先電話 → 連絡先). Nil when nothing is near.
    static func nearMiss(_ header: String) -> ListingField? {
        let key = TextNormalization.matchKey(header)
        guard key.count >= 2 else { return nil }
        var best: (ListingColumn, Int)?
        for (known, column) in byHeader.sorted(by: { $0.key < $1.key }) where known.count >= 2 {
            // A changed character beats an added one (開催日程 is 開催日時, not 開催日),
            // and both beat a header that merely contains a known one.
            let score: Int
            if Suggestion.distance(key, known) <= (max(key.count, known.count) >= 4 ? 1 : 0) {
                score = key.count == known.count ? 1 : 2
            } else if known.count >= 3, key.hasPrefix(known) || key.hasSuffix(known) {
                score = 3
            } else { continue }
            if best == nil || score < best!.1 { best = (column, score) }
        }
        return best.map { field($0.0) }
    }
}
