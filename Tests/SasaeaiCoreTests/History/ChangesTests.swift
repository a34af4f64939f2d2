import Foundation
@testable import SasaeaiCore
import SasaeaiInput
import SasaeaiSchedule
import XCTest

/// Changes between issues read from snapshots: edited fields and deleted rows show.
final class ChangesTests: XCTestCase {
    private let february = YearMonth(iso: "2026-02")!

    /// The example town with a snapshot of issue 2026-02 recorded as it is now, then edited.
    private func editedTown() throws -> (TemporaryContent, SiteContent) {
        let scratch = try TemporaryContent.exampleCopy()
        let original = try XCTUnwrap(Builder.check(scratch.options()).content)
        let history = HistoryFolder(content: scratch.content, display: "content")
        XCTAssertTrue(try history.record(original, as: february))
        // A changed weekday, a changed fee, a deleted row.
        try scratch.edit("listings/salons.tsv", replacing: "毎週金曜 10:00〜11:00\t西山地区センター", with: "毎週木曜 10:00〜11:00\t西山地区センター")
        try scratch.edit("listings/salons.tsv", replacing: "\t200円（お茶代）\t20\t0270-11-2302", with: "\t300円（お茶代）\t20\t0270-11-2302")
        let tsv = scratch.content.appendingPathComponent("listings/salons.tsv")
        let rows = try String(contentsOf: tsv, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(rows.contains { $0.hasPrefix("yuyu-salon\t") })
        try Data(rows.filter { !$0.hasPrefix("yuyu-salon\t") }.joined(separator: "\n").utf8).write(to: tsv)
        let report = Builder.check(scratch.options())
        XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }.map(\.description), [])
        return (scratch, try XCTUnwrap(report.content))
    }

    func testEditedScheduleEditedFeeAndDeletedRowAppear() throws {
        let (scratch, content) = try editedTown()
        defer { scratch.remove() }
        XCTAssertNotNil(content.history[february])
        let changes = try XCTUnwrap(Changes.since(february, in: content, current: ListingSnapshot.current(content)))
        XCTAssertEqual(changes.basis, .snapshot(february))
        XCTAssertEqual(changes.removed.map(\.id), ["yuyu-salon"])
        XCTAssertEqual(changes.removed.first?.name, "ゆうゆうサロン")
        XCTAssertTrue(changes.new.isEmpty)
        let edited = Dictionary(uniqueKeysWithValues: changes.edited.map { ($0.listing.id, $0.fields) })
        XCTAssertEqual(Set(edited.keys), ["nishiyama-hyakusai-taiso", "asahi-salon"])
        let schedule = try XCTUnwrap(edited["nishiyama-hyakusai-taiso"]?.first { $0.key == "schedule" })
        XCTAssertEqual(schedule.label, "開催日時")
        XCTAssertEqual(schedule.before, "毎週金曜 10:00〜11:00")
        XCTAssertEqual(schedule.after, "毎週木曜 10:00〜11:00")
        XCTAssertEqual(edited["asahi-salon"]?.map(\.key), ["fee"])
        XCTAssertEqual(edited["asahi-salon"]?.first?.after, "300円（お茶代）")

        let text = ChangesReport.text(changes)
        XCTAssertTrue(text.contains("掲載を終えた活動（1件）\n  ・ゆうゆうサロン（西山・サロン）"), text)
        XCTAssertTrue(text.contains("      参加費: 200円（お茶代） → 300円（お茶代）"), text)
        let tsv = ChangesReport.tsv(changes).split(separator: "\n")
        XCTAssertEqual(tsv.first, "change\tid\tname\tdistrict\tkind\tfield\tlabel\tbefore\tafter")
        XCTAssertTrue(tsv.contains("removed\tyuyu-salon\tゆうゆうサロン\t西山\tサロン\t\t\t\t"))
        XCTAssertTrue(tsv.contains("edited\tnishiyama-hyakusai-taiso\t西山いきいき百歳体操\t西山\t通いの場・居場所\tschedule\t開催日時\t毎週金曜 10:00〜11:00\t毎週木曜 10:00〜11:00"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(ChangesReport.json(changes).utf8)) as? [String: Any])
        XCTAssertEqual(json["since"] as? String, "2026-02")
        XCTAssertEqual((json["removed"] as? [[String: Any]])?.first?["id"] as? String, "yuyu-salon")
    }

    func testTheNextIssuesChangesEmbedShowsThem() throws {
        let (scratch, _) = try editedTown()
        defer { scratch.remove() }
        let (path, text) = try Scaffold.file(.bulletin, name: "2026-05", bulletin: Scaffold.BulletinDefaults(previousNumber: 15))
        try Data(text.replacingOccurrences(of: "draft: true\n", with: "").utf8).write(to: scratch.content.appendingPathComponent(path))
        let report = Builder.build(scratch.options())
        XCTAssertEqual(report.diagnostics.map(\.description), [])
        let page = try scratch.read("bulletins/2026-05/index.html")
        let section = try XCTUnwrap(page.range(of: "embed-changes").map { String(page[$0.lowerBound...].prefix(4000)) })
        XCTAssertTrue(section.contains("掲載を終えた活動"), section)
        XCTAssertTrue(section.contains("ゆうゆうサロン"))
        XCTAssertTrue(section.contains("内容が変わった活動"))
        XCTAssertTrue(section.contains("<dt>開催日時</dt><dd><del>毎週金曜 10:00〜11:00</del> → <ins>毎週木曜 10:00〜11:00</ins></dd>"), section)
        XCTAssertTrue(section.contains("<dt>参加費</dt><dd><del>200円（お茶代）</del> → <ins>300円（お茶代）</ins></dd>"))
        // The removed listing has no page to link to.
        XCTAssertFalse(section.contains("listings/yuyu-salon/"))
    }

    func testAMovedMapPinIsForTheCoordinatorNotTheBulletin() throws {
        let scratch = try TemporaryContent.exampleCopy()
        defer { scratch.remove() }
        let original = try XCTUnwrap(Builder.check(scratch.options()).content)
        XCTAssertTrue(try HistoryFolder(content: scratch.content, display: "content").record(original, as: february))
        try scratch.edit("listings/salons.tsv", replacing: "\t36.4051\t139.3462\t", with: "\t36.4053\t139.3462\t")
        let content = try XCTUnwrap(Builder.check(scratch.options()).content)
        let changes = try XCTUnwrap(Changes.since(february, in: content, current: ListingSnapshot.current(content)))
        XCTAssertEqual(changes.edited.map(\.listing.id), ["asahi-salon"])
        XCTAssertEqual(changes.edited.first?.fields.map(\.key), ["lat"])
        XCTAssertTrue(ChangesReport.text(changes).contains("36.4051 → 36.4053"))
        let view = BulletinBody.changesView(changes, content: content, index: SiteIndex(content), labels: try Labels.repository(), root: "")
        XCTAssertTrue(view.empty)
    }

    func testStatusChangesBetweenSnapshots() throws {
        func entry(_ id: String, _ status: String, fee: String = "無料") -> ListingSnapshot.Entry {
            ListingSnapshot.Entry(id: id, fields: ["id": id, "name": id, "status": status, "fee": fee, "page": "https://a/\(id)"])
        }
        let old = ListingSnapshot(entries: [entry("a", "active"), entry("b", "active"), entry("c", "paused"), entry("d", "active"), entry("e", "active"), entry("g", "ended")])
        let new = ListingSnapshot(entries: [entry("a", "paused"), entry("b", "ended", fee: "100円"), entry("c", "active"), entry("d", "active"), entry("f", "active")])
        let changes = Changes(from: old, of: february, to: new)
        XCTAssertEqual(changes.paused.map(\.id), ["a"])
        XCTAssertEqual(changes.ended.map(\.id), ["b"])
        XCTAssertEqual(changes.resumed.map(\.id), ["c"])
        XCTAssertEqual(changes.new.map(\.id), ["f"])
        // g had ended before its row was deleted: its own issue told that already.
        XCTAssertEqual(changes.removed.map(\.id), ["e"])
        // An ended listing's fee no longer matters; nothing else was edited.
        XCTAssertTrue(changes.edited.isEmpty)
        XCTAssertTrue(Changes(from: old, of: february, to: old).isEmpty)
    }

    func testANewColumnOfTheSchemaIsNotAnEdit() {
        let old = ListingSnapshot(entries: [ListingSnapshot.Entry(id: "a", fields: ["id": "a", "fee": "無料", "venue": "集会所"])])
        let new = ListingSnapshot(entries: [ListingSnapshot.Entry(id: "a", fields: ["id": "a", "fee": "100円", "participants": "12"])])
        let changes = Changes(from: old, of: february, to: new)
        // venue emptied in a snapshot that still has no venue anywhere is indistinguishable from a
        // dropped column; participants is a new column. Only the fee is an edit.
        XCTAssertEqual(changes.edited.first?.fields.map(\.key), ["fee"])
    }
}

