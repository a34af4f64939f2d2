import Foundation
@testable import SasaeaiCore
import SasaeaiSchedule
import XCTest

/// `serve`'s cycle against real builds: drafts stay private and marked, the as-of is the
/// published one, changes of any kind rebuild, and a broken build shows in the browser.
final class PreviewSessionTests: XCTestCase {
    private func content() throws -> TemporaryContent {
        try TemporaryContent([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            "listings/a.csv": "id,name,kana,kind,district,schedule\nminami-salon,南サロン,みなみさろん,salon,minami,毎週水曜 13:30〜15:30\n",
            "bulletins/2025-11.md": "---\ntitle: 第1号\nnumber: 1\ndate: 2025-11-01\n---\n本文\n",
            "bulletins/2026-02.md": "---\ntitle: 第2号\nnumber: 2\ndate: 2026-02-01\ndraft: true\n---\n下書きの本文\n",
            "pages/about.md": "---\ntitle: このサイトについて\n---\n説明\n",
        ])
    }

    private func session(_ scratch: TemporaryContent) throws -> (PreviewSession, PreviewServer, URL) {
        let preview = scratch.folder.appendingPathComponent("preview")
        let server = try PreviewServer(root: preview, host: "127.0.0.1", port: 0)
        return (PreviewSession(build: scratch.options(), previewFolder: preview, server: server), server, preview)
    }

    private func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    func testDraftsOnlyInThePreviewFolderMarkedAndAsOfUnchanged() throws {
        let scratch = try content()
        defer { scratch.remove() }
        let (session, _, preview) = try session(scratch)
        let report = session.build()
        XCTAssertFalse(report.failed(strict: false), report.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.output.path), "the publishable site/ is never written by the preview")

        let draftPage = try text(preview.appendingPathComponent("bulletins/2026-02/index.html"))
        XCTAssertTrue(draftPage.contains("【下書き】第2号"))
        for page in ["index.html", "bulletins/index.html"] {
            let html = try text(preview.appendingPathComponent(page))
            if html.contains("第2号") { XCTAssertTrue(html.contains("【下書き】第2号"), "\(page) shows the draft unmarked") }
        }
        XCTAssertTrue(try text(preview.appendingPathComponent("bulletins/index.html")).contains("【下書き】第2号"))
        XCTAssertEqual(report.content?.asOf, LocalDate(year: 2025, month: 11, day: 1), "今期 is computed from the published issue, not the draft")

        let published = Builder.build(scratch.options())
        XCTAssertFalse(published.failed(strict: false))
        XCTAssertEqual(published.content?.asOf, report.content?.asOf, "preview and published build use the same as-of")
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.output.appendingPathComponent("bulletins/2026-02").path))
        XCTAssertFalse(try text(scratch.output.appendingPathComponent("bulletins/index.html")).contains("下書き"))
    }

    func testAsOfGivenExplicitlyIsKept() throws {
        let scratch = try content()
        defer { scratch.remove() }
        var options = scratch.options()
        options.asOf = LocalDate(year: 2026, month: 2, day: 1)
        let preview = scratch.folder.appendingPathComponent("preview")
        let server = try PreviewServer(root: preview, host: "127.0.0.1", port: 0)
        let report = PreviewSession(build: options, previewFolder: preview, server: server).build()
        XCTAssertEqual(report.content?.asOf, LocalDate(year: 2026, month: 2, day: 1))
    }

    func testAnyChangeRebuildsIncludingARemovedFolder() throws {
        let scratch = try content()
        defer { scratch.remove() }
        let (session, server, preview) = try session(scratch)
        session.build()
        XCTAssertNil(session.rebuildIfChanged(), "nothing changed, nothing rebuilt")
        XCTAssertTrue(FileManager.default.fileExists(atPath: preview.appendingPathComponent("pages/about/index.html").path))

        try FileManager.default.removeItem(at: scratch.content.appendingPathComponent("pages"))
        let afterRemoval = try XCTUnwrap(session.rebuildIfChanged(), "removing content/pages/ rebuilds")
        XCTAssertFalse(afterRemoval.failed(strict: false))
        XCTAssertFalse(FileManager.default.fileExists(atPath: preview.appendingPathComponent("pages/about/index.html").path), "the removed page is gone from the preview")

        try FileManager.default.createDirectory(at: scratch.content.appendingPathComponent("pages"), withIntermediateDirectories: true)
        XCTAssertNotNil(session.rebuildIfChanged(), "adding an empty folder rebuilds")
        XCTAssertNil(session.rebuildIfChanged())
        let version = String(decoding: server.response(for: PreviewServer.versionPath).body, as: UTF8.self)
        XCTAssertEqual(version, "3", "each build told the pages to reload")
    }

    func testBrokenBuildShowsItsErrorsInTheBrowserUntilFixed() throws {
        let scratch = try content()
        defer { scratch.remove() }
        let (session, server, _) = try session(scratch)
        session.build()
        XCTAssertEqual(server.response(for: "/").status, "200 OK")

        let bulletin = scratch.content.appendingPathComponent("bulletins/2025-11.md")
        let good = try text(bulletin)
        try Data((good + "\n{{< listing \"<b>nai</b>\" >}}\n").utf8).write(to: bulletin)
        let broken = try XCTUnwrap(session.rebuildIfChanged())
        XCTAssertTrue(broken.failed(strict: false))
        let page = server.response(for: "/")
        XCTAssertEqual(page.status, "500 Internal Server Error")
        let html = String(decoding: page.body, as: UTF8.self)
        XCTAssertTrue(html.contains("E304"), html)
        XCTAssertTrue(html.contains("&lt;b&gt;nai&lt;/b&gt;"), "diagnostics are escaped")
        XCTAssertEqual(server.response(for: "/listings/minami-salon/").status, "500 Internal Server Error", "every page shows the errors, not a stale page")

        try Data(good.utf8).write(to: bulletin)
        XCTAssertFalse(try XCTUnwrap(session.rebuildIfChanged()).failed(strict: false))
        XCTAssertEqual(server.response(for: "/").status, "200 OK", "the error page clears when fixed")
    }

    func testDefaultPreviewFolderIsPrivateAndPerContentFolder() {
        let a = PreviewSession.defaultFolder(for: URL(fileURLWithPath: "/x/content"))
        let b = PreviewSession.defaultFolder(for: URL(fileURLWithPath: "/y/content"))
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(a, PreviewSession.defaultFolder(for: URL(fileURLWithPath: "/x/content")))
        XCTAssertFalse(a.path.hasPrefix("/x/"), "never beside the content, where site/ is published from")
        XCTAssertTrue(a.path.contains("sasaeai"))
    }
}
