/// A day with its calendar facts at hand, stepped one day at a time. Expanding a schedule tests
/// every day of a window against each rule; converting each day number back to a date and its
/// weekday would cost more than the test itself.
struct DayCursor {
    private(set) var dayNumber: Int
    private(set) var year: Int
    private(set) var month: Int
    private(set) var day: Int
    /// `Weekday`'s raw value: 1 = Monday … 7 = Sunday.
    private(set) var weekday: Int
    private(set) var monthLength: Int

    init(_ date: LocalDate) {
        dayNumber = date.dayNumber
        year = date.year
        month = date.month
        day = date.day
        weekday = LocalDate.weekdayNumber(ofDay: dayNumber)
        monthLength = LocalDate.daysIn(year: year, month: month)
    }

    init(dayNumber: Int) { self.init(LocalDate(dayNumber: dayNumber)) }

    var date: LocalDate { LocalDate(unchecked: year, month, day) }

    mutating func advance() {
        dayNumber += 1
        weekday = weekday == 7 ? 1 : weekday + 1
        guard day == monthLength else { day += 1; return }
        day = 1
        if month == 12 {
            month = 1
            year += 1
        } else {
            month += 1
        }
        monthLength = LocalDate.daysIn(year: year, month: month)
    }
}
