import Foundation
@testable import SasaeaiCore
import SasaeaiInput
import XCTest

/// The field schema: every header means one field, and each field kind reads as documented.
final class ListingSchemaTests: XCTestCase {
    func testNationalLayoutHeadersEachMeanAField() throws {
        let header = "全国地方公共団体コード,ID,都道府県,市区町村名,名称,名称_カナ,設置目的,実施支援の主な区分,住所,方書,緯度,経度,電話番号1,電話番号1_連絡先備考,電話番号2,電話番号2_連絡先備考,内線番号,FAX番号,URL,メールアドレス1,メールアドレス1_連絡先備考,メールアドレス2,メールアドレス2_連絡先備考,法人番号,運営団体名,開催頻度,開催曜日,開催日,開催開始時間,開催終了時間,開催日時特記事項,参加条件,参加費_幼児,参加費_小学生,参加費_中学生,参加費_高校生,参加費_大人,参加費特記事項,予約方法,予約特記事項,定員,フードパントリー実施,テイクアウト実施,学区,ネットワークの加入,追加情報NO,画像,画像_ライセンス,備考"
        let columns = header.split(separator: ",").map { ListingColumn.classify(header: String($0)) }
        for (name, meaning) in zip(header.split(separator: ","), columns) {
            guard case .column = meaning else { return XCTFail("\(name) is not a field: \(meaning)") }
        }
        XCTAssertEqual(Set(columns).count, columns.count, "no two headers of the layout mean the same field")
        XCTAssertEqual(ListingSchema.nationalLayout.map { $0.field.csvHeader }.joined(separator: ","), header,
                       "the CSV is written in the layout's names and order")
        XCTAssertEqual(ListingColumn.classify(header: "都道府県コード又は市区町村コード"), .column(.municipalityCode))
        XCTAssertEqual(ListingColumn.classify(header: "NO"), .column(.number))
        XCTAssertEqual(ListingColumn.classify(header: "\u{FEFF}全国地方公共団体コード"), .column(.municipalityCode), "a second BOM")
    }

    func testEveryPublicFieldReachesTheOpenData() {
        for field in ListingSchema.fields where !field.outputs.isDisjoint(with: [.page, .search]) {
            XCTAssertTrue(field.outputs.contains(.data), "\(field.key) is shown to residents but not in data/")
        }
        // Only the coordinate pair (written out as lat and lon) and the layout's internal
        // cross-reference number stay out of data/.
        XCTAssertEqual(ListingSchema.fields.filter { !$0.outputs.contains(.data) }.map(\.key), [.coordinates, .extraInfoNumber])
        XCTAssertEqual(Set(ListingSchema.nationalLayout).count, ListingSchema.nationalLayout.count)
        XCTAssertTrue(ListingSchema.nationalLayout.allSatisfy { $0.field.national != nil })
        XCTAssertEqual(Set(ListingSchema.fields.map(\.key)), Set(ListingColumn.allCases), "every key has exactly one field")
        XCTAssertEqual(ListingSchema.fields.count, ListingColumn.allCases.count)
    }

    func testAliasesAndFolding() {
        XCTAssertEqual(ListingColumn.classify(header: "ﾌﾘｶﾞﾅ"), .column(.kana))
        XCTAssertEqual(ListingColumn.classify(header: "名称_カナ"), .column(.kana))
        XCTAssertEqual(ListingColumn.classify(header: "電話番号"), .column(.contact))
        XCTAssertEqual(ListingColumn.classify(header: "電話番号1"), .column(.contact))
        XCTAssertEqual(ListingColumn.classify(header: "運営団体名"), .column(.organiser))
        XCTAssertEqual(ListingColumn.classify(header: "開催日"), .column(.days))
        XCTAssertEqual(ListingColumn.classify(header: "開催日時"), .column(.schedule))
        XCTAssertEqual(ListingColumn.classify(header: "緯度経度"), .column(.coordinates))
        XCTAssertEqual(ListingColumn.classify(header: "fee_adult"), .column(.feeAdult))
    }

    func testPrivatePrefixesUseTheSameFoldingAsHeaders() {
        for header in ["_メモ", "＿メモ", "非公開メモ", "非 公開メモ", "非　公開メモ", " 非公開_連絡先", "ｰ"] where header != "ｰ" {
            XCTAssertEqual(ListingColumn.classify(header: header), .private, header)
        }
        XCTAssertEqual(ListingColumn.classify(header: "公開メモ"), .extra("公開メモ"))
    }

