import Foundation
@testable import SasaeaiCore
import XCTest

/// Record text (a spreadsheet's 紹介 cell) is escaped everywhere, whatever `unsafe_html` says;
/// that setting only opens the coordinator's own Markdown files.
final class RecordTextTests: XCTestCase {
    func testSummaryMarkdownKeepsFormattingButNeverMarkup() {
        XCTAssertEqual(RecordMarkdown.inlineHTML("**毎週**の[体操](https://example.org/a?b=1&c=2)"),
                       "<strong>毎週</strong>の<a href=\"https://example.org/a?b=1&amp;c=2\">体操</a>")
        XCTAssertEqual(RecordMarkdown.inlineHTML("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;")
        XCTAssertEqual(RecordMarkdown.inlineHTML("a <img src=x onerror=alert(1)> b"), "a &lt;img src=x onerror=alert(1)&gt; b")
        XCTAssertEqual(RecordMarkdown.inlineHTML("[押す](javascript:alert(2))"), "押す")
        XCTAssertEqual(RecordMarkdown.inlineHTML("[押す](JaVaScRiPt:alert(2))"), "押す")
        XCTAssertEqual(RecordMarkdown.inlineHTML("[ftp](ftp://example.org/) [相対](../admin)"), "ftp 相対")
        XCTAssertEqual(RecordMarkdown.inlineHTML("![地図](https://tracker.example/p.png)"), "地図")
        XCTAssertEqual(RecordMarkdown.inlineHTML("[![x](https://t.example/i.png)](javascript:1)"), "x")
        XCTAssertEqual(RecordMarkdown.inlineHTML("<div onclick=\"alert(1)\">x</div>"), "&lt;div onclick=&quot;alert(1)&quot;&gt;x&lt;/div&gt;")
        XCTAssertEqual(RecordMarkdown.inlineHTML("[電話](tel:0270-12-3456) [メール](mailto:info@example.jp)"),
                       "<a href=\"tel:0270-12-3456\">電話</a> <a href=\"mailto:info@example.jp\">メール</a>")
        XCTAssertEqual(RecordMarkdown.inlineHTML("[メール](mailto:a@example.jp?bcc=b@example.jp)"), "メール")
        XCTAssertEqual(RecordMarkdown.inlineHTML("1行目\r\n  <script>x</script> **太字**"), "1行目 &lt;script&gt;x&lt;/script&gt; <strong>太字</strong>")
    }

    func testCellsStayInertOnEveryPageWithUnsafeHTML() throws {
        let attacks = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[押して](javascript:alert(2))",
            "<a href=\"javascript:alert(3)\">リンク</a>",
            "<iframe src=//evil.example></iframe>",
            "![x](https://tracker.example/p.png)",
        ]
        let summary = attacks.joined(separator: " ") + " **ふつう**の[案内](https://example.org/)"
        let cell = "\"" + summary.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML + "markdown:\n  unsafe_html: true\n",
            "districts/minami.md": TemporaryContent.district,
            "listings/a.csv": "ID,名称,ふりがな,種別,地区,開催日時,分類,対象,紹介\nevil,あやしい会,あやしいかい,サロン,南,毎週水曜 10:00〜12:00,居場所,高齢者,\(cell)\n",
            "bulletins/2025-11.md": "---\ntitle: 11月号\ndate: 2025-11-01\n---\n{{< listing \"evil\" >}}\n",
            "pages/about.md": "---\ntitle: このサイトについて\n---\n<span class=\"coordinator-own\">そのまま</span>\n",
        ])
        defer { scratch.remove() }
        let report = Builder.build(scratch.options())
        XCTAssertFalse(report.failed(strict: false), report.diagnostics.map(\.description).joined(separator: "\n"))
        var pagesWithSummary = 0
        for (path, data) in try DeterminismTests.tree(scratch.output) where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let text = String(decoding: data, as: UTF8.self)
            for markup in ["<script>alert", "<img src=x", "<img src=\"x\"", "href=\"javascript:", "<iframe", "src=\"https://tracker", "<a href=\"javascript"] {
                XCTAssertFalse(text.contains(markup), "\(markup) in \(path)")
            }
            if text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") { pagesWithSummary += 1 }
        }
        XCTAssertGreaterThanOrEqual(pagesWithSummary, 5, "the summary is shown, as text, on the listing, index and bulletin pages")
        let page = try scratch.read("listings/evil/index.html")
        XCTAssertTrue(page.contains("<strong>ふつう</strong>の<a href=\"https://example.org/\">案内</a>"), "Markdown still works")
        // The setting still applies to the coordinator's own files.
        XCTAssertTrue(try scratch.read("pages/about/index.html").contains("<span class=\"coordinator-own\">"))
    }
}
