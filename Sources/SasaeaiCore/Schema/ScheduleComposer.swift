import Foundation
import SasaeaiInput

/// The national layout spreads one schedule over six columns (開催頻度, 開催曜日, 開催日,
/// 開催開始時間, 開催終了時間, 開催日時特記事項). This joins them into the one schedule text
/// `ScheduleParser` reads, the way a coordinator would have written it in 開催日時:
/// 木 + 第３ + 17:00 + 18:30 → 第３木曜 17:00〜18:30.
enum ScheduleComposer {
    struct Parts: Equatable {
        var frequency: String?
        var weekdays: String?
        var days: String?
        var start: String?
        var end: String?
        var note: String?
        var isEmpty: Bool { [frequency, weekdays, days, start, end, note].allSatisfy { $0 == nil } }
    }

    static let weekdayCharacters: [Character] = ["月", "火", "水", "木", "金", "土", "日"]

    /// 月火水木金 → 月・火・水・木・金曜; 水曜日 → 水曜; nil when no weekday is written.
    static func weekdayText(_ text: String) -> String? {
        var seen: [Character] = []
        for ch in text.replacingOccurrences(of: "曜日", with: "").replacingOccurrences(of: "曜", with: "")
            where weekdayCharacters.contains(ch) && !seen.contains(ch) {
            seen.append(ch)
        }
        // 祝 or 平日 cannot be folded into weekdays; keep the words as written.
        if seen.isEmpty { return nil }
        let extra = text.filter { !weekdayCharacters.contains($0) && !"曜日・、, ".contains($0) }
        return seen.map(String.init).joined(separator: "・") + "曜" + (extra.isEmpty ? "" : extra)
    }

    /// Whether 開催日 already names its weekdays (第2・4水曜日, 毎週月、水、金曜日).
    static func namesWeekday(_ text: String) -> Bool {
        // 月 in 毎月 or 4月 and 日 in 15日 are not weekdays.
        text.range(of: "[月火水木金土日]曜|平日|(?<![毎0-9０-９])[月火水木金土日](、|・|,|$)", options: .regularExpression) != nil
    }

    /// Whether 開催日 ends where a weekday must follow (第３, 毎月第1・第3, 最終).
    static func awaitsWeekday(_ text: String) -> Bool {
        let folded = TextNormalization.asciiFolded(text)
        return folded.range(of: "(第[0-9一二三四五〜~・、]+|最終|毎週|隔週)$", options: .regularExpression) != nil
    }

    static func hasTime(_ text: String) -> Bool {
        TextNormalization.asciiFolded(text).range(of: "[0-9]{1,2}(:[0-9]{2}|時)|正午|午前|午後", options: .regularExpression) != nil
    }

    private static func code(_ frequency: String?) -> String? {
        frequency.map { TextNormalization.asciiFolded($0).trimmingCharacters(in: .whitespaces) }
    }

    /// The combined schedule text, or nil when the parts say nothing.
    static func compose(_ parts: Parts) -> String? {
        guard !parts.isEmpty else { return nil }
        let weekdays = parts.weekdays.flatMap(weekdayText)
        var text = ""
        if let days = parts.days {
            if let weekdays, !namesWeekday(days) {
                text = awaitsWeekday(days) ? days + weekdays : days + " " + weekdays
            } else {
                text = days
            }
        } else if let weekdays {
            switch code(parts.frequency) {
            case "1"?, "2"?, "3"?: text = "毎週" + weekdays
            case "4"?: text = "隔週" + weekdays
            case "5"?: text = "月1回 " + weekdays
            case "6"?, "7"?, "8"?: text = "不定期 " + weekdays
            default: text = weekdays
            }
        } else if ["6", "7", "8"].contains(code(parts.frequency)) {
            // 数か月に1回, 季節限定, 不定期: no dates to compute, which 不定期 says to the parser.
            // 1〜5 without a weekday say how often but not when: the page shows the frequency.
            text = "不定期"
        }
        let start = parts.start.filter(hasTime)
        let end = parts.end.filter(hasTime)
        if !hasTime(text), start != nil || end != nil {
            text += (text.isEmpty ? "" : " ") + (start ?? "") + "〜" + (end ?? "")
        }
        var notes = [parts.start, parts.end].compactMap { $0 }.filter { !hasTime($0) }
        if let note = parts.note { notes.append(note) }
        if !notes.isEmpty {
            text += (text.isEmpty ? "" : "／") + notes.joined(separator: "／")
        }
        let result = text.trimmingCharacters(in: .whitespaces)
        return result.isEmpty ? nil : result
    }
}

private extension Optional where Wrapped == String {
    func filter(_ keep: (String) -> Bool) -> String? { flatMap { keep($0) ? $0 : nil } }
}
