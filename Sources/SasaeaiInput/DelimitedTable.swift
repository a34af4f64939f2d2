/// One cell as read, with the physical line it starts on and its 1-based field number.
/// In a workbook, `line` is the Excel row and `column` the Excel column.
public struct TableCell: Sendable, Hashable {
    public let value: String
    public let line: Int
    public let column: Int

    public init(value: String, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }
}

public struct TableRow: Sendable {
    public let line: Int             // physical line where the row starts
    public let cells: [TableCell]

    public init(line: Int, cells: [TableCell]) {
        self.line = line
        self.cells = cells
    }
}

public struct Table: Sendable {
    public let header: [TableCell]
    public let rows: [TableRow]      // blank rows skipped, trailing empty cells dropped
    /// The worksheet the table was read from; nil for CSV and TSV. Kept here, not in every
    /// cell, because a million-row table would pay for it a million times.
    public let sheet: String?

    public init(header: [TableCell], rows: [TableRow], sheet: String? = nil) {
        self.header = header
        self.rows = rows
        self.sheet = sheet
    }

    /// Where a cell of this table is: `file:line:column` for text, `file:Sheet1!E14` for a sheet.
    public func location(of cell: TableCell, in file: String) -> SourceLocation {
        SourceLocation(file: file, line: cell.line, column: cell.column, sheet: sheet)
    }

    /// Where a row starts (its first column).
    public func location(of row: TableRow, in file: String) -> SourceLocation {
        SourceLocation(file: file, line: row.line, column: 1, sheet: sheet)
    }
}

public enum TableDelimiter: Sendable { case tab, comma }

public enum DelimitedTable {
    /// Excel-style quoting; CRLF/CR/LF; `file` is used only for diagnostic locations.
    /// Problems (unterminated quote, duplicate header, …) come back as diagnostics, never a throw.
    ///
    /// The delimiter is a hint: Excel's 「Unicode テキスト」 is tab-separated whatever the file is
    /// called, so the header line decides when it clearly uses the other one.
    public static func parse(_ text: String, delimiter: TableDelimiter, file: String, refusingShortRows: Bool = false) -> (Table, [Diagnostic]) {
        var rows: [TableRow] = []
        let (header, diagnostics) = read(text, delimiter: delimiter, file: file, refusingShortRows: refusingShortRows) { rows.append($0) }
        return (Table(header: header, rows: rows), diagnostics)
    }

    /// The same reading, one row at a time: `row` is called for each data row in file order, so
    /// a caller that keeps less than the whole table needs no memory for what it drops. Returns
    /// the header (empty for an empty table) and every diagnostic, sorted.
    ///
    /// `refusingShortRows`: for a table with private columns. A line break inside a value that
    /// lost its quotes splits one row into two short ones, and the second one's cells, the
    /// private ones too, sit left of their headers under public ones; Excel writes every row
    /// with all its fields, so a short row there is refused (E025) and reading stops; so is a
    /// `"` inside a value no quote opened (E007), which Excel never writes either.
    public static func read(_ text: String, delimiter: TableDelimiter, file: String, refusingShortRows: Bool = false,
                            row: (TableRow) -> Void) -> (header: [TableCell], diagnostics: [Diagnostic]) {
        read(text, delimiter: delimiter, file: file, headerOnly: false, refusingShortRows: refusingShortRows, row: row)
    }

    /// The header row alone, as `read` returns it (empty for an empty table, or one whose header
    /// a stray quote broke), so a caller can decide what the rows mean before reading them.
    public static func header(_ text: String, delimiter: TableDelimiter, file: String) -> [TableCell] {
        read(text, delimiter: delimiter, file: file, headerOnly: true, refusingShortRows: false) { _ in }.header
    }

