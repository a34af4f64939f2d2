/// The holidays of a span of days, worked out once and looked up by day number: expanding every
/// listing's schedule asks about the same few hundred days again and again. Days outside the
/// span are worked out when asked, so every answer is `JapaneseHolidays.name(of:)`'s.
public struct HolidayCalendar: Sendable {
    private let first: Int
    private let names: [String?]

    /// Knows no day ahead: every question is answered by `JapaneseHolidays` when asked.
    public init() {
        first = 0
        names = []
    }

    public init(from start: LocalDate, through end: LocalDate) {
        first = start.dayNumber
        names = start <= end ? (start.dayNumber...end.dayNumber).map { JapaneseHolidays.name(of: LocalDate(dayNumber: $0)) } : []
    }

    public func name(of date: LocalDate) -> String? { name(ofDay: date.dayNumber) }

    /// The holiday's name for a day number (days since 1970-01-01).
    public func name(ofDay number: Int) -> String? {
        let offset = number - first
        return names.indices.contains(offset) ? names[offset] : JapaneseHolidays.name(of: LocalDate(dayNumber: number))
    }

    func isHoliday(day number: Int) -> Bool { name(ofDay: number) != nil }
}
