import XCTest
@testable import SasaeaiSchedule

final class DayCursorTests: XCTestCase {
    /// Stepping gives each day's date, weekday and month length as converting its day number
    /// does, over month and year ends and the leap-year rules of 2000 and 2100.
    func testSteppingAgreesWithDayNumbers() {
        let first = LocalDate(year: 1999, month: 12, day: 20)!.dayNumber
        let last = LocalDate(year: 2101, month: 3, day: 5)!.dayNumber
        var cursor = DayCursor(dayNumber: first)
        for number in first...last {
            let date = LocalDate(dayNumber: number)
            guard cursor.date == date, cursor.dayNumber == number, cursor.weekday == date.weekday.rawValue,
                  cursor.monthLength == LocalDate.daysIn(year: date.year, month: date.month) else {
                return XCTFail("at \(date): cursor says \(cursor.date), weekday \(cursor.weekday), \(cursor.monthLength) days")
            }
            cursor.advance()
        }
        XCTAssertEqual(DayCursor(LocalDate(year: 2100, month: 2, day: 1)!).monthLength, 28)
        XCTAssertEqual(DayCursor(LocalDate(year: 2000, month: 2, day: 1)!).monthLength, 29)
    }
}
