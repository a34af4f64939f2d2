import XCTest
@testable import SasaeaiSchedule

/// The parser must be total: any text gives a result, unreadable parts become warnings.
final class ParserRobustnessTests: XCTestCase {
    func testNeverCrashesOnRandomText() {
        let alphabet = Array("毎週隔月第最終日月火水木金土曜・、／/;～〜~-ー:：0123456789０１２３４５６７８９一二三四五十時分半午前後正から まで祝休み翌前奇偶数の年回不定期\n\r\t()（）※    ")
        var g = SeededGenerator(seed: 42)
        for _ in 0..<3000 {
            let length = Int.random(in: 0...30, using: &g)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &g)! })
            let result = ScheduleParser.parse(text, since: Bool.random(using: &g) ? LocalDate(iso: "2025-04-01") : nil)
            XCTAssertEqual(result.schedule.text, text)
            _ = result.schedule.meetings(in: YearMonth(iso: "2026-02")!)
            _ = result.schedule.normalizedText
            _ = result.schedule.schemaOrg
            _ = result.schedule.calendarEvents(uid: "x", summary: "x", location: nil, url: nil,
                                               from: LocalDate(iso: "2026-01-01")!, through: LocalDate(iso: "2026-03-31")!)
            if result.schedule.kind == .notUnderstood {
                XCTAssertFalse(result.warnings.isEmpty, "「\(text)」")
            }
        }
    }

    /// Dense in digits and separators, where index and range arithmetic lives. Set
    /// SASAEAI_FUZZ_ITERATIONS for a longer run.
    func testNeverCrashesOnNumberHeavyText() {
        let iterations = Int(ProcessInfo.processInfo.environment["SASAEAI_FUZZ_ITERATIONS"] ?? "") ?? 4000
        let pieces = ["0", "1", "2", "5", "9", "12", "13", "31", "99", "第", "月", "日", "週", "時", "分", "半", "回", "年", "〜", "から",
                      "まで", "・", "、", " ", "/", ":", "曜", "火", "水", "毎月", "毎週", "隔週", "最終", "月末", "は", "の", "休み", "祝日",
                      "場合", "翌日", "午後", "正午", "奇数月", "のつく日", "週ごと", "頃", "ー", "-", "年末年始", "も", "開催", "\n",
                      "または", "以外の", "を除く", "翌月曜", "土日", "隔月", "ヶ月に1回", "直後の", "(", ")", "（火）", "月1、2回", "不定期",
                      "休止中", "午前", "夜", "昼の部", "1回目", "他", "休憩", "次回", "週1回", "〜第", "から", "2026年", "平日"]
        var g = SeededGenerator(seed: 7)
        for _ in 0..<iterations {
            let text = (0..<Int.random(in: 1...14, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
            let result = ScheduleParser.parse(text, since: LocalDate(iso: "2025-04-01"), asOf: LocalDate(iso: "2025-06-01"))
            let meetings = result.schedule.meetings(in: YearMonth(iso: "2025-12")!)
            _ = result.schedule.normalizedText
            _ = result.schedule.hsds
            _ = result.schedule.calendarEvents(uid: "x", summary: "x", location: nil, url: nil,
                                               from: LocalDate(iso: "2025-11-01")!, through: LocalDate(iso: "2026-01-31")!)
            if result.schedule.kind != .structured { XCTAssertEqual(meetings, [], "「\(text)」") }
        }
    }

    func testEdgeInputs() {
        for text in ["", " ", "\n\n", "第", "第・", "毎月", "〜", "10:", "99時", "第0火曜", "31日", "2月30日は休み", "😀毎週水曜😀",
                     String(repeating: "毎週水曜 ", count: 200), "12/31", "13/45", "毎週水曜 10:00〜9:00",
                     "第1・ ", "第1・ /第3", "1・ ", "1・ /x", "第1、 \n", "10〜 ", "12月29日〜 ", "4月〜 ", "月末 ", "午後 ", "第", "第 ", "月2", "年", "13〜2月", "4月〜0月", "0〜3月", "5〜99日", "9〜2日", "1〜9999日", "第9〜1週", "4〜13月は休み"] {
            let result = ScheduleParser.parse(text, since: nil)
            XCTAssertEqual(result.schedule.text, text)
        }
        XCTAssertEqual(ScheduleParser.parse("", since: nil).schedule.kind, .noFixedDates)
        let backwards = ScheduleParser.parse("毎週水曜 12:00〜10:00", since: nil)
        XCTAssertFalse(backwards.warnings.isEmpty)
        XCTAssertEqual(backwards.schedule.rules.first?.start, nil)
    }

    func testWarningQuotesTheFragment() {
        let result = ScheduleParser.parse("毎週水曜 13:30〜15:30 ラジオ体操", since: nil)
        XCTAssertEqual(result.warnings, ["開催日時「毎週水曜 13:30〜15:30 ラジオ体操」の「ラジオ体操」が読み取れません（例: 毎週水曜 13:30〜15:30、第2・第4火曜日 10:00〜12:00）"])
        XCTAssertEqual(result.schedule.kind, .structured)
        let unknown = ScheduleParser.parse("そのうち", since: nil)
        XCTAssertEqual(unknown.schedule.kind, .notUnderstood)
        XCTAssertTrue(unknown.warnings.allSatisfy { $0.contains("「そのうち」") })
        let biweekly = ScheduleParser.parse("隔週木曜", since: nil)
        XCTAssertTrue(biweekly.warnings.contains { $0.contains("隔週") && $0.contains("開始") })
    }
}