    func testNearMissesNameTheProbableField() {
        XCTAssertEqual(ListingSchema.nearMiss("開催日程")?.key, .schedule)
        XCTAssertEqual(ListingSchema.nearMiss("連絡先電話")?.key, .contact)
        XCTAssertEqual(ListingSchema.nearMiss("ふりがなー")?.key, .kana)
        XCTAssertNil(ListingSchema.nearMiss("持ち物"))
        XCTAssertNil(ListingSchema.nearMiss("駐車場"))
    }

    func testTableDiagnostics() {
        let text = "ID,名称,団体名,ふりがな,開催日程,,_メモ\na,A,B,えー,毎週月曜,x,secret\n"
        let (table, _) = DelimitedTable.parse(text, delimiter: .comma, file: "t.csv")
        var diagnostics: [Diagnostic] = []
        let raws = ListingTableReader.read(table, file: "t.csv", into: &diagnostics)
        XCTAssertEqual(diagnostics.map { "\($0.location.line):\($0.location.column):\($0.code)" }, ["1:3:E043", "1:5:W044", "1:1:W046", "2:6:W045"])
        XCTAssertTrue(diagnostics[0].message.contains("名称"), diagnostics[0].message)
        XCTAssertTrue(diagnostics[1].message.contains("開催日時"), diagnostics[1].message)
        // 開催日程 is not taken as the schedule, so the table also says it has none (W046).
        XCTAssertEqual(raws[0].text(.name), "A", "the first of two headers is kept, never silently the last")
        XCTAssertFalse(raws[0].values.values.contains { $0.text == "secret" })
        XCTAssertFalse(raws[0].extras.contains { $0.value.text == "secret" })
        XCTAssertEqual(raws[0].extras.map(\.label), ["開催日程"], "a near miss is still shown, not lost")
    }

    func testTwoUnknownColumnsWithOneNameAreAnError() {
        let (table, _) = DelimitedTable.parse("ID,名称,ふりがな,開催日時,メモ,メ モ\na,A,えー,毎週月曜,x,y\n", delimiter: .comma, file: "t.csv")
        var diagnostics: [Diagnostic] = []
        let raws = ListingTableReader.read(table, file: "t.csv", into: &diagnostics)
        XCTAssertEqual(diagnostics.map { "\($0.location.column):\($0.code)" }, ["6:E043"])
        XCTAssertEqual(raws[0].extras.map(\.value.text), ["x"])
    }

