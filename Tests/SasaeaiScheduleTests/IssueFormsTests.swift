import XCTest
@testable import SasaeaiSchedule

/// The forms issue 12 found wrong or warned-but-dated, each with what it must give now.
/// 2026-05: Fri 1st; holidays 3, 4, 5, 6. 2026-07: Wed 1st. 2024-07: Mon 1st.
final class IssueFormsTests: XCTestCase {
    struct Case {
        let text: String
        let month: String
        let days: [Int]
        var kind: ScheduleKind = .structured
        var weekdays: [Weekday]? = nil
        var times: [String]? = nil
        var since: String? = nil
        var asOf = "2026-04-01"
        var warns: Bool? = nil
        var line: UInt = #line
    }

    static let cases: [Case] = [
        // Silently wrong before
        Case(text: "月1、2回　10時～", month: "2026-05", days: [], kind: .notUnderstood, weekdays: [], warns: true),
        Case(text: "土曜の不定期開催", month: "2026-05", days: [], kind: .weekdayOnly, weekdays: [.saturday]),
        Case(text: "毎月(土曜日)", month: "2026-05", days: [], kind: .weekdayOnly, weekdays: [.saturday], warns: true),
        Case(text: "第1～3土曜日", month: "2026-05", days: [2, 9, 16], weekdays: [.saturday], warns: false),
        Case(text: "第１～第３水曜日", month: "2026-05", days: [6, 13, 20], warns: false),
        Case(text: "第1〜3水曜日", month: "2026-05", days: [6, 13, 20], warns: false),
        Case(text: "毎月第４または第５金曜日", month: "2026-05", days: [], kind: .weekdayOnly, weekdays: [.friday], warns: true),
        Case(text: "2ヶ月に1回　第2火曜日", month: "2026-05", days: [], kind: .weekdayOnly, weekdays: [.tuesday], warns: true),
        Case(text: "2ヶ月に1回　第2火曜日", month: "2026-05", days: [12], since: "2026-05-12", warns: false),
        Case(text: "2ヶ月に1回　第2火曜日", month: "2026-06", days: [], since: "2026-05-12"),
        Case(text: "隔月　第2火曜日", month: "2026-07", days: [14], since: "2026-05-01"),
        Case(text: "毎週水曜日 月1回土曜日", month: "2026-05", days: [6, 13, 20, 27], weekdays: [.wednesday, .saturday]),
        // Warned about, yet dated before
        Case(text: "月2", month: "2026-05", days: [], kind: .notUnderstood, weekdays: [], warns: true),
        Case(text: "7月2日(火)・8月5日(月)午前10時~11時30分", month: "2024-07", days: [2], weekdays: [], times: ["10:00-11:30"], asOf: "2024-06-01", warns: false),
        Case(text: "7月2日(火)・8月5日(月)午前10時~11時30分", month: "2024-08", days: [5], asOf: "2024-06-01"),
        Case(text: "11月7日(木)・28日(木)各14時~15時", month: "2024-11", days: [7, 28], times: ["14:00-15:00"], asOf: "2024-10-01", warns: false),
        Case(text: "7月3日(火)", month: "2024-07", days: [], kind: .notUnderstood, asOf: "2024-06-01", warns: true),
        Case(text: "第1・第3\n水曜日", month: "2026-05", days: [6, 20], weekdays: [.wednesday], warns: false),
        Case(text: "第4水曜以外の水曜", month: "2026-05", days: [6, 13, 20], warns: false),
        Case(text: "第一火曜日を除く火曜日", month: "2026-05", days: [12, 19, 26], warns: false),
        Case(text: "毎週水曜 最終水曜は休み", month: "2026-07", days: [1, 8, 15, 22], warns: false),
        Case(text: "第3水曜日もしくは木曜日", month: "2026-05", days: [], kind: .notUnderstood, weekdays: [], warns: true),
        // 2026-08-15 is a Saturday: the Monday after, 17th.
        Case(text: "毎月15日（土日の場合は翌月曜）", month: "2026-08", days: [17], warns: false),
        Case(text: "二部制 1回目午後5:00～6:00 2回目午後6:30～7:15 第2金曜日", month: "2026-05", days: [8], times: ["17:00-18:00", "18:30-19:15"]),
        Case(text: "第2金曜日 1回目午後5:00～6:00 2回目午後6:30～7:15", month: "2026-05", days: [8], times: ["17:00-18:00", "18:30-19:15"], warns: false),
        Case(text: "第2水曜日\n13:30~15:00", month: "2026-05", days: [13], times: ["13:30-15:00"], warns: false),
        Case(text: "毎週水曜日 午前", month: "2026-05", days: [6, 13, 20, 27], times: ["午前"], warns: false),
        Case(text: "第2土曜日 夜", month: "2026-05", days: [9], times: ["夜"], warns: false),
        Case(text: "毎月第4月曜日の昼", month: "2026-05", days: [25], times: ["昼"], warns: false),
        Case(text: "第3土曜日 昼の部11:00〜13:00 夜の部17:00〜19:00", month: "2026-05", days: [16], times: ["11:00-13:00", "17:00-19:00"], warns: false),
        Case(text: "開催日は毎月第2日曜日", month: "2026-05", days: [10], warns: false),
        Case(text: "原則第2・4金曜日", month: "2026-05", days: [8, 22], warns: false),
        Case(text: "第2・第4水曜日 他", month: "2026-05", days: [13, 27], warns: false),
        // Named and relative days, intervals, anchors
        Case(text: "15日・29日", month: "2026-05", days: [15, 29], warns: false),
        Case(text: "第三火曜日とその直後の木曜日", month: "2026-05", days: [19, 21], weekdays: [.tuesday, .thursday], warns: false),
        Case(text: "隔週（第1・3）火曜日", month: "2026-05", days: [5, 19], warns: false),
        Case(text: "隔週水曜日", month: "2026-05", days: [], kind: .weekdayOnly, weekdays: [.wednesday], warns: true),
        Case(text: "隔週水曜日", month: "2026-05", days: [6, 20], since: "2026-04-08", warns: false),
        Case(text: "奇数月の第2日曜", month: "2026-05", days: [10]),
        Case(text: "偶数月の第2日曜", month: "2026-05", days: []),
        Case(text: "週不確定日曜日", month: "2026-05", days: [], kind: .weekdayOnly, weekdays: [.sunday]),
        Case(text: "月1回土曜日", month: "2026-05", days: [], kind: .weekdayOnly, weekdays: [.saturday], warns: true),
        // since bounds every date: a salon that starts in March is not on February's calendar.
        Case(text: "毎週火曜日", month: "2026-02", days: [], since: "2026-03-01"),
        Case(text: "毎週火曜日", month: "2026-03", days: [10, 17, 24, 31], since: "2026-03-05"),
        Case(text: "毎月1日(土日祝日の場合は休み)", month: "2026-08", days: []),
        Case(text: "毎週水曜 13:30〜15:30（祝日・第5水曜は休み）", month: "2026-07", days: [1, 8, 15, 22], warns: false),
        Case(text: "毎月第2月曜日（祝日の場合は第3月曜日）", month: "2026-01", days: [], kind: .notUnderstood, warns: true),
        // 2026-07-25 is a Saturday.
        Case(text: "毎月25日（土日祝の場合は翌平日）", month: "2026-07", days: [27], warns: false),
        Case(text: "毎週金曜日16時～18時（月1回）", month: "2026-05", days: [], kind: .weekdayOnly, weekdays: [.friday], warns: true),
        Case(text: "第1、第3火曜日（1月は第3のみ）", month: "2026-05", days: [], kind: .notUnderstood, warns: true),
        Case(text: "土日祝日休み", month: "2026-05", days: [], kind: .notUnderstood, weekdays: [], warns: true),
        Case(text: "月水金（祝祭日を除く）週3日", month: "2026-05", days: [1, 8, 11, 13, 15, 18, 20, 22, 25, 27, 29], warns: false),
        Case(text: "毎月第3日曜日（3月、8月、12月を除く）", month: "2026-08", days: [], warns: false),
        Case(text: "毎月第3日曜日（3月、8月、12月を除く）", month: "2026-05", days: [17], warns: false),
        Case(text: "毎月第3月曜日の翌日", month: "2026-05", days: [19], weekdays: [.tuesday], warns: false),
        // 2026-01-10 is a Saturday.
        Case(text: "毎月10日（土・日曜日の場合は翌月曜日）", month: "2026-01", days: [12], warns: false),
        // 2026-08-01 and 15 are Saturdays: the Fridays before (31 July, 14 August).
        Case(text: "毎月1日・15日（土日祝日の場合は前日）", month: "2026-08", days: [14], warns: false),
        Case(text: "毎月1日・15日（土日祝日の場合は前日）", month: "2026-07", days: [1, 15, 31], warns: false),
        Case(text: "毎月第2水曜日 ※祝日と重なる場合は翌週", month: "2026-05", days: [], kind: .notUnderstood, warns: true),
        Case(text: "第2・4日", month: "2026-05", days: [], kind: .notUnderstood, warns: true),
        Case(text: "毎月15日頃", month: "2026-05", days: [], kind: .notUnderstood, warns: true),
        Case(text: "週1回（水曜日）", month: "2026-05", days: [6, 13, 20, 27], warns: false),
        Case(text: "週2回（火・金）", month: "2026-05", days: [1, 5, 8, 12, 15, 19, 22, 26, 29], warns: false),
        Case(text: "毎月第2土曜日と翌日曜日", month: "2026-05", days: [9, 10], weekdays: [.saturday, .sunday], warns: false),
        Case(text: "第2土曜日と翌日", month: "2026-05", days: [9, 10], warns: false),
        Case(text: "3月6日/4月3日(金)14:00~15:30", month: "2026-03", days: [6], times: ["14:00-15:30"], asOf: "2026-02-01", warns: false),
        Case(text: "毎週火曜日 11:30～20:00(15～17時休憩)", month: "2026-05", days: [5, 12, 19, 26], times: ["11:30-20:00"], warns: false),
        Case(text: "現在休止中", month: "2026-05", days: [], kind: .noFixedDates, weekdays: [], warns: false),
    ]

