import Foundation
@testable import SasaeaiCore
import SasaeaiInput
import SasaeaiSchedule
import XCTest

/// The paper edition's HTML (the PDF itself is checked by Tests/e2e/test_print_pdf.py).
final class PrintEditionTests: XCTestCase {
    private func content() throws -> SiteContent {
        try XCTUnwrap(Builder.check(TemporaryContent([:]).options(content: Repository.content)).content)
    }

    func testBulletinHasItsMastheadAndPaperCalendarAndNoSiteChrome() throws {
        var diagnostics: [Diagnostic] = []
        let html = try XCTUnwrap(PrintEdition.html(.bulletin(YearMonth(iso: "2026-02")!), content: content(),
                                                   templates: Folder(Repository.templates.path), into: &diagnostics))
        XCTAssertEqual(diagnostics, [])
        XCTAssertTrue(html.contains("<p class=\"masthead-name\">支え合い情報誌</p>"))
        XCTAssertTrue(html.contains("第15号"))
        XCTAssertTrue(html.contains("2026年2月13日発行"))
        XCTAssertTrue(html.contains("ひばり野町社会福祉協議会"))
        XCTAssertTrue(html.contains("class=\"paper-month\""), "the print partial replaces the site's calendar")
        XCTAssertTrue(html.contains("@page"), "styles are inlined")
        XCTAssertFalse(html.contains("<p class=\"draft-mark\">"), "a published issue is not marked")
        for absent in ["<script", "<nav", "site-header", "127.0.0.1", "localhost", "<ruby>", "href=\"../"] {
            XCTAssertFalse(html.contains(absent), absent)
        }
    }

    func testDistrictListHasEveryListedActivityWithContacts() throws {
        let content = try content()
        var diagnostics: [Diagnostic] = []
        let html = try XCTUnwrap(PrintEdition.html(.district("nishi"), content: content,
                                                   templates: Folder(Repository.templates.path), into: &diagnostics))
        XCTAssertEqual(diagnostics, [])
        let members = content.listings.filter { $0.districtID == "nishi" && $0.isListed }
        XCTAssertFalse(members.isEmpty)
        for listing in members {
            XCTAssertTrue(html.contains("<h2>\(listing.name)"), listing.id)
            if let contact = listing.contact { XCTAssertTrue(html.contains(contact), listing.id) }
        }
        XCTAssertTrue(html.contains("西山地区の支え合い活動"))
    }

    func testUnknownIssueOrDistrictIsAnError() throws {
        let content = try content()
        var diagnostics: [Diagnostic] = []
        XCTAssertNil(PrintEdition.html(.district("nowhere"), content: content, templates: Folder(Repository.templates.path), into: &diagnostics))
        XCTAssertNil(PrintEdition.html(.bulletin(YearMonth(iso: "2030-05")!), content: content, templates: Folder(Repository.templates.path), into: &diagnostics))
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["E075", "E075"])
    }
}
