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

    /// - Parameter since: the listing's start, which anchors 隔週 (every other week).
    public static func parse(_ text: String, since: LocalDate?) -> ScheduleParseResult {
        let original = text
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            return ScheduleParseResult(schedule: Schedule(text: original, kind: .noFixedDates), warnings: [])
        }
        let normalized = ScheduleTextFolding.normalize(trimmed)
        var builder = ScheduleBuilder(since: since, quoted: Self.quote(trimmed))
        for chunk in Self.chunks(normalized) {
            builder.consume(ScheduleTokenizer.tokenize(chunk))
        }
        return builder.result(text: original)
    }

    /// Rules written on separate lines or after ／ ; are independent: each starts afresh.
    static func chunks(_ text: String) -> [String] {
        text.split(whereSeparator: { "\n/;".contains($0) }).map(String.init)
    }

    static func quote(_ text: String) -> String {
        let oneLine = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        return oneLine.count > 60 ? String(oneLine.prefix(60)) + "…" : oneLine
    }
}

/// Turns tokens into rules. A rule collects weekdays, ordinals or days until a time or a new
/// 毎週/第N/毎月 closes it, so 、 can separate both weekdays within a rule and whole rules.
struct ScheduleBuilder {
    enum Shape { case none, weekly, nth, days }

    struct Draft {
        var shape: Shape = .none
        var explicitEvery = false
        var pendingOrdinals: [Int] = []
        var pendingWeekdays: [Weekday] = []
        var pairs: [NthWeekday] = []
        var days: [Int] = []
        var months: [Int]?
        var isEmpty: Bool { pendingOrdinals.isEmpty && pendingWeekdays.isEmpty && pairs.isEmpty && days.isEmpty }

        mutating func flushPairs() {
            for ordinal in pendingOrdinals {
                for weekday in pendingWeekdays { pairs.append(NthWeekday(ordinal, weekday)) }
            }
            if !pendingWeekdays.isEmpty { pendingOrdinals = [] }
            pendingWeekdays = []
        }
    }

    let since: LocalDate?
    let quoted: String
    var rules: [ScheduleRule] = []
    var exceptions: [ScheduleException] = []
    var warnings: [String] = []
    var sawNoFixedDates = false
    var sawHint = false
    var sawPerMonthCount = false
    /// Weekly rules written without 毎週 (木曜日), which 月2回 contradicts.
    var implicitWeekly = Set<Int>()
    var sawUnknown = false

    // Per chunk
    var interval = 1
    var draft = Draft()
    var pendingFilter: [Int]?
    var pendingTime: (TimeOfDay, TimeOfDay?)?
    var subjects: [ScheduleToken] = []
    var chunkRuleStart = 0
    /// After a condition we cannot express (土日の場合は翌月曜日), its days are not meeting days.
    var skipRules = false
    /// 毎月第3土曜（12月は第2土曜）: the pending filter replaces those months in earlier rules.
    var pendingOverride = false

    init(since: LocalDate?, quoted: String) {
        self.since = since
        self.quoted = quoted
    }

    mutating func consume(_ tokens: [ScheduleToken]) {
        interval = 1
        draft = Draft()
        pendingFilter = nil
        pendingTime = nil
        subjects = []
        chunkRuleStart = rules.count
        skipRules = false
        pendingOverride = false
        for (index, token) in tokens.enumerated() {
            handle(token, rest: tokens[(index + 1)...])
        }
        close()
        if let filter = pendingFilter, rules.count > chunkRuleStart {
            for k in chunkRuleStart..<rules.count where rules[k].months == nil { rules[k].months = filter }
        } else if let filter = pendingFilter {
            warn(fragment: Self.monthsText(filter))
        }
        if let (start, end) = pendingTime {
            if rules.count > chunkRuleStart, let last = rules.last {
                // 第1水曜 10:00〜12:00、13:00〜15:00: a second session on the same day.
                var copy = last
                copy.start = start
                copy.end = end
                rules.append(copy)
            } else {
                warn(fragment: start.text + "〜" + (end?.text ?? ""), hint: "曜日や日付がありません")
            }
        }
        for subject in subjects {
            if case .dateRange(let from, let through) = subject {
                warn(fragment: from == through ? from.text : from.text + "〜" + through.text, hint: "休みの日なら「は休み」と続けてください")
            }
        }
    }

