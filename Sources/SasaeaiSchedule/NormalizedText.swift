import Foundation

/// One canonical Japanese wording per schedule. It is shown on listing pages next to the
/// original text, and the parser reads it back to the same rules (the round-trip tests rely on it).
extension ScheduleRule {
    public var normalizedText: String {
        var parts: [String] = []
        if let months {
            parts.append(Self.monthsPhrase(months) + "の")
        }
        if everyMonths > 1 {
            parts.append(everyMonths == 2 ? "隔月" : "\(everyMonths)か月に1回")
        }
        switch frequency {
        case .weekly(let weekdays, let interval, _):
            parts.append(interval == 1 ? "毎週" : interval == 2 ? "隔週" : "\(interval)週ごと")
            parts.append(Self.weekdaysPhrase(weekdays))
        case .monthlyByWeekday(let pairs):
            if months == nil, everyMonths == 1 { parts.append("毎月") }
            parts.append(Self.pairsPhrase(pairs))
        case .monthlyByDay(let days):
            if months == nil, everyMonths == 1 { parts.append("毎月") }
            parts.append(days.map { $0 < 0 ? "月末" : "\($0)日" }.joined(separator: "・"))
        case .dates(let dates):
            parts.append(dates.map { "\($0.month)月\($0.day)日（\($0.weekday.kanji)）" }.joined(separator: "・"))
        }
        if offset != 0, let last = parts.popLast() {
            // 第3 月曜日の翌日, 第3 火曜日の直後の 木曜日
            let shifted: String
            if abs(offset) == 1 {
                parts.append(last + (offset == 1 ? "の翌日" : "の前日"))
                shifted = ""
            } else if case .monthlyByWeekday(let pairs) = frequency, let first = pairs.first {
                shifted = Weekday(rawValue: (first.weekday.rawValue - 1 + offset) % 7 + 1)!.kanji + "曜日"
            } else {
                shifted = "\(offset)日後"
            }
            if abs(offset) != 1 { parts.append(last + "の直後の " + shifted) }
        }
        if !excluded.isEmpty {
            parts.append("（" + excluded.map { ($0.ordinal < 0 ? "最終" : "第\($0.ordinal)") + $0.weekday.kanji + "曜日" }.joined(separator: "・") + "を除く）")
        }
        if let start {
            parts.append(start.text + "〜" + (end?.text ?? ""))
        } else if let part {
            parts.append(part.rawValue)
        }
        return parts.joined(separator: " ")
    }

    static func monthsPhrase(_ months: [Int]) -> String {
        if months == [1, 3, 5, 7, 9, 11] { return "奇数月" }
        if months == [2, 4, 6, 8, 10, 12] { return "偶数月" }
        return months.map { "\($0)月" }.joined(separator: "・")
    }

    static func weekdaysPhrase(_ weekdays: [Weekday]) -> String {
        weekdays.map(\.kanji).joined(separator: "・") + "曜日"
    }

    static func ordinalsPhrase(_ ordinals: [Int]) -> String {
        ordinals.map { $0 < 0 ? "最終" : "第\($0)" }.joined(separator: "・")
    }

    /// 第2・第4 火曜日 when the pairs are every ordinal with every weekday; otherwise groups such
    /// as 第1 月曜日・第3 木曜日.
    static func pairsPhrase(_ pairs: [NthWeekday]) -> String {
        var byWeekday: [Weekday: [Int]] = [:]
        for pair in pairs { byWeekday[pair.weekday, default: []].append(pair.ordinal) }
        var groups: [(ordinals: [Int], weekdays: [Weekday])] = []
        for weekday in byWeekday.keys.sorted() {
            let ordinals = byWeekday[weekday]!.sorted { NthWeekday($0, .monday) < NthWeekday($1, .monday) }
            if let index = groups.firstIndex(where: { $0.ordinals == ordinals }) {
                groups[index].weekdays.append(weekday)
            } else {
                groups.append((ordinals, [weekday]))
            }
        }
        return groups.map { ordinalsPhrase($0.ordinals) + " " + weekdaysPhrase($0.weekdays) }.joined(separator: "・")
    }
}

extension ScheduleException {
    public var normalizedText: String {
        switch self {
        case .holidays(.meets): return "祝日も開催"
        case .holidays(.cancelled): return "祝日は休み"
        case .holidays(.movedToNextDay): return "祝日の場合は翌日"
        case .holidays(.movedToPreviousDay): return "祝日の場合は前日"
        case .weekendToNextMonday: return "土日の場合は翌月曜"
        case .weekendToPreviousFriday: return "土日の場合は前日"
        case .closedWeekdays(let days): return days.map(\.kanji).joined(separator: "・") + "曜日は休み"
        case .closedMonths(let months): return months.map { "\($0)月" }.joined(separator: "・") + "は休み"
        case .closedDates(let from, let through):
            return (from == through ? from.text : from.text + "〜" + through.text) + "は休み"
        }
    }
}

extension Schedule {
    /// `毎月 第2・第4 火曜日 10:00〜12:00（祝日は休み）`; texts without fixed dates are shown as written.
    public var normalizedText: String {
        guard kind == .structured else { return text.trimmingCharacters(in: .whitespacesAndNewlines) }
        var result = rules.map(\.normalizedText).joined(separator: "／")
        if !exceptions.isEmpty {
            result += "（" + exceptions.map(\.normalizedText).joined(separator: "、") + "）"
        }
        return result
    }
}
