import Foundation
@testable import SasaeaiCore
import SasaeaiInput
import SasaeaiSchedule
import XCTest

/// Tables municipalities publish in the shared 子ども食堂 layout, unchanged, plus a sidecar of
/// at most three lines, build a site where every named row has a page, schedules reach the
/// weekday pages, phone numbers are tel: links and fees are shown per age group.
final class NationalLayoutTests: XCTestCase {
    static let fixtures = Repository.root.appendingPathComponent("Tests/SasaeaiCoreTests/Fixtures/national-layout")
    static let names = ["sakai-182109", "taito-131067", "wako-112291"]

    private static let built: (TemporaryContent, BuildReport) = {
        var files = ["site.yml": TemporaryContent.siteYML, "districts/minami.md": TemporaryContent.district]
        for name in names {
            let data = try! Data(contentsOf: fixtures.appendingPathComponent(name + ".csv"))
            files["listings/\(name).csv"] = String(decoding: data, as: UTF8.self)
            files["listings/\(name).yml"] = "defaults: { kind: 子ども食堂, district: minami }\n"
        }
        let scratch = try! TemporaryContent(files)
        var options = scratch.options()
        options.asOf = LocalDate(year: 2024, month: 6, day: 1)
        return (scratch, Builder.build(options))
    }()

    override class func tearDown() {
        built.0.remove()
        super.tearDown()
    }

    private func page(_ path: String) throws -> String { try Self.built.0.read(path) }