    private mutating func handle(_ token: ScheduleToken, rest: ArraySlice<ScheduleToken>) {
        if token.startsRule {
            if skipRules { return }
            if subjects.contains(.holiday) {
                // 祝日の場合は第3月曜日: a replacement day is beyond what the model holds.
                warn(fragment: "祝日の場合は" + Self.describe(token) + "…", hint: "祝日の振替は「翌日」「前日」「休み」のみ読み取れます")
                subjects.removeAll { $0 == .holiday }
                skipRules = true
                return
            }
        }
        switch token {
        case .separator, .hint, .topic:
            if token == .hint { sawHint = true }
        case .perMonthCount:
            sawHint = true
            sawPerMonthCount = true
        case .condition:
            if !subjects.contains(.holiday), !draft.isEmpty {
                warn(fragment: draftText + "の場合…", hint: "祝日以外の振替は読み取れません")
                draft = Draft()
                skipRules = true
            }
        case .every:
            if !draft.isEmpty { close() }
            interval = 1
            draft.explicitEvery = true
        case .interval(let n):
            if !draft.isEmpty { close() }
            interval = n
            draft.explicitEvery = true
        case .monthly:
            if !draft.isEmpty { close() }
            interval = 1
        case .weekdays(let list):
            if draft.shape == .days { close() }
            if draft.shape == .none { draft.shape = draft.pendingOrdinals.isEmpty ? .weekly : .nth }
            draft.pendingWeekdays += list
        case .ordinals(let list):
            if draft.shape == .weekly, !draft.pendingWeekdays.isEmpty, !draft.explicitEvery {
                // 火曜日（第2・第4）: ordinals written after the weekday.
                draft.pendingOrdinals = list
                draft.shape = .nth
                draft.flushPairs()
                return
            }
            if draft.shape == .weekly || draft.shape == .days { close() }
            if !draft.pendingWeekdays.isEmpty { draft.flushPairs() }
            draft.shape = .nth
            draft.pendingOrdinals += list
        case .days(let list):
            if draft.shape == .weekly || draft.shape == .nth { close() }
            draft.shape = .days
            draft.days += list
        case .months(let list):
            let months = list.count == 12 ? nil : list
            if Self.leadsToOff(rest) {
                subjects.append(token)
            } else if rest.first == .topic, rest.dropFirst().contains(where: \.startsRule),
                      !draft.isEmpty || rules.count > chunkRuleStart {
                if !draft.isEmpty { close() }
                pendingFilter = months
                pendingOverride = months != nil
            } else if months == nil {
                break
            } else if !draft.isEmpty {
                draft.months = Array(Set((draft.months ?? []) + list)).sorted()
            } else {
                pendingFilter = Array(Set((pendingFilter ?? []) + list)).sorted()
            }
        case .dateRange(let from, let through):
            // 年末年始（12/28〜1/4）: the salon's own dates replace the usual 12/29〜1/3.
            if let last = subjects.last, last == Self.newYearHolidays, from.month == 12, through.month == 1 {
                subjects[subjects.count - 1] = token
            } else {
                subjects.append(token)
            }
        case .holiday:
            subjects.append(token)
        case .off:
            if !draft.isEmpty, excludeWeeksFromWeeklyRules() {
                draft = Draft()
            } else if !draft.isEmpty, subjects.isEmpty || rules.count > chunkRuleStart {
                // 第5木曜は休み, 土日祝休み: days named before 休み are closures, not meetings.
                let closedWeekdays = Set(draft.pendingWeekdays)
                let ruleWeekdays = Set(rules[chunkRuleStart...].flatMap { Schedule(text: "", kind: .structured, rules: [$0]).weekdays })
                let harmless = draft.shape == .weekly && !draft.explicitEvery && closedWeekdays.isDisjoint(with: ruleWeekdays)
                    && rules.count > chunkRuleStart
                if !harmless {
                    warn(fragment: draftText + "は休み", hint: "曜日で休む日は書けません")
                }
                draft = Draft()
            }
            apply(.cancelled)
        case .nextDay:
            apply(.movedToNextDay)
        case .previousDay:
            apply(.movedToPreviousDay)
        case .held:
            if subjects.contains(.holiday) { apply(.meets) } else { subjects.removeAll { $0 != .holiday } }
        case .time(let start, let end):
            if !draft.isEmpty {
                close(time: (start, end))
            } else if rules.count > chunkRuleStart, rules[rules.count - 1].start == nil {
                rules[rules.count - 1].start = start
                rules[rules.count - 1].end = end
            } else if pendingTime == nil {
                pendingTime = (start, end)
            } else {
                warn(fragment: start.text + "〜" + (end?.text ?? ""))
            }
        case .noFixedDates:
            sawNoFixedDates = true
        case .unknown(let fragment):
            if skipRules { return }
            let meaningful = fragment.contains { $0.isLetter || $0.isNumber }
            if meaningful {
                sawUnknown = true
                warn(fragment: fragment.trimmingCharacters(in: .whitespaces))
            }
        }
    }

