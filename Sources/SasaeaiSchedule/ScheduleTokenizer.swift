import Foundation

/// The words of a schedule, once spelling variants are gone. Words that carry no meaning for
/// dates (開催, 頃, の) are dropped here, so the builder sees only what decides a rule.
enum ScheduleToken: Hashable {
    case every
    case interval(Int)
    case monthly
    case weekdays([Weekday])
    case ordinals([Int])
    case days([Int])
    case months([Int])
    case dateRange(MonthDay, MonthDay)
    case time(TimeOfDay, TimeOfDay?)
    case holiday
    case off
    case nextDay
    case previousDay
    case held
    case noFixedDates
    case hint
    /// 月2回: fixes the count per month, so a bare weekday cannot mean every week.
    case perMonthCount
    /// の場合: what came just before is a condition, not a meeting day.
    case condition
    /// 12月は…: the months were the topic of an override that follows.
    case topic
    case separator
    case unknown(String)
    /// 午前, 夜 … written without a clock time.
    case part(PartOfDay)
    /// または, もしくは, or: one of several, so none of them is a date.
    case alternative
    /// 不定期, 未定, 都度: the text itself says the dates are not fixed. Only 不定期 is said of
    /// other activities often enough (フードパントリー：不定期) to be scoped by a label before it.
    case irregular(scopable: Bool)
    /// 休止中, 実施していません: no meeting at present.
    case suspended
    /// 隔月, 2ヶ月に1回.
    case everyMonths(Int)
    /// 以外, を除く: what came before is taken out of what follows (or of what came before).
    case except
    /// 翌月曜: the day a weekend date moves to.
    case nextMonday
    /// その直後の: the next day named is counted from the date before.
    case following
    /// 7月2日(火): a single dated meeting, with the weekday written next to it if any.
    case oneOffDate(MonthDay, Weekday?)
    /// 週3日 after 月水金: as many days a week as are named, so every week.
    case daysPerWeek(Int)
    /// 開催日以外は…: what follows is about the days without a meeting.
    case outsideMeetings
    /// 平日も: what follows is said of the days just named.
    case also
    /// 他, ほか: what follows is about something else.
    case besides
    /// 2023年3月25日(土)から: the first meeting, which bounds the dates like 開始.
    case startsFrom(LocalDate)
    /// 7月から: the first month (in the as-of year or the next).
    case startsFromMonth(Int)
    /// 30日(月) without a month: a meeting in the as-of month, checked against its weekday.
    case oneOffDay(Int, Weekday)

    var startsRule: Bool {
        switch self {
        case .every, .interval, .monthly, .weekdays, .ordinals, .days: return true
        default: return false
        }
    }
}

struct ScheduleTokenizer {
    private let chars: [Character]
    /// The first scalar of each character: `has` rejects a word on it without comparing
    /// Characters (which costs a grapheme-aware string comparison each).
    private let firstScalars: [Unicode.Scalar]
    private var i = 0
    private var tokens: [ScheduleToken] = []
    private var unknown = ""
    private var lastOneOffMonth: Int?

    init(_ text: String) {
        chars = Array(text)
        firstScalars = chars.map { $0.unicodeScalars.first! }
    }

    static func tokenize(_ text: String) -> [ScheduleToken] {
        var tokenizer = ScheduleTokenizer(text)
        return tokenizer.run()
    }

    private static let weekdayChars: [Character: Weekday] = [
        "月": .monday, "火": .tuesday, "水": .wednesday, "木": .thursday, "金": .friday, "土": .saturday, "日": .sunday,
    ]