    /// The fixture's rows as published, by header.
    private func rows(_ name: String) throws -> [[String: String]] {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent(name + ".csv"))
        guard case .success(let decoded) = TextDecoding.decode(data) else { throw XCTSkip("undecodable") }
        let (table, _) = DelimitedTable.parse(decoded.text, delimiter: .comma, file: name)
        let headers = table.header.map { $0.value.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}")) }
        return table.rows.map { row in
            Dictionary(row.cells.map { (headers[$0.column - 1], $0.value) }, uniquingKeysWith: { a, _ in a })
        }
    }

    func testBuildsWithoutErrorsAndSaysWhichIDsWereDerived() {
        let report = Self.built.1
        XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }.map(\.description), [])
        let derived = report.diagnostics.filter { $0.code == DiagnosticCode.derivedID }.map { ($0.location.file as NSString).lastPathComponent }
        XCTAssertEqual(derived.sorted(), ["sakai-182109.csv", "wako-112291.csv"], "taito has its own IDs")
        XCTAssertFalse(report.diagnostics.contains { $0.code == DiagnosticCode.noScheduleColumn || $0.code == DiagnosticCode.nearMissHeader })
    }

    func testEveryNamedRowHasAPage() throws {
        let content = try XCTUnwrap(Self.built.1.content)
        var total = 0
        for name in Self.names {
            for row in try rows(name) where !(row["名称"] ?? "").isEmpty {
                total += 1
                let listing = try XCTUnwrap(content.listings.first { $0.name == row["名称"] }, "\(name): \(row["名称"]!)")
                XCTAssertTrue(try page("listings/\(listing.id)/index.html").contains(listing.name))
            }
        }
        XCTAssertEqual(total, 24)
        XCTAssertEqual(content.listings.count, 24)
        XCTAssertNotNil(content.listings.first { $0.id == "aa" } ?? content.listings.first { $0.id == "1" }, "numeric IDs are valid")
    }

    func testSchedulesReachWeekdayPagesAndCalendars() throws {
        // 坂井市: 開催曜日 日 + 開催日 毎月第4日曜日; 台東区: 火木 + 毎月第二火曜日、第四木曜日.
        XCTAssertTrue(shownText(try page("weekdays/sun/index.html")).contains("子ども食堂スマイル"))
        XCTAssertTrue(shownText(try page("weekdays/tue/index.html")).contains("下町こども食堂さくら"))
        XCTAssertTrue(shownText(try page("weekdays/thu/index.html")).contains("下町こども食堂さくら"))
        // 坂井市 西瓜屋: 開催頻度 2 + 水木金土日 → every week on those days.
        XCTAssertTrue(shownText(try page("weekdays/sat/index.html")).contains("西瓜屋子ども食堂"))
        let content = try XCTUnwrap(Self.built.1.content)
        let smile = try XCTUnwrap(content.listings.first { $0.name == "子ども食堂スマイル" })
        XCTAssertEqual(smile.schedule?.rules.map(\.rrule), ["FREQ=MONTHLY;BYDAY=4SU"])
        XCTAssertTrue(shownText(try page("calendar/2024-06/index.html")).contains("子ども食堂スマイル"))
    }

    func testPhonesAreTelLinksAndFeesArePerAgeGroup() throws {
        let content = try XCTUnwrap(Self.built.1.content)
        let kids = try XCTUnwrap(content.listings.first { $0.name == "Kids Café" })
        let html = try page("listings/\(kids.id)/index.html")
        XCTAssertTrue(html.contains("href=\"tel:03-5822-5371\""), "(03)5822-5371 is a tel: link")
        let smile = try XCTUnwrap(content.listings.first { $0.name == "子ども食堂スマイル" })
        let smileHTML = try page("listings/\(smile.id)/index.html")
        for (label, value) in [("参加費（幼児）", "100円"), ("参加費（大人）", "300円"), ("開催頻度", "月1回程度")] {
            XCTAssertTrue(smileHTML.contains("<dt>\(label)</dt><dd>\(value)</dd>"), "\(label) \(value)")
        }
        // 予約方法 leads the はじめての方へ block, its 予約特記事項 beside it.
        XCTAssertTrue(smileHTML.contains("<dt>予約</dt><dd>電話"), "予約 電話")
        XCTAssertFalse(smileHTML.contains("開催頻度</dt><dd>5"), "residents never read the code")
        let mirai = try XCTUnwrap(content.listings.first { $0.name == "下町こども食堂みらい" })
        let miraiHTML = try page("listings/\(mirai.id)/index.html")
        XCTAssertTrue(miraiHTML.contains("<dt>参加費（大人）</dt><dd>無料</dd>"), "\"0 \" is free")
        XCTAssertTrue(miraiHTML.contains("日本ホーリネス教団上野教会"), "方書 joins the venue")
        XCTAssertTrue(miraiHTML.contains("ＮＰＯ法人台東区の子育てを支え合うネットワーク"), "運営団体名")
        let searched = SearchIndex.searchedTexts(mirai)
        XCTAssertTrue(searched.contains("ＮＰＯ法人台東区の子育てを支え合うネットワーク"), "the organiser is searched")
        XCTAssertTrue(searched.contains("フードパントリー") && !searched.contains("あり"), "a flag is found by its name")
    }

    func testOpenDataCarriesTheLayout() throws {
        let csv = String(decoding: try Data(contentsOf: Self.built.0.output.appendingPathComponent("data/listings.csv")), as: UTF8.self)
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}全国地方公共団体コード,ID,都道府県,市区町村名,名称,名称_カナ,"))
        let json = try page("data/listings.json")
        XCTAssertTrue(json.contains("\"fee_adult\" : \"300\""))
        XCTAssertTrue(json.contains("\"organiser\""))
        let geo = try page("data/listings.geojson")
        XCTAssertTrue(geo.contains("\"municipality_code\":\"182109\""))

        // Every filled cell of a published row whose field is public reaches the JSON record.
        let records = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        for name in Self.names {
            for row in try rows(name) where !(row["名称"] ?? "").isEmpty {
                let record = try XCTUnwrap(records.first { $0["name"] as? String == row["名称"] })
                for (header, value) in row where !value.trimmingCharacters(in: .whitespaces).isEmpty {
                    guard case .column(let column) = ListingColumn.classify(header: header), column.field.outputs.contains(.data) else { continue }
                    XCTAssertNotNil(record[column.rawValue], "\(name) \(row["名称"]!): \(header) → \(column.rawValue)")
                }
            }
        }
    }
}