extension ChangesTests {
    func testAnOldIssueIsNeverToldInTodaysListings() throws {
        let scratch = try TemporaryContent.exampleCopy()
        defer { scratch.remove() }
        let original = try XCTUnwrap(Builder.check(scratch.options()).content)
        let history = HistoryFolder(content: scratch.content, display: "content")
        // Issues 2025-08 and 2026-02 recorded, 2025-11 not: 2025-11 falls back to dates.
        for month in ["2025-08", "2026-02"] { XCTAssertTrue(try history.record(original, as: YearMonth(iso: month)!)) }
        try scratch.edit("listings/salons.tsv", replacing: "\t200円（お茶代）\t20\t0270-11-2302", with: "\t300円（お茶代）\t20\t0270-11-2302")
        let content = try XCTUnwrap(Builder.check(scratch.options()).content)
        let current = ListingSnapshot.current(content)
        let position = try XCTUnwrap(content.bulletins.firstIndex { $0.month.description == "2025-11" })
        let changes = Changes.forIssue(at: position, in: content, current: current)
        XCTAssertEqual(changes.basis, .dates(content.bulletins[position + 1].date))
        XCTAssertTrue(changes.edited.isEmpty)
        // 2026-02 has its own snapshot but 2025-11 has none: dates again, and the fee edit made
        // after 2026-02 was recorded is the next issue's news, not this one's.
        let newest = Changes.forIssue(at: 0, in: content, current: current)
        XCTAssertEqual(newest.basis, .dates(content.bulletins[1].date))
        XCTAssertTrue(newest.edited.isEmpty)
        // The issue after it compares the 2026-02 snapshot with the listings now.
        let next = try XCTUnwrap(Changes.since(YearMonth(iso: "2026-02")!, in: content, current: current))
        XCTAssertEqual(next.edited.map(\.listing.id), ["asahi-salon"])
    }
}