    private static let keywords: [(String, ScheduleToken?)] = {
        let odd = [1, 3, 5, 7, 9, 11], even = [2, 4, 6, 8, 10, 12]
        var list: [(String, ScheduleToken?)] = [
            ("毎週", .every), ("週毎", .every), ("每週", .every), ("毎週毎", .every),
            ("隔週", .interval(2)), ("1週おき", .interval(2)), ("1週間おき", .interval(2)),
            ("毎月", .monthly), ("月例", .monthly), ("月々", .monthly), ("隔月", .everyMonths(2)),
            ("休止中", .suspended), ("活動休止", .suspended), ("実施していません", .suspended), ("開催していません", .suspended),
            ("休止しています", .suspended), ("中止しています", .suspended), ("活動を休止", .suspended), ("当面休止", .suspended),
            ("当面中止", .suspended), ("当面の間休止", .suspended), ("当面の間中止", .suspended), ("現在休止", .suspended),
            ("その直後の", .following), ("直後の", .following), ("翌月曜日", .nextMonday), ("翌月曜", .nextMonday),
            ("または", .alternative), ("又は", .alternative), ("もしくは", .alternative), ("若しくは", .alternative),
            ("or", .alternative), ("OR", .alternative), ("不確定", .alternative), ("のいずれか", .alternative),
            ("いずれか", .alternative), ("どちらか", .alternative),
            ("以外の", .except), ("以外", .except), ("を除く", .except), ("を除いた", .except), ("を除き", .except),
            ("を除いて", .except), ("除く", .except), ("除き", .except), ("除いて", .except),
            ("昼の部", nil), ("夜の部", nil), ("午前の部", nil), ("午後の部", nil), ("夕方の部", nil), ("部制", nil), ("二部制", nil), ("三部制", nil),
            ("回目", nil), ("開催日は", nil), ("開催日", nil), ("活動日", nil), ("実施日", nil), ("開催時間", nil),
            ("のみ", nil), ("だけ", nil), ("次回は", nil), ("開催日開催時間以外は", .outsideMeetings), ("開催日時以外は", .outsideMeetings),
            ("開催日以外は", .outsideMeetings), ("開催時間以外は", .outsideMeetings), ("頃", .alternative), ("ごろ", .alternative), ("前後", .alternative), ("変更の場合あり", nil), ("変更の場合があります", nil), ("変更する場合があります", nil),
            ("変更になる場合があります", nil), ("変更する場合あり", nil), ("変更あり", nil), ("次回", nil),
            ("奇数週", .ordinals([1, 3, 5])), ("偶数週", .ordinals([2, 4])), ("予定", nil), ("がある日", nil), ("のある日", nil), ("ほか", .besides), ("他", .besides), ("その他", .besides),
            // 開催時間不定期: the hours vary, the days named still stand.
            ("開催時間不定期", .noFixedDates), ("時間不定期", .noFixedDates), ("時間は不定期", .noFixedDates),
            ("開催時間は不定期", .noFixedDates), ("時間帯は不定期", .noFixedDates),

            ("土日祝日", .weekdays([.saturday, .sunday])), ("土日祝", .weekdays([.saturday, .sunday])),
            ("週末", .weekdays([.saturday, .sunday])),
            ("奇数月", .months(odd)), ("偶数月", .months(even)),
            ("年末年始", .dateRange(MonthDay(month: 12, day: 29)!, MonthDay(month: 1, day: 3)!)),
            ("お盆", .dateRange(MonthDay(month: 8, day: 13)!, MonthDay(month: 8, day: 16)!)),
            ("国民の祝日", .holiday), ("祝祭日", .holiday), ("祝休日", .holiday), ("祝日・休日", .holiday),
            ("祝日", .holiday), ("祭日", .holiday), ("休日", .holiday), ("祝", .holiday),
            ("お休み", .off), ("休み", .off), ("休会", .off), ("休館", .off), ("休講", .off), ("休止", .off),
            ("中止", .off), ("なし", .off),
            ("無し", .off), ("休", .off), ("ありません", .off), ("しません", .off), ("閉館", .off),
            ("翌平日", .nextDay), ("翌営業日", .nextDay), ("翌日", .nextDay), ("次の日", .nextDay),
            ("前日", .previousDay), ("前の日", .previousDay),
            ("開催", .held), ("実施", .held), ("あり", .held), ("有り", .held), ("も", .held), ("営業", .held),
            ("活動", .held), ("行います", .held),
            ("不定期", .irregular(scopable: true)), ("不定", .irregular(scopable: true)), ("随時", .irregular(scopable: false)), ("応相談", .noFixedDates),
            ("要相談", .noFixedDates), ("相談", .noFixedDates), ("未定", .irregular(scopable: false)), ("調整中", .irregular(scopable: false)),
            ("年数回", .noFixedDates), ("決まり次第", .irregular(scopable: false)), ("都度", .irregular(scopable: false)), ("変動", .noFixedDates),
            ("要問合せ", .noFixedDates), ("要問い合わせ", .noFixedDates), ("要問合わせ", .noFixedDates),
            ("問合せ", .noFixedDates), ("問い合わせ", .noFixedDates), ("問合わせ", .noFixedDates),
            ("お問合せ", .noFixedDates), ("お問い合わせ", .noFixedDates), ("問合", .noFixedDates),
            ("不規則", .irregular(scopable: false)), ("イベント時", .noFixedDates), ("月により異なる", .noFixedDates),
            ("毎回異なる", .noFixedDates), ("随時受付", .noFixedDates), ("必要に応じて", .noFixedDates),
            ("依頼", .noFixedDates), ("申込", .noFixedDates), ("申し込み", .noFixedDates), ("予約に応じて", .noFixedDates),
            ("広報", .noFixedDates), ("チラシ", .noFixedDates), ("ホームページ", .noFixedDates), ("HP", .noFixedDates),
            ("及び", .separator), ("および", .separator), ("と", .separator), ("・", .separator), ("、", .separator),
            (",", .separator), ("や", .separator), ("&", .separator), ("+", .separator),
            ("か", .alternative), (" ", .separator), ("。", .separator), ("|", .separator),
            (":", .separator), ("=", .separator), ("\u{3000}", .separator),
        ]
        // Words that say nothing about which days: dropped without a warning.
        let fillers = [
            "重なる", "重なった", "重なり", "当たる", "あたる", "当たった", "該当", "する", "した", "します",
            "です", "ます", "日時", "日程", "時間帯", "予定", "定例", "原則として", "原則", "基本的に", "基本", "主に", "おおむね",
            "概ね", "約", "程度", "など", "等", "振替", "振り替え", "振りかえ", "変更", "移動", "ずらして", "まで", "から", "より", "冬期", "冬季", "夏期", "夏季", "期間", "期間中",
            "予約制", "要予約", "予約", "雨天中止", "雨天時", "雨天", "荒天", "いずれも", "各", "曜日", "曜", "目", "毎", "頃から",
            "の", "は", "を", "に", "で", "が", "へ", "て", "ね", "よ", "となります", "となる", "なります", "なる", "ただし", "但し",
            "受付", "終了", "開始", "集合", "時", "分", "〜", "※", "!", "?", "・・・", "…", "スタート", "位", "ぐらい", "くらい", "時間",
            "入退室自由", "出入り自由", "自由", "参加", "いつでも", "年間", "通年", "年中", "一年中", "定休日", "定休",
        ]
        list += fillers.map { ($0, nil) }
        return list.sorted { $0.0.count > $1.0.count }
    }()

