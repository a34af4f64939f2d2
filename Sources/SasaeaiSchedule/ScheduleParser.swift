import Foundation

public struct ScheduleParseResult: Hashable, Sendable {
    public var schedule: Schedule
    /// Japanese, each quoting the text and the fragment that was not understood.
    public var warnings: [String]

    public init(schedule: Schedule, warnings: [String]) {
        self.schedule = schedule
        self.warnings = warnings
    }
}

/// Reads 開催日時 as salons write it. Total over all input: what it cannot read becomes a warning.
public enum ScheduleParser {
    public static let example = "例: 毎週水曜 13:30〜15:30、第2・第4火曜日 10:00〜12:00"

    /// - Parameters:
    ///   - since: the listing's 開始, which anchors 隔週 and 隔月 and bounds every date.
    ///   - until: the listing's 終了 (its last day), which bounds every date.
    ///   - asOf: the build's date, which gives the year of dates written without one (7月2日(火)).
    public static func parse(_ text: String, since: LocalDate?, until: LocalDate? = nil, asOf: LocalDate? = nil) -> ScheduleParseResult {
        let original = text
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            return ScheduleParseResult(schedule: Schedule(text: original, kind: .noFixedDates, since: since, until: until), warnings: [])
        }
        let normalized = ScheduleTextFolding.normalize(trimmed)
        var builder = ScheduleBuilder(since: since, asOf: asOf, original: trimmed, quoted: Self.quote(trimmed))
        for chunk in Self.chunks(normalized) {
            builder.consume(ScheduleTokenizer.tokenize(chunk))
        }
        var result = builder.result(text: original)
        result.schedule.since = [since, builder.textSince].compactMap { $0 }.max()
        result.schedule.until = until
        return result
    }

    /// Rules written after ／ or ; are independent: each starts afresh. A line break is not such
    /// a boundary: Excel cells break lines anywhere (第1・第3⏎水曜日, 第2水曜日⏎13:30〜15:00).
    static func chunks(_ text: String) -> [String] {
        text.split(whereSeparator: { "/;".contains($0) }).map { String($0.map { $0 == "\n" ? " " : $0 }) }
    }

    static func quote(_ text: String) -> String {
        let oneLine = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        return oneLine.count > 60 ? String(oneLine.prefix(60)) + "…" : oneLine
    }
}
