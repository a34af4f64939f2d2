/// One cell as read, with the physical line it starts on and its 1-based field number.
public struct TableCell: Sendable, Hashable {
    public let value: String
    public let line: Int
    public let column: Int
}

public struct TableRow: Sendable {
    public let line: Int             // physical line where the row starts
    public let cells: [TableCell]
}

public struct Table: Sendable {
    public let header: [TableCell]
    public let rows: [TableRow]      // blank rows skipped, trailing empty cells dropped
}

public enum TableDelimiter: Sendable { case tab, comma }

public enum DelimitedTable {
    /// Excel-style quoting; CRLF/CR/LF; `file` is used only for diagnostic locations.
    /// Problems (unterminated quote, duplicate header, …) come back as diagnostics, never a throw.
    ///
    /// The delimiter is a hint: Excel's 「Unicode テキスト」 is tab-separated whatever the file is
    /// called, so the header line decides when it clearly uses the other one.
    public static func parse(_ text: String, delimiter: TableDelimiter, file: String) -> (Table, [Diagnostic]) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let separator = sniff(scalars, hint: delimiter)
        var reader = RecordReader(scalars: scalars, separator: separator, file: file)
        var diagnostics: [Diagnostic] = []
        var header: [TableCell]?
        var rows: [TableRow] = []
        while let record = reader.next(into: &diagnostics) {
            let cells = withoutTrailingEmpty(record.cells)
            if cells.isEmpty { continue }
            if header == nil {
                header = cells
            } else {
                rows.append(TableRow(line: record.line, cells: cells))
            }
        }
        guard let header else {
            diagnostics.append(Diagnostic(.warning, InputCode.emptyTable,
                "表が空です（見出しの行も値もありません）。Excel で保存し直すか、使わないファイルなら消してください",
                at: SourceLocation(file: file)))
            return (Table(header: [], rows: []), diagnostics)
        }
        diagnostics += headerProblems(header, rows: rows, file: file)
        return (Table(header: header, rows: rows), diagnostics.sorted())
    }

    private static func withoutTrailingEmpty(_ cells: [TableCell]) -> [TableCell] {
        guard let last = cells.lastIndex(where: { !$0.value.isEmpty }) else { return [] }
        return Array(cells[...last])
    }

    private static func headerProblems(_ header: [TableCell], rows: [TableRow], file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [String: TableCell] = [:]
        for cell in header where !cell.value.isEmpty {
            let key = TextNormalization.matchKey(cell.value)
            if let first = seen[key] {
                diagnostics.append(Diagnostic(.error, InputCode.duplicateHeader,
                    "見出し「\(cell.value)」が \(first.column) 列目の「\(first.value)」と重なっています。どちらかの見出しを変えるか、二つの列を一つにまとめてください",
                    at: SourceLocation(file: file, line: cell.line, column: cell.column)))
            } else {
                seen[key] = cell
            }
        }
        // A value under no header would be silently dropped by everything downstream.
        var named = Set(header.filter { !$0.value.isEmpty }.map(\.column))
        for row in rows {
            for cell in row.cells where !cell.value.isEmpty && !named.contains(cell.column) {
                named.insert(cell.column)
                diagnostics.append(Diagnostic(.warning, InputCode.valueWithoutHeader,
                    "\(cell.column) 列目には見出しがないため、値「\(excerpt(cell.value))」は使われません。見出しの行に列の名前を書くか、値を正しい列に移してください",
                    at: SourceLocation(file: file, line: cell.line, column: cell.column)))
            }
        }
        return diagnostics
    }

    static func excerpt(_ value: String) -> String {
        let firstLine = value.prefix { $0 != "\n" }
        return firstLine.count > 20 || firstLine.count < value.count ? String(firstLine.prefix(20)) + "…" : value
    }

    /// Counts tabs and commas outside quotes on the first non-blank line.
    private static func sniff(_ scalars: [Unicode.Scalar], hint: TableDelimiter) -> Unicode.Scalar {
        var tabs = 0, commas = 0, quoted = false, sawText = false
        for scalar in scalars {
            switch scalar {
            case "\"": quoted.toggle(); sawText = true
            case "\t" where !quoted: tabs += 1
            case "," where !quoted: commas += 1
            case "\n", "\r":
                guard !quoted else { break }
                if sawText { return choose(tabs: tabs, commas: commas, hint: hint) }
                // A row of bare delimiters is blank and says nothing about the header.
                tabs = 0
                commas = 0
            default:
                if !scalar.properties.isWhitespace { sawText = true }
            }
        }
        return choose(tabs: tabs, commas: commas, hint: hint)
    }

    private static func choose(tabs: Int, commas: Int, hint: TableDelimiter) -> Unicode.Scalar {
        switch hint {
        case .tab: return commas > tabs ? "," : "\t"
        case .comma: return tabs > commas ? "\t" : ","
        }
    }
}

