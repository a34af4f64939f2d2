import Foundation
import XCTest
@testable import SasaeaiSchedule

/// Every 開催日時 of Fixtures/real-schedules.tsv (texts as municipalities, 社協 and 子ども食堂
/// networks published them; expected dates computed by expected_dates.py from a person's reading,
/// never by this parser). A date that differs from the expected ones is a failure: the map must
/// never send a resident to a closed hall. Missing dates are counted, and must stay under 10%.
final class RealScheduleCorpusTests: XCTestCase {
    struct Row {
        let line: Int
        let id: String
        let text: String
        let category: String
        let asOf: LocalDate
        let since: LocalDate?
        let month: YearMonth
        let meaning: String
        let dates: [Int]
        let weekdays: Set<Weekday>
        let times: Set<String>

        /// The text says its dates (or says the month has none): not undated, ambiguous or weekday-only.
        var isDefinite: Bool { !meaning.hasPrefix("none") && !meaning.contains("weekday-only") }
        var isWeekdayOnly: Bool { meaning.contains("weekday-only") }
    }

    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/real-schedules.tsv")

    static func unescape(_ cell: String) -> String {
        var out = ""
        var chars = cell.makeIterator()
        while let c = chars.next() {
            guard c == "\\" else { out.append(c); continue }
            switch chars.next() {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case let other?: out.append("\\"); out.append(other)
            case nil: out.append("\\")
            }
        }
        return out
    }

    /// `9:00-12:30` and `09:00-12:30` are the same time; parts of the day stay words.
    static func canonicalTime(_ text: String) -> String {
        text.split(separator: "-", omittingEmptySubsequences: false).map { piece -> String in
            let parts = piece.split(separator: ":")
            guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]) else { return String(piece) }
            return "\(h):" + (m < 10 ? "0\(m)" : "\(m)")
        }.joined(separator: "-")
    }

    static func rows() throws -> [Row] {
        let text = try String(contentsOf: fixture, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(header, ["id", "text", "source", "category", "as_of", "since", "month", "meaning", "dates", "weekdays", "times"])
        let codes = Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0.icalCode, $0) })
        var rows: [Row] = []
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 11, let asOf = LocalDate(iso: cells[4]), let month = YearMonth(iso: cells[6]) else {
                XCTFail("real-schedules.tsv:\(index + 1): malformed row")
                continue
            }
            let dates = cells[8] == "none" ? [] : cells[8].split(separator: " ").compactMap { Int($0) }
            rows.append(Row(
                line: index + 1, id: cells[0], text: unescape(cells[1]), category: cells[3], asOf: asOf,
                since: cells[5].isEmpty ? nil : LocalDate(iso: cells[5]), month: month, meaning: cells[7],
                dates: dates, weekdays: Set(cells[9].split(separator: " ").compactMap { codes[String($0)] }),
                times: Set(cells[10].split(separator: ",").map { canonicalTime(String($0)) })))
        }
        return rows
    }

    struct Outcome {
        var dated = 0, weekdayOnly = 0, undated = 0, missed = 0, wrong = 0
        var weekdayMismatch = 0, timeMismatch = 0
        /// Weekday-only rows read as weekday-only with their weekdays; undated rows read as 不定期-like.
        var weekdayOnlyTyped = 0, undatedDeliberately = 0
    }

    func testRealSchedules() throws {
        let rows = try Self.rows()
        XCTAssertGreaterThanOrEqual(rows.count, 300)
        var byCategory: [String: Outcome] = [:]
        var total = Outcome()
        var definite = 0, definiteDated = 0
        var report: [String] = []
        for row in rows {
            let result = ScheduleParser.parse(row.text, since: row.since, asOf: row.asOf)
            let schedule = result.schedule
            let meetings = schedule.meetings(in: row.month)
            let got = Array(Set(meetings.map(\.date.day))).sorted()
            let where_ = "real-schedules.tsv:\(row.line) \(row.id) 「\(row.text)」"
            var outcome = Outcome()
            // A date that is not a meeting is wrong; a meeting left out is coverage lost (and counted).
            let extra = Set(got).subtracting(row.dates)
            if !extra.isEmpty || !row.isDefinite && !got.isEmpty {
                outcome.wrong = 1
                XCTFail("\(where_): dates \(got) but the text says \(row.dates) (\(row.meaning)); warnings \(result.warnings)")
            } else if row.isDefinite {
                definite += 1
                if schedule.kind == .structured && got == row.dates {
                    outcome.dated = 1
                    definiteDated += 1
                } else {
                    outcome.missed = 1
                    report.append("missed \(where_) → \(schedule.kind) \(got.isEmpty ? "" : "only \(got) of \(row.dates) ")\(result.warnings)")
                }
            } else if row.isWeekdayOnly {
                outcome.weekdayOnly = 1
                if schedule.kind == .weekdayOnly && Set(schedule.weekdays) == row.weekdays { outcome.weekdayOnlyTyped = 1 }
            } else {
                outcome.undated = 1
                if schedule.kind == .noFixedDates { outcome.undatedDeliberately = 1 }
            }
            // The weekday pages: a listing appears on exactly the days it meets on (or is said to).
            if outcome.dated == 1 || row.isWeekdayOnly, Set(schedule.weekdays) != row.weekdays {
                outcome.weekdayMismatch = 1
                report.append("weekdays \(where_): \(schedule.weekdays.map(\.icalCode)) expected \(row.weekdays.map(\.icalCode).sorted())")
            }
            if outcome.dated == 1, !row.dates.isEmpty {
                let times = Set(meetings.compactMap { meeting -> String? in
                    if let start = meeting.start { return start.text + "-" + (meeting.end?.text ?? "") }
                    return meeting.part?.rawValue
                })
                if times != row.times {
                    outcome.timeMismatch = 1
                    report.append("times \(where_): \(times.sorted()) expected \(row.times.sorted())")
                }
            }
            byCategory[row.category, default: Outcome()].add(outcome)
            total.add(outcome)
        }
        // Standard error, so the figures show up however the test runner buffers standard output.
        var lines = ["real schedules: \(rows.count) rows; definite \(definite), dated \(definiteDated)"]
        lines += byCategory.keys.sorted().map { "  " + byCategory[$0]!.line($0) }
        lines.append("  " + total.line("total"))
        lines += report.map { "  " + $0 }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        XCTAssertEqual(total.wrong, 0, "a wrong date is never acceptable")
        XCTAssertGreaterThanOrEqual(Double(definiteDated), 0.9 * Double(definite), "at least 90% of the definite texts must be dated")
    }
}

extension RealScheduleCorpusTests.Outcome {
    mutating func add(_ other: Self) {
        dated += other.dated
        weekdayOnly += other.weekdayOnly
        undated += other.undated
        missed += other.missed
        wrong += other.wrong
        weekdayMismatch += other.weekdayMismatch
        weekdayOnlyTyped += other.weekdayOnlyTyped
        undatedDeliberately += other.undatedDeliberately
        timeMismatch += other.timeMismatch
    }

    func line(_ name: String) -> String {
        "\(name): dated \(dated), weekday-only \(weekdayOnly) (typed so \(weekdayOnlyTyped)), undated \(undated) (as 不定期/要問合せ \(undatedDeliberately)), missed \(missed), wrong \(wrong)"
            + " (weekday-page mismatches \(weekdayMismatch), time mismatches \(timeMismatch))"
    }
}