    func testIssueForms() throws {
        for c in Self.cases {
            let result = ScheduleParser.parse(c.text, since: c.since.flatMap(LocalDate.init(iso:)), asOf: LocalDate(iso: c.asOf))
            let context = "「\(c.text)」 \(result.schedule.rules.map(\.normalizedText)) warnings: \(result.warnings)"
            XCTAssertEqual(result.schedule.kind, c.kind, context, line: c.line)
            let meetings = result.schedule.meetings(in: try XCTUnwrap(YearMonth(iso: c.month)))
            XCTAssertEqual(meetings.map(\.date.day).reduce(into: [Int]()) { if $0.last != $1 { $0.append($1) } }, c.days, context, line: c.line)
            if let weekdays = c.weekdays { XCTAssertEqual(result.schedule.weekdays, weekdays, context, line: c.line) }
            if let times = c.times {
                let got = Set(meetings.compactMap { m in m.start.map { $0.text + "-" + (m.end?.text ?? "") } ?? m.part?.rawValue })
                XCTAssertEqual(got, Set(times), context, line: c.line)
            }
            if let warns = c.warns { XCTAssertEqual(!result.warnings.isEmpty, warns, context, line: c.line) }
            for warning in result.warnings {
                // A quoted fragment is always words of the cell itself.
                let fragments = warning.components(separatedBy: "「").dropFirst(2).compactMap { $0.components(separatedBy: "」").first }
                for fragment in fragments where warning.contains("の「\(fragment)」が読み取れません") {
                    XCTAssertTrue(c.text.contains(fragment), "「\(fragment)」 is not in the cell: \(warning)", line: c.line)
                }
            }
        }
    }

