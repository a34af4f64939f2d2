import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import SasaeaiCore
import SasaeaiInput
import XCTest

/// Issue 8 case 7: whatever the build leaves out of content/ is reported, with a code and a place.
final class UnreadEntriesTests: XCTestCase {
    private let site = [
        "site.yml": TemporaryContent.siteYML,
        "districts/minami.md": TemporaryContent.district,
        "listings/a.csv": "id,name,kana,kind,district\nminami-salon,南サロン,みなみさろん,salon,minami\n",
    ]

    private func scratch(_ extra: [String: String]) throws -> TemporaryContent {
        try TemporaryContent(site.merging(extra) { $1 })
    }

    private func diagnostics(_ scratch: TemporaryContent) -> [Diagnostic] {
        Builder.check(scratch.options()).diagnostics
    }

    private func find(_ code: String, at suffix: String, in diagnostics: [Diagnostic], file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        let found = diagnostics.first { $0.code.rawValue == code && $0.location.file.hasSuffix(suffix) }
        XCTAssertNotNil(found, "\(code) at …\(suffix) in:\n" + diagnostics.map(\.description).joined(separator: "\n"), file: file, line: line)
        return found
    }

    func testNestedHiddenLockAndOtherFilesAreReported() throws {
        let scratch = try scratch([
            "pages/about.md": "---\ntitle: について\n---\n本文\n",
            "pages/sub/x.md": "---\ntitle: 入れ子\n---\n本文\n",
            "pages/.hidden.md": "---\ntitle: 隠し\n---\n本文\n",
            "pages/about.markdown": "本文\n",
            "pages/.DS_Store": "x",
            "pages/._about.md": "x",
            "pages/empty/.gitkeep": "",
            "listings/~$salons.xlsx": "x",
            "listings/.gitkeep": "",
            "bulletins/old/2024-11.md": "---\ntitle: 古い号\n---\n",
        ])
        defer { scratch.remove() }
        let found = diagnostics(scratch)
        let nested = find("W032", at: "content/pages/sub", in: found)
        XCTAssertTrue(nested?.message.contains("pages/sub/x.md") == true, nested?.message ?? "")
        XCTAssertEqual(nested?.severity, .warning)
        _ = find("W032", at: "content/bulletins/old", in: found)
        _ = find("W033", at: "content/pages/.hidden.md", in: found)
        _ = find("W035", at: "content/pages/about.markdown", in: found)
        let lock = find("W034", at: "content/listings/~$salons.xlsx", in: found)
        XCTAssertTrue(lock?.message.contains("保存して閉じて") == true)
        // What the OS or git writes on its own is not noise in the report.
        for quiet in [".DS_Store", "._about.md", ".gitkeep", "pages/empty"] {
            XCTAssertFalse(found.contains { $0.location.file.hasSuffix(quiet) }, quiet)
        }
        XCTAssertFalse(Builder.check(scratch.options()).failed(strict: false), "these are warnings: the rest still builds")
    }

    func testStaticHiddenFilesAreReportedAndNotCopied() throws {
        let scratch = try scratch(["static/.htaccess": "Deny from all\n", "static/.DS_Store": "x", "static/a.pdf": "%PDF"])
        defer { scratch.remove() }
        let report = Builder.build(scratch.options())
        XCTAssertFalse(report.failed(strict: false), report.diagnostics.map(\.description).joined(separator: "\n"))
        _ = find("W033", at: "content/static/.htaccess", in: report.diagnostics)
        XCTAssertFalse(report.diagnostics.contains { $0.location.file.hasSuffix(".DS_Store") })
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.output.appendingPathComponent("a.pdf").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.output.appendingPathComponent(".htaccess").path))
    }

    func testStaticLinksInsideAreCopiedOutsideAreRefused() throws {
        let scratch = try scratch(["static/real.pdf": "%PDF-inside", "shared/map.pdf": "%PDF-shared"])
        defer { scratch.remove() }
        let outside = scratch.folder.appendingPathComponent("outside.pdf")
        try Data("%PDF-OUTSIDE-SECRET".utf8).write(to: outside)
        let staticFolder = scratch.content.appendingPathComponent("static")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: staticFolder.appendingPathComponent("map.pdf").path, withDestinationPath: "../shared/map.pdf")
        try fm.createSymbolicLink(atPath: staticFolder.appendingPathComponent("out.pdf").path, withDestinationPath: outside.path)
        try fm.createSymbolicLink(atPath: staticFolder.appendingPathComponent("gone.pdf").path, withDestinationPath: "nowhere.pdf")
        try fm.createSymbolicLink(atPath: staticFolder.appendingPathComponent("folder").path, withDestinationPath: scratch.content.appendingPathComponent("shared").path)

        let report = Builder.build(scratch.options())
        XCTAssertFalse(report.failed(strict: false), report.diagnostics.map(\.description).joined(separator: "\n"))
        for name in ["out.pdf", "gone.pdf", "folder"] {
            _ = find("W031", at: "content/static/\(name)", in: report.diagnostics)
            XCTAssertFalse(fm.fileExists(atPath: scratch.output.appendingPathComponent(name).path), name)
        }
        let copied = scratch.output.appendingPathComponent("map.pdf")
        XCTAssertEqual(try String(contentsOf: copied, encoding: .utf8), "%PDF-shared", "a link inside content/ is published as the file it points to")
        XCTAssertEqual(try fm.attributesOfItem(atPath: copied.path)[.type] as? FileAttributeType, .typeRegular, "the site gets a file, never a link")
        XCTAssertFalse(try DeterminismTests.tree(scratch.output).contains { String(decoding: $0.1, as: UTF8.self).contains("OUTSIDE-SECRET") })
    }

    /// The OS refusing a folder is simulated (tests may run as root, who is never refused).
    func testUnreadableStaticFolderIsAnError() throws {
        let scratch = try scratch(["static/ok.pdf": "%PDF", "static/secret/a.pdf": "%PDF"])
        defer { scratch.remove() }
        let reader = ContentReader(folder: scratch.content, displayPath: "content")
        var found: [Diagnostic] = []
        let files = reader.staticFiles(into: &found) { path in
            if path.hasSuffix("/static/secret") { throw CocoaError(.fileReadNoPermission) }
            return try FileManager.default.contentsOfDirectory(atPath: path)
        }
        XCTAssertEqual(files, ["ok.pdf"])
        let error = find("E030", at: "content/static/secret", in: found)
        XCTAssertEqual(error?.severity, .error)
        XCTAssertEqual(error?.location.file, "content/static/secret")
    }

    func testUnreadableStaticFolderForReal() throws {
        try XCTSkipIf(getuid() == 0, "root reads every folder; the simulated test above covers the logic")
        let scratch = try scratch(["static/secret/a.pdf": "%PDF"])
        defer {
            chmod(scratch.content.appendingPathComponent("static/secret").path, 0o755)
            scratch.remove()
        }
        chmod(scratch.content.appendingPathComponent("static/secret").path, 0o000)
        let report = Builder.build(scratch.options())
        XCTAssertTrue(report.failed(strict: false))
        _ = find("E030", at: "content/static/secret", in: report.diagnostics)
    }
}
