import XCTest
@testable import SasaeaiSchedule

final class ICalendarTests: XCTestCase {
    private func events(_ text: String, since: String? = nil, from: String = "2025-11-01", through: String = "2026-10-31") -> [ICalendarEvent] {
        ScheduleParser.parse(text, since: since.flatMap { LocalDate(iso: $0) }).schedule.calendarEvents(
            uid: "minami-salon", summary: "南町ふれあいサロン", location: "南町公民館", url: "https://example.jp/listings/minami-salon/",
            from: LocalDate(iso: from)!, through: LocalDate(iso: through)!)
    }

    func testWeeklyEventWithHolidayExdates() throws {
        let list = events("毎週月曜 10:00〜12:00（祝日は休み）")
        XCTAssertEqual(list.count, 1)
        let event = try XCTUnwrap(list.first)
        XCTAssertEqual(event.uid, "minami-salon-r1@sasaeai")
        XCTAssertEqual(event.date.description, "2025-11-03")
        XCTAssertEqual(event.rrule, "FREQ=WEEKLY;BYDAY=MO")
        let lines = event.lines
        XCTAssertTrue(lines.contains("DTSTART;TZID=Asia/Tokyo:20251103T100000"))
        XCTAssertTrue(lines.contains("DTEND;TZID=Asia/Tokyo:20251103T120000"))
        XCTAssertTrue(lines.contains("DTSTAMP:20251101T000000Z"))
        // Mondays that are holidays from November 2025 to October 2026.
        XCTAssertEqual(event.exdates.map(\.description), [
            "2025-11-03", "2025-11-24", "2026-01-12", "2026-02-23", "2026-05-04", "2026-07-20", "2026-09-21", "2026-10-12",
        ])
        XCTAssertTrue(lines.contains { $0.hasPrefix("EXDATE;TZID=Asia/Tokyo:20251103T100000,20251124T100000,") })
        XCTAssertEqual(event.rdates, [])
    }

    func testMovedMeetingsBecomeRdates() throws {
        let event = try XCTUnwrap(events("毎週月曜 10:00〜 祝日の場合は翌日", through: "2025-12-31").first)
        XCTAssertEqual(event.exdates.map(\.description), ["2025-11-03", "2025-11-24"])
        XCTAssertEqual(event.rdates.map(\.description), ["2025-11-04", "2025-11-25"])
        XCTAssertTrue(event.lines.contains("RDATE;TZID=Asia/Tokyo:20251104T100000,20251125T100000"))
        XCTAssertFalse(event.lines.contains { $0.hasPrefix("DTEND") }, "open-ended: no DTEND")
    }

    func testAllDayEventAndClosedMonthsInRrule() throws {
        let list = events("第2・第4火曜日、8月は休み", from: "2026-07-01", through: "2026-09-30")
        let event = try XCTUnwrap(list.first)
        XCTAssertEqual(event.rrule, "FREQ=MONTHLY;BYDAY=2TU,4TU;BYMONTH=1,2,3,4,5,6,7,9,10,11,12")
        XCTAssertTrue(event.lines.contains("DTSTART;VALUE=DATE:20260714"))
        XCTAssertTrue(event.lines.contains("DTEND;VALUE=DATE:20260715"))
        XCTAssertEqual(event.exdates, [])
    }

    func testOneEventPerRuleWithStableUids() {
        let list = events("第1水曜 10:00〜12:00／第3水曜 13:00〜15:00")
        XCTAssertEqual(list.map(\.uid), ["minami-salon-r1@sasaeai", "minami-salon-r2@sasaeai"])
        XCTAssertEqual(list.map(\.date.description), ["2025-11-05", "2025-11-19"])
        XCTAssertEqual(events("不定期"), [])
        XCTAssertEqual(events("隔週木曜"), [], "隔週 without since has no computable dates")
        XCTAssertEqual(events("隔週木曜", since: "2025-04-03").first?.date.description, "2025-11-13")
    }

    func testFoldingIsUTF8AwareAndAt75Octets() {
        let long = String(repeating: "ふれあいいきいきサロン", count: 8)
        let folded = ICalendarText.fold("SUMMARY:" + long)
        let physical = folded.components(separatedBy: "\r\n")
        XCTAssertGreaterThan(physical.count, 1)
        for (index, line) in physical.enumerated() {
            XCTAssertLessThanOrEqual(line.utf8.count, 75, line)
            if index > 0 { XCTAssertTrue(line.hasPrefix(" ")) }
        }
        // Unfolding gives the original back, so no UTF-8 sequence was split.
        XCTAssertEqual(folded.replacingOccurrences(of: "\r\n ", with: ""), "SUMMARY:" + long)
        XCTAssertEqual(ICalendarText.fold(String(repeating: "a", count: 75)), String(repeating: "a", count: 75))
        XCTAssertEqual(ICalendarText.fold(String(repeating: "a", count: 76)), String(repeating: "a", count: 75) + "\r\n a")
    }

