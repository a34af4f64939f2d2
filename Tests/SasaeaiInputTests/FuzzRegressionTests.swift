import Foundation
import XCTest
@testable import SasaeaiInput

/// Inputs at the edges the fuzz targets (fuzz/) explore; any crashing input they find is added
/// here with the invariant it broke.
final class FuzzRegressionTests: XCTestCase {
    func testTableEdges() {
        let inputs = ["\"", "\"\"", "\"\"\"", "\r", "\r\r\n\n", "\t", ",", "\u{FEFF}", "\u{FEFF}\"", "a\"\n\"", "\"\r",
                      "\"a\"\"\r\n", " \"a\" \"b\" ", "\u{85}\"x\u{85}\"", "\u{3000}\"\u{3000}", "\"\t\"\t\"", "x\r\"\r\"\r"]
        for text in inputs {
            for delimiter in [TableDelimiter.tab, .comma] {
                let (table, diagnostics) = DelimitedTable.parse(text, delimiter: delimiter, file: "f")
                for row in [table.header] + table.rows.map(\.cells) {
                    XCTAssertEqual(row.map(\.column), (0..<row.count).map { $0 + 1 }, text.debugDescription)
                    XCTAssertNotEqual(row.last?.value, "", text.debugDescription)
                }
                XCTAssertEqual(diagnostics, diagnostics.sorted())
            }
        }
    }