    func testNoScheduleColumnIsAWarning() {
        let (table, _) = DelimitedTable.parse("ID,名称,ふりがな\na,A,えー\n", delimiter: .comma, file: "t.csv")
        var diagnostics: [Diagnostic] = []
        _ = ListingTableReader.read(table, file: "t.csv", into: &diagnostics)
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["W046"])
    }

    func testDerivedIDsAreStableAndNamed() {
        let text = "NO,名称,名称_カナ,開催日\n0000000001,A,エー,\n2,B,ビー,\n"
        let (table, _) = DelimitedTable.parse(text, delimiter: .comma, file: "listings/15_182109 kodomo.csv")
        var diagnostics: [Diagnostic] = []
        let raws = ListingTableReader.read(table, file: "listings/15_182109 kodomo.csv", into: &diagnostics)
        XCTAssertEqual(raws.map { $0.text(.id) }, ["15_182109-kodomo-1", "15_182109-kodomo-2"])
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["W047"], "one warning per table")
        XCTAssertTrue(diagnostics[0].message.contains("URL"))

        let (byReading, _) = DelimitedTable.parse("ID,名称,名称_カナ,開催日\n,A,エー,\n", delimiter: .comma, file: "k.csv")
        var more: [Diagnostic] = []
        let first = ListingTableReader.read(byReading, file: "k.csv", into: &more)[0].text(.id)
        let again = ListingTableReader.read(byReading, file: "k.csv", into: &more)[0].text(.id)
        XCTAssertEqual(first, again)
        XCTAssertEqual(first, "k-" + ListingTableReader.stableHash("えー"))
        XCTAssertEqual(ListingTableReader.stableHash(""), "811c9dc5", "FNV-1a offset basis")
        XCTAssertEqual(ListingTableReader.stemSlug("listings/子ども食堂.csv"), "listing")
    }

    func testFieldKinds() {
        XCTAssertEqual(FieldFormat.fee("300"), "300円")
        XCTAssertEqual(FieldFormat.fee("0 "), "無料")
        XCTAssertEqual(FieldFormat.fee("１，０００円"), "1000円")
        XCTAssertNil(FieldFormat.fee(" -"))
        XCTAssertEqual(FieldFormat.fee("チケット制"), "チケット制")
        XCTAssertEqual(FieldFormat.fee("300円（お茶代）"), "300円（お茶代）")
        XCTAssertNil(FieldFormat.fee("ー"), "a long-vowel mark alone is a dash")
        XCTAssertEqual(FieldFormat.fee("５００円"), "500円")
        XCTAssertEqual(FieldFormat.fee("100円"), "100円")
        XCTAssertEqual(FieldFormat.fee("0100円"), "100円")
        XCTAssertEqual(FieldFormat.fee("0円"), "無料")
        XCTAssertEqual(FieldFormat.fee("円"), "円")
        XCTAssertEqual(FieldFormat.fee("1,000円"), "1000円")
        XCTAssertEqual(FieldFormat.flag("1 "), true)
        XCTAssertEqual(FieldFormat.flag("0"), false)
        XCTAssertNil(FieldFormat.flag("要相談"))
        XCTAssertEqual(FieldFormat.telephone("(03)5822-5371"), "tel:03-5822-5371")
        XCTAssertEqual(FieldFormat.telephone("(0776)72-0007"), "tel:0776-72-0007")
        XCTAssertEqual(FieldFormat.telephone("090-9365-1679"), "tel:090-9365-1679")
        XCTAssertNil(FieldFormat.telephone("非公開"))
        XCTAssertEqual(FieldFormat.telephone("０２７０ー１１ー２３０１（平日）"), "tel:0270-11-2301", "full-width digits, ー as the dash")
        XCTAssertEqual(FieldFormat.telephone("内線 12、担当 0270-11-2301 / 0270-11-2302"), "tel:0270-11-2301", "the first full number")
        XCTAssertNil(FieldFormat.telephone("内線 1234"), "too short")
        XCTAssertTrue(FieldFormat.isEmail("taitokonet@gmail.com"))
        XCTAssertFalse(FieldFormat.isEmail("info@"))
        XCTAssertFalse(FieldFormat.isEmail("a b@example.org"))
        XCTAssertEqual(ListingSchema.frequencyLabel("５"), "月1回程度")
        XCTAssertEqual(FieldFormat.display(ListingColumn.support.field, "学習支援;フードパントリー")?.value, "学習支援・フードパントリー")
        XCTAssertEqual(FieldFormat.display(ListingColumn.image.field, "javascript:alert(1)")?.link, nil)
    }

    func testScheduleColumnsCombine() {
        func compose(_ frequency: String? = nil, _ weekdays: String? = nil, _ days: String? = nil, _ start: String? = nil, _ end: String? = nil) -> String? {
            ScheduleComposer.compose(.init(frequency: frequency, weekdays: weekdays, days: days, start: start, end: end, note: nil))
        }
        XCTAssertEqual(compose("5", "土", "第３", "13:30", "15:30"), "第３土曜 13:30〜15:30")
        XCTAssertEqual(compose("5", "水", "第2・4水曜日 15時～19時", "15:00", "19:00"), "第2・4水曜日 15時～19時")
        XCTAssertEqual(compose("1", "月火水木金", nil, "13:00", "20:00"), "毎週月・火・水・木・金曜 13:00〜20:00")
        XCTAssertEqual(compose("3", "木日", nil, "10:00", nil), "毎週木・日曜 10:00〜")
        XCTAssertEqual(compose("5", "水", "毎月第三水曜日", "16:00", "20:00"), "毎月第三水曜日 16:00〜20:00")
        XCTAssertEqual(compose("5", "日", "毎月12日"), "毎月12日 日曜")
        XCTAssertEqual(compose("8"), "不定期")
        XCTAssertNil(compose("5"), "how often but not when: no schedule text, the page shows the frequency")
        XCTAssertEqual(compose(nil, nil, "非公開", "16:00", "非公開"), "非公開 16:00〜／非公開")

        // Through the checker and the real parser: weekdays and nth weekdays become rules.
        let checker = ListingChecker(districts: Vocabulary([("chuo", "中央")]), categories: Vocabulary([]), audiences: Vocabulary([]))
        func rules(_ values: [ListingColumn: String]) -> [String] {
            var raw = RawListing(source: SourceLocation(file: "t.csv"))
            for (column, text) in values { raw.values[column] = RawValue(text: text, location: SourceLocation(file: "t.csv")) }
            for (column, text) in [(ListingColumn.id, "a"), (.name, "A"), (.kana, "えー"), (.kind, "place"), (.district, "chuo")] where raw.values[column] == nil {
                raw.values[column] = RawValue(text: text, location: SourceLocation(file: "t.csv"))
            }
            var diagnostics: [Diagnostic] = []
            return checker.check(raw, into: &diagnostics)?.schedule?.rules.compactMap(\.rrule) ?? []
        }
        XCTAssertEqual(rules([.weekdays: "土", .days: "第３", .startTime: "13:30", .endTime: "15:30"]).count, 1)
        XCTAssertEqual(rules([.frequency: "1", .weekdays: "月火水木金", .startTime: "13:00"]).count, 1)
        XCTAssertFalse(rules([.frequency: "1", .weekdays: "月火水木金", .scheduleNote: "開所日は変更する場合があります"]).isEmpty,
                       "a free-text note does not cost the listing its dates")
    }

    func testCoordinatePairInOneCell() {
        let checker = ListingChecker(districts: Vocabulary([("chuo", "中央")]), categories: Vocabulary([]), audiences: Vocabulary([]))
        for (column, text) in [(ListingColumn.lat, "36.395, 139.33"), (.coordinates, "36.395，139.33")] {
            var raw = RawListing(source: SourceLocation(file: "t.csv"))
            for (c, t) in [(ListingColumn.id, "a"), (.name, "A"), (.kana, "えー"), (.kind, "place"), (.district, "chuo"), (column, text)] {
                raw.values[c] = RawValue(text: t, location: SourceLocation(file: "t.csv"))
            }
            var diagnostics: [Diagnostic] = []
            let listing = checker.check(raw, into: &diagnostics)
            XCTAssertEqual(diagnostics, [])
            XCTAssertEqual(listing?.coordinate?.latitude, 36.395)
            XCTAssertEqual(listing?.coordinate?.longitude, 139.33)
        }
    }

    func testVocabularyNamesWithSeparatorsMatchBeforeSplitting() {
        let vocabulary = Vocabulary([("undo", "運動・体操"), ("ibasho", "居場所"), ("shokuji", "食事/会食")])
        XCTAssertEqual(vocabulary.split("運動・体操・居場所"), ["運動・体操", "居場所"])
        XCTAssertEqual(vocabulary.split("居場所、食事/会食"), ["居場所", "食事/会食"])
        XCTAssertEqual(vocabulary.split("居場所・介護予防"), ["居場所", "介護予防"])
    }

    func testDistrictFromAreas() {
        var checker = ListingChecker(districts: Vocabulary([("chuo", "中央"), ("kita", "北野")]), categories: Vocabulary([]), audiences: Vocabulary([]))
        checker.areas = [("本町", "chuo"), ("中本町", "kita"), ("北野", "kita")]
        func district(_ address: String) -> (String?, [String]) {
            var raw = RawListing(source: SourceLocation(file: "t.csv"))
            for (c, t) in [(ListingColumn.id, "a"), (.name, "A"), (.kana, "えー"), (.kind, "place"), (.address, address)] {
                raw.values[c] = RawValue(text: t, location: SourceLocation(file: "t.csv", line: 2, column: 5))
            }
            var diagnostics: [Diagnostic] = []
            let listing = checker.check(raw, into: &diagnostics)
            return (listing?.districtID, diagnostics.map(\.code.rawValue))
        }
        XCTAssertEqual(district("ひばり野町本町2-1").0, "chuo")
        XCTAssertEqual(district("ひばり野町中本町2-1").0, "kita", "the longest 町名 wins")
        XCTAssertEqual(district("ひばり野町東町1").1, ["E050"])
    }
}