    /// Long ASCII lines (EXDATE lists) are cut by octet count: full lines of 75, then 74 after the space.
    func testFoldingASCIIFillsEveryLine() {
        var g = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let line = String((0..<Int.random(in: 0...400, using: &g)).map { _ in Character(UnicodeScalar(UInt8.random(in: 0x20...0x7E, using: &g))) })
            let physical = ICalendarText.fold(line).components(separatedBy: "\r\n")
            XCTAssertTrue(physical.dropLast().allSatisfy { $0.utf8.count == 75 } && physical.last!.utf8.count <= 75)
            XCTAssertTrue(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") && $0.count > 1 })
            XCTAssertEqual(physical.first! + physical.dropFirst().map { String($0.dropFirst()) }.joined(), line)
        }
        // A CR LF pair is one Character: such a line takes the character-by-character way.
        let crlf = String(repeating: "a", count: 74) + "\r\n" + "b"
        XCTAssertEqual(ICalendarText.fold(crlf), String(repeating: "a", count: 74) + "\r\n \r\nb")
    }

    func testFoldingPropertyOnRandomUnicode() {
        let samples: [Character] = ["a", "ア", "𠮷", "é", "😀", "\u{0301}", ",", ";", " ", "日", "ｶ"]
        var g = SeededGenerator(seed: 99)
        for _ in 0..<2000 {
            let line = String((0..<Int.random(in: 0...200, using: &g)).map { _ in samples.randomElement(using: &g)! })
            // Checked on octets: Swift would merge "\r\n" and " ́" into single Characters.
            let bytes = Array(ICalendarText.fold(line).utf8)
            var physical: [[UInt8]] = [[]]
            var k = 0
            while k < bytes.count {
                if bytes[k] == 13, k + 1 < bytes.count, bytes[k + 1] == 10 { physical.append([]); k += 2; continue }
                physical[physical.count - 1].append(bytes[k])
                k += 1
            }
            XCTAssertTrue(physical.allSatisfy { $0.count <= 75 })
            XCTAssertTrue(physical.dropFirst().allSatisfy { $0.first == 32 && $0.count > 1 })
            XCTAssertTrue(physical.allSatisfy { String(validating: $0, as: UTF8.self) != nil }, "no split UTF-8 sequence")
            let unfolded = physical.first! + physical.dropFirst().flatMap { $0.dropFirst() }
            XCTAssertEqual(unfolded, Array(line.utf8))
        }
    }

    func testTextEscaping() {
        XCTAssertEqual(ICalendarText.escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne")
        XCTAssertEqual(ICalendarText.escape("南町\r\n公民館"), "南町\\n公民館")
        // Tabs and text without specials pass as they are; other controls and DEL are dropped.
        XCTAssertEqual(ICalendarText.escape("南町\t公民館 2階"), "南町\t公民館 2階")
        XCTAssertEqual(ICalendarText.escape("a\u{07}b\u{7F}c\u{1B}"), "abc")
    }

    func testDocumentRender() throws {
        let doc = ICalendarDocument(name: "南町, 支え合い", events: events("毎週水曜 13:30〜15:30（祝日は休み）"))
        let text = doc.render()
        XCTAssertEqual(text, doc.render(), "deterministic")
        XCTAssertTrue(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        XCTAssertTrue(text.hasSuffix("END:VCALENDAR\r\n"))
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "only CRLF line ends")
        XCTAssertTrue(text.contains("CALSCALE:GREGORIAN\r\n"))
        XCTAssertTrue(text.contains("X-WR-CALNAME:南町\\, 支え合い\r\n"))
        XCTAssertTrue(text.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\nBEGIN:STANDARD\r\n"))
        XCTAssertTrue(text.contains("TZOFFSETTO:+0900\r\n"))
        for line in text.components(separatedBy: "\r\n") { XCTAssertLessThanOrEqual(line.utf8.count, 75) }
        let lines = text.components(separatedBy: "\r\n")
        var stack: [Substring] = []
        for line in lines {
            if line.hasPrefix("BEGIN:") { stack.append(line.dropFirst(6)) }
            if line.hasPrefix("END:") { XCTAssertEqual(stack.popLast(), line.dropFirst(4)) }
        }
        XCTAssertEqual(stack, [])
        XCTAssertEqual(lines.filter { $0 == "BEGIN:VEVENT" }.count, 1)
        XCTAssertTrue(text.contains("SUMMARY:南町ふれあいサロン\r\n"))
        XCTAssertTrue(text.contains("URL;VALUE=URI:https://example.jp/listings/minami-salon/\r\n"))
    }
}
