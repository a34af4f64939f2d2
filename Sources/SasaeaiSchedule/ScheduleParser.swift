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
        let trimmed = TextTrimming.trimmed(text)
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
    /// A slash between two dates (3月6日/4月3日) lists them, as ・ would.
    static func chunks(_ text: String) -> [String] {
        // Nearly every schedule is one rule on one line: nothing to split or join (these are
        // ASCII bytes, never part of a longer character's bytes).
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\n") }) {
            return text.isEmpty ? [] : [text]
        }
        let chars = Array(text)
        var chunks: [String] = []
        var current = ""
        for (k, c) in chars.enumerated() {
            switch c {
            case "/" where isDate(before: k, in: chars) && isDate(after: k, in: chars):
                current.append("・")
            case "/", ";":
                if !current.isEmpty { chunks.append(current) }
                current = ""
            case "\n":
                current.append(" ")
            default:
                current.append(c)
            }
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }

    /// 6日 right before position k (not 水曜日).
    private static func isDate(before k: Int, in chars: [Character]) -> Bool {
        k >= 2 && chars[k - 1] == "日" && chars[k - 2].isASCIIDigit
    }

    /// 4月3日 or 28日 right after position k.
    private static func isDate(after k: Int, in chars: [Character]) -> Bool {
        func digits(from start: Int) -> Int {
            var p = start
            while p < chars.count, chars[p].isASCIIDigit { p += 1 }
            return p
        }
        let p = digits(from: k + 1)
        guard p > k + 1, p < chars.count else { return false }
        if chars[p] == "日" { return true }
        let q = digits(from: p + 1)
        return chars[p] == "月" && q > p + 1 && q < chars.count && chars[q] == "日"
    }

    static func quote(_ text: String) -> String {
        let oneLine = text.utf8.contains(UInt8(ascii: "\n"))
            ? text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ") : text
        return oneLine.count > 60 ? String(oneLine.prefix(60)) + "…" : oneLine
    }
}
