import Foundation
import SasaeaiSchedule

/// A date as people write it: a day, a month, a year (2024, 令和6年, H28) or a fiscal year
/// (平成28年度 = April–March). Only what the writer said is kept, so pages never show a month
/// nobody wrote.
public enum WrittenDate: Sendable, Hashable {
    case day(LocalDate)
    case month(YearMonth)
    case year(Int)
    case fiscalYear(Int)             // the Gregorian year the fiscal year starts in

    /// The first day it covers, for ordering and comparing since/until.
    public var start: LocalDate {
        switch self {
        case .day(let date): date
        case .month(let month): month.firstDay
        case .year(let year): YearMonth(year: year, month: 1)!.firstDay
        case .fiscalYear(let year): YearMonth(year: year, month: 4)!.firstDay
        }
    }

    /// Canonical form for output: 2024-04-01, 2024-04, FY2016 is written 2016-04.
    public var iso: String {
        switch self {
        case .day(let date): date.description
        case .month(let month): month.description
        case .year(let year): zeroPadded(year, width: 4)
        case .fiscalYear(let year): YearMonth(year: year, month: 4)!.description
        }
    }
}

public enum WrittenDateError: Error, Sendable, Hashable {
    case unreadable                  // not a date form we know
    case impossible                  // looks like a date but does not exist (2024年2月30日, 令和0年)
}
