import Foundation
import XCTest
@testable import SasaeaiInput

final class DelimitedTableTests: XCTestCase {
    private func parse(_ text: String, _ delimiter: TableDelimiter = .tab) -> (Table, [Diagnostic]) {
        DelimitedTable.parse(text, delimiter: delimiter, file: "listings/t.tsv")
    }

    private func values(_ table: Table) -> [[String]] {
        [table.header.map(\.value)] + table.rows.map { $0.cells.map(\.value) }
    }

    func testPlainTSVWithEachLineEnd() {
        for end in ["\n", "\r\n", "\r"] {
            let (table, diagnostics) = parse("ID\t名称" + end + "a\tサロンA" + end + "b\tサロンB" + end)
            XCTAssertEqual(values(table), [["ID", "名称"], ["a", "サロンA"], ["b", "サロンB"]], "line end \(end.debugDescription)")
            XCTAssertEqual(table.rows.map(\.line), [2, 3])
            XCTAssertEqual(diagnostics, [])
        }
    }

    func testCellsCarryLineAndColumn() {
        let (table, _) = parse("ID\t名称\t地区\na\tサロン\t南\n")
        XCTAssertEqual(table.rows[0].cells, [
            TableCell(value: "a", line: 2, column: 1),
            TableCell(value: "サロン", line: 2, column: 2),
            TableCell(value: "南", line: 2, column: 3),
        ])
        XCTAssertEqual(table.header[2], TableCell(value: "地区", line: 1, column: 3))
    }

    func testExcelQuotingInCSV() {
        let csv = "ID,名称,備考\r\n" +
            "a,\"サロン, みなみ\",\"「\"\"ほっと\"\"」な場所\"\r\n" +
            "b,\"\",\"\"\"\"\r\n"
        let (table, diagnostics) = parse(csv, .comma)
        XCTAssertEqual(values(table), [["ID", "名称", "備考"], ["a", "サロン, みなみ", "「\"ほっと\"」な場所"], ["b", "", "\""]])
        XCTAssertEqual(diagnostics, [])
    }

    func testQuotedCellsWithLineBreaksKeepPhysicalLineNumbers() {
        // Row a's note spans lines 2–4 (CRLF inside the quotes); row b starts on line 5.
        let tsv = "ID\t備考\t地区\r\na\t\"一行目\r\n二行目\r\n三行目\"\t南\r\nb\t\"tab\there\"\t北\r\n"
        let (table, diagnostics) = parse(tsv)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(table.rows.count, 2)
        XCTAssertEqual(table.rows[0].line, 2)
        XCTAssertEqual(table.rows[0].cells[1], TableCell(value: "一行目\n二行目\n三行目", line: 2, column: 2))
        XCTAssertEqual(table.rows[0].cells[2], TableCell(value: "南", line: 4, column: 3))
        XCTAssertEqual(table.rows[1].line, 5)
        XCTAssertEqual(table.rows[1].cells[1].value, "tab\there")
    }

    func testBlankRowsAreSkippedButCountedAsLines() {
        let (table, _) = parse("\n\nID\t名称\n\na\tA\n\t\t\n  \t \nb\tB\n\n")
        XCTAssertEqual(table.header.first?.line, 3)
        XCTAssertEqual(values(table), [["ID", "名称"], ["a", "A"], ["b", "B"]])
        XCTAssertEqual(table.rows.map(\.line), [5, 8])
    }

    func testTrailingEmptyColumnsAreIgnored() {
        // Excel writes empty cells for every column that was ever touched.
        let (table, diagnostics) = parse("ID,名称,,,\r\na,A,,,\r\nb,,,,\r\n,,,,\r\n", .comma)
        XCTAssertEqual(values(table), [["ID", "名称"], ["a", "A"], ["b"]])
        XCTAssertEqual(diagnostics, [])
    }

    func testEmptyMiddleCellsAreKeptSoColumnsStayAligned() {
        let (table, _) = parse("ID\t名称\t地区\na\t\t南\n")
        XCTAssertEqual(table.rows[0].cells.map(\.column), [1, 2, 3])
        XCTAssertEqual(table.rows[0].cells[1].value, "")
    }

    func testWhitespaceAroundCellsIsTrimmedInnerNewlinesKept() {
        let (table, _) = parse("ID, 名称 ,備考\na,\u{3000}サロン\u{3000}, \" 一行目\n二行目 \" \n", .comma)
        XCTAssertEqual(table.header[1].value, "名称")
        XCTAssertEqual(table.rows[0].cells[1].value, "サロン")
        XCTAssertEqual(table.rows[0].cells[2].value, "一行目\n二行目")
    }

    func testQuoteInsideAnUnquotedCellIsLiteral() {
        let (table, diagnostics) = parse("ID\t名称\na\tサロン\"みなみ\"\n")
        XCTAssertEqual(table.rows[0].cells[1].value, "サロン\"みなみ\"")
        XCTAssertEqual(diagnostics, [])
    }