    /// 8月・12月は休み versus 8月・12月の第1日曜: what follows the months decides.
    private static func leadsToOff(_ rest: ArraySlice<ScheduleToken>) -> Bool {
        for token in rest {
            switch token {
            case .off: return true
            case .separator, .months, .holiday, .dateRange, .hint, .topic: continue
            default: return false
            }
        }
        return false
    }

    /// 毎週水曜（第5水曜は休み）is 第1〜第4水曜: the weekly rule becomes a monthly one without
    /// the weeks named. Returns false when the draft does not name such weeks.
    private mutating func excludeWeeksFromWeeklyRules() -> Bool {
        var excluded = draft.pairs
        let weekdays = draft.pendingWeekdays
        for ordinal in draft.pendingOrdinals {
            if weekdays.isEmpty {
                // 第5週は休み: that week of every weekday the weekly rules use.
                for rule in rules[chunkRuleStart...] {
                    if case .weekly(let days, 1, _) = rule.frequency { excluded += days.map { NthWeekday(ordinal, $0) } }
                }
            } else {
                excluded += weekdays.map { NthWeekday(ordinal, $0) }
            }
        }
        guard !excluded.isEmpty, excluded.allSatisfy({ (1...5).contains($0.ordinal) }),
              draft.days.isEmpty, draft.pendingOrdinals.isEmpty == false || !draft.pairs.isEmpty else { return false }
        let excludedSet = Set(excluded)
        var changed = false
        for k in chunkRuleStart..<rules.count {
            guard case .weekly(let days, 1, _) = rules[k].frequency, excluded.contains(where: { days.contains($0.weekday) }) else { continue }
            let pairs = days.flatMap { day in (1...5).map { NthWeekday($0, day) } }.filter { !excludedSet.contains($0) }
            rules[k].frequency = .monthlyByWeekday(pairs.sorted())
            implicitWeekly.remove(k)
            changed = true
        }
        return changed
    }

    private mutating func apply(_ policy: HolidayPolicy) {
        for subject in subjects {
            switch subject {
            case .holiday:
                exceptions.append(.holidays(policy))
            case .months(let list) where policy == .cancelled:
                exceptions.append(.closedMonths(list))
            case .dateRange(let from, let through) where policy == .cancelled:
                exceptions.append(.closedDates(from: from, through: through))
            default:
                continue
            }
        }
        subjects = []
    }

