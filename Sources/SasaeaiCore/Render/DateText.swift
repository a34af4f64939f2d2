import Foundation
import SasaeaiSchedule

/// How dates and times read on a Japanese page.
enum DateText {
    static func time(_ t: TimeOfDay) -> String { t.text }

    static func span(_ start: TimeOfDay?, _ end: TimeOfDay?) -> String {
        switch (start, end) {
        case let (s?, e?): time(s) + "〜" + time(e)
        case let (s?, nil): time(s) + "〜"
        default: ""
        }
    }

    /// A meeting's time, or the part of the day (午前, 夜) when that is all the text says.
    static func span(_ meeting: Meeting) -> String {
        meeting.start == nil ? meeting.part?.rawValue ?? "" : span(meeting.start, meeting.end)
    }

    /// 2026年11月5日
    static func date(_ date: LocalDate) -> String { String(date.year) + "年" + String(date.month) + "月" + String(date.day) + "日" }

    /// 11月5日（水）
    static func day(_ date: LocalDate) -> String { String(date.month) + "月" + String(date.day) + "日（" + date.weekday.kanji + "）" }

    static func month(_ month: YearMonth) -> String { "\(month.year)年\(month.month)月" }
}
