import Foundation
@testable import SasaeaiCore
import XCTest

/// A town with more listings than one index page holds: the long indexes and the month
/// calendars split into parts that link each other, and no listing is lost or shown twice.
final class SplitIndexTests: XCTestCase {
    func testLongIndexesSplitIntoLinkedParts() throws {
        let count = RoutePlanner.cardsPerPage * 2 + 7
        let kana = Array("あかさたなはまやらわ")
        var table = "id,name,kana,kind,district,schedule\n"
        for i in 0..<count {
            table += "s\(i),サロン\(i),\(kana[i % kana.count])さろん\(i),salon,minami,毎週水曜 10:00〜12:00\n"
        }
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            "listings/a.csv": table,
        ])
        defer { scratch.remove() }
        let report = Builder.build(scratch.options())
        XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }.map(\.description), [])

        // listings/ is the entry; its parts sit below it where no listing slug can be.
        let parts = ["listings/index.html", "listings/_2/index.html", "listings/_3/index.html"]
        var shown = 0
        for part in parts {
            let html = try scratch.read(part)
            shown += html.components(separatedBy: "<article class=\"card").count - 1
            XCTAssertTrue(html.contains("class=\"pager\""), part)
        }
        XCTAssertEqual(shown, count)
        XCTAssertThrowsError(try scratch.read("listings/_4/index.html"))
        // A 行 that begins on another part is linked there, with its anchor.
        let second = try scratch.read("listings/_2/index.html")
        XCTAssertTrue(second.contains("href=\"../../listings/#gyo-0\""), "あ行 begins on the first part")
        XCTAssertTrue(second.contains("<title>一覧（五十音順）（2ページ目） |"))
        // The district and the kind page split the same way.
        XCTAssertNoThrow(try scratch.read("districts/minami/_3/index.html"))
        XCTAssertNoThrow(try scratch.read("kinds/salon/_3/index.html"))
        // The month page links the district's own month page, which lists the meetings.
        let content = try XCTUnwrap(report.content)
        let month = Quarters.months(for: content)[0].description
        let monthPage = try scratch.read("calendar/\(month)/index.html")
        XCTAssertTrue(monthPage.contains("/\(month)/minami/\""), "month page links the district part")
        XCTAssertFalse(monthPage.contains("calendar-days"))
        XCTAssertTrue(try scratch.read("calendar/\(month)/minami/index.html").contains("calendar-days"))
        // The map page names the districts instead of listing every place.
        let map = try scratch.read("map/index.html")
        XCTAssertTrue(map.contains("一覧は地区ごとのページにあります"))
        XCTAssertFalse(map.contains("サロン\(count - 1)"))

        // One row edited: only the parts that show it are rendered, and the site is what a
        // fresh build makes (the parts' keys follow the whole index's order).
        try scratch.edit("listings/a.csv", replacing: "s600,サロン600,", with: "s600,サロン六百,")
        let rebuilt = Builder.build(scratch.options())
        XCTAssertGreaterThan(rebuilt.keptPages, count - 10, "\(rebuilt.keptPages) pages kept")
        let fresh = try TemporaryContent([:])
        defer { fresh.remove() }
        var full = scratch.options()
        full.output = Folder(fresh.output.path)
        XCTAssertFalse(Builder.build(full).failed(strict: false))
        let incremental = try DeterminismTests.tree(scratch.output), expected = try DeterminismTests.tree(fresh.output)
        XCTAssertEqual(incremental.keys.sorted(), expected.keys.sorted())
        for (path, bytes) in expected where incremental[path] != bytes { XCTFail("\(path) differs from a full build") }
    }
}