    private static func read(_ text: String, delimiter: TableDelimiter, file: String, headerOnly: Bool, refusingShortRows: Bool,
                             row: (TableRow) -> Void) -> (header: [TableCell], diagnostics: [Diagnostic]) {
        var text = text
        return text.withUTF8 { buffer in
            var start = 0
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
            let separator: UInt8 = sniff(buffer, from: start, hint: delimiter)
            var reader = RecordReader(bytes: buffer, start: start, separator: separator, file: file)
            reader.refusesPlainQuotes = refusingShortRows
            var diagnostics: [Diagnostic] = []
            var header: [TableCell]?
            var headerCheck = HeaderCheck(file: file, sheet: nil)
            while let record = reader.next(into: &diagnostics) {
                let cells = withoutTrailingEmpty(record.cells)
                if cells.isEmpty { continue }
                if header == nil {
                    header = cells
                    reader.headerFieldCount = record.cells.count
                    headerCheck.start(header: cells, into: &diagnostics)
                    if headerOnly { break }
                } else {
                    if refusingShortRows, let expected = reader.headerFieldCount, record.cells.count < expected {
                        diagnostics.append(Diagnostic(.shortRowWithPrivateColumns,
                            "この行は区切りが見出しより \(expected - record.cells.count) 個少なく、値の中の改行で一つの行が二つに分かれたおそれがあります。非公開の列がある表なので、非公開の値が公開の列にずれないよう、ここで読むのをやめました。値に改行を含むなら値全体を \" で囲み、空の列も区切り（, やタブ）を省かずに書いてください（この行から後は読んでいません）",
                            at: SourceLocation(file: file, line: record.line, column: 1)))
                        break
                    }
                    let tableRow = TableRow(line: record.line, cells: cells)
                    headerCheck.check(tableRow, into: &diagnostics)
                    row(tableRow)
                }
            }
            guard let header else {
                // A header refused for a stray quote has its own error; it is not empty.
                if reader.refused { return ([], diagnostics.sorted()) }
                diagnostics.append(Diagnostic(.emptyTable,
                    "表が空です（見出しの行も値もありません）。Excel で保存し直すか、使わないファイルなら消してください",
                    at: SourceLocation(file: file)))
                return ([], diagnostics.sorted())
            }
            return (header, diagnostics.sorted())
        }
    }

    private static func withoutTrailingEmpty(_ cells: [TableCell]) -> [TableCell] {
        guard let last = cells.lastIndex(where: { !$0.value.isEmpty }) else { return [] }
        return last == cells.count - 1 ? cells : Array(cells[...last])
    }

    static func excerpt(_ value: String) -> String {
        let firstLine = value.prefix { $0 != "\n" }
        return firstLine.count > 20 || firstLine.count < value.count ? String(firstLine.prefix(20)) + "…" : value
    }

    /// Counts tabs and commas outside quotes on the first non-blank line.
    private static func sniff(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, hint: TableDelimiter) -> UInt8 {
        var tabs = 0, commas = 0, quoted = false, sawText = false
        var i = start
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\""): quoted.toggle(); sawText = true
            case UInt8(ascii: "\t") where !quoted: tabs += 1
            case UInt8(ascii: ",") where !quoted: commas += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                guard !quoted else { break }
                if sawText { return choose(tabs: tabs, commas: commas, hint: hint) }
                // A row of bare delimiters is blank and says nothing about the header.
                tabs = 0
                commas = 0
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ","):
                break
            default:
                let (scalar, length) = UTF8Scan.scalar(in: bytes, at: i)
                if !scalar.properties.isWhitespace { sawText = true }
                i += length
                continue
            }
            i += 1
        }
        return choose(tabs: tabs, commas: commas, hint: hint)
    }

    private static func choose(tabs: Int, commas: Int, hint: TableDelimiter) -> UInt8 {
        switch hint {
        case .tab: return commas > tabs ? UInt8(ascii: ",") : UInt8(ascii: "\t")
        case .comma: return tabs > commas ? UInt8(ascii: "\t") : UInt8(ascii: ",")
        }
    }
}

/// Header problems, checked as rows stream past so nothing needs the whole table.
struct HeaderCheck {
    let file: String
    let sheet: String?
    private var named = Set<Int>()

    init(file: String, sheet: String?) {
        self.file = file
        self.sheet = sheet
    }

    private func location(_ cell: TableCell) -> SourceLocation {
        SourceLocation(file: file, line: cell.line, column: cell.column, sheet: sheet)
    }

    mutating func start(header: [TableCell], into diagnostics: inout [Diagnostic]) {
        var seen: [String: TableCell] = [:]
        for cell in header where !cell.value.isEmpty {
            let key = TextNormalization.matchKey(cell.value)
            if let first = seen[key] {
                diagnostics.append(Diagnostic(.duplicateHeader,
                    "見出し「\(cell.value)」が \(first.column) 列目の「\(first.value)」と重なっています。どちらかの見出しを変えるか、二つの列を一つにまとめてください",
                    at: location(cell)))
            } else {
                seen[key] = cell
            }
        }
        named = Set(header.filter { !$0.value.isEmpty }.map(\.column))
    }

    /// A value under no header would be silently dropped by everything downstream.
    mutating func check(_ row: TableRow, into diagnostics: inout [Diagnostic]) {
        for cell in row.cells where !cell.value.isEmpty && !named.contains(cell.column) {
            named.insert(cell.column)
            diagnostics.append(Diagnostic(.valueWithoutHeader,
                "\(cell.column) 列目には見出しがないため、値「\(DelimitedTable.excerpt(cell.value))」は使われません。見出しの行に列の名前を書くか、値を正しい列に移してください",
                at: location(cell)))
        }
    }
}
