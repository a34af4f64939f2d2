import Foundation
import XCTest
@testable import SasaeaiSchedule

/// Writes a sample calendar tree for the independent Python check (Tests/e2e/test_ics.py):
///     SASAEAI_ICS_SAMPLE_DIR=/tmp/ics swift test --filter ICalendarSampleTests
///     SITE_DIR=/tmp/ics python3 -m pytest Tests/e2e/test_ics.py
final class ICalendarSampleTests: XCTestCase {
    func testWriteSampleCalendars() throws {
        guard let dir = ProcessInfo.processInfo.environment["SASAEAI_ICS_SAMPLE_DIR"] else {
            throw XCTSkip("set SASAEAI_ICS_SAMPLE_DIR to write sample calendars")
        }
        let root = URL(fileURLWithPath: dir)
        let start = LocalDate(iso: "2025-11-01")!, end = LocalDate(iso: "2026-10-31")!
        var all: [ICalendarEvent] = []
        for (index, c) in ScheduleTableTests.cases.enumerated() {
            let id = String(format: "case-%03d", index + 1)
            let schedule = ScheduleParser.parse(c.text, since: c.since.flatMap { LocalDate(iso: $0) }).schedule
            let events = schedule.calendarEvents(
                uid: id, summary: "サロン「\(c.text)」; テスト, \\ 確認", location: "南町公民館 2階, 和室",
                url: "https://example.jp/listings/\(id)/", from: start, through: end)
            all += events
            let folder = root.appendingPathComponent("listings/\(id)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try ICalendarDocument(name: id, events: events).render()
                .write(to: folder.appendingPathComponent("calendar.ics"), atomically: true, encoding: .utf8)
        }
        try ICalendarDocument(name: "南町 支え合いマップ", events: all).render()
            .write(to: root.appendingPathComponent("calendar.ics"), atomically: true, encoding: .utf8)
    }
}