    /// `keywords` by the first scalar of the word, each list in the order of `keywords`, so
    /// only the few words that can match at a position are tried, and the first of them that
    /// matches is the one `keywords` would give.
    private static let keywordsByFirst: [Unicode.Scalar: [(String, ScheduleToken?)]] =
        Dictionary(grouping: keywords, by: { $0.0.unicodeScalars.first! })

    private mutating func run() -> [ScheduleToken] {
        while i < chars.count {
            if scanNumberForms() || scanOrdinalForms() || scanClockWithoutDigits() || scanPartOfDay() || scanKeyword() || scanWeekday() {
                continue
            }
            unknown.append(chars[i])
            i += 1
        }
        flushUnknown()
        return tokens
    }

    // MARK: helpers

    private func peek(_ offset: Int = 0) -> Character? {
        i + offset < chars.count && i + offset >= 0 ? chars[i + offset] : nil
    }

    private func char(at position: Int) -> Character? {
        position >= 0 && position < chars.count ? chars[position] : nil
    }

    private func has(_ word: String, at position: Int) -> Bool {
        guard position >= 0, position < chars.count, firstScalars[position] == word.unicodeScalars.first else { return false }
        var p = position
        for c in word {
            guard p < chars.count, chars[p] == c else { return false }
            p += 1
        }
        return true
    }

    private mutating func emit(_ token: ScheduleToken) {
        flushUnknown()
        tokens.append(token)
    }

    private mutating func flushUnknown() {
        if !unknown.isEmpty {
            tokens.append(.unknown(unknown))
            unknown = ""
        }
    }

    private var lastSignificant: ScheduleToken? {
        if !unknown.isEmpty { return .unknown(unknown) }
        return tokens.last { $0 != .separator }
    }

    private func readDigits(at position: Int) -> (Int, Int)? {
        var p = position
        var value = 0
        while p < chars.count, let d = chars[p].asciiDigitValue, p - position < 4 {
            value = value * 10 + d
            p += 1
        }
        return p > position ? (value, p) : nil
    }

    private func skipSpaces(_ position: Int) -> Int {
        var p = position
        while p < chars.count, chars[p] == " " { p += 1 }
        return p
    }

    // MARK: keywords

    /// The first scalars of the words `scanSpecialKeyword` looks for: anywhere else `has`
    /// rejects every one of them, so they are not tried.
    private static let specialKeywordLeads: Set<Unicode.Scalar> = ["最", "毎", "月", "週", "年", "翌", "の", "場", "と", "時", "平", "土"]

    private mutating func scanKeyword() -> Bool {
        if i < chars.count, Self.specialKeywordLeads.contains(firstScalars[i]), scanSpecialKeyword() { return true }
        for (word, token) in Self.keywordsByFirst[firstScalars[i]] ?? [] where has(word, at: i) {
            // Single-kana particles inside an unknown word (子どもの居場所) belong to that word.
            if word.count == 1, !unknown.isEmpty, "のはをにでがへてねよも毎各目時分か他".contains(word) {
                return false
            }
            if word == "も", lastSignificant != .holiday {
                // 平日も不定期: "also", which says what follows is about those days.
                guard case .weekdays = lastSignificant, unknown.isEmpty else { return false }
                i += 1
                emit(.also)
                return true
            }
            i += word.count
            if let token {
                if token == .separator {
                    if tokens.last != .separator { emit(.separator) } else { flushUnknown() }
                } else {
                    emit(token)
                }
            } else {
                flushUnknown()
            }
            return true
        }
        return false
    }