    private mutating func close(time: (TimeOfDay, TimeOfDay?)? = nil) {
        defer { draft = Draft(); draft.explicitEvery = false }
        var frequency: ScheduleFrequency?
        switch draft.shape {
        case .none:
            if !draft.pendingOrdinals.isEmpty {
                warn(fragment: Self.ordinalsText(draft.pendingOrdinals), hint: "曜日がありません")
            }
        case .weekly:
            let days = Array(Set(draft.pendingWeekdays)).sorted()
            guard !days.isEmpty else { break }
            let anchor = interval > 1 ? since : nil
            if interval > 1, since == nil {
                warnings.append("開催日時「\(quoted)」は隔週ですが、開始日がないため開催日を計算できません（「開始」の列に最初の開催日を書いてください）")
            }
            frequency = .weekly(weekdays: days, interval: interval, anchor: anchor)
        case .nth:
            if draft.pendingWeekdays.isEmpty, !draft.pendingOrdinals.isEmpty {
                warn(fragment: Self.ordinalsText(draft.pendingOrdinals), hint: "曜日がありません")
            }
            draft.flushPairs()
            let pairs = Array(Set(draft.pairs)).sorted()
            guard !pairs.isEmpty else { break }
            frequency = .monthlyByWeekday(pairs)
        case .days:
            let days = Array(Set(draft.days)).sorted { ($0 < 0 ? 99 : $0) < ($1 < 0 ? 99 : $1) }
            guard !days.isEmpty else { break }
            frequency = .monthlyByDay(days)
        }
        guard let frequency else { return }
        // A time or a months filter written before the days belongs to the rule they precede.
        var time = time ?? pendingTime.map { t in pendingTime = nil; return t }
        let months = draft.months ?? pendingFilter.map { f in pendingFilter = nil; return f }
        if pendingOverride, let months {
            // 12月は第2土曜日 keeps the hours of the rule it replaces.
            if time == nil, let first = rules[chunkRuleStart...].first, let start = first.start { time = (start, first.end) }
            for k in chunkRuleStart..<rules.count {
                let remaining = (rules[k].months ?? Array(1...12)).filter { !months.contains($0) }
                if !remaining.isEmpty { rules[k].months = remaining }
            }
            pendingOverride = false
        }
        if case .weekly(_, 1, _) = frequency, !draft.explicitEvery { implicitWeekly.insert(rules.count) }
        rules.append(ScheduleRule(frequency: frequency, months: months, start: time?.0, end: time?.1))
    }

    private mutating func warn(fragment: String, hint: String? = nil) {
        let tail = hint.map { "（\($0)。\(ScheduleParser.example)）" } ?? "（\(ScheduleParser.example)）"
        warnings.append("開催日時「\(quoted)」の「\(fragment)」が読み取れません\(tail)")
    }

    private var draftText: String {
        var text = Self.ordinalsText(draft.pendingOrdinals)
        text += draft.pairs.map { ($0.ordinal < 0 ? "最終" : "第\($0.ordinal)") + $0.weekday.kanji }.joined(separator: "・")
        text += draft.pendingWeekdays.map(\.kanji).joined(separator: "・")
        text += draft.days.map { "\($0)日" }.joined(separator: "・")
        return text
    }

    static let newYearHolidays = ScheduleToken.dateRange(MonthDay(month: 12, day: 29)!, MonthDay(month: 1, day: 3)!)

    static func describe(_ token: ScheduleToken) -> String {
        switch token {
        case .ordinals(let list): return ordinalsText(list)
        case .weekdays(let list): return list.map(\.kanji).joined(separator: "・") + "曜"
        case .days(let list): return list.map { "\($0)日" }.joined(separator: "・")
        case .every: return "毎週"
        case .monthly: return "毎月"
        case .interval: return "隔週"
        default: return ""
        }
    }

    static func ordinalsText(_ ordinals: [Int]) -> String {
        ordinals.map { $0 < 0 ? "最終" : "第\($0)" }.joined(separator: "・")
    }

