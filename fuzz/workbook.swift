import Foundation
import ZIPFoundation

// libFuzzer target: any bytes given as an .xlsx give sheets or diagnostics, never a crash,
// and what comes back is well formed like a CSV table.
// Mutated zip bytes mostly stop at the checksum, so inputs starting with "X" are the parts
// themselves (sheet, shared strings, styles, workbook.xml, separated by NUL), zipped here
// into a valid package: that reaches the XML and table code.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let raw = bytes(data, size)
    let input = raw.first == UInt8(ascii: "X") ? package(raw.dropFirst()) : Data(raw)
    let (sheets, diagnostics) = Workbook.read(data: input, file: "w.xlsx")
    for sheet in sheets {
        require(sheet.table.sheet == sheet.name, "table names its sheet")
        var lastLine = 0
        for row in sheet.table.rows {
            require(row.line > lastLine, "rows in order")
            lastLine = row.line
            require(row.cells.last?.value.isEmpty == false, "no trailing empty cell")
            for (i, cell) in row.cells.enumerated() {
                require(cell.column == i + 1, "columns consecutive")
                require(cell.value == cell.value.trimmingCharacters(in: .whitespacesAndNewlines), "trimmed")
                require(!cell.value.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }, "no control characters")
            }
        }
    }
    for diagnostic in diagnostics {
        require(diagnostic.code.rawValue.hasPrefix("E0") || diagnostic.code.rawValue.hasPrefix("W0"), "input codes")
        require(diagnostic.location.line >= 1, "line")
    }
    require(diagnostics == diagnostics.sorted(), "diagnostics sorted")
    if diagnostics.contains(where: { $0.code == .notAWorkbook }) { require(sheets.isEmpty, "no sheets from a non-workbook") }
    return 0
}

private func package(_ raw: ArraySlice<UInt8>) -> Data {
    let parts = raw.split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false).map { Data($0) }
    let ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let workbook = parts.count > 3 ? parts[3] : Data("""
        <workbook xmlns:r="\(ns)"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>
        """.utf8)
    var files: [(String, Data)] = [
        ("_rels/.rels", Data("<Relationships><Relationship Id=\"rId1\" Type=\"\(ns)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".utf8)),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", Data("""
            <Relationships><Relationship Id="rId1" Type="\(ns)/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="\(ns)/sharedStrings" Target="sharedStrings.xml"/>\
            <Relationship Id="rId3" Type="\(ns)/styles" Target="styles.xml"/></Relationships>
            """.utf8)),
        ("xl/worksheets/sheet1.xml", parts.first ?? Data()),
    ]
    if parts.count > 1 { files.append(("xl/sharedStrings.xml", parts[1])) }
    if parts.count > 2 { files.append(("xl/styles.xml", parts[2])) }
    guard let archive = try? Archive(accessMode: .create) else { return Data() }
    for (path, data) in files {
        try? archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    return archive.data ?? Data()
}
