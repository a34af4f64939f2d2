import Foundation

/// Turns tokens into rules. A rule collects weekdays, ordinals or days until a time or a new
/// 毎週/第N/毎月 closes it, so 、 can separate both weekdays within a rule and whole rules.
struct ScheduleBuilder {
    enum Shape { case none, weekly, nth, days, dates }

    struct Draft {
        var shape: Shape = .none
        var explicitEvery = false
        var pendingOrdinals: [Int] = []
        var pendingWeekdays: [Weekday] = []
        var pairs: [NthWeekday] = []
        var days: [Int] = []
        var months: [Int]?
        /// 毎月 before a weekday without a week (毎月(土曜日)): the weekday is certain, the weeks are not.
        var monthly = false
        var part: PartOfDay?
        var dates: [LocalDate] = []
        var isEmpty: Bool { pendingOrdinals.isEmpty && pendingWeekdays.isEmpty && pairs.isEmpty && days.isEmpty && dates.isEmpty }

        mutating func flushPairs() {
            for ordinal in pendingOrdinals {
                for weekday in pendingWeekdays { pairs.append(NthWeekday(ordinal, weekday)) }
            }
            if !pendingWeekdays.isEmpty { pendingOrdinals = [] }
            pendingWeekdays = []
        }
    }

    let since: LocalDate?
    let asOf: LocalDate?
    /// The cell as written: a warning quotes a fragment only when these exact words are in it.
    let original: String
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
    /// An unknown fragment that could change which days are meant (digits, 週, 休 …): no rule of
    /// this text is trusted then.
    var sawRiskyUnknown = false
    var sawAlternative = false
    var sawConditional = false
    var labelSinceLastRule = false
    /// フードパントリー：不定期: the 不定期 right after a label is about that label.
    var justAfterLabel = false
    /// 平日も: the next word is said of the days in the draft.
    var draftAlso = false
    /// 祝日の場合は: what follows replaces a holiday's meeting.
    var holidayCondition = false
    var holidayJoinsDraft = false
    var ignoringRest = false
    /// 週1回（水曜日）: the count per week, waiting for its weekdays.
    var pendingDaysPerWeek: Int?
    var previousToken: ScheduleToken?
    /// 2023年3月25日(土)から: a start written in the text, which bounds the dates as 開始 does.
    var textSince: LocalDate?
    var sawAnyRule = false
    var sawIrregular = false
    var sawSuspended = false
    /// Weekdays certain, weeks not (月1回土曜日, 隔週水曜 without 開始).
    var weekdaysOnly = Set<Weekday>()
    var mentionedWeekdays = Set<Weekday>()
    /// Rules written as 毎月 + weekday without a week, read only as weekdays.
    var monthlyWithoutWeek = Set<Int>()

    // Per chunk
    var interval = 1
    var draft = Draft()
    var pendingFilter: [Int]?
    var pendingTime: (TimeOfDay, TimeOfDay?)?
    var extraTimes: [(TimeOfDay, TimeOfDay?)] = []
    var subjects: [ScheduleToken] = []
    var chunkRuleStart = 0
    /// After a condition we cannot express (土日の場合は翌月曜日), its days are not meeting days.
    var skipRules = false
    /// 毎月第3土曜（12月は第2土曜）: the pending filter replaces those months in earlier rules.
    var pendingOverride = false
    var everyMonths = 1
    /// 第4水曜以外の水曜: weeks taken out of the weekly rule that follows.
    var pendingExclusion: [NthWeekday]?
    /// 第三火曜日とその直後の木曜日: the rule the next weekday is counted from.
    var followBase: Int?
    var expectNextMonday = false
    var pendingPart: PartOfDay?
    /// 毎週火曜 10:00〜、金曜 13:00〜: 毎週 carries to the weekdays that follow, until a label,
    /// a count or a week number says otherwise.
    var everyCarries = false

    init(since: LocalDate?, asOf: LocalDate? = nil, original: String, quoted: String) {
        self.since = since
        self.asOf = asOf
        self.original = original
        self.quoted = quoted
    }

