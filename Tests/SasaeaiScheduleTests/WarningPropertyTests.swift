import XCTest
@testable import SasaeaiSchedule

/// A text that gives a warning gives no dates from the part warned about: whatever is added to an
/// understood schedule can only take dates away, and ambiguous additions take them all away.
final class WarningPropertyTests: XCTestCase {
    static let understood = [
        "毎週水曜 10:00〜12:00", "第2・第4火曜日", "毎月15日", "第1土曜日 13:30〜15:00", "最終金曜日", "毎週月・木曜日",
        "奇数月の第3日曜日", "第1・第3水曜日 午前",
    ]
    /// One of several, or not fixed: no date at all may come out.
    static let ambiguous = [
        "または第3水曜", "もしくは木曜日", "月1、2回", "不定期", "土曜か日曜", "週不確定", "月1〜2回", "第2or第4", "日程は未定",
    ]
    /// Words that could change the days, which the parser does not know: no date may come out.
    static let unknownDayWords = ["第X週", "夏季は月2", "上旬", "学校の休みの日", "月2", "交互", "祭日の翌週"]
    /// Labels: they may warn, but the dates stay those of the understood part (or none).
    static let labels = ["ランチ会", "子ども食堂", "（要予約）", "会場: 公民館", "参加費100円"]

    func days(_ text: String) -> Set<LocalDate> {
        let schedule = ScheduleParser.parse(text, since: nil, asOf: LocalDate(iso: "2026-04-01")).schedule
        return Set((0..<12).flatMap { schedule.meetings(in: YearMonth(year: 2026, month: 1)!.adding(months: $0)) }.map(\.date))
    }

    func testAddedWordsNeverAddDates() {
        var g = SeededGenerator(seed: 12)
        let separators = [" ", "、", "\n", "　", "。"]
        for _ in 0..<600 {
            let base = (0..<Int.random(in: 1...2, using: &g)).map { _ in Self.understood.randomElement(using: &g)! }
            let kind = Int.random(in: 0..<3, using: &g)
            let extra = [Self.ambiguous, Self.unknownDayWords, Self.labels][kind].randomElement(using: &g)!
            var pieces = base
            // A label between two rules may rightly split what a months prefix covers, so labels
            // go at either end; other words go anywhere.
            let position = kind == 2 ? (Bool.random(using: &g) ? 0 : pieces.count) : Int.random(in: 0...pieces.count, using: &g)
            pieces.insert(extra, at: position)
            let text = pieces.joined(separator: separators.randomElement(using: &g)!)
            let result = ScheduleParser.parse(text, since: nil, asOf: LocalDate(iso: "2026-04-01"))
            let got = days(text)
            let context = "「\(text)」 warnings: \(result.warnings)"
            switch kind {
            case 0, 1:
                XCTAssertEqual(got, [], context)
                XCTAssertNotEqual(result.schedule.kind, .structured, context)
                if kind == 1 { XCTAssertFalse(result.warnings.isEmpty, context) }
            default:
                XCTAssertTrue(got.isSubset(of: days(base.joined(separator: "、"))), context)
            }
        }
    }

    /// Dates never come with a warning unless the warned words are labels of no day meaning.
    func testWarnedTextsKeepOnlyUnderstoodDates() {
        for base in Self.understood {
            let alone = days(base)
            XCTAssertFalse(alone.isEmpty, base)
            XCTAssertEqual(ScheduleParser.parse(base, since: nil).warnings, [], base)
            for word in Self.unknownDayWords + Self.ambiguous {
                XCTAssertEqual(days(base + " " + word), [], base + " " + word)
                XCTAssertEqual(days(word + " " + base), [], word + " " + base)
            }
        }
    }
}