/// docs/columns.md is generated from the schema and must match it.
final class ColumnReferenceTests: XCTestCase {
    func testCommittedReferenceMatchesTheSchema() throws {
        let url = Repository.root.appendingPathComponent("docs/columns.md")
        let generated = ColumnReference.markdown()
        if ProcessInfo.processInfo.environment["SASAEAI_WRITE_DOCS"] == "1" {
            try Data(generated.utf8).write(to: url)
        }
        let committed = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(committed, generated, "docs/columns.md is out of date: run SASAEAI_WRITE_DOCS=1 swift test --filter ColumnReferenceTests")
        for field in ListingSchema.fields {
            XCTAssertTrue(committed.contains("`\(field.key.rawValue)`"), field.key.rawValue)
        }
    }
}

/// What published tables do that a hand-made one does not.
final class PublishedTableQuirksTests: XCTestCase {
    private func read(_ text: String, sidecar: String? = nil) -> ([RawListing], [Diagnostic]) {
        let (table, _) = DelimitedTable.parse(text, delimiter: .comma, file: "t.csv")
        var diagnostics: [Diagnostic] = []
        var car = TableSidecar()
        if let sidecar, let fields = YAMLFields.parse(sidecar, file: "t.yml", firstLine: 1, into: &diagnostics) {
            car = TableSidecar.read(fields, into: &diagnostics)
        }
        return (ListingTableReader.read(table, file: "t.csv", sidecar: car, into: &diagnostics), diagnostics)
    }

