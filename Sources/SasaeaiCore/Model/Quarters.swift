import SasaeaiSchedule

/// The council's quarters: what the calendars, the bulletin and the paper edition plan with.
/// Model, not Render: pages, the feed and the print edition all ask the same question.
enum Quarters {
    /// The quarter the as-of date falls in and the next one: what residents plan with. Quarters
    /// begin in the council's own issue months (`bulletin.months` in site.yml).
    static func months(for content: SiteContent) -> [YearMonth] {
        months(asOf: content.asOf, issueMonths: content.config.bulletinMonths)
    }

    static func months(asOf: LocalDate, issueMonths: [Int]) -> [YearMonth] {
        let first = start(of: asOf.yearMonth, issueMonths: issueMonths)
        return (0..<6).map { first.adding(months: $0) }
    }

    /// The latest issue month at or before `month`. Issue months need not be evenly spaced
    /// (a council may issue in [4, 7, 10, 1] or [4, 9, 12]); with none, every month starts one.
    static func start(of month: YearMonth, issueMonths: [Int]) -> YearMonth {
        let issues = Set(issueMonths)
        for back in 0..<12 {
            let candidate = month.adding(months: -back)
            if issues.contains(candidate.month) { return candidate }
        }
        return month
    }
}
