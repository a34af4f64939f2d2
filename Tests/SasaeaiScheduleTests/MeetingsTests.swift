import XCTest
@testable import SasaeaiSchedule

final class MeetingsTests: XCTestCase {
    private func days(_ text: String, _ month: String, since: String? = nil) -> [String] {
        ScheduleParser.parse(text, since: since.flatMap { LocalDate(iso: $0) }).schedule
            .meetings(in: YearMonth(iso: month)!).map(\.date.description)
    }

    func testBiweeklyCountsWeeksFromTheFirstMeetingOnOrAfterSince() {
        // since is a Saturday: the first meeting is Tuesday 11-11, so that week and every other one.
        XCTAssertEqual(days("隔週火・金", "2025-11", since: "2025-11-08"),
                       ["2025-11-11", "2025-11-14", "2025-11-25", "2025-11-28"])
        // Parity carries across months and years.
        XCTAssertEqual(days("隔週火・金", "2026-01", since: "2025-11-08"),
                       ["2026-01-06", "2026-01-09", "2026-01-20", "2026-01-23"])
        XCTAssertEqual(days("3週ごと 月曜日", "2025-12", since: "2025-11-03"), ["2025-12-15"])
    }

    func testBiweeklyCalendarEventStartsOnTheRightWeek() throws {
        let schedule = ScheduleParser.parse("隔週火曜 10:00〜12:00", since: LocalDate(iso: "2025-11-04")).schedule
        let event = try XCTUnwrap(schedule.calendarEvents(uid: "a", summary: "a", location: nil, url: nil,
                                                           from: LocalDate(iso: "2025-11-10")!, through: LocalDate(iso: "2025-12-31")!).first)
        XCTAssertEqual(event.date.description, "2025-11-18")
        XCTAssertEqual(event.rrule, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU")
    }

    func testMissingFifthWeeksAndShortMonths() {
        XCTAssertEqual(days("第5金曜", "2026-02"), [])
        XCTAssertEqual(days("毎月31日", "2026-04"), [])
        XCTAssertEqual(days("毎月31日", "2026-05"), ["2026-05-31"])
        XCTAssertEqual(days("毎月末日", "2028-02"), ["2028-02-29"])
        XCTAssertEqual(days("最終金曜", "2026-02"), ["2026-02-27"])
        XCTAssertEqual(days("毎月29日", "2026-02"), [])
    }

    func testSortedByDateThenTime() {
        let meetings = ScheduleParser.parse("第1水曜 13:00〜15:00／毎週水曜 10:00〜12:00", since: nil).schedule
            .meetings(in: YearMonth(iso: "2025-11")!)
        XCTAssertEqual(meetings.prefix(2).map { $0.start?.text ?? "" }, ["10:00", "13:00"])
        XCTAssertEqual(meetings.map(\.date.day), [5, 5, 12, 19, 26])
    }

    func testMovedMeetingOntoARegularDayIsOneMeeting() {
        let meetings = ScheduleParser.parse("毎週月・火 10:00〜12:00（祝日の場合は翌日）", since: nil).schedule
            .meetings(in: YearMonth(iso: "2025-11")!)
        // 11-03 (文化の日) moves onto Tuesday 11-04, which is a meeting day already.
        XCTAssertEqual(meetings.filter { $0.date.day == 4 }.count, 1)
        XCTAssertEqual(meetings.first { $0.date.day == 4 }?.moved, false)
        XCTAssertEqual(meetings.map(\.date.day), [4, 10, 11, 17, 18, 25])
    }

    func testNoDatesWithoutStructure() {
        XCTAssertEqual(days("不定期", "2025-11"), [])
        XCTAssertEqual(days("そのうち", "2025-11"), [])
        XCTAssertEqual(days("隔週木曜", "2025-11"), [], "no anchor, no guessed dates")
    }

    func testClosedRangeWrappingTheNewYear() {
        let s = ScheduleParser.parse("毎日 年末年始は休み", since: nil).schedule
        let dec = s.meetings(in: YearMonth(iso: "2025-12")!).map(\.date.day)
        let jan = s.meetings(in: YearMonth(iso: "2026-01")!).map(\.date.day)
        XCTAssertEqual(dec.last, 28)
        XCTAssertEqual(jan.first, 4)
    }

    func testURLCannotBreakTheCalendar() {
        let event = ICalendarEvent(uid: "u", summary: "s", url: "https://example.jp/\r\nBEGIN:VEVENT", date: LocalDate(iso: "2025-11-01")!,
                                   stamp: LocalDate(iso: "2025-11-01")!)
        XCTAssertTrue(event.lines.contains("URL;VALUE=URI:https://example.jp/BEGIN:VEVENT"))
        XCTAssertEqual(event.lines.filter { $0 == "BEGIN:VEVENT" }.count, 1)
    }
}
