import Foundation
@testable import SasaeaiCore
import SasaeaiInput
import SasaeaiSchedule
import XCTest

/// `sasaeai new bulletin`: a new issue that continues the numbering and builds at once.
final class ScaffoldTests: XCTestCase {
    func testNewBulletinContinuesTheNumberingAndBuildsWithoutErrors() throws {
        let scratch = try TemporaryContent.exampleCopy()
        defer { scratch.remove() }
        var options = scratch.options()
        options.includeDrafts = true
        let month = YearMonth(iso: "2026-05")!
        let defaults = Scaffold.BulletinDefaults(Builder.check(options).content, before: month)
        XCTAssertEqual(defaults.previousNumber, 15)
        let (path, text) = try Scaffold.file(.bulletin, name: "2026-05", bulletin: defaults)
        XCTAssertEqual(path, "bulletins/2026-05.md")
        XCTAssertTrue(text.contains("title: 支え合い情報誌 第16号（2026年5月）\n"), text)
        XCTAssertTrue(text.contains("number: 16\n"))
        XCTAssertTrue(text.contains("date: 2026-05-01\n"))
        for embed in ["{{< calendar >}}", "{{< changes >}}", "{{< stats >}}", "{{< listing \""] {
            XCTAssertTrue(text.contains(embed), embed)
        }
        let url = scratch.content.appendingPathComponent(path)
        try Data(text.utf8).write(to: url)

        let report = Builder.build(options)
        XCTAssertEqual(report.diagnostics.map(\.description), [])
        let page = try scratch.read("bulletins/2026-05/index.html")
        XCTAssertTrue(page.contains("支え合い情報誌 第16号（2026年5月）"))
        XCTAssertTrue(page.contains("embed-calendar"))
        XCTAssertTrue(page.contains("embed-changes"))
        XCTAssertTrue(page.contains("embed-stats"))
        // The example card is a comment: no card, and no braces of it on the page.
        XCTAssertFalse(page.contains("{{&lt;"))
        XCTAssertFalse(page.contains("{{<"))
    }

    func testFirstIssueOfANewSiteIsNumberOne() throws {
        let (_, text) = try Scaffold.file(.bulletin, name: "2026-04", bulletin: Scaffold.BulletinDefaults(name: "ささえあい通信"))
        XCTAssertTrue(text.contains("title: ささえあい通信 第1号（2026年4月）\n"))
        XCTAssertTrue(text.contains("number: 1\n"))
    }

    func testABadMonthIsRefused() {
        XCTAssertThrowsError(try Scaffold.file(.bulletin, name: "2026-5"))
    }

    func testEmbedsInsideCommentsAreNotEmbeds() {
        let body = """
        {{< stats >}}
        <!-- {{< listing "a" >}} -->
        <!--
        {{< listing "b" >}}
        -->
        text <!-- x --> {{< calendar >}}
        """
        let embeds = Embed.scan(body, firstLine: 10)
        XCTAssertEqual(embeds.map(\.kind), [.stats, .calendar])
        XCTAssertEqual(embeds.map(\.line), [10, 15])
        XCTAssertEqual(embeds.last?.column, 17)
        XCTAssertEqual(embeds.map { String(body[$0.range]) }, ["{{< stats >}}", "{{< calendar >}}"])
    }
}

/// `sasaeai new listing ID` for a row that is already in a table writes nothing that overrides it.
final class ScaffoldListingTests: XCTestCase {
    func testAListingFileForATableRowOnlyNamesItsID() throws {
        let (path, text) = try Scaffold.file(.listing, name: "asahi-salon", listingInTable: true)
        XCTAssertEqual(path, "listings/asahi-salon.md")
        XCTAssertTrue(text.hasPrefix("---\nid: asahi-salon\n---\n"), text)
        let scratch = try TemporaryContent.exampleCopy()
        defer { scratch.remove() }
        try Data(text.utf8).write(to: scratch.content.appendingPathComponent(path))
        let report = Builder.check(scratch.options())
        XCTAssertEqual(report.diagnostics.map(\.description), [])
    }
}
