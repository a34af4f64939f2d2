import XCTest
@testable import SasaeaiSchedule

final class HolidayCalendarTests: XCTestCase {
    func testSameNamesAsJapaneseHolidaysInsideAndOutsideItsSpan() {
        // 2019–2021 hold the special laws' days; the span ends inside them so both ways are checked.
        let calendar = HolidayCalendar(from: LocalDate(year: 2019, month: 4, day: 1)!, through: LocalDate(year: 2020, month: 12, day: 31)!)
        let empty = HolidayCalendar()
        var day = LocalDate(year: 2018, month: 12, day: 1)!
        var named = 0
        while day <= LocalDate(year: 2022, month: 1, day: 31)! {
            let expected = JapaneseHolidays.name(of: day)
            XCTAssertEqual(calendar.name(of: day), expected, day.description)
            XCTAssertEqual(empty.name(ofDay: day.dayNumber), expected, day.description)
            if expected != nil { named += 1 }
            day = day.adding(days: 1)
        }
        XCTAssertGreaterThan(named, 50)
        XCTAssertEqual(calendar.name(of: LocalDate(year: 2019, month: 5, day: 1)!), "天皇の即位の日")
    }
}