    func testScheduleWordsInOtherColumns() {
        XCTAssertEqual(ScheduleMentions.find(in: "第5水曜はお休み", schedule: "毎週水曜 13:30〜15:30（祝日は休み）"), ["第5水曜はお休み"])
        XCTAssertEqual(ScheduleMentions.find(in: "駐車場あり。8月は休みです。お茶菓子を用意します", schedule: "第2火曜日"), ["8月は休みです"])
        XCTAssertEqual(ScheduleMentions.find(in: "第4水曜が祝日の月はお休みです。", schedule: "第4水曜 13:30〜15:00（祝日は休み）"), [])
        XCTAssertEqual(ScheduleMentions.find(in: "初めての方も歓迎です。お休みの連絡は前日までに", schedule: nil), [])
        XCTAssertEqual(ScheduleMentions.find(in: "いす体操と脳トレ、季節の歌", schedule: nil), [])
    }

    func testUntilBoundsDatesAndCalendar() throws {
        let schedule = ScheduleParser.parse("毎週水曜 10:00〜12:00", since: LocalDate(iso: "2026-03-04"), until: LocalDate(iso: "2026-06-30")).schedule
        XCTAssertEqual(schedule.meetings(in: YearMonth(iso: "2026-07")!), [])
        XCTAssertEqual(schedule.meetings(in: YearMonth(iso: "2026-02")!), [])
        XCTAssertEqual(schedule.nextMeetings(after: LocalDate(iso: "2026-06-20")!, count: 5).map(\.date.day), [24])
        let event = try XCTUnwrap(schedule.calendarEvents(uid: "x", summary: "x", location: nil, url: nil,
                                                          from: LocalDate(iso: "2026-01-01")!, through: LocalDate(iso: "2026-12-31")!).first)
        XCTAssertEqual(event.date, LocalDate(iso: "2026-03-04"))
        XCTAssertEqual(event.rrule, "FREQ=WEEKLY;BYDAY=WE;UNTIL=20260630T145959Z")
        XCTAssertEqual(schedule.weekdays(asOf: LocalDate(iso: "2026-07-01")!), [])
        XCTAssertEqual(schedule.weekdays(asOf: LocalDate(iso: "2026-05-01")!), [.wednesday])
    }

