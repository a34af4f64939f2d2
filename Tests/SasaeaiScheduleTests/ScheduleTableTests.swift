import XCTest
@testable import SasaeaiSchedule

/// Schedule texts the way salons, 子ども食堂 and 通いの場 write them in 広報 and 情報誌, each
/// with the rules it must give and the dates those rules give in one month.
/// Calendar reminders: 2025-11-01 is a Saturday (holidays 3 文化の日, 23 勤労感謝の日, 24 振替休日);
/// 2026-05-01 is a Friday (3, 4, 5 祝日, 6 振替休日); 2026-01-01 is a Thursday (1, 12 祝日).
final class ScheduleTableTests: XCTestCase {
    struct Case {
        let text: String
        let rrules: [String]
        let month: String
        let days: [Int]
        var since: String? = nil
        /// `10:00-12:00` or `10:00-` for the first meeting of the month.
        var time: String? = nil
        var kind: ScheduleKind = .structured
        var warns = false
        var line: UInt = #line
    }

    static let cases: [Case] = [
        // SPEC 4, as written there
        Case(text: "毎週水曜 13:30〜15:30", rrules: ["FREQ=WEEKLY;BYDAY=WE"], month: "2025-11", days: [5, 12, 19, 26], time: "13:30-15:30"),
        Case(text: "毎週月・木曜日 10時〜12時", rrules: ["FREQ=WEEKLY;BYDAY=MO,TH"], month: "2025-11", days: [3, 6, 10, 13, 17, 20, 24, 27], time: "10:00-12:00"),
        Case(text: "毎週火曜日 午前10時から正午まで", rrules: ["FREQ=WEEKLY;BYDAY=TU"], month: "2025-11", days: [4, 11, 18, 25], time: "10:00-12:00"),
        Case(text: "第2・第4火曜日 10:00-12:00", rrules: ["FREQ=MONTHLY;BYDAY=2TU,4TU"], month: "2025-11", days: [11, 25], time: "10:00-12:00"),
        Case(text: "毎月第１土曜　１３：３０～１５：３０", rrules: ["FREQ=MONTHLY;BYDAY=1SA"], month: "2025-11", days: [1], time: "13:30-15:30"),
        Case(text: "毎月15日 10:00〜", rrules: ["FREQ=MONTHLY;BYMONTHDAY=15"], month: "2025-11", days: [15], time: "10:00-"),
        Case(text: "毎月1日・15日", rrules: ["FREQ=MONTHLY;BYMONTHDAY=1,15"], month: "2025-11", days: [1, 15]),
        Case(text: "最終金曜", rrules: ["FREQ=MONTHLY;BYDAY=-1FR"], month: "2025-11", days: [28]),
        Case(text: "奇数月の第2日曜", rrules: ["FREQ=MONTHLY;BYDAY=2SU;BYMONTH=1,3,5,7,9,11"], month: "2025-11", days: [9]),
        Case(text: "隔週木曜", rrules: ["FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"], month: "2025-11", days: [13, 27], since: "2025-04-03"),
        Case(text: "第1水曜 10:00〜12:00／第3水曜 13:00〜15:00", rrules: ["FREQ=MONTHLY;BYDAY=1WE", "FREQ=MONTHLY;BYDAY=3WE"], month: "2025-11", days: [5, 19], time: "10:00-12:00"),
        Case(text: "毎週水曜 13:30〜15:30（祝日は休み）", rrules: ["FREQ=WEEKLY;BYDAY=WE"], month: "2026-05", days: [13, 20, 27]),
        Case(text: "毎週月曜 祝日の場合は翌日", rrules: ["FREQ=WEEKLY;BYDAY=MO"], month: "2025-11", days: [4, 10, 17, 25]),
        Case(text: "第2・第4火曜日 10:00〜12:00、8月は休み", rrules: ["FREQ=MONTHLY;BYDAY=2TU,4TU"], month: "2025-08", days: []),
        Case(text: "毎週金曜日 12月29日〜1月3日は休み", rrules: ["FREQ=WEEKLY;BYDAY=FR"], month: "2026-01", days: [9, 16, 23, 30]),
        Case(text: "不定期", rrules: [], month: "2025-11", days: [], kind: .noFixedDates),
        Case(text: "要問合せ", rrules: [], month: "2025-11", days: [], kind: .noFixedDates),
        Case(text: "年4回", rrules: [], month: "2025-11", days: [], kind: .noFixedDates),
        // Numbers in every width and script
        Case(text: "毎週火・金", rrules: ["FREQ=WEEKLY;BYDAY=TU,FR"], month: "2025-11", days: [4, 7, 11, 14, 18, 21, 25, 28]),
        Case(text: "第２・４火曜", rrules: ["FREQ=MONTHLY;BYDAY=2TU,4TU"], month: "2025-11", days: [11, 25]),
        Case(text: "第二火曜日", rrules: ["FREQ=MONTHLY;BYDAY=2TU"], month: "2025-11", days: [11]),
        Case(text: "毎月第四金曜日", rrules: ["FREQ=MONTHLY;BYDAY=4FR"], month: "2025-11", days: [28]),
        Case(text: "毎月十五日 午後一時半から", rrules: ["FREQ=MONTHLY;BYMONTHDAY=15"], month: "2025-11", days: [15], time: "13:30-"),
        Case(text: "第２・第４水曜日　午後１時３０分～３時３０分", rrules: ["FREQ=MONTHLY;BYDAY=2WE,4WE"], month: "2025-11", days: [12, 26], time: "13:30-15:30"),
        Case(text: "毎月第２・第４木曜日 １０：００～１２：００", rrules: ["FREQ=MONTHLY;BYDAY=2TH,4TH"], month: "2025-11", days: [13, 27], time: "10:00-12:00"),
        Case(text: "毎月１日（１月は休み）", rrules: ["FREQ=MONTHLY;BYMONTHDAY=1"], month: "2026-01", days: []),
        Case(text: "第３日曜日 9:30～11:30", rrules: ["FREQ=MONTHLY;BYDAY=3SU"], month: "2025-11", days: [16], time: "9:30-11:30"),
        Case(text: "毎月第３水曜日 10時～11時30分", rrules: ["FREQ=MONTHLY;BYDAY=3WE"], month: "2025-11", days: [19], time: "10:00-11:30"),
        // Times
        Case(text: "毎週火曜日 10時半〜12時", rrules: ["FREQ=WEEKLY;BYDAY=TU"], month: "2025-11", days: [4, 11, 18, 25], time: "10:30-12:00"),
        Case(text: "毎週木曜 午後1時30分〜3時30分", rrules: ["FREQ=WEEKLY;BYDAY=TH"], month: "2025-11", days: [6, 13, 20, 27], time: "13:30-15:30"),
        Case(text: "毎週土曜 10:00〜", rrules: ["FREQ=WEEKLY;BYDAY=SA"], month: "2025-11", days: [1, 8, 15, 22, 29], time: "10:00-"),
        Case(text: "第1・3月曜日 13:30~15:30", rrules: ["FREQ=MONTHLY;BYDAY=1MO,3MO"], month: "2025-11", days: [3, 17], time: "13:30-15:30"),
        Case(text: "第3土曜日 午前10時〜午後3時", rrules: ["FREQ=MONTHLY;BYDAY=3SA"], month: "2025-11", days: [15], time: "10:00-15:00"),
        Case(text: "毎月10日・20日 午前10時〜11時半", rrules: ["FREQ=MONTHLY;BYMONTHDAY=10,20"], month: "2025-11", days: [10, 20], time: "10:00-11:30"),
        Case(text: "毎週月曜日 9時30分〜11時30分", rrules: ["FREQ=WEEKLY;BYDAY=MO"], month: "2025-11", days: [3, 10, 17, 24], time: "9:30-11:30"),
        Case(text: "毎週水曜日10時〜15時", rrules: ["FREQ=WEEKLY;BYDAY=WE"], month: "2025-11", days: [5, 12, 19, 26], time: "10:00-15:00"),
        Case(text: "毎週（水）13:30～15:30", rrules: ["FREQ=WEEKLY;BYDAY=WE"], month: "2025-11", days: [5, 12, 19, 26], time: "13:30-15:30"),
        Case(text: "毎週 火曜日・木曜日 AM10:00～PM3:00", rrules: ["FREQ=WEEKLY;BYDAY=TU,TH"], month: "2025-11", days: [4, 6, 11, 13, 18, 20, 25, 27], time: "10:00-15:00"),
        // A weekday without 毎週 does not say every week (the real-schedule corpus reads 月曜日13:30~ so):
        // weekday pages only.
        Case(text: "土・日曜日 10〜12時", rrules: [], month: "2025-11", days: [], kind: .weekdayOnly, warns: true),
        Case(text: "毎週月水金 朝6時半から", rrules: ["FREQ=WEEKLY;BYDAY=MO,WE,FR"], month: "2025-11", days: [3, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28], time: "6:30-"),
        Case(text: "毎週金曜日 夕方5時〜7時", rrules: ["FREQ=WEEKLY;BYDAY=FR"], month: "2025-11", days: [7, 14, 21, 28], time: "17:00-19:00"),
        Case(text: "第2土曜 1時〜3時", rrules: ["FREQ=MONTHLY;BYDAY=2SA"], month: "2025-11", days: [8], time: "13:00-15:00"),
        Case(text: "毎週水曜日 午後", rrules: ["FREQ=WEEKLY;BYDAY=WE"], month: "2025-11", days: [5, 12, 19, 26]),
        Case(text: "毎月第2日曜日 10:00ー12:00", rrules: ["FREQ=MONTHLY;BYDAY=2SU"], month: "2025-11", days: [9], time: "10:00-12:00"),
        Case(text: "毎週木曜日 10：00－11：30", rrules: ["FREQ=WEEKLY;BYDAY=TH"], month: "2025-11", days: [6, 13, 20, 27], time: "10:00-11:30"),
        // Weekday lists and ranges
        Case(text: "毎週火曜日・金曜日 10:00〜15:00", rrules: ["FREQ=WEEKLY;BYDAY=TU,FR"], month: "2025-11", days: [4, 7, 11, 14, 18, 21, 25, 28]),
        Case(text: "毎週火曜と金曜 10:00-15:00", rrules: ["FREQ=WEEKLY;BYDAY=TU,FR"], month: "2025-11", days: [4, 7, 11, 14, 18, 21, 25, 28]),
        Case(text: "毎週 月曜〜金曜 9:00〜17:00", rrules: ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"], month: "2026-01", days: [1, 2, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 19, 20, 21, 22, 23, 26, 27, 28, 29, 30]),
        Case(text: "平日 10時〜16時（祝日は休み）", rrules: ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"], month: "2026-01", days: [2, 5, 6, 7, 8, 9, 13, 14, 15, 16, 19, 20, 21, 22, 23, 26, 27, 28, 29, 30]),
        Case(text: "毎週土日 10:00〜12:00", rrules: ["FREQ=WEEKLY;BYDAY=SA,SU"], month: "2025-11", days: [1, 2, 8, 9, 15, 16, 22, 23, 29, 30]),
        Case(text: "月曜日 10:00〜12:00", rrules: [], month: "2025-11", days: [], kind: .weekdayOnly, warns: true),
        Case(text: "水曜日", rrules: [], month: "2025-11", days: [], kind: .weekdayOnly, warns: true),
        Case(text: "毎週月～金 11:30～13:30", rrules: ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"], month: "2025-11", days: [3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 17, 18, 19, 20, 21, 24, 25, 26, 27, 28]),
        // Weeks of the month
        Case(text: "第1・第3・第5水曜日", rrules: ["FREQ=MONTHLY;BYDAY=1WE,3WE,5WE"], month: "2025-11", days: [5, 19]),
        Case(text: "第5木曜日", rrules: ["FREQ=MONTHLY;BYDAY=5TH"], month: "2026-01", days: [29]),
        Case(text: "毎月最終土曜日 13時から", rrules: ["FREQ=MONTHLY;BYDAY=-1SA"], month: "2025-11", days: [29], time: "13:00-"),
        Case(text: "毎月2回 第1・第3木曜", rrules: ["FREQ=MONTHLY;BYDAY=1TH,3TH"], month: "2025-11", days: [6, 20]),
        Case(text: "月2回（第2・4金曜日）13:30〜", rrules: ["FREQ=MONTHLY;BYDAY=2FR,4FR"], month: "2025-11", days: [14, 28], time: "13:30-"),
        Case(text: "毎月第2・第4土曜日 11時〜14時", rrules: ["FREQ=MONTHLY;BYDAY=2SA,4SA"], month: "2025-11", days: [8, 22], time: "11:00-14:00"),
        Case(text: "毎月2・4週目の火曜日", rrules: ["FREQ=MONTHLY;BYDAY=2TU,4TU"], month: "2025-11", days: [11, 25]),
        Case(text: "第1・第3週の水曜日", rrules: ["FREQ=MONTHLY;BYDAY=1WE,3WE"], month: "2025-11", days: [5, 19]),
        Case(text: "火曜日（第2・第4）10:00〜11:30", rrules: ["FREQ=MONTHLY;BYDAY=2TU,4TU"], month: "2025-11", days: [11, 25], time: "10:00-11:30"),
        Case(text: "第1月曜日・第3木曜日 10:00〜", rrules: ["FREQ=MONTHLY;BYDAY=1MO,3TH"], month: "2025-11", days: [3, 20]),
        Case(text: "毎月 第1・第3 月・木曜日", rrules: ["FREQ=MONTHLY;BYDAY=1MO,1TH,3MO,3TH"], month: "2025-11", days: [3, 6, 17, 20]),
        Case(text: "最終週の金曜日 18:00〜20:00", rrules: ["FREQ=MONTHLY;BYDAY=-1FR"], month: "2026-01", days: [30], time: "18:00-20:00"),
        Case(text: "月末の日曜日", rrules: ["FREQ=MONTHLY;BYDAY=-1SU"], month: "2025-11", days: [30]),
        Case(text: "毎月第1、第3火曜日", rrules: ["FREQ=MONTHLY;BYDAY=1TU,3TU"], month: "2025-11", days: [4, 18]),
        Case(text: "第2・最終水曜日", rrules: ["FREQ=MONTHLY;BYDAY=2WE,-1WE"], month: "2025-11", days: [12, 26]),
        // Days of the month
        Case(text: "毎月25日", rrules: ["FREQ=MONTHLY;BYMONTHDAY=25"], month: "2025-11", days: [25]),
        Case(text: "毎月末日 10:00〜12:00", rrules: ["FREQ=MONTHLY;BYMONTHDAY=-1"], month: "2025-11", days: [30], time: "10:00-12:00"),
        Case(text: "毎月5日・15日・25日", rrules: ["FREQ=MONTHLY;BYMONTHDAY=5,15,25"], month: "2025-11", days: [5, 15, 25]),
        Case(text: "毎月5のつく日", rrules: ["FREQ=MONTHLY;BYMONTHDAY=5,15,25"], month: "2025-11", days: [5, 15, 25]),
        Case(text: "毎月1・15日 9時〜", rrules: ["FREQ=MONTHLY;BYMONTHDAY=1,15"], month: "2025-11", days: [1, 15], time: "9:00-"),
        // Months
        Case(text: "4月・10月の第1日曜", rrules: ["FREQ=MONTHLY;BYDAY=1SU;BYMONTH=4,10"], month: "2025-10", days: [5]),
        Case(text: "偶数月の第3金曜日 10:00〜11:30", rrules: ["FREQ=MONTHLY;BYDAY=3FR;BYMONTH=2,4,6,8,10,12"], month: "2025-10", days: [17]),
        Case(text: "4月〜9月の毎週火曜日 9:00〜10:00", rrules: ["FREQ=WEEKLY;BYDAY=TU;BYMONTH=4,5,6,7,8,9"], month: "2025-09", days: [2, 9, 16, 23, 30]),
        Case(text: "第2日曜日 10:00〜12:00（奇数月）", rrules: ["FREQ=MONTHLY;BYDAY=2SU;BYMONTH=1,3,5,7,9,11"], month: "2025-10", days: []),
        // Several rules
        Case(text: "第2水曜日 13:30〜15:30／第4水曜日 10:00〜12:00", rrules: ["FREQ=MONTHLY;BYDAY=2WE", "FREQ=MONTHLY;BYDAY=4WE"], month: "2025-11", days: [12, 26], time: "13:30-15:30"),
        Case(text: "第1火曜 10:00〜12:00、第3金曜 13:00〜15:00", rrules: ["FREQ=MONTHLY;BYDAY=1TU", "FREQ=MONTHLY;BYDAY=3FR"], month: "2025-11", days: [4, 21], time: "10:00-12:00"),
        Case(text: "毎週水曜 10:00〜12:00、13:00〜15:00", rrules: ["FREQ=WEEKLY;BYDAY=WE", "FREQ=WEEKLY;BYDAY=WE"], month: "2025-11", days: [5, 5, 12, 12, 19, 19, 26, 26]),
        Case(text: "毎週水曜日\n第3土曜日 10:00〜12:00", rrules: ["FREQ=WEEKLY;BYDAY=WE", "FREQ=MONTHLY;BYDAY=3SA"], month: "2025-11", days: [5, 12, 15, 19, 26]),
        Case(text: "毎週月曜 10:00〜11:30; 毎週木曜 14:00〜15:30", rrules: ["FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=TH"], month: "2025-11", days: [3, 6, 10, 13, 17, 20, 24, 27], time: "10:00-11:30"),
        Case(text: "毎週水曜日と第2土曜日", rrules: ["FREQ=WEEKLY;BYDAY=WE", "FREQ=MONTHLY;BYDAY=2SA"], month: "2025-11", days: [5, 8, 12, 19, 26]),
        Case(text: "第2火曜日 10:00-12:00 / 第4火曜日 13:30-15:30", rrules: ["FREQ=MONTHLY;BYDAY=2TU", "FREQ=MONTHLY;BYDAY=4TU"], month: "2025-11", days: [11, 25]),
        Case(text: "第1土曜／第3土曜", rrules: ["FREQ=MONTHLY;BYDAY=1SA,3SA"], month: "2025-11", days: [1, 15]),
        Case(text: "毎週火曜 10:00〜12:00、金曜 13:00〜15:00", rrules: ["FREQ=WEEKLY;BYDAY=TU", "FREQ=WEEKLY;BYDAY=FR"], month: "2025-11", days: [4, 7, 11, 14, 18, 21, 25, 28]),
        // 隔週
        // Without 開始 the weeks are a guess: weekday pages only (issue 12).
        Case(text: "隔週水曜日 10:00〜12:00", rrules: [], month: "2025-11", days: [], kind: .weekdayOnly, warns: true),
        Case(text: "隔週土曜日", rrules: ["FREQ=WEEKLY;INTERVAL=2;BYDAY=SA"], month: "2025-11", days: [8, 22], since: "2025-11-08"),
        Case(text: "2週間に1回 木曜日", rrules: ["FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"], month: "2025-11", days: [6, 20], since: "2025-11-06"),
        Case(text: "隔週の火曜日 13:30〜", rrules: ["FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"], month: "2025-11", days: [11, 25], since: "2024-04-01"),
        // Holidays and closures
        Case(text: "毎週水曜日（祝日を除く）", rrules: ["FREQ=WEEKLY;BYDAY=WE"], month: "2026-05", days: [13, 20, 27]),
        Case(text: "第1・第3火曜日（祝日の場合は翌日）", rrules: ["FREQ=MONTHLY;BYDAY=1TU,3TU"], month: "2026-05", days: [7, 19]),
        Case(text: "毎週月曜日（祝日の場合は前日）", rrules: ["FREQ=WEEKLY;BYDAY=MO"], month: "2025-11", days: [2, 10, 17, 22]),
        Case(text: "毎月第2水曜日 10:00～11:30 8月・12月は休み", rrules: ["FREQ=MONTHLY;BYDAY=2WE"], month: "2025-12", days: []),
        Case(text: "毎月第3日曜日 ※8月は休み", rrules: ["FREQ=MONTHLY;BYDAY=3SU"], month: "2025-11", days: [16]),
        Case(text: "毎週火曜日（年末年始は休み）", rrules: ["FREQ=WEEKLY;BYDAY=TU"], month: "2025-12", days: [2, 9, 16, 23]),
        Case(text: "毎週木曜日 お盆・年末年始はお休み", rrules: ["FREQ=WEEKLY;BYDAY=TH"], month: "2025-08", days: [7, 21, 28]),
        Case(text: "毎週水曜日 ただし7月〜8月は休み", rrules: ["FREQ=WEEKLY;BYDAY=WE"], month: "2025-08", days: []),
        Case(text: "毎週火曜 12/29〜1/3は休み", rrules: ["FREQ=WEEKLY;BYDAY=TU"], month: "2025-12", days: [2, 9, 16, 23]),
        Case(text: "毎週金曜日 16時〜19時 ※祝日は休み", rrules: ["FREQ=WEEKLY;BYDAY=FR"], month: "2026-01", days: [2, 9, 16, 23, 30]),
        Case(text: "毎月第1水曜日 13:30-15:00 ※1月・8月は休み", rrules: ["FREQ=MONTHLY;BYDAY=1WE"], month: "2026-01", days: []),
        Case(text: "毎週火曜日 10:00-11:30 祝日も開催", rrules: ["FREQ=WEEKLY;BYDAY=TU"], month: "2026-05", days: [5, 12, 19, 26]),
        Case(text: "毎週木曜日 10:00〜11:30（第5木曜は休み）", rrules: ["FREQ=MONTHLY;BYDAY=1TH,2TH,3TH,4TH"], month: "2026-01", days: [1, 8, 15, 22]),
        Case(text: "毎週水曜日（第2水曜を除く）", rrules: ["FREQ=MONTHLY;BYDAY=1WE,3WE,4WE,5WE"], month: "2025-11", days: [5, 19, 26]),
        Case(text: "毎週火・金 10:00〜 第5週は休み", rrules: ["FREQ=MONTHLY;BYDAY=1TU,1FR,2TU,2FR,3TU,3FR,4TU,4FR"], month: "2025-12", days: [2, 5, 9, 12, 16, 19, 23, 26]),
        Case(text: "毎週木曜 第1木曜と祝日は休み", rrules: ["FREQ=MONTHLY;BYDAY=2TH,3TH,4TH,5TH"], month: "2025-11", days: [13, 20, 27]),
        Case(text: "毎週火曜日 13:30～15:30（第5週・祝日は休み）", rrules: ["FREQ=MONTHLY;BYDAY=1TU,2TU,3TU,4TU"], month: "2025-12", days: [2, 9, 16, 23]),
        Case(text: "毎週水曜 最終水曜は休み", rrules: ["FREQ=MONTHLY;BYDAY=WE;BYSETPOS=-2,-3,-4,-5"], month: "2025-11", days: [5, 12, 19]),
        Case(text: "毎月 第3土曜日 10:00~13:00（12月は第2土曜日）", rrules: ["FREQ=MONTHLY;BYDAY=3SA;BYMONTH=1,2,3,4,5,6,7,8,9,10,11", "FREQ=MONTHLY;BYDAY=2SA;BYMONTH=12"], month: "2025-12", days: [13], time: "10:00-13:00"),
        // 2025-05-10 is a Saturday.
        Case(text: "毎月10日（土日の場合は翌月曜日）", rrules: ["FREQ=MONTHLY;BYMONTHDAY=10"], month: "2025-05", days: [12]),
        // 2026-01-12 is a holiday, so this salon meets on the 19th: dating the 12th would be wrong.
        Case(text: "毎月第2月曜日（祝日の場合は第3月曜日）", rrules: [], month: "2026-01", days: [], kind: .notUnderstood, warns: true),
        Case(text: "木曜日(月2回)", rrules: [], month: "2025-11", days: [], kind: .weekdayOnly, warns: true),
        Case(text: "毎週月曜日～金曜日 10時～16時（土日祝休み）", rrules: ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"], month: "2026-01", days: [2, 5, 6, 7, 8, 9, 13, 14, 15, 16, 19, 20, 21, 22, 23, 26, 27, 28, 29, 30]),
        Case(text: "毎週火曜 10:00〜12:00 年末年始（12/28〜1/4）は休み", rrules: ["FREQ=WEEKLY;BYDAY=TU"], month: "2025-12", days: [2, 9, 16, 23]),
        // The start belongs in 開始; every Wednesday before April 2025 would be a guess.
        Case(text: "令和7年4月より毎週水曜日", rrules: [], month: "2025-11", days: [], kind: .notUnderstood, warns: true),
        Case(text: "４月～３月の第２火曜日", rrules: ["FREQ=MONTHLY;BYDAY=2TU"], month: "2025-11", days: [11]),
        Case(text: "第2木曜日 10時～14時（昼食あり）", rrules: ["FREQ=MONTHLY;BYDAY=2TH"], month: "2025-11", days: [13], warns: true),
        Case(text: "8月・12月は休み", rrules: [], month: "2025-11", days: [], kind: .notUnderstood, warns: true),
        Case(text: "毎週月曜日 10時〜 祝日と重なる場合はお休み", rrules: ["FREQ=WEEKLY;BYDAY=MO"], month: "2025-11", days: [10, 17]),
        Case(text: "毎月1日 1月1日は休み", rrules: ["FREQ=MONTHLY;BYMONTHDAY=1"], month: "2026-01", days: []),
        // Extra words around a readable schedule
        Case(text: "毎週土曜日 17:00〜19:00（子ども食堂）", rrules: ["FREQ=WEEKLY;BYDAY=SA"], month: "2025-11", days: [1, 8, 15, 22, 29], warns: true),
        Case(text: "毎月第1金曜日 11:30〜13:00 ランチ会", rrules: ["FREQ=MONTHLY;BYDAY=1FR"], month: "2025-11", days: [7], warns: true),
        Case(text: "毎週水曜日 10時頃〜12時頃（要予約）", rrules: ["FREQ=WEEKLY;BYDAY=WE"], month: "2025-11", days: [5, 12, 19, 26], time: "10:00-12:00"),
        Case(text: "開催日時：毎月第3木曜日 午前10時～11時30分", rrules: ["FREQ=MONTHLY;BYDAY=3TH"], month: "2025-11", days: [20], time: "10:00-11:30"),
        Case(text: "原則 毎週金曜日 10:00〜12:00 （雨天中止）", rrules: ["FREQ=WEEKLY;BYDAY=FR"], month: "2025-11", days: [7, 14, 21, 28]),
        // No fixed dates
        Case(text: "随時", rrules: [], month: "2025-11", days: [], kind: .noFixedDates),
        Case(text: "不定期（LINEでお知らせ）", rrules: [], month: "2025-11", days: [], kind: .noFixedDates),
        Case(text: "年6回程度", rrules: [], month: "2025-11", days: [], kind: .noFixedDates),
        Case(text: "月1回（日程は要問合せ）", rrules: [], month: "2025-11", days: [], kind: .noFixedDates),
        Case(text: "要予約・不定期", rrules: [], month: "2025-11", days: [], kind: .noFixedDates),
        Case(text: "要問い合わせ", rrules: [], month: "2025-11", days: [], kind: .noFixedDates),
        Case(text: "月2回", rrules: [], month: "2025-11", days: [], kind: .noFixedDates),
        Case(text: "応相談", rrules: [], month: "2025-11", days: [], kind: .noFixedDates),
        // Not understood: a warning, never a crash
        Case(text: "みんなで決めます", rrules: [], month: "2025-11", days: [], kind: .notUnderstood, warns: true),
        Case(text: "第6火曜", rrules: [], month: "2025-11", days: [], kind: .notUnderstood, warns: true),
        Case(text: "毎週 25:00〜26:00", rrules: [], month: "2025-11", days: [], kind: .notUnderstood, warns: true),
    ]

    func testTable() throws {
        XCTAssertGreaterThanOrEqual(Self.cases.count, 80)
        for c in Self.cases {
            let since = c.since.flatMap { LocalDate(iso: $0) }
            let result = ScheduleParser.parse(c.text, since: since)
            let schedule = result.schedule
            let context = "「\(c.text)」 warnings: \(result.warnings)"
            XCTAssertEqual(schedule.kind, c.kind, context, line: c.line)
            XCTAssertEqual(schedule.text, c.text, line: c.line)
            XCTAssertEqual(schedule.rules.map(\.rrule), c.rrules, context, line: c.line)
            let month = try XCTUnwrap(YearMonth(iso: c.month))
            let meetings = schedule.meetings(in: month)
            XCTAssertEqual(meetings.map(\.date.day), c.days, context, line: c.line)
            XCTAssertTrue(meetings.allSatisfy { $0.date.yearMonth == month }, line: c.line)
            if let time = c.time, let first = meetings.first {
                let text = (first.start?.text ?? "") + "-" + (first.end?.text ?? "")
                XCTAssertEqual(text, time, context, line: c.line)
            } else if c.time != nil {
                XCTFail("no meeting to check the time of: \(context)", line: c.line)
            }
            if c.warns {
                XCTAssertFalse(result.warnings.isEmpty, context, line: c.line)
            } else {
                XCTAssertEqual(result.warnings, [], context, line: c.line)
            }
            for warning in result.warnings {
                XCTAssertTrue(warning.contains("「"), "warnings quote the text: \(warning)", line: c.line)
            }
        }
    }
}
