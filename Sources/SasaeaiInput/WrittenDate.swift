import Foundation
import SasaeaiSchedule

/// A date as people write it: a day, a month, or a fiscal year (平成28年度 = April–March).
///
/// A bare year (2024, 令和6年, H28) is read as its January, the first month it covers: since and
/// until compare correctly, though the month is not something the writer said.
public enum WrittenDate: Sendable, Hashable {
    case day(LocalDate)
    case month(YearMonth)
    case fiscalYear(Int)             // the Gregorian year the fiscal year starts in

    /// The first day it covers, for ordering and comparing since/until.
    public var start: LocalDate {
        switch self {
        case .day(let date): date
        case .month(let month): month.firstDay
        case .fiscalYear(let year): YearMonth(year: year, month: 4)!.firstDay
        }
    }

    /// Canonical form for output: 2024-04-01, 2024-04, FY2016 is written 2016-04.
    public var iso: String {
        switch self {
        case .day(let date): date.description
        case .month(let month): month.description
        case .fiscalYear(let year): YearMonth(year: year, month: 4)!.description
        }
    }
}

public enum WrittenDateError: Error, Sendable, Hashable {
    case unreadable                  // not a date form we know
    case impossible                  // looks like a date but does not exist (2024年2月30日, 令和0年)
}