    /// The keywords that need more than a lookup: what follows them decides their token.
    /// True when one was taken.
    private mutating func scanSpecialKeyword() -> Bool {
        // 最終, 最後の and 月末の decide between "last week" and "last day" by what follows.
        for word in ["最終週目", "最終週", "最終", "最後の", "最後"] where has(word, at: i) {
            i += word.count
            emit(.ordinals([-1]))
            return true
        }
        for word in ["毎月末日の", "毎月末の", "毎月末日", "毎月末", "月末日の", "月末日", "月末の", "月末"] where has(word, at: i) {
            let after = skipSpaces(i + word.count)
            i += word.count
            if after < chars.count, Self.weekdayChars[chars[after]] != nil {
                emit(.ordinals([-1]))
            } else {
                emit(.days([-1]))
            }
            return true
        }
        // 月2回, 週1回 say how often but not when; 年4回 means no fixed dates at all.
        for (lead, token) in [("月", ScheduleToken.perMonthCount), ("週", .daysPerWeek(0)), ("年", .noFixedDates)] where has(lead, at: i) {
            let start0 = i
            var p = skipSpaces(i + 1)
            if let (_, end) = readDigits(at: p) {
                p = end
                var several = false
                // 月1〜2回, 月1、2回: how many times is itself not fixed.
                while p < chars.count, "〜・、,".contains(chars[p]), let (_, end2) = readDigits(at: skipSpaces(p + 1)) {
                    p = end2
                    several = true
                }
                if has("回", at: p) || has("度", at: p) {
                    i = p + 1
                    var approximate = false
                    if has("程度", at: i) { i += 2; approximate = true }
                    if lead == "週", let (n, _) = readDigits(at: skipSpaces(lead.count + start0)) {
                        // 週1回（水曜日）: as many days a week as are named is every week.
                        emit(several || approximate ? .hint : .daysPerWeek(n))
                    } else {
                        emit(several && lead == "月" ? .alternative : token)
                    }
                    return true
                }
            }
            if lead == "週", let (n, end) = readDigits(at: skipSpaces(i + 1)), has("日", at: end), (1...7).contains(n) {
                i = end + 1
                emit(.daysPerWeek(n))
                return true
            }
            if lead == "週", has("不確定", at: p) || has("未定", at: p) || has("は未定", at: p) {
                i = p
                emit(.alternative)
                return true
            }
        }
        if has("月", at: i), unknown.isEmpty, tokens.last == nil || tokens.last == .separator,
           let width = has("月の", at: i) ? 2 : 1, let next = char(at: i + width), next == "第" || next == "最" {
            // 月の最終日曜日, 月第4木曜日: "of the month", as 毎月.
            i += width
            emit(.monthly)
            return true
        }
        for word in ["翌日曜日", "翌日曜"] where has(word, at: i) {
            // 第2土曜日と翌日曜日: the Sunday after, not the next day of the week named.
            i += word.count
            emit(.following)
            emit(.weekdays([.sunday]))
            return true
        }
        for word in ["の場合", "場合", "とき", "時は"] where has(word, at: i) {
            i += word.count
            emit(.condition)
            return true
        }
        for (word, days) in [("平日", [Weekday.monday, .tuesday, .wednesday, .thursday, .friday]), ("毎日", Weekday.allCases)] where has(word, at: i) {
            // Every week, however the builder closes what came before.
            i += word.count
            emit(.every)
            emit(.weekdays(days))
            return true
        }
        for word in ["土日祝日", "土・日・祝日", "土・日・祝", "土日・祝日", "土日祝"] where has(word, at: i) {
            i += word.count
            emit(.weekdays([.saturday, .sunday]))
            emit(.holiday)
            return true
        }
        return false
    }

    /// 午前, 夜 … alone: kept as a part of the day. 昼食 and 夜間 are words of their own, and
    /// 昼の部 is the name of a sitting (whose time follows), so both are left to the keywords.
    private mutating func scanPartOfDay() -> Bool {
        // Each word below starts with one of these; `has` would reject every one elsewhere.
        guard i < chars.count, Self.partOfDayLeads.contains(firstScalars[i]) else { return false }
        for (word, part) in [("午前中", PartOfDay.morning), ("午前", .morning), ("午後", .afternoon), ("夕方", .evening),
                             ("昼間", .noon), ("お昼", .noon), ("昼", .noon), ("夜間", .night), ("夜", .night), ("朝", .earlyMorning)]
        where has(word, at: i) {
            let next = char(at: i + word.count)
            if word.count == 1, let next, "食ご休の夜会".contains(next) { return false }
            if next == "の", has("部", at: i + word.count + 1) { return false }
            i += word.count
            emit(.part(part))
            return true
        }
        return false
    }

    private static let partOfDayLeads: Set<Unicode.Scalar> = ["午", "夕", "昼", "お", "夜", "朝"]

    // MARK: weekdays

