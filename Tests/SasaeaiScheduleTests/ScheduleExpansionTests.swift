import XCTest
@testable import SasaeaiSchedule

/// One expansion over a long window answers every shorter window the pages ask about, with the
/// same meetings as expanding that window on its own (holiday moves, repeated days, 開始・終了).
final class ScheduleExpansionTests: XCTestCase {
    private static let texts = [
        "毎週月・火 10:00〜12:00（祝日の場合は翌日）",
        "毎週月曜 9:00〜10:00（祝日の場合は前日）",
        "毎月15日 10:00〜（土日の場合は翌月曜）",
        "毎月1日・15日 13:00〜15:00（土日の場合は前日）",
        "第1水曜 13:00〜15:00／毎週水曜 10:00〜12:00",
        "毎週木曜 14:00〜15:00（祝日は休み）",
        "毎月第2・第4火曜 13:30〜15:00（8月は休み）",
        "奇数月の第2日曜 10:00〜11:30",
        "毎日 年末年始は休み",
        "毎週木曜 午前",
        "隔週火・金",
    ]

    private func date(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    /// Months of a year and the windows where holidays crowd (年末年始, ゴールデンウィーク, シルバーウィーク).
    private var windows: [(LocalDate, LocalDate)] {
        (1...12).map { YearMonth(year: 2026, month: $0)! }.map { ($0.firstDay, $0.lastDay) }
            + [("2025-12-27", "2026-01-06"), ("2026-04-28", "2026-05-07"), ("2026-09-19", "2026-09-23"), ("2026-05-04", "2026-05-04")]
            .map { (date($0.0), date($0.1)) }
    }

    func testWindowsReadFromOneExpansionEqualTheirOwnExpansion() throws {
        let corpus = try RealScheduleCorpusTests.rows().map { ($0.text, $0.since) }
        let holidays = HolidayCalendar(from: date("2025-06-01"), through: date("2027-06-30"))
        var meetings = 0
        for (text, since) in Self.texts.map({ ($0, LocalDate(iso: "2025-11-08")) }) + corpus {
            for until in [nil, date("2026-05-05")] {
                var schedule = ScheduleParser.parse(text, since: since).schedule
                schedule.until = until
                let wide = ScheduleExpansion(schedule, from: date("2025-07-01"), through: date("2027-03-31"), holidays: holidays)
                for (start, end) in windows {
                    let own = schedule.meetings(from: start, through: end)
                    XCTAssertEqual(wide.meetings(from: start, through: end), own, "「\(text)」 \(start)…\(end)")
                    meetings += own.count
                }
            }
        }
        XCTAssertGreaterThan(meetings, 10_000, "the texts give meetings to compare")
    }

    func testAMeetingMovedOntoARegularDayIsOneMeetingInAnyWindow() {
        let schedule = ScheduleParser.parse("毎週月・火 10:00〜12:00（祝日の場合は翌日）", since: nil).schedule
        let wide = ScheduleExpansion(schedule, from: date("2025-01-01"), through: date("2026-12-31"))
        // 11-03 (文化の日) moves onto Tuesday 11-04, which is a meeting day already.
        let day = wide.meetings(from: date("2025-11-04"), through: date("2025-11-04"))
        XCTAssertEqual(day.map(\.moved), [false])
        // 2026-05-04 to 05-06 are holidays (05-06 is 振替休日): Monday's and Tuesday's meetings
        // both move to Thursday 05-07, and are one meeting there.
        let moved = wide.meetings(from: date("2026-05-04"), through: date("2026-05-07"))
        XCTAssertEqual(moved.map(\.date.description), ["2026-05-07"])
        XCTAssertEqual(moved.map(\.moved), [true])
    }

    func testAWindowOutsideTheExpansionIsExpandedOnItsOwn() {
        let schedule = ScheduleParser.parse("毎週木曜 14:00〜15:00（祝日は休み）", since: nil).schedule
        let january = ScheduleExpansion(schedule, from: date("2026-01-01"), through: date("2026-01-31"))
        XCTAssertFalse(january.covers(from: date("2026-01-20"), through: date("2026-02-05")))
        XCTAssertEqual(january.meetings(from: date("2026-01-20"), through: date("2026-02-05")).map(\.date.day), [22, 29, 5])
        XCTAssertEqual(january.meetings.first?.date.day, 8, "元日 (a Thursday) is a holiday")
    }

    func testCalendarEventsFromAnExpansionEqualThoseWithout() {
        let start = date("2025-11-14"), end = date("2026-11-14")
        for text in Self.texts {
            let schedule = ScheduleParser.parse(text, since: date("2025-10-01")).schedule
            let own = schedule.calendarEvents(uid: "a", summary: "a", location: nil, url: nil, from: start, through: end)
            let wide = ScheduleExpansion(schedule, from: date("2025-06-01"), through: date("2027-01-31"))
            XCTAssertEqual(schedule.calendarEvents(uid: "a", summary: "a", location: nil, url: nil, from: start, through: end, expansion: wide), own, text)
            // Another schedule's expansion, or one that does not cover the year, is not used.
            let other = ScheduleExpansion(ScheduleParser.parse("毎日", since: nil).schedule, from: date("2025-06-01"), through: date("2027-01-31"))
            let short = ScheduleExpansion(schedule, from: date("2025-12-01"), through: date("2026-01-31"))
            XCTAssertEqual(schedule.calendarEvents(uid: "a", summary: "a", location: nil, url: nil, from: start, through: end, expansion: other), own, text)
            XCTAssertEqual(schedule.calendarEvents(uid: "a", summary: "a", location: nil, url: nil, from: start, through: end, expansion: short), own, text)
        }
    }
}