/// Reads one record at a time, Excel's way: a field is quoted only when `"` opens it, `""`
/// inside stands for `"`, and line breaks inside quotes belong to the cell.
struct RecordReader {
    let scalars: [Unicode.Scalar]
    let separator: Unicode.Scalar
    let file: String
    /// Where the last odd-length run of quotes starts: a quote opened after it can never close,
    /// which is known here in O(1) instead of scanning to the end of the file for every cell.
    let lastOddQuoteRun: Int
    var index = 0
    var line = 1

    init(scalars: [Unicode.Scalar], separator: Unicode.Scalar, file: String) {
        self.scalars = scalars
        self.separator = separator
        self.file = file
        var last = -1
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\"" {
                let start = i
                while i < scalars.count && scalars[i] == "\"" { i += 1 }
                if (i - start) % 2 == 1 { last = start }
            } else {
                i += 1
            }
        }
        lastOddQuoteRun = last
    }

    struct Record {
        let line: Int
        let cells: [TableCell]
    }

    mutating func next(into diagnostics: inout [Diagnostic]) -> Record? {
        guard index < scalars.count else { return nil }
        let recordLine = line
        var cells: [TableCell] = []
        while true {
            let cell = readField(column: cells.count + 1, into: &diagnostics)
            cells.append(cell)
            guard index < scalars.count else { break }
            let scalar = scalars[index]
            index += 1
            if scalar == separator { continue }
            // A line break ends the record.
            if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
            line += 1
            break
        }
        return Record(line: recordLine, cells: cells)
    }

    private func isBreak(_ scalar: Unicode.Scalar) -> Bool { scalar == "\n" || scalar == "\r" }

    private func isPadding(_ scalar: Unicode.Scalar) -> Bool {
        scalar != separator && !isBreak(scalar) && scalar.properties.isWhitespace
    }

    private mutating func readField(column: Int, into diagnostics: inout [Diagnostic]) -> TableCell {
        let fieldLine = line
        var value: [Unicode.Scalar] = []
        var probe = index
        while probe < scalars.count && isPadding(scalars[probe]) { probe += 1 }
        if probe < scalars.count && scalars[probe] == "\"" {
            if closes(at: probe) {
                index = probe + 1
                readQuoted(into: &value)
                let after = index
                readPlain(into: &value)
                if scalars[after..<index].contains(where: { !$0.properties.isWhitespace }) {
                    diagnostics.append(Diagnostic(.warning, InputCode.textAfterQuote,
                        "引用符（\"）で囲んだ値の後に文字が続いています。値の中の \" は \"\" と二つ重ねて書くか、値全体を \" で囲み直してください（引用符が一つ足りないと、次の行までが一つの値になります）",
                        at: SourceLocation(file: file, line: fieldLine, column: column)))
                }
                return cell(value, line: fieldLine, column: column)
            }
            diagnostics.append(Diagnostic(.error, InputCode.unterminatedQuote,
                "引用符（\"）が閉じていません。値の終わりに \" を書き足すか、値の中の \" を \"\" と二つ重ねてください",
                at: SourceLocation(file: file, line: fieldLine, column: column)))
        }
        readPlain(into: &value)
        return cell(value, line: fieldLine, column: column)
    }

    private func closes(at quote: Int) -> Bool {
        var end = quote
        while end < scalars.count && scalars[end] == "\"" { end += 1 }
        return (end - quote) % 2 == 0 || lastOddQuoteRun > quote
    }

    /// Called just after the opening quote; stops after the closing one.
    private mutating func readQuoted(into value: inout [Unicode.Scalar]) {
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\"":
                if index < scalars.count && scalars[index] == "\"" {
                    value.append("\"")
                    index += 1
                } else {
                    return
                }
            case "\r":
                if index < scalars.count && scalars[index] == "\n" { index += 1 }
                value.append("\n")
                line += 1
            case "\n":
                value.append("\n")
                line += 1
            default:
                value.append(scalar)
            }
        }
    }

    private mutating func readPlain(into value: inout [Unicode.Scalar]) {
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == separator || isBreak(scalar) { return }
            value.append(scalar)
            index += 1
        }
    }

    private func cell(_ value: [Unicode.Scalar], line: Int, column: Int) -> TableCell {
        var lower = 0, upper = value.count
        while lower < upper && value[lower].properties.isWhitespace { lower += 1 }
        while upper > lower && value[upper - 1].properties.isWhitespace { upper -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: value[lower..<upper])
        return TableCell(value: String(view), line: line, column: column)
    }
}