    mutating func consume(_ tokens: [ScheduleToken]) {
        interval = 1
        draft = Draft()
        pendingFilter = nil
        pendingTime = nil
        extraTimes = []
        subjects = []
        chunkRuleStart = rules.count
        skipRules = false
        pendingOverride = false
        everyMonths = 1
        pendingExclusion = nil
        followBase = nil
        expectNextMonday = false
        pendingPart = nil
        everyCarries = false
        holidayCondition = false
        pendingDaysPerWeek = nil
        ignoringRest = false
        for (index, token) in tokens.enumerated() {
            handle(token, rest: tokens[(index + 1)...])
        }
        close()
        if everyMonths > 1 {
            // 第2火曜日（隔月）: the interval is written after the days it applies to.
            for k in chunkRuleStart..<rules.count where rules[k].everyMonths == 1 {
                applyEveryMonths(to: k)
            }
        }
        if let part = pendingPart {
            for k in chunkRuleStart..<rules.count where rules[k].start == nil && rules[k].part == nil { rules[k].part = part }
        }
        if let filter = pendingFilter, rules.count > chunkRuleStart {
            for k in chunkRuleStart..<rules.count where rules[k].months == nil { rules[k].months = filter }
        } else if let filter = pendingFilter {
            warn(fragment: Self.monthsText(filter))
        }
        for (start, end) in (pendingTime.map { [$0] } ?? []) + extraTimes {
            if rules.count > chunkRuleStart, let last = rules.last {
                // 第1水曜 10:00〜12:00、13:00〜15:00: a second session on the same day.
                var copy = last
                copy.start = start
                copy.end = end
                copy.part = nil
                rules.append(copy)
            } else {
                warn(fragment: start.text + "〜" + (end?.text ?? ""), hint: "曜日や日付がありません")
            }
        }
        for subject in subjects {
            if case .dateRange(let from, let through) = subject {
                if from == through, let year = asOf?.year, let date = LocalDate(year: year, month: from.month, day: from.day) {
                    // 3月6日/4月3日(金): a date named alone is a meeting on that date.
                    rules.append(ScheduleRule(frequency: .dates([date]), start: pendingTime?.0, end: pendingTime?.1))
                    continue
                }
                warn(fragment: from == through ? from.text : from.text + "〜" + through.text, hint: "休みの日なら「は休み」と続けてください")
                sawRiskyUnknown = true
            }
        }
    }

