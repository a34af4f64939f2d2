import Foundation
import XCTest
import ZIPFoundation
@testable import SasaeaiInput

/// Workbooks written by openpyxl (Fixtures/make_workbooks.py) and, for what openpyxl never
/// writes (shared strings with ふりがな, cached formula values, `_x000D_`), parts written here
/// as Excel writes them and zipped with ZIPFoundation.
final class WorkbookTests: XCTestCase {
    private func fixture(_ name: String) throws -> Data {
        let url = try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        return try Data(contentsOf: url)
    }

    private func values(_ table: Table) -> [[String]] {
        [table.header.map(\.value)] + table.rows.map { $0.cells.map(\.value) }
    }

    func testOpenpyxlWorkbookReadsEverySheetAsATable() throws {
        let (sheets, diagnostics) = Workbook.read(data: try fixture("salons.xlsx"), file: "listings/salons.xlsx")
        XCTAssertEqual(sheets.map(\.name), ["Sheet1", "通いの場 一覧", "選択肢"])
        XCTAssertEqual(sheets.map(\.hidden), [false, false, true])
        let table = sheets[0].table
        XCTAssertEqual(table.header.map(\.value), ["ID", "名称", "地区", "開始日", "開始時刻", "緯度", "紹介", "受付中", "参加費", "_メモ"])
        XCTAssertEqual(values(table)[1], ["s01", "ひだまりサロン", "中央", "2024-04-01", "13:30", "36.395",
                                          "毎週水曜のお茶会です。\n持ち物: 上履き", "TRUE", "100", "鍵は自治会長宅（非公開）"])
        // 地区 merged over C2:C4 repeats down; the empty 紹介 keeps its column.
        XCTAssertEqual(values(table)[2], ["s02", "さくら体操", "中央", "2024-05-15", "10:00", "36.4012345", "", "FALSE", "0"])
        XCTAssertEqual(values(table)[3], ["s03", "栄町こども食堂", "中央", "2025-01-18 17:00", "", "", "月2回", "", "", "冷蔵庫の暗証番号（非公開）"])
        // A number ID reads as Excel shows it; rich-text runs join into one value.
        XCTAssertEqual(values(table)[4], ["7", "みなみ囲碁クラブ", "南", "", "", "", "初心者歓迎"])
        XCTAssertEqual(table.rows.map(\.line), [2, 3, 4, 5])
        XCTAssertEqual(table.location(of: table.rows[1].cells[2], in: "listings/salons.xlsx").description, "listings/salons.xlsx:Sheet1!C3")

        XCTAssertEqual(values(sheets[1].table), [["名称", "開催日時", "会場"], ["いきいき百歳体操", "毎週火曜 10:00〜", "公民館"], ["脳トレ教室", "第2・4木曜", "集会所"]])
        XCTAssertEqual(sheets[1].table.rows.map(\.line), [2, 4])

        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["W010", "W019"])
        XCTAssertEqual(diagnostics[0].description.prefix(46), "listings/salons.xlsx:Sheet1!C2: warning[W010]:")
        XCTAssertTrue(diagnostics[0].message.contains("C3〜C4"), diagnostics[0].message)
        XCTAssertEqual(diagnostics[1].location.description, "listings/salons.xlsx:Sheet1!I5")
    }

    /// Written by Google Sheets (shared strings, `rId4`, Mac Excel namespaces), from
    /// github.com/y-yamagata/YuzawaExcelConverter test/test.xlsx (MIT).
    func testGoogleSheetsExport() throws {
        let (sheets, diagnostics) = Workbook.read(data: try fixture("google-sheets.xlsx"), file: "g.xlsx")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(sheets.map(\.name), ["テスト"])
        XCTAssertEqual(values(sheets[0].table), [["名前", "年齢", "出身", "登録済み"], ["Alice", "20", "アメリカ", "TRUE"],
                                                ["Bob", "30", "イギリス", "FALSE"], ["Chris", "40", "日本", "TRUE"]])
    }

    func testDiagnosticsNameTheSheetAsExcelDoes() {
        XCTAssertEqual(SourceLocation(file: "listings/salons.xlsx", line: 14, column: 5, sheet: "Sheet1").description,
                       "listings/salons.xlsx:Sheet1!E14")
        XCTAssertEqual(SourceLocation(file: "a.xlsx", line: 2, column: 28, sheet: "通いの場 一覧").description, "a.xlsx:'通いの場 一覧'!AB2")
        XCTAssertEqual(SourceLocation(file: "a.xlsx", line: 1, column: 1, sheet: "一覧").description, "a.xlsx:一覧!A1")
        XCTAssertEqual(SourceLocation(file: "a.xlsx", line: 1, column: 16384, sheet: "it's").description, "a.xlsx:'it''s'!XFD1")
        XCTAssertEqual(SourceLocation(file: "a.csv", line: 3, column: 4).description, "a.csv:3:4")
        XCTAssertEqual(CellReference("$AB$12"), CellReference(row: 12, column: 28))
        XCTAssertNil(CellReference("12"))
        XCTAssertNil(CellReference("ABCD1"))
    }

    func testDatesOfA1904Workbook() throws {
        let (sheets, diagnostics) = Workbook.read(data: try fixture("dates1904.xlsx"), file: "b.xlsx")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(values(sheets[0].table), [["名称", "開始日"], ["サロン", "2024-04-01"]])
    }

    func testFilesThatAreNotWorkbooksGetAClearError() throws {
        let cases: [(String, String)] = [
            ("encrypted.xlsx", "パスワード"),
            ("legacy.xlsx", ".xls"),
            ("renamed-csv.xlsx", ".csv"),
        ]
        for (name, words) in cases {
            let (sheets, diagnostics) = Workbook.read(data: try fixture(name), file: "listings/" + name)
            XCTAssertEqual(sheets.count, 0, name)
            XCTAssertEqual(diagnostics.map(\.code.rawValue), ["E009"], name)
            XCTAssertEqual(diagnostics.first?.severity, .error)
            XCTAssertTrue(diagnostics.first?.message.contains(words) == true, "\(name): \(diagnostics)")
        }
        let (_, empty) = Workbook.read(data: Data(), file: "e.xlsx")
        XCTAssertEqual(empty.map(\.code.rawValue), ["E009"])
        let (_, binary) = Workbook.read(data: Data([0x00, 0xFF, 0xFE, 0x81, 0x00, 0x9F]), file: "e.xlsx")
        XCTAssertEqual(binary.map(\.code.rawValue), ["E009"])
    }

    func testTruncatedWorkbookIsDamaged() throws {
        let data = try fixture("salons.xlsx")
        let (sheets, diagnostics) = Workbook.read(data: data.prefix(data.count / 2), file: "t.xlsx")
        XCTAssertEqual(sheets.count, 0)
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["E019"])
    }

    // Parts as Excel writes them.

    private func book(sheet: String, sharedStrings: String? = nil, styles: String? = nil,
                      workbook: String? = nil, rawStyles: Data? = nil) throws -> Data {
        let archive = try Archive(accessMode: .create)
        var parts: [(String, String)] = [
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """),
            ("xl/workbook.xml", workbook ?? """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="名簿" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
                """),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        if let sharedStrings { parts.append(("xl/sharedStrings.xml", sharedStrings)) }
        if let styles { parts.append(("xl/styles.xml", styles)) }
        var files = parts.map { ($0.0, Data($0.1.utf8)) }
        if let rawStyles { files.append(("xl/styles.xml", rawStyles)) }
        for (path, data) in files {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try XCTUnwrap(archive.data)
    }

    private let main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""

    func testAPartThatIsNotUTF8IsDamagedNotACrash() throws {
        // Found by the workbook fuzzer: an attribute name with invalid UTF-8 made FoundationXML trap.
        let styles = Data("<styleSheet \(main)><numFmts><numFmt numFmtId=\"164\" format".utf8) + Data([0xE7, 0xE7, 0xE7])
            + Data("Code=\"yyyy/m/d\"/></numFmts></styleSheet>".utf8)
        let sheet = "<worksheet \(main)><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>名称</t></is></c></row></sheetData></worksheet>"
        let (sheets, diagnostics) = Workbook.read(data: try book(sheet: sheet, rawStyles: styles), file: "s.xlsx")
        XCTAssertTrue(sheets.isEmpty)
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["E019"])
        XCTAssertTrue(diagnostics[0].message.contains("styles.xml"))
    }

    func testSharedStringsRichTextPhoneticsAndEscapes() throws {
        let strings = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst \(main) count="4" uniqueCount="4"><si><t>名称</t></si><si><t>備考</t></si>
            <si><t>ひだまりサロン</t><rPh sb="0" eb="4"><t>ヒダマリ</t></rPh><phoneticPr fontId="1"/></si>
            <si><r><rPr><b/></rPr><t xml:space="preserve">一行目_x000D_
            </t></r><r><t>二行目 &amp; _x005F_x0041_</t></r></si></sst>
            """
        let sheet = """
            <worksheet \(main)><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>計算</t></is></c></row>
            <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c><c r="C2" t="str"><f>A2&amp;""</f><v>ひだまり</v></c></row>
            <row r="3"><c r="A3" t="s"><v>9</v></c><c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C3"><f>1+1</f><v>2</v></c></row>
            <row><c><v>1.5E-2</v></c><c t="str"><f>IF(1,"","")</f><v></v></c></row></sheetData></worksheet>
            """
        let (sheets, diagnostics) = Workbook.read(data: try book(sheet: sheet, sharedStrings: strings), file: "s.xlsx")
        XCTAssertEqual(values(sheets[0].table), [["名称", "備考", "計算"],
                                                ["ひだまりサロン", "一行目\n二行目 & _x0041_", "ひだまり"],
                                                ["", "#DIV/0!", "2"],
                                                ["0.015"]])
        XCTAssertEqual(sheets[0].table.rows.map(\.line), [2, 3, 4])
        XCTAssertEqual(diagnostics.map(\.code.rawValue), ["E019"])
        XCTAssertEqual(diagnostics.first?.location.description, "s.xlsx:名簿!A3")
    }

    func testNumberFormatsDecideDatesAndTimes() throws {
        let styles = """
            <styleSheet \(main)><numFmts count="3"><numFmt numFmtId="176" formatCode="[$-411]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>
            <numFmt numFmtId="177" formatCode="[h]:mm"/><numFmt numFmtId="178" formatCode="[Red]#,##0;[Blue]-#,##0"/></numFmts>
            <cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="20"/><xf numFmtId="177"/><xf numFmtId="178"/></cellXfs></styleSheet>
            """
        let sheet = """
            <worksheet \(main)><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>値</t></is></c></row>
            <row r="2"><c r="A2" s="1"><v>45383</v></c><c r="B2" s="2"><v>45383</v></c><c r="C2" s="3"><v>0.75</v></c><c r="D2" s="4"><v>1.25</v></c><c r="E2" s="5"><v>1234</v></c><c r="F2" s="0"><v>0.30000000000000004</v></c></row>
            <row r="3"><c r="A3" s="1"><v>59</v></c><c r="B3" s="1"><v>60</v></c><c r="C3" s="1"><v>61</v></c><c r="D3" s="1"><v>1</v></c></row></sheetData></worksheet>
            """
        let (sheets, _) = Workbook.read(data: try book(sheet: sheet, styles: styles), file: "d.xlsx")
        XCTAssertEqual(values(sheets[0].table)[1], ["2024-04-01", "2024-04-01", "18:00", "30:00", "1234", "0.3"])
        // Excel's 1900 leap-year bug: 59 = 28 Feb, 60 = the 29 Feb that never was, 61 = 1 Mar.
        XCTAssertEqual(values(sheets[0].table)[2], ["1900-02-28", "1900-02-29", "1900-03-01", "1900-01-01"])
    }

    func testCustomFormatKinds() {
        XCTAssertEqual(ExcelNumberFormat.kind(code: "yyyy/m/d"), .date)
        XCTAssertEqual(ExcelNumberFormat.kind(code: "m/d"), .date)
        XCTAssertEqual(ExcelNumberFormat.kind(code: "h:mm"), .time)
        XCTAssertEqual(ExcelNumberFormat.kind(code: "mm:ss"), .time)
        XCTAssertEqual(ExcelNumberFormat.kind(code: "yyyy/m/d h:mm"), .dateTime)
        XCTAssertEqual(ExcelNumberFormat.kind(code: "0.00\"m\""), .number)
        XCTAssertEqual(ExcelNumberFormat.kind(code: "[Magenta]0"), .number)
        XCTAssertEqual(ExcelNumberFormat.kind(code: "#,##0\"円\""), .number)
        XCTAssertEqual(ExcelNumberFormat.kind(code: "m\"月\"d\"日\"(aaa)"), .date)
    }

    func testSheetsOrderHiddenAndChartSheets() throws {
        let workbook = """
            <workbook \(main) xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="false"/><sheets>
            <sheet name="グラフ" sheetId="2" r:id="rId9"/><sheet name="名簿" sheetId="1" r:id="rId1" state="veryHidden"/></sheets></workbook>
            """
        let sheet = "<worksheet \(main)><sheetData><row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t> 名称 </t></is></c></row></sheetData></worksheet>"
        let (sheets, diagnostics) = Workbook.read(data: try book(sheet: sheet, workbook: workbook), file: "w.xlsx")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(sheets.map(\.name), ["名簿"])
        XCTAssertEqual(sheets.first?.hidden, true)
        XCTAssertEqual(sheets.first?.table.header, [TableCell(value: "", line: 3, column: 1),
                                                    TableCell(value: "名称", line: 3, column: 2)])
        XCTAssertEqual(sheets.first?.table.sheet, "名簿")
    }
}