    private mutating func scanWeekday() -> Bool {
        guard let c = peek(), let weekday = Self.weekdayChars[c] else { return false }
        let next = peek(1)
        // いちごの日, 今月: 日 and 月 right after other words are part of them, not weekdays.
        if weekday == .sunday || weekday == .monday, let last = unknown.last, last.isLetter, next != "曜" { return false }
        if weekday == .monday, next?.isASCIIDigit == true {
            // 月2, 月1、2回: a count per month, not Monday, unless a weekday is expected here
            // (毎週月 10:00〜) and a clock time follows.
            var expected = false
            if let last = lastSignificant {
                switch last {
                case .every, .interval, .ordinals, .weekdays: expected = true
                default: break
                }
            }
            guard expected, let (_, end) = readDigits(at: i + 1), has(":", at: end) || has("時", at: end) else { return false }
        }
        var isWeekday = next == "曜"
        if !isWeekday, let last = lastSignificant {
            switch last {
            case .every, .interval, .ordinals, .weekdays, .monthly: isWeekday = true
            default: break
            }
        }
        if !isWeekday {
            let boundary: Set<Character?> = [nil, " ", "・", "、", ",", "と", "〜", "/"]
            isWeekday = boundary.contains(next) || next.map { Self.weekdayChars[$0] != nil || $0.isASCIIDigit || $0 == "午" } ?? false
        }
        guard isWeekday else { return false }
        i += 1
        if has("曜日", at: i) { i += 2 } else if has("曜", at: i) { i += 1 }
        var days = [weekday]
        // 月〜金, 月曜から金曜まで
        let p = skipSpaces(i)
        for word in ["〜", "から"] where has(word, at: p) {
            let q = skipSpaces(p + word.count)
            if q < chars.count, let last = Self.weekdayChars[chars[q]], last != weekday {
                var r = q + 1
                if has("曜日", at: r) { r += 2 } else if has("曜", at: r) { r += 1 }
                if has("まで", at: skipSpaces(r)) { r = skipSpaces(r) + 2 }
                days = Weekday.allCases.filter { last > weekday ? ($0 >= weekday && $0 <= last) : ($0 >= weekday || $0 <= last) }
                i = r
                // 月〜金 is a span of every week, as opening hours are written.
                if lastSignificant != .every { emit(.every) }
            }
            break
        }
        if case .weekdays(let previous) = tokens.last, unknown.isEmpty {
            // 月水金 written without separators is one list.
            tokens[tokens.count - 1] = .weekdays(previous + days)
        } else {
            emit(.weekdays(days))
        }
        return true
    }

    // MARK: 第N

    private mutating func scanOrdinalForms() -> Bool {
        guard peek() == "第" else { return false }
        var p = i + 1
        var values: [Int] = []
        while true {
            p = skipSpaces(p)
            if p < chars.count, chars[p] == "第" { p += 1 }
            if let (value, end) = readDigits(at: p) {
                values.append(value)
                p = end
            } else if has("最終", at: p) {
                values.append(-1)
                p += 2
            } else {
                break
            }
            let q = skipSpaces(p)
            if q < chars.count, chars[q] == "〜", let low = values.last, (1...5).contains(low) {
                // 第1〜3, 第１～第３: every week from the first through the last.
                var r = skipSpaces(q + 1)
                if r < chars.count, chars[r] == "第" { r += 1 }
                if let (high, end) = readDigits(at: r), (1...5).contains(high), high > low {
                    values += Array((low + 1)...high)
                    p = end
                    let t = skipSpaces(p)
                    if t < chars.count, "・、,と".contains(chars[t]),
                       char(at: skipSpaces(t + 1))?.isASCIIDigit == true || char(at: skipSpaces(t + 1)) == "第" {
                        p = t + 1
                        continue
                    }
                    break
                }
            }
            if q < chars.count, "・、,と.".contains(chars[q]), q + 1 < chars.count,
               char(at: skipSpaces(q + 1))?.isASCIIDigit == true || char(at: skipSpaces(q + 1)) == "第" {
                p = q + 1
                continue
            }
            break
        }
        guard !values.isEmpty else { return false }
        if has("部", at: p) {
            // 第1部 10:00〜: the name of a sitting, whose time follows.
            flushUnknown()
            i = p + 1
            return true
        }
        if has("週目", at: p) { p += 2 } else if has("週", at: p) { p += 1 }
        if has("目", at: p) { p += 1 }
        if has("日", at: p), !has("曜", at: p + 1) {
            // 第2・4日: the 2nd and 4th Sunday, or the 2nd and 4th of the month?
            i = p + 1
            emit(.alternative)
            return true
        }
        guard values.allSatisfy({ (1...5).contains($0) || $0 == -1 }) else {
            // 第6火曜: the weekday belongs to the impossible week, not to a weekly rule.
            while p < chars.count, Self.weekdayChars[chars[p]] != nil || "曜・".contains(chars[p]) { p += 1 }
            if has("日", at: p) { p += 1 }
            unknown += String(chars[i..<p])
            i = p
            return true
        }
        i = p
        emit(.ordinals(values))
        return true
    }

    // MARK: numbers: times, dates, lists

    private mutating func scanClockWithoutDigits() -> Bool {
        guard has("正午", at: i) || has("午前", at: i) || has("午後", at: i) || has("朝", at: i) || has("夕", at: i) || has("夜", at: i)
                || has("AM", at: i) || has("PM", at: i) || has("am", at: i) || has("pm", at: i) else { return false }
        return scanTimeRange()
    }

    private mutating func scanNumberForms() -> Bool {
        guard let c = peek(), c.isASCIIDigit else { return false }
        if i > 0, chars[i - 1].isASCIIDigit { return false }
        if scanTimeRange() { return true }
        if scanDuration() { return true }
        if scanMonthDayOrRange() { return true }
        return scanNumberList()
    }

    /// 2時間, 90分: how long, not when.
    private mutating func scanDuration() -> Bool {
        guard let (_, end) = readDigits(at: i) else { return false }
        for unit in ["時間半", "時間", "分間", "分"] where has(unit, at: end) {
            flushUnknown()
            i = end + unit.count
            return true
        }
        return false
    }

    private struct Clock {
        var time: TimeOfDay?
        var end: Int
        var meridiem: Int?  // 0 = 午前, 1 = 午後
        var explicitHour: Bool
    }

