import Foundation
@testable import SasaeaiCore
import SasaeaiInput
import SasaeaiSchedule
import XCTest

/// The districts' 町名: readings in `areas:`, the 住所 → 町 match, and the 町名 index.
final class AreasTests: XCTestCase {
    func testAnAreaMayCarryItsReading() {
        XCTAssertTrue(AreaName.parse("本町（ほんちょう）") == ("本町", "ほんちょう"))
        XCTAssertTrue(AreaName.parse("栄町(サカエマチ)") == ("栄町", "サカエマチ"))
        XCTAssertTrue(AreaName.parse("北野") == ("北野", nil))
        // Brackets that hold no reading are part of the name.
        XCTAssertTrue(AreaName.parse("第2自治会（旧南原村）") == ("第2自治会（旧南原村）", nil))
    }

    func testTheLongestNameInTheAddressWins() {
        let matcher = AreaMatcher([.init(name: "本町", districtID: "chuo"), .init(name: "中本町", districtID: "kita"),
                                   .init(name: "北野", districtID: "kita")])
        XCTAssertEqual(matcher.areas(in: "ひばり野町中本町1-2"), [.init(name: "中本町", districtID: "kita")])
        XCTAssertEqual(matcher.areas(in: "ひばり野町本町4-2"), [.init(name: "本町", districtID: "chuo")])
        XCTAssertEqual(matcher.areas(in: "ひばり野町西山1-4"), [])
    }

    func testTheExampleTownsAreasInGojuonOrderWithTheirListings() throws {
        var options = BuildOptions()
        options.content = Folder(Repository.content.path)
        options.asOf = LocalDate(year: 2025, month: 6, day: 1)
        let content = try XCTUnwrap(Builder.check(options).content)
        let index = SiteIndex(content)
        let entries = AreaIndex.entries(content, listed: index.listed)
        // Every 町名 of every district, once, sorted by reading (readings from areas: or the district).
        XCTAssertEqual(entries.map(\.name), ["北野", "北野団地", "栄町", "中央", "西山", "本町", "南原"])
        XCTAssertEqual(entries.map(\.kana), ["きたの", "きたのだんち", "さかえまち", "ちゅうおう", "にしやま", "ほんちょう", "みなみはら"])
        let byName = Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0) })
        XCTAssertEqual(content.districts[byName["本町"]!.district].id, "chuo")
        // A listing is in the 町 its 住所 names, and only there (本町 is not in 中央's other 町).
        let honcho = byName["本町"]!.listings.map { content.listings[$0].name }
        XCTAssertEqual(honcho, ["中央ほっとひろば"])
        XCTAssertFalse(byName["中央"]!.listings.contains { content.listings[$0].name == "中央ほっとひろば" })
        for entry in entries {
            for i in entry.listings {
                XCTAssertTrue(content.listings[i].address!.contains(entry.name), "\(content.listings[i].name) is not in \(entry.name)")
                XCTAssertTrue(content.listings[i].isListed)
                XCTAssertEqual(content.listings[i].districtID, content.districts[entry.district].id)
            }
        }
        // The page has one row per 町名, each linked from its district's page.
        let renderer = PageRenderer(content: content, index: index, templates: try XCTUnwrap(templates()),
                                    markdown: Markdown(allowsRawHTML: false))
        let page = renderer.areasIndex(root: "../")
        XCTAssertEqual(page.groups.flatMap(\.areas).map(\.name), entries.map(\.name))
        let chuo = try XCTUnwrap(content.districts.first { $0.id == "chuo" })
        let links = renderer.areaLinks(chuo, root: "../../")
        XCTAssertEqual(links.map(\.name), ["中央", "本町", "栄町"])
        let anchors = Set(page.groups.flatMap(\.areas).map(\.anchor))
        for link in links { XCTAssertTrue(anchors.contains(String(link.href.split(separator: "#").last!)), link.href) }
    }

    func testAreasTheirReadingsAndFirstTimerWordsAreSearched() throws {
        var options = BuildOptions()
        options.content = Folder(Repository.content.path)
        let content = try XCTUnwrap(Builder.check(options).content)
        let entries = SearchIndex.entries(content, index: SiteIndex(content), labels: try Labels.repository()) { _ in "" }
        let hotto = try XCTUnwrap(entries.first { $0.title == "中央ほっとひろば" })
        for word in ["本町", "ほんちょう", "ホンチョウ"] { XCTAssertTrue(hotto.text.contains(SearchFolding.fold(word)), word) }
        let tanpopo = try XCTUnwrap(entries.first { $0.title == "たんぽぽ子ども食堂" })
        XCTAssertTrue(tanpopo.text.contains(SearchFolding.fold("見学だけでも")))
        XCTAssertFalse(entries.first { $0.title == "西山除雪ボランティア" }!.text.contains(SearchFolding.fold("ほんちょう")))
    }

    private func templates() -> TemplateSet? {
        var diagnostics: [Diagnostic] = []
        return TemplateSet.load(from: Repository.templates, displayPath: "templates", into: &diagnostics)
    }
}