/// Sidecars, areas and the files of listings/ that are not read.
final class SidecarTests: XCTestCase {
    private func check(_ files: [String: String]) throws -> BuildReport {
        let scratch = try TemporaryContent(files)
        defer { scratch.remove() }
        return Builder.check(scratch.options())
    }

    func testDefaultsAndColumnsFromTheSidecar() throws {
        let report = try check([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": "---\nname: 南\nareas: [南原, 南町]\n---\n",
            "listings/t.csv": "ID,名称,ふりがな,活動場所,開催日時,住所\na,A,えー,南原公民館,毎週月曜,ひばり野町南原1-2\n",
            "listings/t.yml": "defaults: { kind: place, categories: [居場所] }\ncolumns: { 活動場所: venue }\nextra: 1\n",
            "listings/orphan.yml": "defaults: { kind: salon }\n",
            "listings/old.xls": "x",
        ])
        XCTAssertEqual(report.diagnostics.map(\.code.rawValue).sorted(), ["W041", "W048", "W049"])
        let listing = try XCTUnwrap(report.content?.listings.first)
        XCTAssertEqual(listing.kind, .place)
        XCTAssertEqual(listing.categoryIDs, ["ibasho"])
        XCTAssertEqual(listing.venue, "南原公民館")
        XCTAssertEqual(listing.districtID, "minami", "no 地区: the district whose areas match the address")
    }

    func testUnknownFieldInSidecarIsAnError() throws {
        let report = try check([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            "listings/t.csv": "ID,名称,ふりがな,開催日時\na,A,えー,毎週月曜\n",
            "listings/t.yml": "defaults: { kinds: place }\n",
        ])
        let error = try XCTUnwrap(report.diagnostics.first { $0.code.rawValue == "E042" })
        XCTAssertTrue(error.message.contains("kind"), error.message)
        XCTAssertEqual(error.location.line, 1)
    }
}

/// data/listings.csv, read back as a table, gives the same listings.
final class CSVRoundTripTests: XCTestCase {
    func testExampleTownRoundTrips() throws {
        let first = try TemporaryContent([:])
        defer { first.remove() }
        let report = Builder.build(first.options(content: Repository.content))
        XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }, [])
        let bytes = try Data(contentsOf: first.output.appendingPathComponent("data/listings.csv"))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 with a BOM, so Excel opens it")
        let csv = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}全国地方公共団体コード,ID,"), "national names first")
        let json = try first.read("data/listings.json")

        var files: [String: String] = ["listings/all.csv": csv]
        let fm = FileManager.default
        for relative in ["site.yml"] + (try fm.contentsOfDirectory(atPath: Repository.content.appendingPathComponent("districts").path)).map({ "districts/" + $0 }) {
            files[relative] = try String(contentsOf: Repository.content.appendingPathComponent(relative), encoding: .utf8)
        }
        let second = try TemporaryContent(files)
        defer { second.remove() }
        var options = second.options()
        options.asOf = report.content?.asOf
        let again = Builder.build(options)
        XCTAssertEqual(again.diagnostics.filter { $0.severity == .error }.map(\.description), [])
        let reread = try second.read("data/listings.json")
        XCTAssertEqual(reread, json)
        XCTAssertEqual(String(decoding: try Data(contentsOf: second.output.appendingPathComponent("data/listings.csv")), as: UTF8.self), csv)
    }
}

