import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One worksheet part (`xl/worksheets/sheetN.xml`), streamed: each `<c>` becomes its displayed
/// text as soon as it ends, so memory holds the values, not the XML tree.
final class WorkbookSheetXML: NSObject, XMLParserDelegate {
    struct Cell { let column: Int; let value: String }
    struct Row { let number: Int; var cells: [Cell] }
    struct Merge { let first: CellReference; let last: CellReference }

    private let sharedStrings: [String]
    private let styles: [ExcelValueKind]
    private let date1904: Bool
    private(set) var rows: [Row] = []
    private(set) var merges: [Merge] = []
    /// Shared-string indexes that point nowhere: the part and its string table disagree.
    private(set) var badReferences: [CellReference] = []
    /// Formulas saved without their result (written by a program that cannot calculate).
    private(set) var uncalculated: [CellReference] = []
    /// Places no spreadsheet writes, so the part is damaged: a row numbered below 1 (read as
    /// the row after the previous one), a cell with a value but no column (a `<row>` opened
    /// inside the `<c>`; not read).
    private(set) var badPositions = 0
    private var hasFormula = false

    private var rowNumber = 0
    private var cellColumn = 0
    private var cellType = "n"
    private var cellStyle = 0
    private var text = ""
    private var collecting = false
    private var inInline = false, phonetic = 0

    init(sharedStrings: [String], styles: [ExcelValueKind], date1904: Bool) {
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.date1904 = date1904
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "row":
            // `r` may be left out; rows then follow one another.
            let written = attributes["r"].flatMap { Int($0) }
            if let written, written < 1 { badPositions += 1 }
            rowNumber = written.flatMap { $0 >= 1 ? $0 : nil } ?? rowNumber + 1
            rows.append(Row(number: rowNumber, cells: []))
            cellColumn = 0
        case "c":
            let reference = attributes["r"].flatMap { CellReference(Substring($0)) }
            if let reference {
                cellColumn = reference.column
                if reference.row != rowNumber {
                    rowNumber = reference.row
                    rows.append(Row(number: rowNumber, cells: []))
                }
            } else {
                cellColumn += 1
            }
            if rows.isEmpty { rowNumber = max(rowNumber, 1); rows.append(Row(number: rowNumber, cells: [])) }
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
            text = ""
            hasFormula = false
        case "f": hasFormula = true
        case "v": collecting = true
        case "is": inInline = true
        case "rPh": phonetic += 1
        case "t": collecting = inInline && phonetic == 0
        case "mergeCell":
            let parts = (attributes["ref"] ?? "").split(separator: ":")
            if let first = parts.first.flatMap({ CellReference($0) }) {
                let last = parts.count > 1 ? CellReference(parts[1]) ?? first : first
                merges.append(Merge(first: first, last: last))
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": collecting = false
        case "is": inInline = false
        case "rPh": phonetic -= 1
        case "c":
            let value = displayed()
            // An empty text result is saved as t="str" with an empty <v>; a number never is empty.
            if hasFormula && value.isEmpty && cellType == "n" { uncalculated.append(CellReference(row: rowNumber, column: cellColumn)) }
            if !value.isEmpty, !rows.isEmpty {
                if cellColumn >= 1 {
                    rows[rows.count - 1].cells.append(Cell(column: cellColumn, value: value))
                } else {
                    badPositions += 1
                }
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    /// The text Excel shows for the cell just read (formulas by their cached value).
    private func displayed() -> String {
        switch cellType {
        case "s":
            guard let index = Int(text.trimmingCharacters(in: .whitespaces)) else { return "" }
            guard sharedStrings.indices.contains(index) else {
                badReferences.append(CellReference(row: rowNumber, column: cellColumn))
                return ""
            }
            return sharedStrings[index]
        case "inlineStr", "str": return WorkbookXML.unescape(text)
        case "b": return text == "1" || text == "true" ? "TRUE" : "FALSE"
        case "e": return text
        case "d":
            // ISO 8601 from strict-mode writers; midnight says nothing.
            return text.hasSuffix("T00:00:00") ? String(text.dropLast(9)) : text.replacingOccurrences(of: "T", with: " ")
        default:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return "" }
            guard let number = Double(trimmed) else { return trimmed }
            let kind = styles.indices.contains(cellStyle) ? styles[cellStyle] : .number
            return kind == .number ? ExcelNumberFormat.number(number)
                : ExcelNumberFormat.text(serial: number, kind: kind, date1904: date1904)
        }
    }
}