    func testReadingFromTheNameWithOneWarning() {
        let (raws, diagnostics) = read("ID,名称,名称_カナ,開催日\n1,子ども食堂A,,\n2,子ども食堂B,,\n")
        XCTAssertEqual(raws.map { $0.text(.kana) }, ["子ども食堂A", "子ども食堂B"])
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["W058"])
        XCTAssertTrue(diagnostics[0].message.contains("2 行"))
    }

    func testDamagedByteOrderMarkBeforeTheFirstHeader() {
        let (raws, diagnostics) = read("?全国地方公共団体コード,ID,名称,名称_カナ,開催日\n131105,1,A,エー,\n")
        XCTAssertEqual(diagnostics.map(\.code.rawValue), [])
        XCTAssertEqual(raws[0].text(.municipalityCode), "131105")
    }

    func testAdditionalInfoTableRowsAreSessions() {
        let (raws, diagnostics) = read("NO,住所,方書,開催曜日,開催日,学区,備考\n0001,東京都,,土,第1,,\n")
        XCTAssertEqual(diagnostics, [], "no 名称 column is expected in a 追加情報 table")
        XCTAssertEqual(raws.map(\.isAdditional), [true])
        XCTAssertEqual(raws[0].text(.id), "t-1", "keyed like the main table's derived IDs")
    }

    func testIDPrefixFromTheSidecar() {
        let (raws, diagnostics) = read("ID,名称,名称_カナ,開催日\n1,A,エー,\n,B,ビー,\n", sidecar: "id_prefix: taito\n")
        XCTAssertEqual(raws.map { $0.text(.id) }, ["taito-1", "taito-" + ListingTableReader.stableHash("びー")])
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["W047"])
    }

    func testSameReadingTwiceGetsANumber() {
        let (raws, _) = read("ID,名称,名称_カナ,開催日\n,A,エー,第1土曜\n,A,エー,第3土曜\n")
        let first = "t-" + ListingTableReader.stableHash("えー")
        XCTAssertEqual(raws.map { $0.text(.id) }, [first, first + "-2"])
    }

    func testURLThatIsNotAURLIsShownAsText() throws {
        let checker = ListingChecker(districts: Vocabulary([("chuo", "中央")]), categories: Vocabulary([]), audiences: Vocabulary([]))
        var raw = RawListing(source: SourceLocation(file: "t.csv"))
        for (c, t) in [(ListingColumn.id, "a"), (.name, "A"), (.kana, "えー"), (.kind, "place"), (.district, "chuo"), (.url, "Instagram「あんじぇらごはん」で検索")] {
            raw.values[c] = RawValue(text: t, location: SourceLocation(file: "t.csv"))
        }
        var diagnostics: [Diagnostic] = []
        let listing = try XCTUnwrap(checker.check(raw, into: &diagnostics))
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["W059"])
        XCTAssertNil(listing.url)
        XCTAssertEqual(listing[.url], "Instagram「あんじぇらごはん」で検索")
        raw.values[.url] = RawValue(text: "javascript:alert(1)", location: SourceLocation(file: "t.csv"))
        diagnostics = []
        XCTAssertNil(checker.check(raw, into: &diagnostics))
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["E111"])
    }

    func testNoteReadAsTheDayWhenItSaysWhich() {
        let checker = ListingChecker(districts: Vocabulary([]), categories: Vocabulary([]), audiences: Vocabulary([]))
        var raw = RawListing(source: SourceLocation(file: "t.csv"))
        for (c, t) in [(ListingColumn.frequency, "5"), (.weekdays, "水"), (.startTime, "17:00"), (.scheduleNote, "毎月第2水曜日")] {
            raw.values[c] = RawValue(text: t, location: SourceLocation(file: "t.csv"))
        }
        XCTAssertEqual(checker.scheduleText(raw), "毎月第2水曜日 17:00〜")
        raw.values[.scheduleNote] = RawValue(text: "8月は休み", location: SourceLocation(file: "t.csv"))
        raw.values[.days] = RawValue(text: "第2", location: SourceLocation(file: "t.csv"))
        XCTAssertEqual(checker.scheduleText(raw), "第2水曜 17:00〜／8月は休み")
    }
}