/// Listing front matter: nothing dropped without a word.
final class ListingFrontMatterTests: XCTestCase {
    func testNestedValueIsAWarning() throws {
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            "listings/alpha.md": "---\nname: アルファ\nkana: あるふぁ\nkind: salon\ndistrict: minami\ncontact:\n  tel: 0270-11-0000\n---\n",
        ])
        defer { scratch.remove() }
        let report = Builder.check(scratch.options())
        XCTAssertEqual(report.diagnostics.map { "\($0.location.line):\($0.code)" }, ["7:W056"])
    }

    func testTwoKeysForOneFieldAreAnError() throws {
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            "listings/alpha.md": "---\nname: アルファ\n名称: アルファ食堂\nkana: あるふぁ\nkind: salon\ndistrict: minami\n---\n",
        ])
        defer { scratch.remove() }
        let report = Builder.check(scratch.options())
        XCTAssertEqual(report.diagnostics.map { "\($0.location.line):\($0.code)" }, ["3:E043"])
    }
}

/// The example town's 子ども食堂 table as an Excel workbook (written by openpyxl:
/// Fixtures/make_kodomo_workbook.py) builds the same listings as the CSV.
final class WorkbookContentTests: XCTestCase {
    func testWorkbookGivesTheSameListingsAsTheCSV() throws {
        let original = try TemporaryContent([:])
        defer { original.remove() }
        let report = Builder.build(original.options(content: Repository.content))
        XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }, [])

        let scratch = try TemporaryContent([:])
        defer { scratch.remove() }
        try FileManager.default.copyItem(at: Repository.content, to: scratch.content)
        let listings = scratch.content.appendingPathComponent("listings")
        try FileManager.default.removeItem(at: listings.appendingPathComponent("kodomo-shokudo.csv"))
        try FileManager.default.copyItem(at: NationalLayoutTests.fixtures.deletingLastPathComponent().appendingPathComponent("kodomo-shokudo.xlsx"),
                                         to: listings.appendingPathComponent("kodomo-shokudo.xlsx"))
        let again = Builder.build(scratch.options())
        XCTAssertEqual(again.diagnostics.map(\.description), [again.diagnostics.first { $0.code == DiagnosticCode.unreadSheet }?.description].compactMap { $0 },
                       "only the workbook's notes sheet is reported")
        let sheetWarning = try XCTUnwrap(again.diagnostics.first)
        XCTAssertTrue(sheetWarning.description.contains("kodomo-shokudo.xlsx:説明!A1: warning[W057]"), sheetWarning.description)
        XCTAssertEqual(try scratch.read("data/listings.json"), try original.read("data/listings.json"))
    }

    func testCellReferencesInDiagnostics() throws {
        let scratch = try TemporaryContent(["site.yml": TemporaryContent.siteYML, "districts/minami.md": TemporaryContent.district])
        defer { scratch.remove() }
        let listings = scratch.content.appendingPathComponent("listings")
        try FileManager.default.createDirectory(at: listings, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: NationalLayoutTests.fixtures.deletingLastPathComponent().appendingPathComponent("kodomo-shokudo.xlsx"),
                                         to: listings.appendingPathComponent("kodomo-shokudo.xlsx"))
        // No sidecar and no 南 in any address: 種別 and 地区 are missing, named by cell.
        let report = Builder.check(scratch.options())
        let missing = report.diagnostics.filter { $0.code == DiagnosticCode.missingValue }
        XCTAssertEqual(missing.count, 12, report.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(missing.allSatisfy { $0.description.contains("kodomo-shokudo.xlsx:子ども食堂!A") }, missing.map(\.description).joined(separator: "\n"))
    }
}

