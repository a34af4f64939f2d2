import Foundation
@testable import SasaeaiCore
import SasaeaiInput
import SasaeaiSchedule
import XCTest

/// A prefecture's site (Fixtures/nested-prefecture): みなと県 → 海風市 (中央, 北) and 山辺町 (中央).
/// Every level has a page with its breadcrumbs, counts that include the districts below, and a
/// map that opens on the level.
final class NestedDistrictsTests: XCTestCase {
    static let fixture = Repository.root.appendingPathComponent("Tests/SasaeaiCoreTests/Fixtures/nested-prefecture")

    private func build() throws -> (TemporaryContent, BuildReport) {
        let scratch = try TemporaryContent([:])
        var options = scratch.options(content: Self.fixture)
        options.asOf = LocalDate(year: 2026, month: 11, day: 25)
        let report = Builder.build(options)
        return (scratch, report)
    }

    /// The breadcrumbs' labels, in order, from a page's breadcrumb list.
    private func breadcrumbs(_ html: String) -> [String] {
        guard let nav = html.firstMatch(of: /<nav class="breadcrumbs[\s\S]*?<\/nav>/) else { return [] }
        return String(nav.output).matches(of: /<li><(?:a href="[^"]*"|span aria-current="page")>([^<]*)</).map { String($0.1) }
    }

    private func attribute(_ name: String, in html: String) -> String? {
        let pattern = try! Regex(" \(name)=\"([^\"]*)\"")
        return html.firstMatch(of: pattern).map { String($0.output[1].substring ?? "") }
    }

    func testEveryLevelHasItsPageBreadcrumbsCountsAndMap() throws {
        let (scratch, report) = try build()
        defer { scratch.remove() }
        XCTAssertEqual(report.diagnostics.map(\.description), [], "the fixture is clean")

        // Counts roll up: the prefecture holds all 7, 海風市 its own 1 and its districts' 2 + 2.
        let counts = ["minato": 7, "kaikaze": 5, "kaikaze-chuo": 2, "kaikaze-kita": 2, "yamabe": 1, "yamabe-chuo": 1]
        for (id, count) in counts {
            let html = try scratch.read("districts/\(id)/index.html")
            XCTAssertTrue(html.contains("<p>この地区の掲載: \(count)件</p>"), id)
        }

        let prefecture = try scratch.read("districts/minato/index.html")
        XCTAssertEqual(breadcrumbs(prefecture), ["ホーム", "地区から探す", "みなと県"])
        XCTAssertTrue(prefecture.contains("href=\"../../districts/kaikaze/\"><span class=\"tile-name\">海風市</span> <span class=\"kana\">（かいかぜし）</span> <span class=\"count\">5件</span>"))
        XCTAssertTrue(prefecture.contains("次の 1件 はみなと県全域の掲載です"))
        XCTAssertTrue(prefecture.contains("listings/p-denwa/"), "the prefecture's own listing is on its page")
        XCTAssertFalse(prefecture.contains("listings/k-minato-salon/"), "a district's listing is on the district's page, not its parents'")

        let city = try scratch.read("districts/kaikaze/index.html")
        XCTAssertEqual(breadcrumbs(city), ["ホーム", "地区から探す", "みなと県", "海風市"])
        let district = try scratch.read("districts/kaikaze-chuo/index.html")
        XCTAssertEqual(breadcrumbs(district), ["ホーム", "地区から探す", "みなと県", "海風市", "中央"])
        XCTAssertFalse(district.contains("district-children"), "a district with none below it lists no districts")
        XCTAssertTrue(district.contains("listings/k-minato-salon/") && district.contains("listings/k-kaze-taiso/"))

        // A listing's breadcrumbs go through every level down to its district.
        let listing = try scratch.read("listings/k-kita-ibasho/index.html")
        XCTAssertEqual(breadcrumbs(listing), ["ホーム", "地区から探す", "みなと県", "海風市", "北", "きたの居場所"])

        // 海風市 has no centre: its map opens on the middle of its listings' pins, and on their
        // extent. 山辺町 has its own centre. The prefecture's extent covers both towns' pins.
        XCTAssertEqual(attribute("data-lat", in: city), "35.325")
        XCTAssertEqual(attribute("data-lon", in: city), "139.545")
        XCTAssertEqual(attribute("data-bounds", in: city), "35.3,139.52,35.35,139.57")
        XCTAssertEqual(attribute("data-district", in: city), "kaikaze")
        let town = try scratch.read("districts/yamabe/index.html")
        XCTAssertEqual(attribute("data-lat", in: town), "35.42")
        XCTAssertEqual(attribute("data-lon", in: town), "139.3")
        XCTAssertEqual(attribute("data-bounds", in: prefecture), "35.3,139.302,35.421,139.57")
        XCTAssertNil(attribute("data-bounds", in: district), "a district with none below it keeps the town's zoom")
        // 中央 has no centre either: its map opens on the middle of its own two pins.
        XCTAssertEqual(attribute("data-lat", in: district), "35.305")
        XCTAssertEqual(attribute("data-lon", in: district), "139.56")

        // The index is a tree: each municipality's list sits inside the prefecture's item.
        let index = try scratch.read("districts/index.html")
        let tree = index.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        XCTAssertTrue(tree.contains(#"みなと県</span> <span class="kana">（みなとけん）</span> <span class="count">7件</span></a> <ul class="district-tree"> <li><a href="../districts/kaikaze/">"#), tree)
        XCTAssertTrue(tree.contains(#"海風市</span> <span class="kana">（かいかぜし）</span> <span class="count">5件</span></a> <ul class="district-tree"> <li><a href="../districts/kaikaze-chuo/">"#))

        // The home page opens on the municipalities, not on the prefecture alone.
        let home = try scratch.read("index.html")
        XCTAssertTrue(home.contains("<span class=\"tile-name\">海風市</span> <span class=\"count\">5件</span>"))
        XCTAssertFalse(home.contains("<span class=\"tile-name\">みなと県</span>"))
    }

    func testIndexPagesNameDistrictsWithTheirTownAndTheFinderKeepsParents() throws {
        let (scratch, _) = try build()
        defer { scratch.remove() }
        // Two towns each have a 中央: the kind page's groups say whose.
        let salons = try scratch.read("kinds/salon/index.html")
        XCTAssertTrue(salons.contains("海風市 › 中央"), "qualified district name on an index page")
        XCTAssertTrue(salons.contains("山辺町 › 中央"))
        // The finder's data-district lists the district and those above it.
        let listings = try scratch.read("listings/index.html")
        XCTAssertTrue(listings.contains("data-district=\"minato kaikaze kaikaze-kita\""))
        // Its choices and the cards name the town with the district, as two towns have a 中央.
        XCTAssertTrue(listings.contains("<option value=\"yamabe-chuo\">山辺町 › 中央</option>"))
        XCTAssertTrue(listings.contains("<span class=\"district\">海風市 › 北</span>"))
    }

    func testSearchFindsADistrictsListingsByItsMunicipalitysName() throws {
        let (scratch, report) = try build()
        defer { scratch.remove() }
        let content = try XCTUnwrap(report.content)
        let entries = SearchIndex.entries(content, index: SiteIndex(content), labels: try Labels.repository(), bulletinText: { _ in "" })
        let salon = try XCTUnwrap(entries.first { $0.url == Route.listing("k-minato-salon").path })
        XCTAssertTrue(salon.text.contains(SearchFolding.fold("海風市")), salon.text)
        XCTAssertTrue(salon.text.contains(SearchFolding.fold("みなと県")))
        let other = try XCTUnwrap(entries.first { $0.url == Route.listing("y-chuo-salon").path })
        XCTAssertFalse(other.text.contains(SearchFolding.fold("海風市")))
    }

    func testAMunicipalitysPaperSheetHoldsItsDistrictsListings() throws {
        let (scratch, report) = try build()
        defer { scratch.remove() }
        var diagnostics: [Diagnostic] = []
        let html = try XCTUnwrap(PrintEdition.html(.district("kaikaze"), content: XCTUnwrap(report.content),
                                                   templates: Folder(Repository.templates.path), into: &diagnostics))
        for name in ["みなと本町サロン", "かぜの子体操教室", "きたの居場所", "北のお茶会", "海風見守りネット"] {
            XCTAssertTrue(html.contains(name), name)
        }
        XCTAssertFalse(html.contains("やまべ中央サロン"))
        XCTAssertFalse(html.contains("電話でおしゃべり"), "the prefecture's own listing is not the municipality's")
    }

    func testStatisticsRowsGoParentsFirstAndNameTheTown() throws {
        let (scratch, report) = try build()
        defer { scratch.remove() }
        let rows = Statistics(try XCTUnwrap(report.content)).rows
        XCTAssertEqual(rows.map(\.districtName), ["みなと県", "海風市", "海風市 › 中央", "海風市 › 北", "山辺町", "山辺町 › 中央"])
        XCTAssertEqual(rows.map { $0.byKind.reduce(0, +) }, [1, 1, 2, 2, 0, 1], "each row counts the district's own listings")
    }

    func testExportsCarryTheDistrictPath() throws {
        let (scratch, _) = try build()
        defer { scratch.remove() }
        let json = try JSONSerialization.jsonObject(with: Data(scratch.read("data/listings.json").utf8)) as! [[String: Any]]
        let salon = try XCTUnwrap(json.first { $0["id"] as? String == "y-chuo-salon" })
        XCTAssertEqual(salon["district_path"] as? [String], ["minato", "yamabe", "yamabe-chuo"])
        XCTAssertEqual(salon["district_path_names"] as? [String], ["みなと県", "山辺町", "中央"])
        let geo = try JSONSerialization.jsonObject(with: Data(scratch.read("data/listings.geojson").utf8)) as! [String: Any]
        let features = try XCTUnwrap(geo["features"] as? [[String: Any]])
        let properties = try XCTUnwrap(features.compactMap { $0["properties"] as? [String: Any] }.first { $0["id"] as? String == "k-minato-salon" })
        XCTAssertEqual(properties["district_path"] as? [String], ["minato", "kaikaze", "kaikaze-chuo"])
        let hsds = try scratch.read("data/hsds/services.json")
        XCTAssertTrue(hsds.contains("みなと県 › 海風市 › 北"))
    }

    func testAFlatTownsExportsHaveNoPath() throws {
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            "listings/a.csv": "id,name,kana,kind,district\ns1,サロン,さろん,salon,minami\n",
        ])
        defer { scratch.remove() }
        _ = Builder.build(scratch.options())
        XCTAssertFalse(try scratch.read("data/listings.json").contains("district_path"))
        XCTAssertFalse(try scratch.read("districts/minami/index.html").contains("data-bounds"))
    }
}
