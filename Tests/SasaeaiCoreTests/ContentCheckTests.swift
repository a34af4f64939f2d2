import Foundation
import SasaeaiCore
import SasaeaiInput
import XCTest

/// Bad input gets a clear answer: every mistake, with file:line:column and a stable code.
final class ContentCheckTests: XCTestCase {
    private func check(_ files: [String: String]) throws -> [Diagnostic] {
        let scratch = try TemporaryContent(files)
        defer { scratch.remove() }
        return Builder.check(scratch.options()).diagnostics
    }

    private let header = "ID\t名称\tふりがな\t種別\t地区\t分類\t対象\t開催日時\t緯度\t経度\tURL\t状態\t開始\t終了\n"

    func testReportsEveryMistakeInOneRunWithLocations() throws {
        let table = header
            + "a-salon\tあおばサロン\tあおばさろん\tサロン\t南町\t\t\t毎週水曜 13:30〜15:30\t\t\t\t\t\t\n"
            + "a-salon\t二重\tにじゅう\tサロン\t南\t\t\t\t\t\t\t\t\t\n"
            + "Bad_ID\tいど\tいど\tサロン\t南\t\t\t\t\t\t\t\t\t\n"
            + "c\tしー\tしー\tカラオケ\t南\t体操\t大人\t\t36.4\t\tjavascript:alert(1)\t\t2024年2月30日\t\n"
            + "d\tでぃー\t\tplace\t南\t\t\t\t\t\t\t活動終了\t2024-04\t2023-01\n"
        let diagnostics = try check([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            "listings/salons.tsv": table,
        ])
        let found = Set(diagnostics.map { "\($0.location.line):\($0.location.column):\($0.code)" })
        let expected: Set<String> = [
            "2:5:E104",   // 南町 is not a district
            "3:1:E103",   // duplicate id
            "4:1:E108",   // malformed id
            "5:4:E105",   // unknown kind
            "5:6:E106",   // unknown category
            "5:7:E107",   // unknown audience
            "5:9:E112",   // lat without lon
            "5:11:E111",  // javascript: URL
            "5:13:E109",  // impossible date
            "6:1:W058",   // missing reading: the name is used, with a warning (published tables leave it blank)
            "6:14:E110",  // until before since
        ]
        XCTAssertTrue(expected.isSubset(of: found), "missing: \(expected.subtracting(found).sorted()) in \(diagnostics.map(\.description))")
        let unknownDistrict = try XCTUnwrap(diagnostics.first { $0.code.rawValue == "E104" })
        XCTAssertEqual(unknownDistrict.description, "content/listings/salons.tsv:2:5: error[E104]: 地区「南町」がありません（候補: 南）".replacingOccurrences(of: "content/", with: unknownDistrict.location.file.replacingOccurrences(of: "listings/salons.tsv", with: "")))
        XCTAssertEqual(diagnostics, diagnostics.sorted(), "sorted by file and line")
    }

    func testAnEmbedOfARowWithItsOwnErrorIsNotReportedTwice() throws {
        let diagnostics = try check([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            "listings/a.csv": "id,name,kana,kind,district\nalpha,アルファ,あるふぁ,salon,南町\n",
            "bulletins/2025-11.md": "---\ntitle: 号\ndate: 2025-11-01\n---\n{{< listing \"alpha\" >}}\n",
        ])
        // W046: the table has no schedule column (a deliberate warning since the field schema).
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["W046", "E104"])
    }

    func testMissingRequiredColumn() throws {
        let diagnostics = try check([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            "listings/x.csv": "id,kana,kind,district,schedule\na,あ,salon,minami,毎週月曜\n",
        ])
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["E101"])
        XCTAssertTrue(diagnostics[0].message.contains("名称"))
    }

    func testYAMLErrorPointsIntoTheFile() throws {
        let diagnostics = try check([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": "---\nname: 南\norder: [1\n---\n本文\n",
        ])
        let yaml = try XCTUnwrap(diagnostics.first { $0.code.rawValue == "E012" })
        XCTAssertTrue(yaml.location.file.hasSuffix("districts/minami.md"))
        XCTAssertGreaterThanOrEqual(yaml.location.line, 3, "line in the file, not in the YAML block")
    }

    func testSiteYMLRequiresTitleAndBaseURL() throws {
        let diagnostics = try check(["site.yml": "language: ja\ncolour: red\n"])
        XCTAssertEqual(Set(diagnostics.map(\.code.rawValue)), ["E013", "W015"])
    }

    func testBulletinProblems() throws {
        let diagnostics = try check([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            "bulletins/2025-11.md": "---\ntitle: 第1号\ndate: 2025-12-01\n---\n{{< listing \"nope\" >}}\n",
            "bulletins/2025-13.md": "---\ntitle: x\n---\n",
        ])
        XCTAssertEqual(Set(diagnostics.map(\.code.rawValue)), ["E302", "E304", "E016"])
        let embed = try XCTUnwrap(diagnostics.first { $0.code.rawValue == "E304" })
        XCTAssertEqual(embed.location.line, 5)
        XCTAssertEqual(embed.location.column, 1)
    }

    func testUnknownFrontMatterKeyIsAWarning() throws {
        let diagnostics = try check([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": "---\nname: 南\nnmae: 南\n---\n本文\n",
        ])
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["W117"])
        XCTAssertEqual(diagnostics.first?.location.line, 3)
    }

    func testPipeTablesAreFlagged() throws {
        let diagnostics = try check([
            "site.yml": TemporaryContent.siteYML,
            "pages/about.md": "---\ntitle: について\n---\n本文\n\n| 日 | 内容 |\n|---|---|\n| 1日 | 体操 |\n",
        ])
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["W307"])
        XCTAssertEqual(diagnostics.first?.location.line, 6)
    }

    func testTwoBulletinsForOneMonth() throws {
        let bulletin = "---\ntitle: 号\n---\n本文\n"
        let diagnostics = try check([
            "site.yml": TemporaryContent.siteYML,
            "bulletins/2025-08.md": bulletin,
            "bulletins/2025-8.md": bulletin,
        ])
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["E303"])
    }

    func testListingMarkdownOverridesAndWholeListing() throws {
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            "listings/a.csv": "id,name,kana,kind,district,summary\nalpha,アルファ,あるふぁ,salon,minami,表の紹介\n",
            "listings/alpha.md": "---\nsummary: 上書きした紹介\n---\n長い説明です。\n",
            "listings/beta.md": "---\nname: ベータ食堂\nkana: べーた\nkind: 子ども食堂\ndistrict: 南\n---\n前付けだけの掲載。\n",
        ])
        defer { scratch.remove() }
        let report = Builder.check(scratch.options())
        // The table has no schedule column (W046), and the .md file's summary differs from the
        // table's (W040, naming the table's cell): SPEC 3.3 says the .md wins, with a warning.
        XCTAssertEqual(report.diagnostics.map(\.code.rawValue), ["W046", "W040"])
        XCTAssertTrue(report.diagnostics[1].message.contains("a.csv:2:6"), report.diagnostics[1].message)
        XCTAssertTrue(report.diagnostics[1].location.file.hasSuffix("alpha.md"))
        let listings = try XCTUnwrap(report.content?.listings)
        XCTAssertEqual(listings.map(\.id), ["alpha", "beta"])
        XCTAssertEqual(listings[0].summary, "上書きした紹介")
        XCTAssertEqual(listings[0].body, "長い説明です。")
        XCTAssertEqual(listings[1].kind, .place)
        XCTAssertEqual(listings[1].districtID, "minami")
    }
}
