import Foundation
import XCTest
@testable import SasaeaiInput

/// Issue 8 case 1: a stray `"` must never move a cell's value (least of all a private one)
/// into another cell; legitimate Excel quoting still reads.
final class StrayQuoteTests: XCTestCase {
    private let header = "ID,名称,地区,紹介,連絡先,_メモ\r\n"

    private func parse(_ text: String, _ delimiter: TableDelimiter = .comma) -> (Table, [Diagnostic]) {
        DelimitedTable.parse(text, delimiter: delimiter, file: "listings/salons.csv")
    }

    /// No returned cell holds text from two different cells of the file.
    private func assertNoMixing(_ table: Table, markers: [String], file: StaticString = #filePath, line: UInt = #line) {
        for row in table.rows {
            for cell in row.cells {
                let found = markers.filter { cell.value.contains($0) }
                XCTAssertLessThanOrEqual(found.count, 1, "cell \(cell.line):\(cell.column) mixes \(found)", file: file, line: line)
            }
            // A private marker only ever appears in the private column.
            for cell in row.cells where cell.column != 6 {
                XCTAssertFalse(cell.value.contains("非公開"), "private text in column \(cell.column): \(cell.value)", file: file, line: line)
            }
        }
    }

    /// The issue's case: one `"` at the start of a 紹介 cell and another two rows later.
    func testStrayQuoteAcrossRowsIsAnErrorAtTheOpeningQuote() {
        let csv = header +
            "s01,ひだまりサロン,中央,\"毎週水曜のお茶会です,0270-11-1111,直通 0270-22-3333（内線のため非公開）\r\n" +
            "s02,さくら体操,本町,ラジオ体操と脳トレ,0270-11-2222,鍵は自治会長宅で借りる（非公開）\r\n" +
            "s03,栄町こども食堂,栄町,月2回の食堂です\",0270-11-4444,冷蔵庫の暗証番号 4321（非公開）\r\n" +
            "s04,みなみ囲碁クラブ,南,初心者歓迎,0270-11-5555,\r\n"
        let (table, diagnostics) = parse(csv)
        let errors = diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.code), ["E007"])
        XCTAssertEqual(errors.first?.location, SourceLocation(file: "listings/salons.csv", line: 2, column: 4))
        XCTAssertEqual(errors.first?.description.hasPrefix("listings/salons.csv:2:4: error[E007]: この \" から 2 行先まで"), true, errors.first?.description ?? "")
        // Every row is its own row again, with the stray quotes as plain text.
        XCTAssertEqual(table.rows.map { $0.cells.first?.value }, ["s01", "s02", "s03", "s04"])
        XCTAssertEqual(table.rows[0].cells[3].value, "\"毎週水曜のお茶会です")
        XCTAssertEqual(table.rows[0].cells[5].value, "直通 0270-22-3333（内線のため非公開）")
        assertNoMixing(table, markers: ["0270-22-3333", "鍵は自治会長宅", "暗証番号"])
    }

    func testStrayQuoteClosingInTheSameColumnOfTheNextRow() {
        let csv = header +
            "s01,ひだまり,中央,\"お茶会,0270-1,自宅の鍵（非公開）\n" +
            "s02,さくら,本町,体操\",0270-2,\n"
        let (table, diagnostics) = parse(csv)
        XCTAssertEqual(diagnostics.map(\.code), ["E007"])
        XCTAssertEqual(table.rows.count, 2)
        assertNoMixing(table, markers: ["自宅の鍵"])
    }

    func testStrayQuoteClosingInAnEarlierColumnOfTheNextRow() {
        // Opens in 紹介 (4) of s01 and closes after the ID of s02: the record gets too many fields.
        let csv = header +
            "s01,ひだまり,中央,\"お茶会,0270-1,自宅の鍵（非公開）\n" +
            "s02\",さくら,本町,体操,0270-2,\n"
        let (table, diagnostics) = parse(csv)
        XCTAssertEqual(diagnostics.map(\.code), ["E007"])
        XCTAssertEqual(table.rows.map { $0.cells[0].value }, ["s01", "s02\""])
        assertNoMixing(table, markers: ["自宅の鍵"])
    }

    func testStrayQuoteFollowedByTextOnALaterLine() {
        let csv = header +
            "s01,ひだまり,中央,\"お茶会\n" +
            "s02,さくら,本町,\"体操\"です,0270-2,\n"
        let (_, diagnostics) = parse(csv)
        XCTAssertTrue(diagnostics.contains { $0.code == "E007" && $0.location.line == 2 && $0.location.column == 4 }, "\(diagnostics)")
    }

    func testQuotesInsideOneRowThatTakeInTheNextColumns() {
        // `"` before 紹介 and after the memo: Excel would have written six fields, not four.
        let csv = header + "s01,ひだまり,中央,\"お茶会,0270-1,自宅の鍵（非公開）\"\n"
        let (table, diagnostics) = parse(csv)
        XCTAssertEqual(diagnostics.map(\.code), ["E007"])
        XCTAssertTrue(diagnostics[0].message.contains("2 列少なく"), diagnostics[0].message)
        XCTAssertEqual(table.rows[0].cells.count, 6)
        XCTAssertEqual(table.rows[0].cells[5].value, "自宅の鍵（非公開）\"")
        assertNoMixing(table, markers: ["自宅の鍵"])
    }

    func testStrayQuoteInTSVSwallowingRows() {
        let tsv = "ID\t名称\t紹介\t非公開メモ\n" +
            "a\tサロンA\t\"お茶会\t合鍵は隣（非公開）\n" +
            "b\tサロンB\t体操\"\t持病あり（非公開）\n"
        let (table, diagnostics) = parse(tsv, .tab)
        XCTAssertEqual(diagnostics.map(\.code), ["E007"])
        XCTAssertEqual(table.rows.map { $0.cells.map(\.value) }, [
            ["a", "サロンA", "\"お茶会", "合鍵は隣（非公開）"],
            ["b", "サロンB", "体操\"", "持病あり（非公開）"],
        ])
    }

    // What Excel writes must keep reading without a diagnostic.

    func testExcelMultiLineCellsStillRead() {
        // As Excel's 「CSV UTF-8」 writes a 紹介 with Alt+Enter line breaks, a comma and quotes.
        let csv = header +
            "s01,ひだまりサロン,中央,\"毎週水曜 13:30〜\n持ち物: 上履き, タオル\n「\"\"お茶\"\"」つき\",0270-11-1111,\n" +
            "s02,さくら体操,本町,\"1行目\r\n2行目\",0270-11-2222,鍵は会長宅\r\n"
        let (table, diagnostics) = parse(csv)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(table.rows.count, 2)
        XCTAssertEqual(table.rows[0].cells[3].value, "毎週水曜 13:30〜\n持ち物: 上履き, タオル\n「\"お茶\"」つき")
        XCTAssertEqual(table.rows[1].cells[3].value, "1行目\n2行目")
        XCTAssertEqual(table.rows[1].line, 5)
    }

    func testMultiLineHeaderCellStillReads() {
        let (table, diagnostics) = parse("ID,\"開催\n日時\",名称\na,毎週水曜,サロン\n")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(table.header.map(\.value), ["ID", "開催\n日時", "名称"])
    }

    func testShortHandWrittenRowsWithoutQuotedSeparatorsAreFine() {
        let (table, diagnostics) = parse("ID,名称,備考\na,\"サロン\"\nb,\"x, y\",z\n")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(table.rows.map { $0.cells.map(\.value) }, [["a", "サロン"], ["b", "x, y", "z"]])
    }

    // Control characters (issue 8 case 7).

    func testControlCharactersAreRemovedWithOneWarningPerColumn() {
        let (table, diagnostics) = parse("ID\t名称\ta\tサ\u{0}ロン\u{1B}\nb\t\u{7F}B\u{85}\u{0}\n", .tab)
        XCTAssertEqual(table.header.map(\.value), ["ID", "名称", "a", "サロン"])
        XCTAssertEqual(table.rows[0].cells.map(\.value), ["b", "B"])
        XCTAssertEqual(diagnostics.map(\.code), ["W008", "W008"])
        XCTAssertEqual(diagnostics.map(\.location.line), [1, 2])
        XCTAssertEqual(diagnostics.map(\.location.column), [4, 2])
    }

    func testControlCharactersInsideQuotesAreRemovedTabsAndLineBreaksKept() {
        let (table, diagnostics) = parse("ID,備考\na,\"1\u{0}行目\r\n2\t行目\u{C}\"\n")
        XCTAssertEqual(table.rows[0].cells[1].value, "1行目\n2\t行目")
        XCTAssertEqual(diagnostics.map(\.code), ["W008"])
    }

    func testControlCharactersInFrontMatterAreRemovedAndWarned() {
        let (split, diagnostics) = FrontMatter.split("---\ntitle: お知\u{0}らせ\nname: ok\n---\n本文\n", file: "bulletins/x.md")
        XCTAssertEqual(split.yaml, "title: お知らせ\nname: ok")
        XCTAssertEqual(diagnostics.map(\.code), ["W008"])
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "bulletins/x.md", line: 2, column: 10))
    }
}

final class StrayQuoteScaleTests: XCTestCase {
    /// Every line opens a quote that the next line "closes": each is refused and re-read, and
    /// the re-reading stays linear (a record is re-read at most once per bad quote).
    func testManyStrayQuotesStayLinear() {
        let rows = 20_000
        let text = "ID,名称,_メモ\n" + String(repeating: "\"a,サロン,秘密\n", count: rows)
        let started = Date()
        let (table, diagnostics) = DelimitedTable.parse(text, delimiter: .comma, file: "q.csv")
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "debug build")
        XCTAssertEqual(table.rows.count, rows)
        XCTAssertEqual(table.rows.last?.cells.map(\.value), ["\"a", "サロン", "秘密"])
        XCTAssertEqual(Set(diagnostics.map(\.code)), ["E007", "E002"])
    }
}