    static func monthsText(_ months: [Int]) -> String {
        months.map { "\($0)月" }.joined(separator: "・")
    }

    func result(text: String) -> ScheduleParseResult {
        var warnings = self.warnings
        var rules = self.rules
        if sawPerMonthCount, !implicitWeekly.isEmpty {
            // 木曜日（月2回）: which Thursdays is not said, so no dates rather than wrong ones.
            let dropped = implicitWeekly.sorted().map { rules[$0] }
            rules = rules.enumerated().filter { !implicitWeekly.contains($0.offset) }.map(\.element)
            let days = dropped.first.map { Schedule(text: "", kind: .structured, rules: [$0]).weekdays.map(\.kanji).joined(separator: "・") } ?? ""
            warnings.append("開催日時「\(quoted)」は月に何回かの開催ですが、何週目か（例: 第1・第3\(days)曜）が書かれていないため日付を計算できません")
        }
        let merged = Self.merge(rules)
        let kind: ScheduleKind
        if !merged.isEmpty {
            kind = .structured
        } else if sawNoFixedDates || (sawHint && !sawUnknown) {
            kind = .noFixedDates
            // Fragments around 不定期 (e.g. 「日程は広報で」) are explanation, not errors.
            warnings = warnings.filter { $0.contains("隔週") || $0.contains("何週目") }
        } else {
            kind = .notUnderstood
            if warnings.isEmpty || !sawUnknown {
                warnings.append("開催日時「\(quoted)」が読み取れません（\(ScheduleParser.example)。決まっていない場合は「不定期」「要問合せ」と書いてください）")
            }
        }
        // 1月・8月は休み is one closure however it was split up while reading.
        var seen = Set<ScheduleException>()
        var exceptions: [ScheduleException] = []
        let closedMonths = Array(Set(self.exceptions.flatMap { exception -> [Int] in
            if case .closedMonths(let months) = exception { return months }
            return []
        })).sorted()
        for exception in self.exceptions {
            if case .closedMonths = exception {
                if !closedMonths.isEmpty, seen.insert(.closedMonths(closedMonths)).inserted { exceptions.append(.closedMonths(closedMonths)) }
            } else if seen.insert(exception).inserted {
                exceptions.append(exception)
            }
        }
        var seenWarnings = Set<String>()
        warnings = warnings.filter { seenWarnings.insert($0).inserted }
        return ScheduleParseResult(
            schedule: Schedule(text: text, kind: kind, rules: kind == .structured ? merged : [], exceptions: kind == .structured ? exceptions : []),
            warnings: warnings
        )
    }

    /// 第1土曜／第3土曜 with the same times is one rule (BYDAY=1SA,3SA), as a person would say it.
    static func merge(_ rules: [ScheduleRule]) -> [ScheduleRule] {
        var result: [ScheduleRule] = []
        for rule in rules {
            if let index = result.firstIndex(where: { $0.start == rule.start && $0.end == rule.end && $0.months == rule.months }),
               let combined = combine(result[index].frequency, rule.frequency) {
                result[index].frequency = combined
            } else if !result.contains(rule) {
                result.append(rule)
            }
        }
        return result
    }

    static func combine(_ a: ScheduleFrequency, _ b: ScheduleFrequency) -> ScheduleFrequency? {
        switch (a, b) {
        case let (.weekly(d1, i1, a1), .weekly(d2, i2, a2)) where i1 == i2 && a1 == a2:
            return .weekly(weekdays: Array(Set(d1 + d2)).sorted(), interval: i1, anchor: a1)
        case let (.monthlyByWeekday(p1), .monthlyByWeekday(p2)):
            return .monthlyByWeekday(Array(Set(p1 + p2)).sorted())
        case let (.monthlyByDay(d1), .monthlyByDay(d2)):
            return .monthlyByDay(Array(Set(d1 + d2)).sorted { ($0 < 0 ? 99 : $0) < ($1 < 0 ? 99 : $1) })
        default:
            return nil
        }
    }
}
