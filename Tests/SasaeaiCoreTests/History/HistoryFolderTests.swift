import Foundation
@testable import SasaeaiCore
import SasaeaiInput
import SasaeaiSchedule
import XCTest

final class HistoryFolderTests: XCTestCase {
    func testASnapshotIsTheOpenDataAndIsNeverRewritten() throws {
        let scratch = try TemporaryContent.exampleCopy()
        defer { scratch.remove() }
        let content = try XCTUnwrap(Builder.check(scratch.options()).content)
        let history = HistoryFolder(content: scratch.content, display: "content")
        let month = YearMonth(iso: "2026-02")!
        XCTAssertTrue(try history.record(content, as: month))
        let written = try String(contentsOf: history.path(of: month), encoding: .utf8)
        XCTAssertEqual(written, DataExport.json(DataExport.records(content, index: SiteIndex(content))))
        let snapshot = try ListingSnapshot(json: written)
        XCTAssertEqual(snapshot.entries.map(\.id), content.listings.map(\.id))
        XCTAssertEqual(snapshot.entries.first { $0.id == "asahi-salon" }?.fields["fee"], "200円（お茶代）")
        XCTAssertEqual(ListingSnapshot.current(content), snapshot, "the listings now, as reading their snapshot back gives them")

        try Data("[]".utf8).write(to: history.path(of: month))
        XCTAssertFalse(try history.record(content, as: month))
        XCTAssertEqual(try String(contentsOf: history.path(of: month), encoding: .utf8), "[]")
    }

    func testBuildRecordsTheNewestPublishedIssueOnlyWhenItHasNone() throws {
        let scratch = try TemporaryContent.exampleCopy()
        defer { scratch.remove() }
        var options = scratch.options()
        options.includeDrafts = true
        try scratch.edit("bulletins/2026-02.md", replacing: "number: 15\n", with: "number: 15\ndraft: true\n")
        let content = try XCTUnwrap(Builder.check(options).content)
        // The newest issue is a draft: the one published before it is what residents have.
        XCTAssertEqual(HistoryFolder.issueToRecord(in: content)?.description, "2025-11")
        var diagnostics: [Diagnostic] = []
        XCTAssertEqual(HistoryFolder.recordNewestIssue(content, options: options, into: &diagnostics), scratch.content.path + "/history/2025-11.json")
        XCTAssertEqual(diagnostics, [])
        let again = try XCTUnwrap(Builder.check(options).content)
        XCTAssertNotNil(again.history[YearMonth(iso: "2025-11")!])
        XCTAssertNil(HistoryFolder.issueToRecord(in: again))
    }

    func testABrokenSnapshotIsAnErrorNamingTheFile() throws {
        let scratch = try TemporaryContent.exampleCopy()
        defer { scratch.remove() }
        let folder = scratch.content.appendingPathComponent("history")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("{\"id\": 1".utf8).write(to: folder.appendingPathComponent("2025-11.json"))
        try Data("[{\"name\": \"x\"}]".utf8).write(to: folder.appendingPathComponent("2025-08.json"))
        try Data("[]".utf8).write(to: folder.appendingPathComponent("latest.json"))
        let diagnostics = Builder.check(scratch.options()).diagnostics
        let found = diagnostics.map { "\($0.location.file.split(separator: "/").suffix(2).joined(separator: "/")):\($0.code)" }
        XCTAssertEqual(Set(found), ["history/2025-08.json:E070", "history/2025-11.json:E070", "history/latest.json:W071"])
    }

    func testChangesSinceAnIssueWithoutSnapshotIsAnError() throws {
        let scratch = try TemporaryContent.exampleCopy()
        defer { scratch.remove() }
        let content = try XCTUnwrap(Builder.check(scratch.options()).content)
        var diagnostics: [Diagnostic] = []
        let history = HistoryFolder(content: scratch.content, display: "content")
        XCTAssertNil(ChangesReport.changes(content, since: YearMonth(iso: "2025-08")!, history: history, into: &diagnostics))
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["E072"])
        XCTAssertEqual(diagnostics.first?.location.file, "content/history/2025-08.json")
    }
}
