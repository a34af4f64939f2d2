import Foundation
import SasaeaiCore
import XCTest

/// Nothing lost, nothing leaked: failed builds keep the old site, record text is inert.
final class SafeOutputTests: XCTestCase {
    private let listingTable = """
    id,name,kana,kind,district,summary,url,venue,_secret,非公開_メモ
    evil,"<script>alert('x')</script>",えびる,salon,minami,"<img src=x onerror=alert(1)> [link](javascript:alert(2))",https://example.org/?a=1&b=2,"&lt;会場&gt;",SECRET-VALUE-123,HIDDEN-MEMO-456

    """

    /// Every public field carries an attack: quotes to break out of attributes, raw tags,
    /// script URLs. Nothing may come out as markup.
    func testInjectionThroughEveryFieldIsInert() throws {
        let attack = "\"'><b>X</b><script>alert(1)</script><img src=x onerror=alert(1)>"
        let columns = ["venue", "address", "fee", "capacity", "contact", "notes", "summary", "schedule", "barrier_free", "transport", "持ち物"]
        let header = "id,name,kana,kind,district,url," + columns.joined(separator: ",")
        let quoted = "\"" + attack.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let row = "evil,\(quoted),えびる,salon,minami,javascript:alert(1)," + columns.map { _ in quoted }.joined(separator: ",")
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": "---\nname: \"<b>X</b>南\"\n---\n<script>alert(1)</script>[x](javascript:alert(1))\n",
            "listings/a.csv": header + "\n" + row + "\n" + "ok,ふつう,ふつう,salon,minami,,,,,,,,,,,,\n",
            "bulletins/2025-11.md": "---\ntitle: \"<b>X</b>\"\ndate: 2025-11-01\n---\n<img src=x onerror=alert(1)>\n\n{{< listing \"ok\" >}}\n",
            "pages/about.md": "---\ntitle: \"<script>alert(1)</script>\"\n---\n<iframe src=x></iframe>\n",
        ])
        defer { scratch.remove() }
        let report = Builder.build(scratch.options())
        XCTAssertTrue(report.diagnostics.contains { $0.code.rawValue == "E111" }, "javascript: URL is an error")
        // Drop the bad URL so the site builds, keeping every other attack.
        try Data((header + "\n" + row.replacingOccurrences(of: "javascript:alert(1)", with: "") + "\n").utf8)
            .write(to: scratch.content.appendingPathComponent("listings/a.csv"))
        try Data(("id,name,kana,kind,district\nok,ふつう,ふつう,salon,minami\n").utf8)
            .write(to: scratch.content.appendingPathComponent("listings/b.csv"))
        let built = Builder.build(scratch.options())
        XCTAssertFalse(built.failed(strict: false), built.diagnostics.map(\.description).joined(separator: "\n"))
        var pages = 0
        for (path, data) in try DeterminismTests.tree(scratch.output) where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let text = String(decoding: data, as: UTF8.self)
            pages += 1
            for markup in ["<b>X", "<script>alert", "<img src=x", "<iframe", "href=\"javascript:", "'><"] {
                XCTAssertFalse(text.contains(markup), "\(markup) in \(path)")
            }
        }
        XCTAssertGreaterThan(pages, 20)
        XCTAssertTrue(try scratch.read("listings/evil/index.html").contains("&lt;script&gt;"), "shown as text")
    }

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
