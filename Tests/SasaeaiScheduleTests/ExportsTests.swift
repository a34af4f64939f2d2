import XCTest
@testable import SasaeaiSchedule

final class ExportsTests: XCTestCase {
    private func schedule(_ text: String, since: LocalDate? = nil) -> Schedule { ScheduleParser.parse(text, since: since).schedule }

    private func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func testRrulesFromTheIssue() {
        XCTAssertEqual(schedule("毎週火・金").rules.map(\.rrule), ["FREQ=WEEKLY;BYDAY=TU,FR"])
        XCTAssertEqual(schedule("第2・第4火曜").rules.map(\.rrule), ["FREQ=MONTHLY;BYDAY=2TU,4TU"])
        XCTAssertEqual(schedule("毎月15日").rules.map(\.rrule), ["FREQ=MONTHLY;BYMONTHDAY=15"])
        XCTAssertEqual(schedule("最終金曜").rules.map(\.rrule), ["FREQ=MONTHLY;BYDAY=-1FR"])
        XCTAssertEqual(schedule("隔週木曜", since: LocalDate(iso: "2025-04-03")).rules.map(\.rrule), ["FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"])
        XCTAssertEqual(schedule("奇数月の第2日曜").rules.map(\.rrule), ["FREQ=MONTHLY;BYDAY=2SU;BYMONTH=1,3,5,7,9,11"])
    }

    func testSchemaOrg() throws {
        XCTAssertEqual(try json(schedule("第2・第4火曜日 10:00〜12:00").schemaOrg),
            #"[{"@type":"Schedule","byDay":["https://schema.org/Tuesday"],"byMonthWeek":[2,4],"endTime":"12:00","repeatFrequency":"P1M","scheduleTimezone":"Asia/Tokyo","startTime":"10:00"}]"#)
        XCTAssertEqual(try json(schedule("隔週木曜 9時半〜", since: LocalDate(iso: "2025-04-03")).schemaOrg),
            #"[{"@type":"Schedule","byDay":["https://schema.org/Thursday"],"repeatFrequency":"P2W","scheduleTimezone":"Asia/Tokyo","startDate":"2025-04-03","startTime":"09:30"}]"#)
        XCTAssertEqual(try json(schedule("奇数月の15日").schemaOrg),
            #"[{"@type":"Schedule","byMonth":[1,3,5,7,9,11],"byMonthDay":[15],"repeatFrequency":"P1M","scheduleTimezone":"Asia/Tokyo"}]"#)
        // Pairs that are not a cross product need one object per group of weeks.
        XCTAssertEqual(schedule("第1月曜・第3木曜").schemaOrg.map(\.byMonthWeek), [[1], [3]])
        XCTAssertEqual(schedule("不定期").schemaOrg, [])
    }

    func testHSDS() throws {
        XCTAssertEqual(try json(schedule("毎週月・木曜日 10時〜12時（祝日は休み）").hsds),
            #"[{"byday":"MO,TH","closes_at":"12:00","description":"毎週 月・木曜日 10:00〜12:00（祝日は休み）","freq":"WEEKLY","interval":1,"opens_at":"10:00","timezone":9,"wkst":"MO"}]"#)
        let monthly = schedule("毎月1日・15日").hsds
        XCTAssertEqual(monthly.first?.freq, "MONTHLY")
        XCTAssertEqual(monthly.first?.bymonthday, "1,15")
        XCTAssertNil(monthly.first?.byday)
    }

    func testMeetingsMarkHolidaysTheyKeep() {
        let meetings = schedule("毎週月曜 10:00〜12:00").meetings(in: YearMonth(iso: "2025-11")!)
        XCTAssertEqual(meetings.first?.holiday, "文化の日")
        XCTAssertEqual(meetings.last?.holiday, "振替休日")
        XCTAssertEqual(meetings.filter { $0.holiday == nil }.map(\.date.day), [10, 17])
        let moved = schedule("毎週月曜 祝日の場合は翌日").meetings(in: YearMonth(iso: "2025-11")!)
        XCTAssertEqual(moved.filter(\.moved).map(\.date.day), [4, 25])
        XCTAssertTrue(moved.allSatisfy { $0.holiday == nil })
    }

    func testMovedMeetingCrossesIntoNextMonth() {
        // 2026-08-31 is a Monday; were it a holiday the meeting would move into September.
        // 2025-09-15 (敬老の日) moves to the 16th; 2026-02-23 (天皇誕生日, Monday) moves to the 24th.
        let s = schedule("毎週月曜 祝日の場合は翌日")
        XCTAssertEqual(s.meetings(in: YearMonth(iso: "2026-02")!).map(\.date.day), [2, 9, 16, 24])
        // 祝日の場合は前日 can move a meeting back into the previous month: 2026-06-01? no; 2025-12-01 is fine.
        let back = schedule("毎月1日 祝日の場合は前日")
        XCTAssertEqual(back.meetings(in: YearMonth(iso: "2025-12")!).map(\.date.description), ["2025-12-01", "2025-12-31"])
        XCTAssertEqual(back.meetings(in: YearMonth(iso: "2026-01")!), [])
    }
}
