import Foundation
import SasaeaiSchedule

/// How a numeric cell is shown, judged from its number format as Excel would display it:
/// dates and times are stored as serial numbers and only the format says which they are.
enum ExcelValueKind: Sendable, Equatable {
    case number, date, time, dateTime
}

enum ExcelNumberFormat {
    /// Built-in format ids (ECMA-376 Part 1 §18.8.30, plus the ids Japanese Excel assigns to its
    /// 和暦 and 年月日 formats, 27–36 and 50–58) that show a date or time.
    static func kind(builtIn id: Int) -> ExcelValueKind? {
        switch id {
        case 14...17, 27...31, 34...36, 50...58: return .date
        case 18...21, 32, 33, 45...47: return .time
        case 22: return .dateTime
        default: return nil
        }
    }

    /// A custom format's kind: date parts (y, d, g/e for 和暦, or m meaning month) and time parts
    /// (h, s, or m meaning minutes: right after h or right before s) outside quoted text,
    /// escapes and `[…]` sections (colours, locales; `[h]` and `[mm]` are elapsed time).
    static func kind(code: String) -> ExcelValueKind {
        // Only the first section (positive numbers) decides: dates are never negative.
        let section = code.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        var letters: [Character] = []
        var inQuote = false, inBracket = false, escaped = false
        var bracket = ""
        for character in section.lowercased() {
            if escaped { escaped = false; continue }
            if inQuote { if character == "\"" { inQuote = false }; continue }
            if inBracket {
                if character != "]" { bracket.append(character); continue }
                inBracket = false
                if !bracket.isEmpty && bracket.allSatisfy({ "hms".contains($0) }) { letters.append("h") }
                bracket = ""
                continue
            }
            switch character {
            case "\\", "_", "*": escaped = true
            case "\"": inQuote = true
            case "[": inBracket = true
            case "y", "m", "d", "h", "s", "g", "e": letters.append(character)
            default: break
            }
        }
        var date = false, time = false
        for (i, letter) in letters.enumerated() {
            switch letter {
            case "y", "d", "g", "e": date = true
            case "h", "s": time = true
            case "m":
                let previous = letters[..<i].last { $0 != "m" }
                let next = letters[(i + 1)...].first { $0 != "m" }
                if previous == "h" || next == "s" { time = true } else { date = true }
            default: break
            }
        }
        switch (date, time) {
        case (true, true): return .dateTime
        case (true, false): return .date
        case (false, true): return .time
        default: return .number
        }
    }

    /// Days since the epoch Excel counts from, with its 1900 leap-year bug: serial 60 is the
    /// 29 February 1900 that never was, so serials before it are one day later than a plain
    /// count from 1899-12-30 gives.
    static func text(serial: Double, kind: ExcelValueKind, date1904: Bool) -> String {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return number(serial) }
        var whole = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(whole)) * 86_400).rounded())
        if seconds >= 86_400 { whole += 1; seconds -= 86_400 }
        let clock: String = {
            let h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60
            return s == 0 ? String(format: "%d:%02d", h, m) : String(format: "%d:%02d:%02d", h, m, s)
        }()
        if kind == .time { return whole == 0 ? clock : String(format: "%d:%02d", whole * 24 + seconds / 3600, seconds / 60 % 60) }
        let day: String
        if date1904 {
            day = civil(daysFromEpoch: whole + 1462 - 25569)
        } else if whole == 60 {
            day = "1900-02-29"
        } else if whole == 0 {
            day = "1900-01-00"
        } else {
            day = civil(daysFromEpoch: whole - (whole < 60 ? 25568 : 25569))
        }
        return kind == .date && seconds == 0 ? day : day + " " + clock
    }

    /// A number as Excel shows it in a General cell: at most 15 significant digits.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.15g", value)
        if text.contains("e") { return text }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// Days since 1970-01-01 to `YYYY-MM-DD`, by the schedule module's calendar arithmetic.
    private static func civil(daysFromEpoch days: Int) -> String {
        LocalDate(dayNumber: days).description
    }
}