    private func clock(at position: Int) -> Clock? {
        var p = skipSpaces(position)
        if has("正午", at: p) {
            return Clock(time: TimeOfDay(hour: 12), end: p + 2, meridiem: nil, explicitHour: true)
        }
        var meridiem: Int?
        for (word, value) in [("午前", 0), ("午後", 1), ("AM", 0), ("PM", 1), ("am", 0), ("pm", 1), ("a.m.", 0), ("p.m.", 1), ("朝", 0), ("夕方", 1), ("夜", 1), ("夕", 1)] where has(word, at: p) {
            meridiem = value
            p = skipSpaces(p + word.count)
            break
        }
        guard let (hour, afterHour) = readDigits(at: p), afterHour - p <= 2 else { return nil }
        p = afterHour
        var minute = 0
        if p < chars.count, chars[p] == ":" || chars[p] == "." && meridiem == nil && p + 2 < chars.count && chars[p + 1].isASCIIDigit && chars[p + 2].isASCIIDigit {
            guard let (m, afterMinute) = readDigits(at: p + 1), afterMinute - p - 1 == 2 else { return nil }
            minute = m
            p = afterMinute
        } else if has("時", at: p), !has("時間", at: p) {
            p += 1
            if has("半", at: p) {
                minute = 30
                p += 1
            } else if let (m, afterMinute) = readDigits(at: p), has("分", at: afterMinute) {
                minute = m
                p = afterMinute + 1
            }
        } else if meridiem == nil {
            return nil
        }
        for word in ["頃", "ごろ"] where has(word, at: p) { p += word.count }
        var h = hour
        if meridiem == 1, h < 12 { h += 12 }
        if meridiem == 0, h == 12 { h = 0 }
        return Clock(time: TimeOfDay(hour: h, minute: minute), end: p, meridiem: meridiem, explicitHour: true)
    }

    private mutating func scanTimeRange() -> Bool {
        var start = clock(at: i)
        if start == nil, let (hour, afterHour) = readDigits(at: i), afterHour - i <= 2 {
            // 10〜12時: the unit is written once, after the end.
            let p = skipSpaces(afterHour)
            if p < chars.count, chars[p] == "〜", let end = clock(at: p + 1), has("時", at: end.end - 1) || chars[end.end - 1] == "半" || chars[end.end - 1] == "分" {
                var h = hour
                if end.meridiem == 1, h < 12 { h += 12 }
                start = Clock(time: TimeOfDay(hour: h), end: afterHour, meridiem: end.meridiem, explicitHour: true)
            }
        }
        guard let start else { return false }
        let startText = String(chars[i..<start.end])
        guard var startTime = start.time else {
            unknown += startText
            i = start.end
            return true
        }
        var p = skipSpaces(start.end)
        var endTime: TimeOfDay?
        var endIndex = start.end
        var sawSeparator = false
        for word in ["〜", "から", "より"] where has(word, at: p) {
            p += word.count
            sawSeparator = true
            break
        }
        if sawSeparator {
            endIndex = p
            if let end = clock(at: p) {
                if var t = end.time {
                    if end.meridiem == nil, start.meridiem == 1, t.hour < 12, t <= startTime {
                        t = TimeOfDay(hour: t.hour + 12, minute: t.minute) ?? t
                    }
                    endTime = t
                    endIndex = end.end
                } else {
                    unknown += String(chars[i..<end.end])
                    i = end.end
                    return true
                }
                let q = skipSpaces(endIndex)
                if has("まで", at: q) { endIndex = q + 2 }
            }
        }
        // Salons do not meet at 1 a.m.: a bare 1時〜3時 is the afternoon.
        if start.meridiem == nil, (1...5).contains(startTime.hour) {
            startTime = TimeOfDay(hour: startTime.hour + 12, minute: startTime.minute)!
            if let e = endTime, e.hour < 12 { endTime = TimeOfDay(hour: e.hour + 12, minute: e.minute) }
        }
        if let e = endTime, e <= startTime {
            unknown += String(chars[i..<endIndex])
            i = endIndex
            return true
        }
        let after = skipSpaces(endIndex)
        if has("休憩", at: after) || has("は休憩", at: after) {
            // 11:30〜20:00（15〜17時休憩）: a break inside the hours, not a sitting.
            flushUnknown()
            i = after + (has("は休憩", at: after) ? 3 : 2)
            return true
        }
        i = endIndex
        emit(.time(startTime, endTime))
        return true
    }

    private func monthDay(at position: Int) -> (MonthDay?, Int)? {
        guard let (m, afterMonth) = readDigits(at: position), has("月", at: afterMonth),
              let (d, afterDay) = readDigits(at: afterMonth + 1), has("日", at: afterDay), !has("曜", at: afterDay + 1) else { return nil }
        return (MonthDay(month: m, day: d), afterDay + 1)
    }

