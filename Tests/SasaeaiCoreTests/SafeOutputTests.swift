import Foundation
import SasaeaiCore
import XCTest

/// Nothing lost, nothing leaked: failed builds keep the old site, record text is inert.
final class SafeOutputTests: XCTestCase {
    private let listingTable = """
    id,name,kana,kind,district,summary,url,venue,_secret,非公開_メモ
    evil,"<script>alert('x')</script>",えびる,salon,minami,"<img src=x onerror=alert(1)> [link](javascript:alert(2))",https://example.org/?a=<b>,"&lt;会場&gt;",SECRET-VALUE-123,HIDDEN-MEMO-456

    """

    func testFailedBuildLeavesPreviousSiteUntouched() throws {
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            "listings/a.csv": listingTable,
        ])
        defer { scratch.remove() }
        XCTAssertFalse(Builder.build(scratch.options()).failed(strict: false))
        let before = try DeterminismTests.tree(scratch.output)
        try Data("id,name\nbroken\n".utf8).write(to: scratch.content.appendingPathComponent("listings/b.csv"))
        XCTAssertTrue(Builder.build(scratch.options()).failed(strict: false))
        XCTAssertEqual(try DeterminismTests.tree(scratch.output), before)
    }

    func testRefusesToOverwriteAFolderItDidNotCreate() throws {
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
        ])
        defer { scratch.remove() }
        try FileManager.default.createDirectory(at: scratch.output, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: scratch.output.appendingPathComponent("thesis.txt"))
        XCTAssertTrue(Builder.build(scratch.options()).failed(strict: false))
        XCTAssertEqual(try String(contentsOf: scratch.output.appendingPathComponent("thesis.txt"), encoding: .utf8), "mine")

        var options = scratch.options()
        options.output = options.content
        XCTAssertTrue(Builder.build(options).failed(strict: false), "content folder is refused")
    }

    func testRecordTextIsEscapedAndPrivateValuesNeverAppear() throws {
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            "listings/a.csv": listingTable,
        ])
        defer { scratch.remove() }
        let report = Builder.build(scratch.options())
        XCTAssertFalse(report.failed(strict: false), report.diagnostics.map(\.description).joined(separator: "\n"))
        let page = try scratch.read("listings/evil/index.html")
        XCTAssertFalse(page.contains("<script>alert"))
        XCTAssertTrue(page.contains("&lt;script&gt;"))
        XCTAssertFalse(page.contains("<img src=x"))
        XCTAssertFalse(page.contains("href=\"javascript:"))
        XCTAssertTrue(page.contains("&amp;lt;会場&amp;gt;"), "entities in data are shown as typed")
        for (path, data) in try DeterminismTests.tree(scratch.output) {
            let text = String(decoding: data, as: UTF8.self)
            XCTAssertFalse(text.contains("SECRET-VALUE-123"), path)
            XCTAssertFalse(text.contains("HIDDEN-MEMO-456"), path)
            // Data files carry the text as typed; pages may quote it (JSON-LD, search index)
            // but it never becomes markup.
            guard path.hasSuffix(".html") || path.hasSuffix(".xml") else { continue }
            XCTAssertFalse(text.contains("href=\"javascript:"), path)
            XCTAssertFalse(text.contains("<img src=x"), path)
            XCTAssertFalse(text.contains("<script>alert"), path)
        }
    }
}
