import XCTest
@testable import SasaeaiSchedule

/// A small deterministic generator (SplitMix64), so a failing case can be replayed by its seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

final class RoundTripTests: XCTestCase {
    static let anchor = LocalDate(iso: "2025-04-07")!

    static func randomRule(_ g: inout SeededGenerator) -> ScheduleRule {
        func subset<T>(_ all: [T], max: Int) -> [Int] {
            let count = Int.random(in: 1...max, using: &g)
            return Array(Set((0..<count).map { _ in Int.random(in: 0..<all.count, using: &g) })).sorted()
        }
        let frequency: ScheduleFrequency
        switch Int.random(in: 0..<3, using: &g) {
        case 0:
            let days = subset(Weekday.allCases, max: 4).map { Weekday.allCases[$0] }
            let interval = [1, 1, 2, 3].randomElement(using: &g)!
            frequency = .weekly(weekdays: days, interval: interval, anchor: interval > 1 ? anchor : nil)
        case 1:
            let ordinals = [1, 2, 3, 4, 5, -1]
            var pairs = Set<NthWeekday>()
            for _ in 0..<Int.random(in: 1...4, using: &g) {
                pairs.insert(NthWeekday(ordinals.randomElement(using: &g)!, Weekday.allCases.randomElement(using: &g)!))
            }
            frequency = .monthlyByWeekday(pairs.sorted())
        default:
            let days = Array(Set((0..<Int.random(in: 1...3, using: &g)).map { _ in
                Bool.random(using: &g) && Int.random(in: 0..<6, using: &g) == 0 ? -1 : Int.random(in: 1...31, using: &g)
            }))
            frequency = .monthlyByDay(days.sorted { ($0 < 0 ? 99 : $0) < ($1 < 0 ? 99 : $1) })
        }
        var months: [Int]?
        switch Int.random(in: 0..<5, using: &g) {
        case 0: months = [1, 3, 5, 7, 9, 11]
        case 1: months = [2, 4, 6, 8, 10, 12]
        case 2: months = Array(Set((0..<Int.random(in: 1...4, using: &g)).map { _ in Int.random(in: 1...12, using: &g) })).sorted()
        default: months = nil
        }
        var start: TimeOfDay?, end: TimeOfDay?
        switch Int.random(in: 0..<3, using: &g) {
        case 0: break
        case 1: start = TimeOfDay(hour: Int.random(in: 6...20, using: &g), minute: [0, 15, 30, 45].randomElement(using: &g)!)
        default:
            let s = TimeOfDay(hour: Int.random(in: 6...18, using: &g), minute: [0, 30].randomElement(using: &g)!)!
            start = s
            end = TimeOfDay(hour: s.hour + Int.random(in: 1...4, using: &g), minute: [0, 30].randomElement(using: &g)!)
        }
        return ScheduleRule(frequency: frequency, months: months, start: start, end: end)
    }

    func testRandomRulesSurviveNormalizedText() {
        for seed in UInt64(1)...500 {
            var g = SeededGenerator(seed: seed)
            let rule = Self.randomRule(&g)
            let schedule = Schedule(text: "", kind: .structured, rules: [rule])
            let text = schedule.normalizedText
            let parsed = ScheduleParser.parse(text, since: Self.anchor)
            XCTAssertEqual(parsed.schedule.rules, [rule], "seed \(seed): \(text) \(parsed.warnings)")
            XCTAssertEqual(parsed.warnings, [], "seed \(seed): \(text)")
            XCTAssertEqual(parsed.schedule.normalizedText, text, "seed \(seed)")
        }
    }

    func testRandomSchedulesWithExceptionsSurvive() {
        let exceptionChoices: [ScheduleException] = [
            .holidays(.cancelled), .holidays(.movedToNextDay), .holidays(.movedToPreviousDay), .holidays(.meets),
            .closedMonths([8]), .closedMonths([1, 8]),
            .closedDates(from: MonthDay(month: 12, day: 29)!, through: MonthDay(month: 1, day: 3)!),
            .closedDates(from: MonthDay(month: 8, day: 13)!, through: MonthDay(month: 8, day: 16)!),
        ]
        for seed in UInt64(1001)...1200 {
            var g = SeededGenerator(seed: seed)
            // Rules of different shapes, so merging cannot fold them into one.
            var rules = [Self.randomRule(&g)]
            let second = Self.randomRule(&g)
            if ScheduleBuilder.combine(rules[0].frequency, second.frequency) == nil || rules[0].start != second.start
                || rules[0].end != second.end || rules[0].months != second.months {
                rules.append(second)
            }
            var exceptions: [ScheduleException] = []
            if Bool.random(using: &g) { exceptions.append(exceptionChoices[Int.random(in: 0..<4, using: &g)]) }
            if Bool.random(using: &g) { exceptions.append(exceptionChoices[Int.random(in: 4..<8, using: &g)]) }
            let schedule = Schedule(text: "", kind: .structured, rules: rules, exceptions: exceptions)
            let text = schedule.normalizedText
            let parsed = ScheduleParser.parse(text, since: Self.anchor).schedule
            XCTAssertEqual(parsed.rules, rules, "seed \(seed): \(text)")
            XCTAssertEqual(parsed.exceptions, exceptions, "seed \(seed): \(text)")
        }
    }

    func testNormalizedTextExamples() {
        XCTAssertEqual(ScheduleParser.parse("第２・第４火曜　10時～12時", since: nil).schedule.normalizedText, "毎月 第2・第4 火曜日 10:00〜12:00")
        XCTAssertEqual(ScheduleParser.parse("毎週水曜 13:30〜15:30", since: nil).schedule.normalizedText, "毎週 水曜日 13:30〜15:30")
        XCTAssertEqual(ScheduleParser.parse("奇数月の第2日曜 9時半〜", since: nil).schedule.normalizedText, "奇数月の 第2 日曜日 9:30〜")
        XCTAssertEqual(ScheduleParser.parse("毎週水曜（祝日は休み・8月は休み）", since: nil).schedule.normalizedText, "毎週 水曜日（祝日は休み、8月は休み）")
        XCTAssertEqual(ScheduleParser.parse("不定期（LINEでお知らせ）", since: nil).schedule.normalizedText, "不定期（LINEでお知らせ）")
    }

    func testWeekdaysIndex() {
        XCTAssertEqual(ScheduleParser.parse("毎週火・金／第2水曜", since: nil).schedule.weekdays, [.tuesday, .wednesday, .friday])
        XCTAssertEqual(ScheduleParser.parse("毎月15日", since: nil).schedule.weekdays, [])
        XCTAssertEqual(ScheduleParser.parse("不定期", since: nil).schedule.weekdays, [])
    }
}