    func testLoneQuoteIsOneCellAndOneDiagnostic() {
        let (table, diagnostics) = DelimitedTable.parse("\"", delimiter: .tab, file: "f")
        XCTAssertEqual(table.header.map(\.value), ["\""])
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["E002"])
    }

    func testDecodeEdges() {
        let inputs: [[UInt8]] = [[0xEF], [0xEF, 0xBB], [0xEF, 0xBB, 0xBF], [0xFF], [0xFF, 0xFE], [0xFE, 0xFF, 0x00],
                                 [0xFF, 0xFE, 0x00, 0xD8], [0x81], [0xE3, 0x81], [0x80, 0x80], [0xFF, 0xFE, 0x00, 0x00]]
        for bytes in inputs {
            switch TextDecoding.decode(Data(bytes)) {
            case .success(let decoded): XCTAssertFalse(decoded.text.hasPrefix("\u{FEFF}") && bytes.count <= 3)
            case .failure(let error): XCTAssertTrue((0..<bytes.count).contains(error.byteOffset), "\(bytes)")
            }
        }
    }

    func testFrontMatterEdges() {
        for text in ["---", "---\r", "---\r\n", "\u{FEFF}---\n...", "---\n---", "---\r---\r", "...\n---"] {
            let split = FrontMatter.split(text)
            XCTAssertGreaterThanOrEqual(split.bodyFirstLine, 1, text.debugDescription)
        }
        XCTAssertEqual(FrontMatter.split("---").yaml, "")
        XCTAssertEqual(FrontMatter.split("---\r---\rbody").body, "body")
        XCTAssertEqual(FrontMatter.split("---\r---\rbody").bodyFirstLine, 3)
        XCTAssertNil(FrontMatter.split("...\n---").yaml)
    }

    func testDateEdges() {
        for text in ["R", "元", "令和元", "令和元年度度", "99999999999999999999", "2024年" + String(repeating: "1", count: 100),
                     "十", "十十", "R十", "(", "（月）", "2024/4/1(", "2024/4/1()", ":", "1:00", "2024/4/1 :00", "H0", "ｶﾞ"] {
            if case .success(let date) = JapaneseDateParser.parse(text) {
                XCTAssertEqual(try? JapaneseDateParser.parse(date.iso).get().start, date.start, text)
            }
        }
        XCTAssertEqual(JapaneseDateParser.parse("H0"), .failure(.impossible))
        XCTAssertEqual(JapaneseDateParser.parse("99999999999999999999"), .failure(.unreadable))
    }

    /// fuzz/privacy.swift: two stray quotes, one closing a value early so its comma becomes a
    /// separator, the other taking the private column's text into the first column with the
    /// field count unchanged. The quote closing on `"S` followed by text gives it away.
    func testStrayQuotesThatKeepTheFieldCountStillStopTheTable() {
        let text = "列0,_memo,列2\n\"v0_0 \"\"う\"\"\"\",\"S\"ECR\"ET0x,あ\",\"v0_2,あ\"\n"
        let (table, diagnostics) = DelimitedTable.parse(text, delimiter: .comma, file: "p")
        XCTAssertEqual(table.rows.count, 0)
        XCTAssertEqual(diagnostics.filter { $0.code.rawValue == "E007" }.map(\.location.line), [2])
    }

    /// fuzz/workbook.swift: an entry whose offset lies past the end of the data made
    /// ZIPFoundation's in-memory archive trap; the workbook is reported damaged instead.
    func testZipEntryPastTheEndIsDamagedNotACrash() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "fuzz-offset-past-end", withExtension: "xlsx", subdirectory: "Fixtures"))
        let (sheets, diagnostics) = Workbook.read(data: try Data(contentsOf: url), file: "w.xlsx")
        XCTAssertEqual(sheets.count, 0)
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["E019"])
    }

    /// fuzz/privacy.swift: one stray quote inside a quoted value closes it early; its comma
    /// becomes a separator and every later value, the private one too, moves one column right.
    func testAQuoteClosingAValueEarlyStopsTheTable() {
        let text = "列0,列1,列2,非公開メモ,列4,列5\r\n\"v0_\"0,あ\",\"v0_1,あ\",v0_2,\"SECRET0x\",\"v0_4,あ\",\"v0_5,あ\"\r\n"
        let (table, diagnostics) = DelimitedTable.parse(text, delimiter: .comma, file: "p")
        XCTAssertEqual(table.rows.count, 0)
        XCTAssertEqual(diagnostics.filter { $0.code.rawValue == "E007" }.first?.message.contains("1 列多く"), true, "\(diagnostics)")
    }

    /// Hand-written rows may leave out trailing cells and hold quotes in unquoted text; that
    /// alone is not a stray quote.
    func testShortRowWithAQuoteInsideTextIsNotRefused() {
        let (table, diagnostics) = DelimitedTable.parse("ID,名称,備考\na,サロン\"みなみ\"\n", delimiter: .comma, file: "p")
        XCTAssertEqual(table.rows.first?.cells.map(\.value), ["a", "サロン\"みなみ\""])
        XCTAssertEqual(diagnostics, [])
    }

    /// fuzz/privacy.swift: a stray quote closes a multi-line value (Alt+Enter) on its first
    /// line; the value's second line, with the private cell after it, is read as a row whose
    /// cells sit one column left, so the private value lands under a public header with no
    /// other sign than the quote left at the end of the value. The first case is the fuzzer's
    /// (two stray quotes), the others one stray quote, and one whose value spans three lines.
    func testAMultiLineValueClosedOnItsFirstLineStopsTheTable() {
        for (text, line) in [
            ("列0,列1,非公開メモ\nv0_0,\"\"v0_1\nい\",\"\"SECRET0x,あ\"\n", 2),
            ("列0,列1,非公開メモ\nv0_0,\"v0_1\"\nい\",\"SECRET0x\"\n", 2),
            ("列0,列1,非公開メモ\r\nv0_0,\"v0_1\"\r\nい\",SECRET0x\r\n", 2),
            ("列0,列1,非公開メモ\nok,ok,ok\nv0_0,\"v0_1\"\nま\nい\",SECRET0x\n", 3),
        ] {
            let (table, diagnostics) = DelimitedTable.parse(text, delimiter: .comma, file: "p")
            XCTAssertFalse(table.rows.flatMap(\.cells).contains { $0.value.contains("SECRET") }, text)
            XCTAssertEqual(diagnostics.filter { $0.code.rawValue == "E007" }.map(\.location.line), [line], text)
            XCTAssertEqual(diagnostics.filter { $0.code.rawValue == "E007" }.map(\.location.column), [2], "at the opening quote: \(text)")
        }
    }

    /// A short row with a quoted value, then rows with quotes in unquoted text but no short
    /// row before them: nothing was broken, nothing is refused.
    func testQuotesInTextAfterAFullRowAreNotRefused() {
        let text = "ID,名称,備考\na,\"サロン\"\nb,c,d\ne,サロン\"みなみ\",x\n"
        let (table, diagnostics) = DelimitedTable.parse(text, delimiter: .comma, file: "p")
        XCTAssertEqual(table.rows.map { $0.cells.map(\.value) }, [["a", "サロン"], ["b", "c", "d"], ["e", "サロン\"みなみ\"", "x"]])
        XCTAssertEqual(diagnostics, [])
    }

    /// fuzz/workbook.swift: a sheet that is damaged twice (its XML, then a part read after it)
    /// gave its two diagnostics unsorted, as every reader's diagnostics must be.
    func testDamageFoundLateIsSortedWithTheRest() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "fuzz-damaged-twice", withExtension: "xlsx", subdirectory: "Fixtures"))
        let (sheets, diagnostics) = Workbook.read(data: try Data(contentsOf: url), file: "w.xlsx")
        XCTAssertEqual(sheets.count, 0)
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["E019", "E019"])
        XCTAssertEqual(diagnostics, diagnostics.sorted())
    }

    /// fuzz/privacy.swift: a stray quote closes the first value early (`"v"0_0`), a second one
    /// closes the multi-line private value on its first line (`"SECRET"0x`): the row is short
    /// and the private value sits one column right, under a public header.
    func testAQuoteClosingOnTextInAShortRowStopsTheTable() {
        let text = "列0\t_memo\t列2\t列3\t列4\n\"v\"0_0\tあ\"\t\"SECRET\"0x\nい\"\t\"v0_2\"\tv0_3\t\"v0_4\tあ\"\n"
        let (table, diagnostics) = DelimitedTable.parse(text, delimiter: .tab, file: "p")
        XCTAssertEqual(table.rows.count, 0)
        XCTAssertEqual(diagnostics.filter { $0.code.rawValue == "E007" }.map { "\($0.location.line):\($0.location.column)" }, ["2:1"])
    }

    /// fuzz/workbook.swift: a `<row>` opened inside a `<c>` left the cell without a column, and
    /// numbering the row's columns from 1 to 0 trapped; the sheet is reported damaged.
    func testACellWithoutAColumnIsDamagedNotACrash() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "fuzz-cell-without-column", withExtension: "xlsx", subdirectory: "Fixtures"))
        let (_, diagnostics) = Workbook.read(data: try Data(contentsOf: url), file: "w.xlsx")
        XCTAssertTrue(diagnostics.contains { $0.code.rawValue == "E019" && $0.message.contains("番号が正しくない") }, "\(diagnostics)")
    }

    /// fuzz/privacy.swift: one stray quote closes the first value at once (`""v0_0`, its tab
    /// becomes a separator), another closes the multi-line private value on its first line:
    /// the row keeps the header's field count, and the private value is one column right.
    func testTwoQuotesExcelNeverWritesInOneRowStopTheTable() {
        let text = "列0\t_memo\t列2\n\"\"v0_0\tあ\"\t\"SECRET\"0x\nい\"\t\"v0_2\"\n"
        let (table, diagnostics) = DelimitedTable.parse(text, delimiter: .tab, file: "p")
        XCTAssertEqual(table.rows.count, 0)
        XCTAssertEqual(diagnostics.filter { $0.code.rawValue == "E007" }.map { "\($0.location.line):\($0.location.column)" }, ["2:1"])
    }

    /// fuzz/workbook.swift: `<row r="0">` put cells, and diagnostics, on line 0.
    func testARowNumberedZeroIsDamaged() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "fuzz-row-zero", withExtension: "xlsx", subdirectory: "Fixtures"))
        let (sheets, diagnostics) = Workbook.read(data: try Data(contentsOf: url), file: "w.xlsx")
        XCTAssertTrue(diagnostics.contains { $0.code.rawValue == "E019" && $0.message.contains("番号が正しくない") }, "\(diagnostics)")
        XCTAssertTrue(diagnostics.allSatisfy { $0.location.line >= 1 }, "\(diagnostics)")
        XCTAssertTrue(sheets.flatMap(\.table.rows).allSatisfy { $0.line >= 1 })
    }

    /// fuzz/privacy.swift: two stray quotes split `"v1_0,あ"` into `"v1_0","あ"`: every quote
    /// left is where Excel would put one, but the row has one field more than the header and
    /// the private value sits one column right.
    func testAQuotedRowLongerThanTheHeaderStopsTheTable() {
        let text = "列0,＿メモ,列2,列3\n\"v0_0\",,v0_2,\"v0_3 \"\"う\"\"\"\n\"v1_0\",\"あ\",\"SECRET1x,あ\",\"v1_2 \"\"う\"\"\",v1_3\n"
        let (table, diagnostics) = DelimitedTable.parse(text, delimiter: .comma, file: "p")
        XCTAssertEqual(table.rows.map { $0.cells.map(\.value) }, [["v0_0", "", "v0_2", "v0_3 \"う\""]], "the row before is whole")
        XCTAssertEqual(diagnostics.filter { $0.code.rawValue == "E007" }.map { "\($0.location.line):\($0.location.column)" }, ["3:1"])
    }

    /// fuzz/workbook.swift (a timeout): a deflated part whose data ends before its stream made
    /// ZIPFoundation ask for more input forever. Now the book is damaged (E019) once the part
    /// has given nothing for `Extraction.stallLimit` seconds.
    func testAPartCutShortIsDamagedNotAHang() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "fuzz-truncated-deflate", withExtension: "xlsx", subdirectory: "Fixtures"))
        let started = Date()
        let (sheets, diagnostics) = Workbook.read(data: try Data(contentsOf: url), file: "w.xlsx")
        XCTAssertTrue(diagnostics.contains { $0.code.rawValue == "E019" }, "\(diagnostics)")
        XCTAssertTrue(sheets.isEmpty)
        XCTAssertLessThan(Date().timeIntervalSince(started), 60, "it ends")
    }

    /// fuzz/privacy.swift, with private columns refused strictly: one stray quote after
    /// `"v0_2` and one after `"v0_4` keep the row's six fields but put the memo (a value that
    /// spans lines) under 列4. The lone quote inside the unquoted `あ"` is refused.
    func testALoneQuoteInsideAnUnquotedValueStopsATableWithPrivateColumns() {
        let text = "列0,列1,列2,＿メモ,列4,列5\r\n,\"v0_1 \"\"う\"\"\",\"v0_2\",あ\",\"SECRET0x\r\nい\",\"v0_4\"\r\nい\",\"v0_5 \"\"う\"\"\"\r\n"
        let (table, diagnostics) = DelimitedTable.parse(text, delimiter: .comma, file: "p", refusingShortRows: true)
        XCTAssertTrue(table.rows.isEmpty)
        XCTAssertEqual(diagnostics.filter { $0.code.rawValue == "E007" }.map { "\($0.location.line):\($0.location.column)" }, ["2:4"])
        // Without private columns the same text is read as before (no memo to move).
        XCTAssertFalse(DelimitedTable.parse(text, delimiter: .comma, file: "p").0.rows.isEmpty)
    }
}
