import Foundation

/// What the builder read, turned into a schedule: weekday-only parts, ambiguity and unknown day
/// words decide here whether any date is published.
extension ScheduleBuilder {
    func result(text: String) -> ScheduleParseResult {
        var warnings = self.warnings
        var rules = self.rules
        var weekdaysOnly = self.weekdaysOnly
        func weekdays(of rule: ScheduleRule) -> [Weekday] {
            Schedule(text: "", kind: .structured, rules: [rule]).weekdays
        }
        // 木曜日（月2回）, 毎月(土曜日), 月曜日13:30〜: the weekday is said; that it is every week,
        // or which weeks, is not.
        let weekOnly = implicitWeekly.union(monthlyWithoutWeek)
        if !weekOnly.isEmpty {
            let dropped = weekOnly.sorted().map { rules[$0] }
            rules = rules.enumerated().filter { !weekOnly.contains($0.offset) }.map(\.element)
            let days = dropped.flatMap(weekdays(of:))
            weekdaysOnly.formUnion(days)
            let names = Array(Set(days)).sorted().map(\.kanji).joined(separator: "・")
            if sawPerMonthCount || !monthlyWithoutWeek.isEmpty {
                warnings.append("開催日時「\(quoted)」は月に何回かの開催ですが、何週目か（例: 第1・第3\(names)曜）が書かれていないため日付を計算できません")
            } else {
                warnings.append("開催日時「\(quoted)」は曜日だけで、毎週か何週目かが書かれていないため日付を計算できません（毎週なら「毎週\(names)曜」、月2回なら「第1・第3\(names)曜」のように書いてください）")
            }
        }
        // 隔週 and 隔月 without an anchor: the weekday pages can list them, the calendars cannot.
        for rule in rules where !rule.isComputable { weekdaysOnly.formUnion(weekdays(of: rule)) }
        rules = rules.filter(\.isComputable)

        var kind: ScheduleKind
        if sawSuspended {
            // 休止中: nothing to show on any page, and nothing for the coordinator to fix.
            rules = []
            weekdaysOnly = []
            kind = .noFixedDates
            warnings = []
        } else if sawAlternative {
            // 第2または第4金曜, 土or日, 月1、2回: one of several, so no date at all. When every
            // alternative is the same weekday, that weekday is still certain.
            let days = mentionedWeekdays.union(weekdaysOnly)
            rules = []
            weekdaysOnly = days.count == 1 ? days : []
            kind = weekdaysOnly.isEmpty ? .notUnderstood : .weekdayOnly
            warnings = warnings.filter { $0.contains("何週目") || $0.contains("隔週") || $0.contains("隔月") }
            warnings.append("開催日時「\(quoted)」はいくつかの候補のうちどれかという書き方のため、開催日を決められません（開催する週と曜日を一つに決めて書いてください。決まっていない場合は「不定期」と書いてください）")
        } else if sawIrregular {
            // 土曜の不定期開催, 奇数月、月曜日未定: the weekday may stand, the dates never do.
            let weeklyOnly = rules.allSatisfy { if case .weekly = $0.frequency { return true } else { return false } }
            weekdaysOnly = weeklyOnly ? weekdaysOnly.union(rules.flatMap(weekdays(of:))) : []
            rules = []
            kind = weekdaysOnly.isEmpty ? .noFixedDates : .weekdayOnly
            warnings = []
        } else if sawConditional {
            // Held only if some condition holds: the weekdays stand, the dates do not.
            weekdaysOnly.formUnion(rules.flatMap(weekdays(of:)))
            rules = []
            kind = weekdaysOnly.isEmpty ? .noFixedDates : .weekdayOnly
        } else if sawRiskyUnknown {
            // Words around the days were not understood and may change them: no dates from a guess.
            rules = []
            weekdaysOnly = []
            kind = .notUnderstood
        } else {
            kind = rules.isEmpty ? (weekdaysOnly.isEmpty ? .notUnderstood : .weekdayOnly) : .structured
        }
        let merged = Self.merge(rules)
        if kind == .notUnderstood {
            if sawNoFixedDates || (sawHint && !sawUnknown) {
                kind = .noFixedDates
                // Fragments around 要問合せ (e.g. 「日程は広報で」) are explanation, not errors.
                warnings = warnings.filter { $0.contains("隔週") || $0.contains("何週目") || $0.contains("隔月") }
            } else if warnings.isEmpty || !sawUnknown && !sawAlternative {
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
            schedule: Schedule(text: text, kind: kind, rules: kind == .structured ? merged : [], exceptions: kind == .structured ? exceptions : [],
                               weekdaysWithoutDates: kind == .structured || kind == .weekdayOnly ? weekdaysOnly.sorted() : []),
            warnings: warnings
        )
    }

    /// 第1土曜／第3土曜 with the same times is one rule (BYDAY=1SA,3SA), as a person would say it.
    static func merge(_ rules: [ScheduleRule]) -> [ScheduleRule] {
        var result: [ScheduleRule] = []
        for rule in rules {
            if let index = result.firstIndex(where: { $0.start == rule.start && $0.end == rule.end && $0.months == rule.months
                && $0.part == rule.part && $0.everyMonths == rule.everyMonths && $0.monthAnchor == rule.monthAnchor
                && $0.excluded.isEmpty && rule.excluded.isEmpty && $0.offset == 0 && rule.offset == 0 }),
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
        case let (.dates(d1), .dates(d2)):
            return .dates(Array(Set(d1 + d2)).sorted())
        default:
            return nil
        }
    }
}