    func testOneOffDatesAreRDates() throws {
        let schedule = ScheduleParser.parse("11月7日(木)・28日(木)各14時~15時", since: nil, asOf: LocalDate(iso: "2024-10-01")).schedule
        let events = schedule.calendarEvents(uid: "x", summary: "x", location: nil, url: nil,
                                             from: LocalDate(iso: "2024-10-01")!, through: LocalDate(iso: "2025-09-30")!)
        XCTAssertEqual(events.count, 1)
        XCTAssertNil(events[0].rrule)
        XCTAssertEqual(events[0].date, LocalDate(iso: "2024-11-07"))
        XCTAssertEqual(events[0].rdates, [LocalDate(iso: "2024-11-28")!])
        XCTAssertEqual(schedule.hsds.map(\.dtstart), ["2024-11-07", "2024-11-28"])
    }

    func testIntervalsAndMonthsAreStructuralInExports() throws {
        let odd = ScheduleParser.parse("奇数月の第2日曜", since: nil).schedule
        XCTAssertEqual(odd.hsds.first?.interval, 2)
        XCTAssertEqual(odd.hsds.first?.dtstart, "2000-01-01")
        XCTAssertEqual(odd.schemaOrg.first?.byMonth, [1, 3, 5, 7, 9, 11])
        let everyOther = ScheduleParser.parse("隔月 第2火曜日", since: LocalDate(iso: "2026-05-01")).schedule
        XCTAssertEqual(everyOther.rules.first?.rrule, "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU")
        XCTAssertEqual(everyOther.schemaOrg.first?.repeatFrequency, "P2M")
        XCTAssertEqual(everyOther.hsds.first?.interval, 2)
        XCTAssertEqual(everyOther.hsds.first?.dtstart, "2026-05-01")
        let biweekly = ScheduleParser.parse("隔週水曜日", since: LocalDate(iso: "2026-04-08")).schedule
        XCTAssertEqual(biweekly.hsds.first?.interval, 2)
        XCTAssertEqual(biweekly.hsds.first?.dtstart, "2026-04-08")
        let part = ScheduleParser.parse("毎週水曜日 午前", since: nil).schedule
        XCTAssertNil(part.hsds.first?.opens_at)
        XCTAssertEqual(part.normalizedText, "毎週 水曜日 午前")
        for text in ["毎月第3月曜日の翌日", "第三火曜日とその直後の木曜日", "毎月15日（土日の場合は翌月曜）", "隔月 第2火曜日", "毎週水曜 最終水曜は休み"] {
            // The wording shown on the page reads back to the same rules.
            let schedule = ScheduleParser.parse(text, since: LocalDate(iso: "2026-05-01")).schedule
            let again = ScheduleParser.parse(schedule.normalizedText, since: LocalDate(iso: "2026-05-01")).schedule
            XCTAssertEqual(again.rules, schedule.rules, "\(text) → \(schedule.normalizedText)")
            XCTAssertEqual(again.exceptions, schedule.exceptions, "\(text) → \(schedule.normalizedText)")
        }
    }
}
