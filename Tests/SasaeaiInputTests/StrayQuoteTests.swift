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
        XCTAssertEqual(errors.map(\.code.rawValue), ["E007"])
        XCTAssertEqual(errors.first?.location, SourceLocation(file: "listings/salons.csv", line: 2, column: 4))
        XCTAssertEqual(errors.first?.description.hasPrefix("listings/salons.csv:2:4: error[E007]: この \" から 2 行先まで"), true, errors.first?.description ?? "")
        // Reading stops at the broken row: nothing from it or after it is returned.
        XCTAssertEqual(table.rows.count, 0)
        XCTAssertEqual(table.header.count, 6)
    }

    func testStrayQuoteClosingInTheSameColumnOfTheNextRow() {
        let csv = header +
            "s01,ひだまり,中央,\"お茶会,0270-1,自宅の鍵（非公開）\n" +
            "s02,さくら,本町,体操\",0270-2,\n"
        let (table, diagnostics) = parse(csv)
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["E007"])
        XCTAssertEqual(table.rows.count, 0)
    }

    func testStrayQuoteClosingInAnEarlierColumnOfTheNextRow() {
        // Opens in 紹介 (4) of s01 and closes after the ID of s02: the record gets too many fields.
        let csv = header +
            "s00,かがやき,北,体操,0270-0,\n" +
            "s01,ひだまり,中央,\"お茶会,0270-1,自宅の鍵（非公開）\n" +
            "s02\",さくら,本町,体操,0270-2,\n"
        let (table, diagnostics) = parse(csv)
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["E007"])
        XCTAssertEqual(diagnostics.first?.location.line, 3)
        // The whole rows before the broken one are still read, so `check` can report on them.
        XCTAssertEqual(table.rows.map { $0.cells[0].value }, ["s00"])
        assertNoMixing(table, markers: ["自宅の鍵"])
    }

    func testStrayQuoteFollowedByTextOnALaterLine() {
        let csv = header +
            "s01,ひだまり,中央,\"お茶会\n" +
            "s02,さくら,本町,\"体操\"です,0270-2,\n"
        let (_, diagnostics) = parse(csv)
        XCTAssertTrue(diagnostics.contains { $0.code.rawValue == "E007" && $0.location.line == 2 && $0.location.column == 4 }, "\(diagnostics)")
    }

    func testQuotesInsideOneRowThatTakeInTheNextColumns() {
        // `"` before 紹介 and after the memo: Excel would have written six fields, not four.
        let csv = header + "s01,ひだまり,中央,\"お茶会,0270-1,自宅の鍵（非公開）\"\n"
        let (table, diagnostics) = parse(csv)
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["E007"])
        XCTAssertTrue(diagnostics[0].message.contains("2 列少なく"), diagnostics[0].message)
        XCTAssertEqual(table.rows.count, 0)
    }

    func testStrayQuoteInTSVSwallowingRows() {
        let tsv = "ID\t名称\t紹介\t非公開メモ\n" +
            "a\tサロンA\t\"お茶会\t合鍵は隣（非公開）\n" +
            "b\tサロンB\t体操\"\t持病あり（非公開）\n"
        let (table, diagnostics) = parse(tsv, .tab)
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["E007"])
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "listings/salons.csv", line: 2, column: 3))
        XCTAssertEqual(table.rows.count, 0)
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

    func testStrayQuoteInTheHeaderRefusesTheTableWithoutCallingItEmpty() {
        let (table, diagnostics) = parse("ID,\"名称,地区\na,b,c\nd,e\",f\n")
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["E007"])
        XCTAssertEqual(table.header, [])
        XCTAssertEqual(table.rows.count, 0)
    }

    /// Found by fuzz/privacy.swift: a broken multi-line row whose pieces, re-read line by
    /// line, put the private value under a public header. Reading must stop instead.
    func testPiecesOfABrokenRowAreNotReadAsRows() {
        let text = "列0,列1,列2,列3,列4,_memo\nv0_0,\"v0_1\nい\",\"v0_\"2\nい\",\"v0_3\nい\",\"v0_4,あ\",\"\"\"\"SECRET0x,あ\"\"\n"
        let (table, diagnostics) = parse(text)
        XCTAssertEqual(table.rows.count, 0)
        XCTAssertTrue(diagnostics.contains { $0.code.rawValue == "E007" && $0.location.line == 2 }, "\(diagnostics)")
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
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["W008", "W008"])
        XCTAssertEqual(diagnostics.map(\.location.line), [1, 2])
        XCTAssertEqual(diagnostics.map(\.location.column), [4, 2])
    }

    func testControlCharactersInsideQuotesAreRemovedTabsAndLineBreaksKept() {
        let (table, diagnostics) = parse("ID,備考\na,\"1\u{0}行目\r\n2\t行目\u{C}\"\n")
        XCTAssertEqual(table.rows[0].cells[1].value, "1行目\n2\t行目")
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["W008"])
    }

    func testControlCharactersInFrontMatterAreRemovedAndWarned() {
        let (split, diagnostics) = FrontMatter.split("---\ntitle: お知\u{0}らせ\nname: ok\n---\n本文\n", file: "bulletins/x.md")
        XCTAssertEqual(split.yaml, "title: お知らせ\nname: ok")
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["W008"])
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "bulletins/x.md", line: 2, column: 10))
    }
}

final class StrayQuoteScaleTests: XCTestCase {
    /// A stray quote early in a large export: one error, found without scanning the whole file
    /// once per cell, and the whole rows before it are kept.
    func testStrayQuoteInALargeTableStopsOnce() {
        let rows = 20_000
        let text = "ID,名称,_メモ\n" + String(repeating: "a,サロン,秘密\n", count: 100) + String(repeating: "\"a,サロン,秘密\n", count: rows)
        let started = Date()
        let (table, diagnostics) = DelimitedTable.parse(text, delimiter: .comma, file: "q.csv")
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "debug build")
        XCTAssertEqual(table.rows.count, 100)
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["E007"])
        XCTAssertEqual(diagnostics.first?.location.line, 102)
    }
}