    private mutating func handle(_ token: ScheduleToken, rest: ArraySlice<ScheduleToken>) {
        defer {
            previousToken = token
            if token != .also, token != .separator { draftAlso = false }
            switch token {
            case .separator: break
            case .also:
            draftAlso = true
        case .outsideMeetings:
            // 開催日開催時間以外は子ども食堂の表示はなし: nothing more about meeting days here.
            ignoringRest = true
        case .besides: justAfterLabel = true
            case .unknown(let fragment): justAfterLabel = fragment.count > 1
            default: justAfterLabel = false
            }
        }
        if ignoringRest { return }
        if token.startsRule {
            sawAnyRule = true
            labelSinceLastRule = false
        }
        if token.startsRule {
            if skipRules { return }
            if subjects.contains(.holiday), holidayCondition {
                // 祝日の場合は第3月曜日: a replacement day is beyond what the model holds, and the
                // holiday dates would be wrong without it.
                sawRiskyUnknown = true
                warn(fragment: "祝日の場合は" + Self.describe(token), hint: "祝日の振替は「翌日」「前日」「休み」のみ読み取れます")
                subjects.removeAll { $0 == .holiday }
                skipRules = true
                return
            }
        }
        if token.startsRule, !Self.isWeekdays(token) { followBase = nil }
        switch token {
        case .part(let part):
            if !draft.isEmpty {
                draft.part = part
            } else if rules.count > chunkRuleStart, rules[rules.count - 1].start == nil, rules[rules.count - 1].part == nil {
                rules[rules.count - 1].part = part
            } else {
                pendingPart = part
            }
        case .alternative:
            sawAlternative = true
        case .irregular(let scopable):
            // ミニパントリーは不定期 after 第4木曜日: a label between says the 不定期 is about something else.
            if scopable, justAfterLabel, !rules.isEmpty, draft.isEmpty {
                break
            }
            if draftAlso, !draft.isEmpty, rules.count > chunkRuleStart {
                // 第3日曜日　平日も不定期開催: only the days just named (with も) are irregular.
                draft = Draft()
                break
            }
            sawIrregular = true
        case .also:
            draftAlso = true
        case .outsideMeetings:
            // 開催日開催時間以外は子ども食堂の表示はなし: nothing more about meeting days here.
            ignoringRest = true
        case .besides:
            if !draft.isEmpty { close() }
            labelSinceLastRule = true
            everyCarries = false
        case .daysPerWeek(let n):
            // 月水金 週3日, 週1回（水曜日）: the days named are all the days of every week.
            if !draft.isEmpty, draft.shape == .weekly, Set(draft.pendingWeekdays).count == n { draft.explicitEvery = true }
            else if draft.isEmpty, let k = rules.indices.last, k >= chunkRuleStart, case .weekly(let days, 1, _) = rules[k].frequency, days.count == n {
                implicitWeekly.remove(k)
            } else if draft.isEmpty {
                pendingDaysPerWeek = n
            }
        case .startsFromMonth(let month):
            guard let asOf else {
                warn(fragment: "\(month)月から", hint: "開始の年月は「開始」の列に書いてください")
                sawRiskyUnknown = true
                return
            }
            // A month still ahead this year, else this year's (already begun).
            let year = asOf.year
            if let first = YearMonth(year: year, month: month)?.firstDay {
                textSince = max(textSince ?? first, first)
            }
        case .startsFrom(let date):
            textSince = max(textSince ?? date, date)
        case .suspended:
            sawSuspended = true
        case .everyMonths(let n):
            everyMonths = n
        case .except:
            if !draft.isEmpty, Self.weekdaysFollow(rest) {
                draft.flushPairs()
                pendingExclusion = draft.pairs
                draft = Draft()
            } else if subjects.contains(.holiday), draft.shape == .weekly || draft.shape == .none {
                // 月水金（祝祭日を除く）: the holidays are taken out, the weekdays stay meeting days.
                apply(.cancelled)
            } else {
                handle(.off, rest: rest)
            }
        case .nextMonday:
            if expectNextMonday {
                expectNextMonday = false
            } else {
                warn(fragment: "翌月曜", hint: "振替は「土日の場合は翌月曜」「祝日の場合は翌日」のように書いてください")
                sawRiskyUnknown = true
            }
        case .following:
            if !draft.isEmpty { close() }
            if rules.count > chunkRuleStart, case .monthlyByWeekday(let pairs) = rules[rules.count - 1].frequency,
               Set(pairs.map(\.weekday)).count == 1 {
                followBase = rules.count - 1
            } else {
                warn(fragment: "直後", hint: "「第3火曜日とその直後の木曜日」のように、何週目かと曜日を書いてください")
                sawRiskyUnknown = true
            }
        case .oneOffDay(let day, let weekday):
            guard let asOf, let monthDay = MonthDay(month: asOf.month, day: day) else {
                warn(fragment: "\(day)日", hint: "何月かわからないため日付にできません")
                sawRiskyUnknown = true
                return
            }
            handle(.oneOffDate(monthDay, weekday), rest: rest)
        case .oneOffDate(let monthDay, let weekday):
            if draft.shape != .dates, !draft.isEmpty { close() }
            draft.shape = .dates
            guard let year = asOf?.year ?? since?.year, let date = LocalDate(year: year, month: monthDay.month, day: monthDay.day) else {
                warn(fragment: monthDay.text, hint: "年がわからないため日付にできません")
                sawRiskyUnknown = true
                return
            }
            if let weekday, date.weekday != weekday {
                warnings.append("開催日時「\(quoted)」の\(monthDay.text)は\(date.year)年では\(date.weekday.kanji)曜日で、書かれた曜日（\(weekday.kanji)）と合いません。日付か曜日を確かめてください")
                return
            }
            draft.dates.append(date)
        case .separator, .hint, .topic:
            if token == .hint { sawHint = true }
        case .perMonthCount:
            sawHint = true
            sawPerMonthCount = true
            everyCarries = false
            if Self.weekdaysFollow(rest) {
                // 毎週水曜日 月1回土曜日: the count starts a new rule, it does not qualify 毎週.
                if draft.explicitEvery, !draft.isEmpty { close() }
            } else if !draft.isEmpty, draft.shape == .weekly {
                // 毎週金曜日（月1回）: which Fridays is not said.
                draft.monthly = true
                draft.explicitEvery = false
            } else if draft.isEmpty, let k = rules.indices.last, k >= chunkRuleStart, case .weekly(_, 1, _) = rules[k].frequency {
                monthlyWithoutWeek.insert(k)
            }
        case .condition:
            if subjects.contains(.holiday) { holidayCondition = true }
            if draft.shape == .weekly, !draft.pendingWeekdays.isEmpty, Set(draft.pendingWeekdays).isSubset(of: [.saturday, .sunday]),
               draft.pendingOrdinals.isEmpty, let forward = Self.weekendMoveFollows(rest) {
                // 土日の場合は翌月曜, 土日祝日の場合は前日: the weekend days named here are a
                // condition, not meeting days.
                exceptions.append(forward ? .weekendToNextMonday : .weekendToPreviousFriday)
                expectNextMonday = rest.contains(.nextMonday)
                draft = Draft()
            } else if draft.isEmpty, subjects.isEmpty, rules.count == chunkRuleStart, !sawAnyRule {
                // 開催する場合は、第1週と第3週の土曜日: whether it is held at all is the condition.
                sawConditional = true
            } else if !draft.isEmpty, draft.shape == .weekly, Self.leadsToOff(rest) {
                // 土日祝日の場合は休み: the 休み that follows makes those weekdays closures.
            } else if !draft.isEmpty, !subjects.contains(.holiday) || holidayJoinsDraft {
                warn(fragment: draftText + "の場合", hint: "祝日以外の振替は「土日の場合は翌月曜」のみ読み取れます")
                draft = Draft()
                skipRules = true
            }
        case .every:
            if !draft.isEmpty { close() }
            interval = 1
            draft.explicitEvery = true
            everyCarries = true
        case .interval(let n):
            if !draft.isEmpty { close() }
            interval = n
            draft.explicitEvery = true
        case .monthly:
            if !draft.isEmpty { close() }
            interval = 1
            draft.monthly = true
            everyCarries = false
        case .weekdays(let list):
            mentionedWeekdays.formUnion(list)
            if let base = followBase, list.count == 1, case .monthlyByWeekday(let pairs) = rules[base].frequency {
                // その直後の木曜日: the Thursday after the base date, which may fall in the next week.
                var rule = rules[base]
                let step = (list[0].rawValue - pairs[0].weekday.rawValue + 7) % 7
                rule.offset = step == 0 ? 7 : step
                rules.append(rule)
                followBase = nil
                return
            }
            if draft.shape == .days || draft.shape == .dates { close() }
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
            everyCarries = false
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
        case .dateRange(let from, let through) where from == through && Self.isOneOffDate(rest.first { $0 != .separator }):
            // 3月6日・4月3日(金): a date in a list of dated meetings is one of them.
            handle(.oneOffDate(from, nil), rest: rest)
        case .dateRange(let from, let through):
            // 年末年始（12/28〜1/4）: the salon's own dates replace the usual 12/29〜1/3.
            if let last = subjects.last, last == Self.newYearHolidays, from.month == 12, through.month == 1 {
                subjects[subjects.count - 1] = token
            } else {
                subjects.append(token)
            }
        case .holiday:
            // 土日祝の場合: the weekdays belong to the condition; 毎週月曜日（祝日の場合…）: they do not.
            holidayJoinsDraft = Self.isWeekdays(previousToken ?? .separator)
            subjects.append(token)
        case .off:
            if !draft.isEmpty, excludeWeeksFromWeeklyRules() {
                draft = Draft()
            } else if !draft.isEmpty, subjects.isEmpty || rules.count > chunkRuleStart || draft.shape == .weekly && !draft.explicitEvery {
                // 第5木曜は休み, 土日祝休み: days named before 休み are closures, not meetings.
                let closedWeekdays = Set(draft.pendingWeekdays)
                if draft.shape == .weekly, !draft.explicitEvery {
                    // 土日祝休み: those weekdays are never meeting days (it matters for 毎月1日).
                    exceptions.append(.closedWeekdays(closedWeekdays.sorted()))
                } else {
                    warn(fragment: draftText + "は休み", hint: "曜日で休む日は書けません")
                    sawRiskyUnknown = true
                }
                draft = Draft()
            }
            apply(.cancelled)
        case .nextDay, .previousDay:
            if subjects.isEmpty, !draft.isEmpty {
                // 第3月曜日の翌日: the day after each date the rule gives, not the date itself;
                // 第2土曜日と翌日: both.
                let both = previousToken == .separator
                close()
                if rules.count > chunkRuleStart {
                    var shifted = rules[rules.count - 1]
                    shifted.offset = token == .nextDay ? 1 : -1
                    if both { rules.append(shifted) } else { rules[rules.count - 1] = shifted }
                }
            } else if subjects.isEmpty {
                warn(fragment: token == .nextDay ? "翌日" : "前日", hint: "何の翌日・前日かがわかりません")
            } else {
                apply(token == .nextDay ? .movedToNextDay : .movedToPreviousDay)
            }
        case .held:
            if subjects.contains(.holiday) { apply(.meets) } else { subjects.removeAll { $0 != .holiday } }
        case .time(let start, let end):
            if !draft.isEmpty {
                close(time: (start, end))
            } else if rules.count > chunkRuleStart, rules[rules.count - 1].start == nil {
                // その直後の木曜日 10:00〜: the time belongs to both days.
                let targets = rules[rules.count - 1].offset != 0 ? Array(chunkRuleStart..<rules.count) : [rules.count - 1]
                for k in targets where rules[k].start == nil {
                    rules[k].start = start
                    rules[k].end = end
                    rules[k].part = nil
                }
            } else if pendingTime == nil {
                pendingTime = (start, end)
            } else {
                // 1回目 17:00〜 2回目 18:30〜 第2金曜日: sittings written before their day.
                extraTimes.append((start, end))
            }
        case .noFixedDates:
            sawNoFixedDates = true
        case .unknown(let fragment):
            if skipRules { return }
            let meaningful = fragment.contains { $0.isLetter || $0.isNumber }
            if meaningful {
                sawUnknown = true
                // こども食堂　月・水曜日: a label ends the rule before it, and 毎週 does not carry over it.
                if !draft.pendingWeekdays.isEmpty || !draft.days.isEmpty || !draft.dates.isEmpty || !draft.pairs.isEmpty { close() }
                everyCarries = false
                labelSinceLastRule = true
                let risky = Self.couldChangeDays(fragment) || rest.first(where: { $0 != .separator }) == .off
                warn(fragment: fragment.trimmingCharacters(in: .whitespaces), risky: risky)
            }
        }
    }

