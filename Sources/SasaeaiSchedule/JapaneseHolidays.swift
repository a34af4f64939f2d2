import Foundation

/// Japanese public holidays (国民の祝日に関する法律), computed so that future years need no edits.
/// Valid from 2007 (the current 振替休日 rule and 昭和の日) through 2099 (the equinox formula's range);
/// one-off changes by special laws are listed explicitly because no rule produces them.
public enum JapaneseHolidays {
    public static func name(of date: LocalDate) -> String? {
        if let named = nationalHoliday(date) { return named }
        // 振替休日: a holiday on Sunday moves the rest day to the next day that is not a holiday.
        var previous = date.adding(days: -1)
        while nationalHoliday(previous) != nil {
            if previous.weekday == .sunday { return "振替休日" }
            previous = previous.adding(days: -1)
        }
        // 国民の休日: a day squeezed between two holidays (weekday only; a Sunday is a rest day anyway).
        if date.weekday != .sunday,
           nationalHoliday(date.adding(days: -1)) != nil,
           nationalHoliday(date.adding(days: 1)) != nil {
            return "国民の休日"
        }
        return nil
    }

    public static func isHoliday(_ date: LocalDate) -> Bool { name(of: date) != nil }

    public static func holidays(in year: Int) -> [(LocalDate, String)] {
        guard let first = LocalDate(year: year, month: 1, day: 1) else { return [] }
        var result: [(LocalDate, String)] = []
        let days = LocalDate.isLeap(year) ? 366 : 365
        for offset in 0..<days {
            let date = first.adding(days: offset)
            if let name = name(of: date) { result.append((date, name)) }
        }
        return result
    }

    /// 春分日, by the formula the National Astronomical Observatory's tables follow for 1980–2099.
    public static func vernalEquinoxDay(_ year: Int) -> Int {
        let y = Double(year - 1980)
        return Int(20.8431 + 0.242194 * y) - (year - 1980) / 4
    }

    public static func autumnalEquinoxDay(_ year: Int) -> Int {
        let y = Double(year - 1980)
        return Int(23.2488 + 0.242194 * y) - (year - 1980) / 4
    }

    /// Days moved or added by special laws: the 2019 enthronement and the Tokyo Olympics.
    private static let oneOffs: [Int: String] = [
        2019_04_30: "国民の休日",
        2019_05_01: "天皇の即位の日",
        2019_05_02: "国民の休日",
        2019_10_22: "即位礼正殿の儀の行われる日",
        2020_07_23: "海の日",
        2020_07_24: "スポーツの日",
        2020_08_10: "山の日",
        2021_07_22: "海の日",
        2021_07_23: "スポーツの日",
        2021_08_08: "山の日",
    ]

    /// Years whose 海の日, スポーツの日 and 山の日 were moved by the Olympic special law.
    private static let olympicYears: Set<Int> = [2020, 2021]

    private static func nthMonday(_ n: Int, _ date: LocalDate) -> Bool {
        date.weekday == .monday && (date.day - 1) / 7 + 1 == n
    }

    /// 国民の祝日 proper, without 振替休日 and 国民の休日.
    static func nationalHoliday(_ date: LocalDate) -> String? {
        if let special = oneOffs[date.year * 10000 + date.month * 100 + date.day] { return special }
        let y = date.year, m = date.month, d = date.day
        let olympic = olympicYears.contains(y)
        switch (m, d) {
        case (1, 1): return "元日"
        case (2, 11): return "建国記念の日"
        case (2, 23) where y >= 2020: return "天皇誕生日"
        case (12, 23) where y <= 2018: return "天皇誕生日"
        case (4, 29): return y >= 2007 ? "昭和の日" : "みどりの日"
        case (5, 3): return "憲法記念日"
        case (5, 4) where y >= 2007: return "みどりの日"
        case (5, 5): return "こどもの日"
        case (8, 11) where y >= 2016 && !olympic: return "山の日"
        case (11, 3): return "文化の日"
        case (11, 23): return "勤労感謝の日"
        default: break
        }
        if m == 3, d == vernalEquinoxDay(y) { return "春分の日" }
        if m == 9, d == autumnalEquinoxDay(y) { return "秋分の日" }
        if m == 1, nthMonday(2, date) { return "成人の日" }
        if m == 7, !olympic, nthMonday(3, date) { return "海の日" }
        if m == 9, nthMonday(3, date) { return "敬老の日" }
        if m == 10, !olympic, nthMonday(2, date) { return y >= 2020 ? "スポーツの日" : "体育の日" }
        return nil
    }
}