    private mutating func scanMonthDayOrRange() -> Bool {
        guard let (first, afterFirst) = monthDay(at: i) else { return false }
        guard let from = first else {
            unknown += String(chars[i..<afterFirst])
            i = afterFirst
            return true
        }
        var p = skipSpaces(afterFirst)
        if let weekday = bracketedWeekday(at: p) {
            i = weekday.end
            lastOneOffMonth = from.month
            emit(.oneOffDate(from, weekday.day))
            return true
        }
        var through = from
        var end = afterFirst
        for word in ["〜", "から"] where has(word, at: p) {
            p = skipSpaces(p + word.count)
            if let (second, afterSecond) = monthDay(at: p), let second {
                through = second
                end = afterSecond
            } else if let (d, afterDay) = readDigits(at: p), has("日", at: afterDay), let second = MonthDay(month: from.month, day: d) {
                through = second
                end = afterDay + 1
            }
            let q = skipSpaces(end)
            if has("まで", at: q) { end = q + 2 }
            break
        }
        i = end
        emit(.dateRange(from, through))
        return true
    }

    /// 火 in 7月2日(火) (the brackets are spaces by now): a weekday written to check the date.
    private func bracketedWeekday(at position: Int) -> (day: Weekday, end: Int)? {
        guard let c = char(at: position), let day = Self.weekdayChars[c] else { return nil }
        var p = position + 1
        if has("曜日", at: p) { p += 2 } else if has("曜", at: p) { p += 1 }
        // 8月5日(月)午前10時, 11月7日(木)・28日(木) — but not 15日 月1回, where 月 starts a count.
        if let next = char(at: p), !" ・、,".contains(next), !has("午", at: p), !has("各", at: p) { return nil }
        if char(at: position - 1) != " " && p == position + 1 { return nil }
        // 土・日曜日の場合: a list of weekdays, not the weekday of a date.
        if char(at: p) == "・", let after = char(at: p + 1), Self.weekdayChars[after] != nil { return nil }
        return (day, p)
    }

