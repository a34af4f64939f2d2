import SasaeaiSchedule
import XCTest
@testable import SasaeaiInput

final class JapaneseDateParserTests: XCTestCase {
    private func day(_ y: Int, _ m: Int, _ d: Int) -> Result<WrittenDate, WrittenDateError> {
        .success(.day(LocalDate(year: y, month: m, day: d)!))
    }

    private func month(_ y: Int, _ m: Int) -> Result<WrittenDate, WrittenDateError> {
        .success(.month(YearMonth(year: y, month: m)!))
    }

    private func check(_ cases: [(String, Result<WrittenDate, WrittenDateError>)], file: StaticString = #filePath, line: UInt = #line) {
        for (text, expected) in cases {
            XCTAssertEqual(JapaneseDateParser.parse(text), expected, text, file: file, line: line)
        }
    }

    func testGregorianDays() {
        check([
            ("2024-04-01", day(2024, 4, 1)), ("2024-4-1", day(2024, 4, 1)), ("2024/4/1", day(2024, 4, 1)),
            ("2024.4.1", day(2024, 4, 1)), ("2024年4月1日", day(2024, 4, 1)), ("２０２４年４月１日", day(2024, 4, 1)),
            ("２０２４／０４／０１", day(2024, 4, 1)), (" 2024 年 4 月 1 日 ", day(2024, 4, 1)),
            ("20240401", day(2024, 4, 1)), ("2024年4月1日(月)", day(2024, 4, 1)), ("2024/4/1（月曜日）", day(2024, 4, 1)),
            ("2024/4/1 0:00", day(2024, 4, 1)), ("2024/4/1 10:30:00", day(2024, 4, 1)), ("2024年4月1日(月) 10:00", day(2024, 4, 1)),
            ("２０２４／４／１　１０：３０", day(2024, 4, 1)),
        ])
    }

    func testGregorianMonthsYearsAndFiscalYears() {
        check([
            ("2024年4月", month(2024, 4)), ("2024-04", month(2024, 4)), ("2024/04", month(2024, 4)),
            ("2024.4", month(2024, 4)), ("2024年", .success(.year(2024))), ("2024", .success(.year(2024))),
            ("2024年度", .success(.fiscalYear(2024))), ("２０２４年度", .success(.fiscalYear(2024))),
        ])
    }

    func testEras() {
        check([
            ("令和6年4月1日", day(2024, 4, 1)), ("令和元年5月", month(2019, 5)), ("令和6年", .success(.year(2024))),
            ("令和６年４月", month(2024, 4)), ("R6.4.1", day(2024, 4, 1)), ("R6.4", month(2024, 4)), ("r6.4", month(2024, 4)),
            ("Ｒ６．４．１", day(2024, 4, 1)), ("H28.10", month(2016, 10)), ("H28", .success(.year(2016))),
            ("平成28年度", .success(.fiscalYear(2016))), ("H28年度", .success(.fiscalYear(2016))),
            ("令和元年度", .success(.fiscalYear(2019))), ("昭和64年1月7日", day(1989, 1, 7)),
            ("S50.3.3", day(1975, 3, 3)), ("平成元年1月8日", day(1989, 1, 8)), ("㍻31年4月30日", day(2019, 4, 30)),
            ("平成31年4月30日", day(2019, 4, 30)), ("大正元年8月", month(1912, 8)), ("明治45年", .success(.year(1912))),
        ])
    }

    func testKanjiNumerals() {
        check([
            ("令和六年四月一日", day(2024, 4, 1)), ("令和六年十一月三十日", day(2024, 11, 30)), ("二〇二四年四月", month(2024, 4)),
            ("平成二十八年度", .success(.fiscalYear(2016))), ("令和元年十月二十日", day(2019, 10, 20)), ("令和六年十月十日", day(2024, 10, 10)),
            ("令和六年二月三十日", .failure(.impossible)),
            ("令和六年一十月", .failure(.unreadable)), ("令和六年十十月", .failure(.unreadable)), ("令和六年四月三十〇日", .failure(.unreadable)),
        ])
    }

    func testEraBoundaries() {
        check([
            // Forms printed before the change kept the old era for a while: accepted.
            ("平成31年5月1日", day(2019, 5, 1)), ("平成32年", .success(.year(2020))), ("昭和64年1月8日", day(1989, 1, 8)),
            // Before an era began there was no such date.
            ("令和元年4月30日", .failure(.impossible)), ("令和元年4月", .failure(.impossible)),
            ("平成元年1月7日", .failure(.impossible)), ("R1.4.30", .failure(.impossible)),
            ("令和0年", .failure(.impossible)), ("令和0年4月", .failure(.impossible)),
            ("昭和100年", .failure(.impossible)), ("平成33年", .failure(.impossible)),
        ])
    }

    func testImpossibleDates() {
        check([
            ("2024年2月30日", .failure(.impossible)), ("2023-02-29", .failure(.impossible)),
            ("2024年13月", .failure(.impossible)), ("2024-13", .failure(.impossible)), ("2024/4/31", .failure(.impossible)),
            ("2024年0月", .failure(.impossible)), ("2024-04-00", .failure(.impossible)), ("令和6年2月30日", .failure(.impossible)),
            ("2024年4月1日(火)", .failure(.impossible)), ("20241301", .failure(.impossible)),
        ])
        check([("2024-02-29", day(2024, 2, 29)), ("2000-02-29", day(2000, 2, 29))])
        XCTAssertEqual(JapaneseDateParser.parse("1900-02-29"), .failure(.impossible))
    }

    func testUnreadable() {
        for text in ["", "未定", "4月1日", "24/4/1", "2024-4/1", "2024年4月1", "2024-04-01T10:00", "令和", "R", "元年",
                     "2024年4月1日から", "R6.4.1.2", "Q6.4", "2024年(月)", "12345", "令和6年4月1日 (月) x", "2024.4.1日",
                     "2024/4 10:00", "2024/4/1 25:00", "2024/4/1 10:60", "2024/4/1 10:00 (月)", "2024/4/1 1:2", "(月)2024/4/1",
                     "2024/4/1(月", "2024/4/1(祝)"] {
            XCTAssertEqual(JapaneseDateParser.parse(text), .failure(.unreadable), text)
        }
    }

    func testStartAndISO() {
        XCTAssertEqual(WrittenDate.fiscalYear(2016).start, LocalDate(year: 2016, month: 4, day: 1))
        XCTAssertEqual(WrittenDate.fiscalYear(2016).iso, "2016-04")
        XCTAssertEqual(WrittenDate.month(YearMonth(year: 2024, month: 4)!).start, LocalDate(year: 2024, month: 4, day: 1))
        XCTAssertEqual(WrittenDate.month(YearMonth(year: 2024, month: 4)!).iso, "2024-04")
        XCTAssertEqual(WrittenDate.day(LocalDate(year: 2024, month: 4, day: 1)!).iso, "2024-04-01")
        XCTAssertEqual(WrittenDate.day(LocalDate(year: 2024, month: 4, day: 1)!).start, LocalDate(year: 2024, month: 4, day: 1))
    }
}