    /// Characters that name days, weeks, counts or closures: a fragment holding one of them may
    /// change which days are meant, so the text's dates cannot be trusted.
    static let dayCharacters: Set<Character> = Set("0123456789第週隔曜回休除外祝毎旬又替順交月火水木金土日翌前後隔度毎")

    static func couldChangeDays(_ fragment: String) -> Bool {
        // 3階大会議室, 2丁目: numbers of places, not of days; いちごの日: the name of a day.
        var chars = Array(fragment.hasSuffix("の日") && fragment.count > 2 ? String(fragment.dropLast(2)) : fragment)
        var k = 0
        while k < chars.count {
            if chars[k].isASCIIDigit {
                var end = k
                while end < chars.count, chars[end].isASCIIDigit { end += 1 }
                if end < chars.count, "階丁番号".contains(chars[end]) {
                    chars.removeSubrange(k..<end)
                    continue
                }
                k = end
            } else {
                k += 1
            }
        }
        return chars.contains { dayCharacters.contains($0) }
    }

    private static func isOneOffDate(_ token: ScheduleToken?) -> Bool {
        if case .oneOffDate = token { return true }
        return false
    }

    private static func isWeekdays(_ token: ScheduleToken) -> Bool {
        if case .weekdays = token { return true }
        return false
    }

