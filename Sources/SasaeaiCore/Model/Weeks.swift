import SasaeaiSchedule

/// The weeks the 「今週・来週」 page shows and the month grid's rows. Weeks begin on Monday, as
/// `Weekday` counts and the weekday pages list them.
enum Weeks {
    /// How many weeks from the as-of week the week page covers: this week and the next.
    static let shown = 2

    /// The Monday of the week `date` falls in.
    static func monday(of date: LocalDate) -> LocalDate { date.adding(days: -(date.weekday.rawValue - 1)) }

    /// Each shown week's seven days, the first holding `asOf`.
    static func days(asOf: LocalDate, weeks: Int = shown) -> [[LocalDate]] {
        let first = monday(of: asOf)
        return (0..<weeks).map { week in (0..<7).map { first.adding(days: week * 7 + $0) } }
    }

    /// The days before the month's first day in its first grid row (0 when it begins on a Monday).
    static func leadingBlanks(of month: YearMonth) -> Int { month.firstDay.weekday.rawValue - 1 }
}