    func testUnterminatedQuoteIsReportedAndTheRestStillRead() {
        let (table, diagnostics) = parse("ID\t名称\ta\t\"サロン\nb\tB\n")
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["E002"])
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "listings/t.tsv", line: 1, column: 4))
        XCTAssertEqual(diagnostics.first?.severity, .error)
        // The stray quote is kept as text, and the next line is still its own row.
        XCTAssertEqual(values(table), [["ID", "名称", "a", "\"サロン"], ["b", "B"]])
        XCTAssertEqual(table.rows.first?.line, 2)
    }

    func testTextAfterClosingQuoteIsKeptAndWarned() {
        let (table, diagnostics) = parse("ID,名称\na,\"ほっと\"サロン\n", .comma)
        XCTAssertEqual(table.rows[0].cells[1].value, "ほっとサロン")
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["W006"])
        XCTAssertEqual(diagnostics.first?.severity, .warning)
        XCTAssertEqual(diagnostics.first?.location.line, 2)
        XCTAssertEqual(diagnostics.first?.location.column, 2)
    }

    func testDuplicateHeadersAreErrorsEvenWhenWrittenInAnotherWidth() {
        let (_, diagnostics) = parse("ID\t名称\t地区\t名 称\tＩＤ\n")
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["E003", "E003"])
        XCTAssertEqual(diagnostics.map(\.location.column), [4, 5])
        XCTAssertTrue(diagnostics[0].message.contains("2 列目"))
        XCTAssertTrue(diagnostics.allSatisfy { $0.severity == .error })
    }

    func testEmptyTable() {
        for (text, delimiter) in [("", .tab), ("\r\n\r\n", .tab), ("\t\t\n\t \n", .tab), (",,\r\n,\r\n", .comma), ("\u{FEFF}", .comma)] as [(String, TableDelimiter)] {
            let (table, diagnostics) = parse(text, delimiter)
            XCTAssertEqual(table.header, [])
            XCTAssertEqual(table.rows.count, 0)
            XCTAssertEqual(diagnostics.map(\.code.rawValue), ["W004"], text.debugDescription)
        }
    }

    func testHeaderOnlyIsNotEmpty() {
        let (table, diagnostics) = parse("ID\t名称\n")
        XCTAssertEqual(table.header.count, 2)
        XCTAssertEqual(diagnostics, [])
    }

    func testValuesUnderNoHeaderAreWarnedOncePerColumn() {
        let (table, diagnostics) = parse("ID\t\t名称\na\tx\tA\tz\nb\ty\tB\tw\n")
        XCTAssertEqual(table.rows[0].cells.count, 4)
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["W005", "W005"])
        XCTAssertEqual(diagnostics.map(\.location.column), [2, 4])
        XCTAssertEqual(diagnostics.map(\.location.line), [2, 2])
    }

    func testCSVThatIsReallyTabSeparatedIsSniffed() {
        // Excel's 「Unicode テキスト」 saved under a .csv name; a comma inside a value is not a separator.
        let (table, diagnostics) = parse("ID\t名称\t備考\na\tサロン\t午前, 午後\n", .comma)
        XCTAssertEqual(values(table), [["ID", "名称", "備考"], ["a", "サロン", "午前, 午後"]])
        XCTAssertEqual(diagnostics, [])
    }

    func testTSVThatIsReallyCommaSeparatedIsSniffed() {
        let (table, _) = parse("\n\"ID\",名称,地区\na,サロン,南\n", .tab)
        XCTAssertEqual(values(table), [["ID", "名称", "地区"], ["a", "サロン", "南"]])
    }

    func testSniffingIgnoresDelimitersInsideQuotedHeaders() {
        let (table, _) = parse("\"a,b,c\"\tID\n1\t2\n", .comma)
        XCTAssertEqual(table.header.map(\.value), ["a,b,c", "ID"])
    }

    func testBOMInTheTextIsDropped() {
        let (table, _) = parse("\u{FEFF}ID\t名称\n")
        XCTAssertEqual(table.header.first?.value, "ID")
    }

    func testLastRowWithoutLineEnd() {
        let (table, _) = parse("ID\t名称\na\tA")
        XCTAssertEqual(values(table), [["ID", "名称"], ["a", "A"]])
    }

    func testDiagnosticsAreSortedByLine() {
        let (_, diagnostics) = parse("ID\tID\na\t\"x\"y\n\"b")
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["E003", "W006", "E002"])
        XCTAssertEqual(diagnostics, diagnostics.sorted())
    }
}

final class DelimitedTableScaleTests: XCTestCase {
    /// A prefecture's export: the reader must stay linear, including with many quoted cells.
    func testLargeTableWithQuotedCells() {
        var text = "ID,名称,備考\r\n"
        let rows = 20_000
        for i in 0..<rows { text += "id\(i),\"サロン \"\"\(i)\"\"\",\"一行目\r\n二行目\"\r\n" }
        let started = Date()
        let (table, diagnostics) = DelimitedTable.parse(text, delimiter: .comma, file: "big.csv")
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(table.rows.count, rows)
        XCTAssertEqual(table.rows.last?.line, 2 + 2 * (rows - 1))
        XCTAssertEqual(table.rows.last?.cells[1].value, "サロン \"\(rows - 1)\"")
        XCTAssertEqual(diagnostics, [])
        XCTAssertLessThan(elapsed, 20, "debug build; seconds for \(rows) rows")
        print("parsed \(rows) rows in \(elapsed)s")
    }

    /// A quote that never closes is known at once, not by scanning to the end of the file, and
    /// everything after it is still read as rows.
    func testUnterminatedQuoteEarlyInALargeFile() {
        let text = "ID\tA\n\"start\tB\n" + String(repeating: "x\t\"\"\"\"y\n", count: 20_000)
        let started = Date()
        let (table, diagnostics) = DelimitedTable.parse(text, delimiter: .tab, file: "q.tsv")
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
        XCTAssertEqual(table.rows.count, 20_001)
        XCTAssertEqual(table.rows.first?.cells.map(\.value), ["\"start", "B"])
        XCTAssertEqual(table.rows.last?.cells.map(\.value), ["x", "\"y"])
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["E002"] + Array(repeating: "W006", count: 20_000))
    }
}