    private static func weekdaysFollow(_ rest: ArraySlice<ScheduleToken>) -> Bool {
        for token in rest {
            switch token {
            case .separator, .every, .monthly: continue
            case .weekdays: return true
            default: return false
            }
        }
        return false
    }

    /// 土日の場合は翌月曜, 土日祝の場合は翌平日 (the weekday after a weekend is a Monday): true;
    /// 土日の場合は前日 (the Friday before): false; nil when no such move follows.
    private static func weekendMoveFollows(_ rest: ArraySlice<ScheduleToken>) -> Bool? {
        for token in rest {
            switch token {
            case .separator, .topic, .hint: continue
            case .nextMonday, .nextDay: return true
            case .previousDay: return false
            default: return nil
            }
        }
        return nil
    }

    private mutating func applyEveryMonths(to k: Int) {
        if rules[k].months != nil {
            // 隔月（奇数月）: the month list already says which months.
            return
        }
        rules[k].everyMonths = everyMonths
        rules[k].monthAnchor = since?.yearMonth
        if since == nil {
            warnings.append("開催日時「\(quoted)」は\(everyMonths == 2 ? "隔月" : "\(everyMonths)か月に1回")ですが、どの月かわからないため開催日を計算できません（「開始」の列に最初の開催日を書くか、「奇数月」「4月・6月・8月…」のように月を書いてください）")
        }
    }