    private mutating func scanNumberList() -> Bool {
        let start = i
        var p = i
        var items: [(Int, Int?)] = []
        while let (value, afterValue) = readDigits(at: p) {
            var upper: Int?
            var q = afterValue
            if q < chars.count, chars[q] == "〜", let (u, afterUpper) = readDigits(at: q + 1) {
                upper = u
                q = afterUpper
            }
            items.append((value, upper))
            p = q
            let s = skipSpaces(p)
            if s < chars.count, "・、,と".contains(chars[s]), char(at: skipSpaces(s + 1))?.isASCIIDigit == true {
                p = skipSpaces(s + 1)
                continue
            }
            break
        }
        guard !items.isEmpty else { return false }
        func expanded(_ range: ClosedRange<Int>, wrap: Int?) -> [Int] {
            var values: [Int] = []
            for (low, high) in items {
                guard let high else { values.append(low); continue }
                // Out-of-range ends are kept as they are, for the caller's range check to reject.
                if low <= high, high - low < 40 {
                    values += Array(low...high)
                } else if let wrap, low <= wrap, high >= 1 {
                    values += Array(low...wrap) + Array(1...high)
                } else {
                    values += [low, high]
                }
            }
            return values
        }
        let text = String(chars[i..<p])
        if items.count == 1, items[0].1 == nil, items[0].0 < 10, char(at: start - 1) == " ", char(at: p) == " ",
           let next = char(at: skipSpaces(p)), next.isASCIIDigit || next == "午" {
            // (1)17:00〜 (2)17:45〜: the number of a sitting (its brackets are spaces by now).
            flushUnknown()
            i = p
            return true
        }
        // Interval forms: 2週ごと, 2週間に1回.
        if items.count == 1, items[0].1 == nil {
            for unit in ["週間", "週"] where has(unit, at: p) {
                let q = p + unit.count
                for tail in ["ごと", "毎", "に1回", "に1度", "おき"] where has(tail, at: q) {
                    let n = tail == "おき" ? items[0].0 + 1 : items[0].0
                    i = q + tail.count
                    if (1...8).contains(n) { emit(.interval(n)) } else { unknown += text }
                    return true
                }
            }
            if has("のつく日", at: p) || has("の付く日", at: p) {
                let digit = items[0].0
                i = p + 4
                if (0...9).contains(digit) {
                    emit(.days(stride(from: digit == 0 ? 10 : digit, through: 31, by: 10).map { $0 }))
                } else {
                    unknown += text
                }
                return true
            }
        }
        if has("月", at: p), !has("曜", at: p + 1) {
            var values = expanded(1...12, wrap: 12)
            var end = p + 1
            // 4月〜9月
            let q = skipSpaces(end)
            if has("〜", at: q), let (upper, afterUpper) = readDigits(at: skipSpaces(q + 1)), has("月", at: afterUpper),
               !has("曜", at: afterUpper + 1), monthDay(at: skipSpaces(q + 1)) == nil, let low = values.last {
                if !(1...12).contains(low) || !(1...12).contains(upper) {
                    values.append(upper)
                } else if low <= upper {
                    values += Array(low...upper)
                } else {
                    values += Array(low...12) + Array(1...upper)
                }
                end = afterUpper + 1
            }
            i = end
            guard values.allSatisfy({ (1...12).contains($0) }) else { unknown += text; return true }
            if values.count == 1, items.count == 1 {
                for word in ["から開始", "より開始", "からスタート", "から", "より"] where has(word, at: skipSpaces(end)) {
                    // 7月から開始予定: the first month, which bounds the dates as 開始 does.
                    i = skipSpaces(end) + word.count
                    emit(.startsFromMonth(values[0]))
                    return true
                }
            }
            for word in ["より", "から", "開始", "スタート"] where has(word, at: skipSpaces(end)) {
                // 4月より: when the listing started, which belongs in the 開始 column.
                unknown += String(chars[start..<(skipSpaces(end) + word.count)])
                i = skipSpaces(end) + word.count
                return true
            }
            emit(.months(Array(Set(values)).sorted()))
            if has("は", at: end) {
                i = end + 1
                emit(.topic)
            }
            return true
        }
        if has("日", at: p), !has("曜", at: p + 1), items.count == 1, items[0].1 == nil, let month = lastOneOffMonth,
           case .oneOffDate = lastSignificant, let date = MonthDay(month: month, day: items[0].0),
           let weekday = bracketedWeekday(at: skipSpaces(p + 1)) {
            // 11月7日(木)・28日(木): the month carries over within a list of dates.
            i = weekday.end
            emit(.oneOffDate(date, weekday.day))
            return true
        }
        if has("日", at: p), !has("曜", at: p + 1), items.count == 1, items[0].1 == nil, (1...31).contains(items[0].0),
           lastSignificant != .monthly, char(at: p + 1) == " ", let weekday = bracketedWeekday(at: skipSpaces(p + 1)) {
            // 30日(月): one meeting this month, its weekday written to check it.
            i = weekday.end
            emit(.oneOffDay(items[0].0, weekday.day))
            return true
        }
        if has("日", at: p), !has("曜", at: p + 1) {
            let values = expanded(1...31, wrap: nil)
            i = p + 1
            if values.allSatisfy({ (1...31).contains($0) }) { emit(.days(values)) } else { unknown += text + "日" }
            return true
        }
        if has("週", at: p) {
            var end = p + 1
            if has("目", at: end) { end += 1 }
            let values = expanded(1...5, wrap: nil)
            i = end
            if values.allSatisfy({ (1...5).contains($0) }) { emit(.ordinals(values)) } else { unknown += text }
            return true
        }
        if has("回", at: p) || has("度", at: p) {
            i = p + 1
            emit(.hint)
            return true
        }
        if has("年", at: p), items.count == 1 {
            // A dated one-off (2025年8月13日) is not a recurring schedule.
            var q = p + 1
            var date: LocalDate?
            if let (month, afterMonth) = readDigits(at: q), has("月", at: afterMonth) {
                q = afterMonth + 1
                if let (day, afterDay) = readDigits(at: q), has("日", at: afterDay) {
                    q = afterDay + 1
                    date = LocalDate(year: items[0].0, month: month, day: day)
                }
            }
            if let date, date.year >= 2000 {
                // 2023年3月25日(土)から毎週土曜日: the first meeting, checked against its weekday.
                var r = skipSpaces(q)
                var weekdayMatches = true
                if let weekday = bracketedWeekday(at: r) {
                    weekdayMatches = weekday.day == date.weekday
                    r = skipSpaces(weekday.end)
                }
                for word in ["から", "より", "〜", "開始"] where has(word, at: r) && weekdayMatches {
                    i = r + word.count
                    emit(.startsFrom(date))
                    return true
                }
            }
            unknown += String(chars[start..<q])
            i = q
            return true
        }
        for unit in ["か月", "ヶ月", "ケ月", "カ月", "ヵ月", "箇月", "ヵ月", "ケ月"] where has(unit, at: p) {
            var q = p + unit.count
            for tail in ["に1回", "に1度", "ごと", "毎", "おき"] where has(tail, at: q) {
                q += tail.count
                let n = tail == "おき" ? items[0].0 + 1 : items[0].0
                i = q
                if items.count == 1, items[0].1 == nil, (2...12).contains(n) {
                    if has("程度", at: q) || has("位", at: q) || has("ぐらい", at: q) {
                        emit(.alternative)
                    } else {
                        emit(.everyMonths(n))
                    }
                } else {
                    unknown += String(chars[start..<q])
                }
                return true
            }
            i = q
            emit(.hint)
            return true
        }
        if has("部制", at: p) || has("部", at: p) && (has(" ", at: p + 1) || char(at: p + 1)?.isASCIIDigit == true || has("午", at: p + 1)) {
            // 2部制, 1部 10:00〜: sittings, each with its own time.
            flushUnknown()
            i = p + (has("部制", at: p) ? 2 : 1)
            return true
        }
        // 1・3土曜, or a continuation of 第1、3.
        let continuesOrdinals: Bool = {
            if case .ordinals = lastSignificant { return tokens.last == .separator }
            return false
        }()
        let s = skipSpaces(p)
        if continuesOrdinals || (s < chars.count && Self.weekdayChars[chars[s]] != nil && has("曜", at: s + 1)) {
            let values = expanded(1...5, wrap: nil)
            i = p
            if values.allSatisfy({ (1...5).contains($0) }) { emit(.ordinals(values)) } else { unknown += text }
            return true
        }
        unknown += text
        i = p
        return true
    }
}