/// 神奈川県's published workbook, unchanged, with a one-line sidecar.
final class PublishedWorkbookTests: XCTestCase {
    func testPrefectureWorkbookBuildsEveryNamedRow() throws {
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML, "districts/minami.md": TemporaryContent.district,
            "listings/kanagawa-140007.yml": "defaults: { kind: 子ども食堂, district: minami }\n",
        ])
        defer { scratch.remove() }
        try FileManager.default.copyItem(at: NationalLayoutTests.fixtures.appendingPathComponent("kanagawa-140007.xlsx"),
                                         to: scratch.content.appendingPathComponent("listings/kanagawa-140007.xlsx"))
        let report = Builder.check(scratch.options())
        XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }.map(\.description), [])
        XCTAssertEqual(report.content?.listings.count, 116, "every row of 基本情報 with a 名称")
        let codes = Set(report.diagnostics.map(\.code.rawValue))
        XCTAssertTrue(codes.isSuperset(of: ["W047", "W059"]), "\(codes.sorted())")
        let url = try XCTUnwrap(report.diagnostics.first { $0.code.rawValue == "W059" })
        XCTAssertTrue(url.description.contains("kanagawa-140007.xlsx:基本情報!S"), url.description)
        // The 追加情報 sheet's rows join the listings with the same NO.
        XCTAssertFalse(codes.contains("W057"), "the 追加情報 sheet is read, not skipped")
        let scheduled = report.content?.listings.filter { !($0.schedule?.rules.isEmpty ?? true) }.count ?? 0
        XCTAssertGreaterThan(scheduled, 58, "most rows' schedules are understood")
    }
}

/// Issue 8 case 4: a private header written with a space or a full-width underscore is private.
final class PrivateHeaderFoldingTests: XCTestCase {
    func testSpacedPrivateHeadersReachNoOutputFile() throws {
        let secrets = ["ひみつ一号", "ひみつ二号", "ひみつ三号"]
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            "listings/t.csv": "ID,名称,ふりがな,種別,地区,開催日時,非 公開メモ,非　公開メモ2,＿メモ\n"
                + "a,A,えー,salon,minami,毎週月曜 10:00〜12:00,\(secrets[0]),\(secrets[1]),\(secrets[2])\n",
        ])
        defer { scratch.remove() }
        let report = Builder.build(scratch.options())
        XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }, [])
        let files = FileManager.default.enumerator(at: scratch.output, includingPropertiesForKeys: nil)!
        var read = 0
        for case let url as URL in files {
            guard let data = try? Data(contentsOf: url) else { continue }
            read += 1
            let text = String(decoding: data, as: UTF8.self)
            for secret in secrets { XCTAssertFalse(text.contains(secret), "\(secret) in \(url.lastPathComponent)") }
        }
        XCTAssertGreaterThan(read, 20)
    }
}

/// The layout's 追加情報 table: more sessions of listings in the main table.
final class AdditionalInfoTests: XCTestCase {
    func testSessionsJoinTheirListing() throws {
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            "listings/ota.csv": "ID,名称,名称_カナ,住所,方書,開催曜日,開催日,開催開始時間,開催終了時間\nAA01,みんな食堂,ミンナショクドウ,大田区1-1,集会所,土,第1,11:00,13:00\n",
            "listings/ota.yml": "defaults: { kind: place, district: minami }\n",
            "listings/ota_tsuika.csv": "ID,住所,方書,開催曜日,開催日,開催開始時間,開催終了時間\nAA01,大田区2-2,教会,水,第3,17:00,19:00\nAA99,大田区3-3,,金,第2,,\nAA01,大田区4-4,,金,第4,,\n",
        ])
        defer { scratch.remove() }
        let report = Builder.build(scratch.options())
        XCTAssertEqual(report.diagnostics.map { "\(($0.location.file as NSString).lastPathComponent):\($0.location.line):\($0.code)" }, ["ota_tsuika.csv:3:W060"])
        let listing = try XCTUnwrap(report.content?.listings.first)
        XCTAssertEqual(report.content?.listings.count, 1)
        XCTAssertEqual(listing.schedule?.rules.map(\.rrule), ["FREQ=MONTHLY;BYDAY=1SA", "FREQ=MONTHLY;BYDAY=3WE", "FREQ=MONTHLY;BYDAY=4FR"])
        XCTAssertEqual(listing.extras, [ExtraField(label: "ほかの会場", value: "教会　大田区2-2（第3水曜 17:00〜19:00）／大田区4-4（第4金曜）")],
                       "one field, so the CSV and JSON keep every place")
        XCTAssertTrue(shownText(try scratch.read("weekdays/wed/index.html")).contains("みんな食堂"))
    }
}
