import Foundation

/// Schedule exceptions written in another column (備考, 紹介): 「第5水曜はお休み」 there is read by
/// residents but by no calendar, so the coordinator is asked to move it into 開催日時.
public enum ScheduleMentions {
    /// The clauses of `text` (as written) that name days and a closure, and that `schedule` (the
    /// 開催日時 text) does not already say.
    public static func find(in text: String, schedule: String?) -> [String] {
        // Most 備考 and 紹介 say nothing about closures: skip splitting, folding and tokenizing
        // them when not even the first letter of a closure word is there.
        guard text.unicodeScalars.contains(where: closureInitials.contains) else { return [] }
        let candidates = clauses(text).filter { clause in closureWords.contains { clause.contains($0) } }
        guard !candidates.isEmpty else { return [] }
        let scheduleDays = Set((schedule.map { ScheduleTokenizer.tokenize(ScheduleTextFolding.normalize($0)) } ?? []).filter(isDayWord))
        var found: [String] = []
        for clause in candidates {
            let tokens = ScheduleTokenizer.tokenize(ScheduleTextFolding.normalize(clause))
            // 「第4水曜が祝日の月はお休み」 next to 「第4水曜（祝日は休み）」 says nothing new.
            guard namesClosedDays(tokens), !Set(tokens.filter(isDayWord)).isSubset(of: scheduleDays) else { continue }
            found.append(clause)
        }
        return found
    }

    /// The words the tokenizer reads as closures (.off, .except), as written.
    static let closureWords = ["休", "除", "中止", "以外", "なし", "無し", "ありません", "しません", "閉館"]
    private static let closureInitials = Set(closureWords.compactMap(\.unicodeScalars.first))
    private static let clauseEnds: Set<Character> = ["。", "．", "\n", "\r", "、", "，", "；", ";", "!", "！"]

    /// Sentences and list items, as written, so a warning quotes only words in the cell.
    static func clauses(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            if clauseEnds.contains(character) {
                let trimmed = TextTrimming.trimmed(current, newlines: false)
                if !trimmed.isEmpty { result.append(trimmed) }
                current = ""
            } else {
                current.append(character)
            }
        }
        let trimmed = TextTrimming.trimmed(current, newlines: false)
        if !trimmed.isEmpty { result.append(trimmed) }
        return result
    }

    static func isDayWord(_ token: ScheduleToken) -> Bool {
        switch token {
        case .ordinals, .weekdays, .months, .holiday, .dateRange, .days, .oneOffDate: return true
        default: return false
        }
    }

    /// A day word (第5水曜, 8月, 祝日, 年末年始, 15日) followed by a closure word (休み, 中止, 除く).
    static func namesClosedDays(_ tokens: [ScheduleToken]) -> Bool {
        var sawDay = false
        var sawWeekdayOrdinal = false
        for token in tokens {
            switch token {
            case .ordinals:
                sawWeekdayOrdinal = true
            case .weekdays:
                sawDay = true
            case .months, .holiday, .dateRange, .days, .oneOffDate:
                sawDay = true
            case .off, .except:
                if sawDay || sawWeekdayOrdinal { return true }
            case .separator, .topic, .every, .monthly, .condition, .held:
                continue
            default:
                continue
            }
        }
        return false
    }
}