    /// 8月・12月は休み versus 8月・12月の第1日曜: what follows the months decides.
    private static func leadsToOff(_ rest: ArraySlice<ScheduleToken>) -> Bool {
        for token in rest {
            switch token {
            case .off, .except: return true
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
        guard !excluded.isEmpty, draft.days.isEmpty, draft.pendingOrdinals.isEmpty == false || !draft.pairs.isEmpty else { return false }
        var changed = false
        for k in chunkRuleStart..<rules.count {
            guard case .weekly(let days, 1, _) = rules[k].frequency, excluded.contains(where: { days.contains($0.weekday) }) else { continue }
            guard let rule = Self.excluding(excluded, from: rules[k], weekdays: days) else { return false }
            rules[k] = rule
            implicitWeekly.remove(k)
            changed = true
        }
        return changed
    }

    /// A weekly rule without some weeks: 第1〜第5 minus those weeks, or for 最終水曜 (whose week
    /// number varies) the weekly rule with that week excluded. Nil when it cannot be said exactly.
    static func excluding(_ excluded: [NthWeekday], from rule: ScheduleRule, weekdays days: [Weekday]) -> ScheduleRule? {
        var rule = rule
        let mine = excluded.filter { days.contains($0.weekday) }
        if mine.allSatisfy({ (1...5).contains($0.ordinal) }) {
            let excludedSet = Set(mine)
            let pairs = days.flatMap { day in (1...5).map { NthWeekday($0, day) } }.filter { !excludedSet.contains($0) }
            rule.frequency = .monthlyByWeekday(pairs.sorted())
            return rule
        }
        guard days.count == 1, mine.count == 1 else { return nil }
        rule.excluded = mine
        return rule
    }

    private mutating func apply(_ policy: HolidayPolicy) {
        holidayCondition = false
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
        case .dates:
            let dates = Array(Set(draft.dates)).sorted()
            guard !dates.isEmpty else { break }
            frequency = .dates(dates)
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
        if case .weekly(let days, 1, _) = frequency, let n = pendingDaysPerWeek {
            pendingDaysPerWeek = nil
            if days.count == n { draft.explicitEvery = true }
        }
        if case .weekly(_, 1, _) = frequency, !draft.explicitEvery, !everyCarries { implicitWeekly.insert(rules.count) }
        if case .weekly(_, 1, _) = frequency, draft.monthly, !draft.explicitEvery { monthlyWithoutWeek.insert(rules.count) }
        var rule = ScheduleRule(frequency: frequency, months: months, start: time?.0, end: time?.1,
                                part: time == nil ? (draft.part ?? pendingPart.map { p in pendingPart = nil; return p }) : nil)
        if let exclusion = pendingExclusion, case .weekly(let days, 1, _) = frequency {
            pendingExclusion = nil
            guard let excluded = Self.excluding(exclusion, from: rule, weekdays: days) else {
                warnings.append("開催日時「\(quoted)」の除く週が読み取れません（例: 第4水曜以外の水曜）")
                sawRiskyUnknown = true
                return
            }
            rule = excluded
            implicitWeekly.remove(rules.count)
        }
        rules.append(rule)
        if everyMonths > 1 { applyEveryMonths(to: rules.count - 1) }
        for (start, end) in extraTimes {
            var sitting = rule
            sitting.start = start
            sitting.end = end
            rules.append(sitting)
            if everyMonths > 1 { applyEveryMonths(to: rules.count - 1) }
        }
        extraTimes = []
    }

    /// Every warning but a label's means words about the days were not understood, so the
    /// text gives no dates (`risky`); a label (子ども食堂) leaves the understood dates alone.
    private mutating func warn(fragment: String, hint: String? = nil, risky: Bool = true) {
        if risky { sawRiskyUnknown = true }
        let tail = hint.map { "（\($0)。\(ScheduleParser.example)）" } ?? "（\(ScheduleParser.example)）"
        // Folding changed the spelling (全角, 漢数字) or the words were rebuilt: quote nothing
        // that the coordinator cannot find in the cell.
        if !fragment.isEmpty, original.contains(fragment) {
            warnings.append("開催日時「\(quoted)」の「\(fragment)」が読み取れません\(tail)")
        } else {
            warnings.append("開催日時「\(quoted)」の一部が読み取れません\(tail)")
        }
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
}
