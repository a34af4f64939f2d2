import XCTest
@testable import SasaeaiSchedule

final class LocalDateTests: XCTestCase {
    /// `YYYY-MM-DD` written byte by byte reads back as the same date, for every day of four centuries.
    func testDescriptionIsTheISOFormThatParsesBack() {
        let first = LocalDate(year: 1900, month: 1, day: 1)!.dayNumber
        for number in stride(from: first, through: first + 146_097, by: 1) {
            let date = LocalDate(dayNumber: number)
            let text = date.description
            guard text.utf8.count == 10, LocalDate(iso: text) == date else { return XCTFail("\(text) for \(date.year)/\(date.month)/\(date.day)") }
        }
        XCTAssertEqual(LocalDate(year: 2026, month: 3, day: 5)!.description, "2026-03-05")
        XCTAssertEqual(LocalDate(year: 987, month: 12, day: 31)!.description, "0987-12-31")
        XCTAssertEqual(LocalDate(year: 12345, month: 1, day: 9)!.description, "12345-01-09")
    }

    func testTimesAndWeekdaysAsPrinted() {
        XCTAssertEqual(TimeOfDay(hour: 9, minute: 5)!.text, "9:05")
        XCTAssertEqual(TimeOfDay(hour: 13, minute: 30)!.text, "13:30")
        XCTAssertEqual(TimeOfDay(hour: 0)!.text, "0:00")
        XCTAssertEqual(Weekday.allCases.map(\.kanji).joined(), "月火水木金土日")
        XCTAssertEqual(zeroPadded(7, width: 2), "07")
        XCTAssertEqual(zeroPadded(2026, width: 2), "2026")
    }
}
