/// Reads one record at a time from UTF-8 bytes, Excel's way: a field is quoted only when `"`
/// opens it, `""` inside stands for `"`, and line breaks inside quotes belong to the cell.
///
/// Works on the bytes of the text in place (separators, quotes and line breaks are ASCII), so
/// reading costs no memory beyond the cells it returns.
///
/// A quoted value that Excel would not have written — one that takes in a row boundary or
/// other columns' values — is an error at its opening quote, and reading stops there: that
/// record and every later one are not returned. Re-reading the lines some other way cannot be
/// trusted, because the pieces of a broken row no longer line up with the header, and a private
/// value in a shifted piece would land under a public header (SPEC §7). The rows before it are
/// whole, so `check` can still report on them; the build fails on the error.
struct RecordReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let separator: UInt8
    let file: String
    /// Fields in the header record, trailing empty ones included (Excel writes every row with
    /// the same count); nil until the header has been read.
    var headerFieldCount: Int?
    /// For a table with private columns: a `"` inside a value no quote opened, which Excel never
    /// writes, is refused even alone, since one such quote beside a value that spans lines can
    /// move a private cell under a public header while the row keeps its number of fields.
    var refusesPlainQuotes = false
    /// Where the last odd-length run of quotes starts: a quote opened after it can never close,
    /// which is known here in O(1) instead of scanning to the end of the file for every cell.
    private let lastOddQuoteRun: Int
    private var index: Int
    private var line = 1
    /// Set when a stray quote stopped the reading.
    private(set) var refused = false
    private var controlWarned = Set<Int>()
    /// Where the last quote of the data records since the last full one is: a stray quote
    /// that closes a multi-line value on its first line leaves that record short, and the
    /// value's next line is then read as a record of its own.
    private var shortRecordQuote: QuotedField?
    private var scratch: [UInt8] = []

    struct Record {
        let line: Int
        let cells: [TableCell]
    }

    /// What reading one quoted field saw, to judge whether Excel could have written it.
    private struct QuotedField {
        let line: Int
        let column: Int
        var endLine: Int
        var separators = 0       // separators inside the quotes
        var textAfter = false    // something other than spaces between the closing quote and the field's end
        /// A field not opened by a quote but holding one (`あ"`): what is left of a quoted
        /// value that a stray quote closed early.
        var plain = false
        var spansLines: Bool { endLine > line }
    }

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, separator: UInt8, file: String) {
        self.bytes = bytes
        self.separator = separator
        self.file = file
        self.index = start
        var last = -1
        var i = start
        let quote = UInt8(ascii: "\"")
        while i < bytes.count {
            if bytes[i] == quote {
                let run = i
                while i < bytes.count && bytes[i] == quote { i += 1 }
                if (i - run) % 2 == 1 { last = run }
            } else {
                i += 1
            }
        }
        lastOddQuoteRun = last
    }

    mutating func next(into diagnostics: inout [Diagnostic]) -> Record? {
        guard index < bytes.count, !refused else { return nil }
        let recordLine = line
        var pending: [Diagnostic] = []
        var quoted: [QuotedField] = []
        var controls: [TableCell] = []
        var cells: [TableCell] = []
        cells.reserveCapacity(headerFieldCount ?? 16)
        while true {
            let cell = readField(column: cells.count + 1, quoted: &quoted, into: &pending)
            if cell.hadControls { controls.append(cell.cell) }
            cells.append(cell.cell)
            guard index < bytes.count else { break }
            let byte = bytes[index]
            index += 1
            if byte == separator { continue }
            // A line break ends the record.
            if byte == UInt8(ascii: "\r"), index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
            line += 1
            break
        }
        if let bad = quoted.first(where: { swallows($0, fieldCount: cells.count) }) {
            diagnostics.append(swallowDiagnostic(bad, fieldCount: cells.count))
            refused = true
            return nil
        }
        // Two quotes in one row where Excel puts none (text after a closing quote, and another
        // such quote or one inside a value no quote opened): two stray quotes, which can move a
        // value into another column while the row keeps the header's number of fields.
        let odd = quoted.filter { $0.plain || $0.textAfter }
        if headerFieldCount != nil, odd.count >= 2, odd.contains(where: \.textAfter) {
            diagnostics.append(Diagnostic(.quoteSwallowsCells,
                "この行には Excel が書かない位置の \" が \(odd.count) か所あり（閉じた \" の後に続く文字や、\" で始まらない値の中の \"）、値がほかの列にずれているおそれがあります（非公開の列も）。値の中に \" を書くなら \"\" と二つ重ね、不要な \" なら消してください（この行から後は読んでいません）",
                at: SourceLocation(file: file, line: odd[0].line, column: odd[0].column)))
            refused = true
            return nil
        }
        if refusesPlainQuotes, headerFieldCount != nil, let plain = quoted.first(where: \.plain) {
            diagnostics.append(Diagnostic(.quoteSwallowsCells,
                "\" で始まらない値の中に \" があります（Excel はこう書きません）。非公開の列がある表なので、値がほかの列に（非公開の値が公開の列に）ずれていないとは言えず、ここで読むのをやめました。値の中に \" を書くなら値全体を \" で囲んで中の \" を \"\" と二つ重ね、不要な \" なら消してください（この行から後は読んでいません）",
                at: SourceLocation(file: file, line: plain.line, column: plain.column)))
            refused = true
            return nil
        }
        if let expected = headerFieldCount {
            // The rest of a value broken at its line break: the closing quote Excel put at its
            // end is now inside a field that no quote opened, and the cells after it, the
            // private ones too, sit one or more columns left of their headers.
            if let opening = shortRecordQuote, quoted.contains(where: \.plain) {
                diagnostics.append(Diagnostic(.quoteSwallowsCells,
                    "この \" で始まる値が改行の手前で閉じていて、値の続き（\(recordLine) 行目）が別の行として読まれ、その行の値（非公開の列も）が左の列にずれます。値の中に \" を書くなら \"\" と二つ重ね、不要な \" なら消し、改行を含む値なら閉じる \" を値の終わりだけに置いてください（この行から後は読んでいません）",
                    at: SourceLocation(file: file, line: opening.line, column: opening.column)))
                refused = true
                return nil
            }
            if cells.count >= expected {
                shortRecordQuote = nil
            } else if let last = quoted.last {
                shortRecordQuote = last
            }
        }
        for cell in controls where !controlWarned.contains(cell.column) {
            controlWarned.insert(cell.column)
            pending.append(Diagnostic(.controlCharacters,
                "\(cell.column) 列目の値に見えない制御文字（NUL など）が入っていたので取り除きました。Excel で開いてこの列の値を確かめ、保存し直してください（この列の最初の 1 件だけ知らせます）",
                at: SourceLocation(file: file, line: cell.line, column: cell.column)))
        }
        diagnostics += pending
        return Record(line: recordLine, cells: cells)
    }

    /// Excel quotes a field only when it holds a separator, a quote or a line break, doubles the
    /// quotes inside, puts the closing quote right before the next separator or line end, and
    /// writes every row with the header's number of fields. A stray `"` that swallows a row
    /// boundary breaks one of these: opening in field i of one row and closing in field j of a
    /// later one, the value holds at least (fields − 1) separators when j ≥ i, and the record has
    /// more fields than the header when j < i. Within one row, it leaves the row short.
    /// A real multi-line cell (Alt+Enter) keeps the row's field count and rarely holds as many
    /// separators as the header, so it still reads.
    private func swallows(_ field: QuotedField, fieldCount: Int) -> Bool {
        guard let expected = headerFieldCount else {
            // The header itself: a title never spans a line and holds separators.
            return field.spansLines && (field.separators > 0 || field.textAfter)
        }
        if field.spansLines {
            return field.textAfter || fieldCount != expected || (field.separators > 0 && field.separators >= expected - 1)
        }
        // A stray quote inside a quoted value closes it early and turns the separators after
        // it into real ones: the row gets more fields, and a quote is left where Excel puts
        // none (after the closing quote, or inside a field not opened by one).
        // Even when every quote left looks like Excel's (`"v1_0","あ"` from `"v1_0,あ"` with two
        // stray quotes), a row longer than the header with a quoted value in it is one whose
        // values have moved right: Excel writes every row with the header's number of fields.
        if fieldCount > expected { return true }
        // A quote closing on text (`"v"0_0`) in a short row: a stray quote closed a value
        // early and a multi-line value later in the row was cut at its line break, so the
        // cells between sit in other columns than Excel wrote them.
        if fieldCount < expected && field.textAfter { return true }
        // Within one line: taking in the next column leaves the row short, unless a second
        // stray quote closed a later quoted value early; the first then closes on a quote
        // followed by text, which Excel never writes.
        return field.separators > 0 && (fieldCount < expected || field.textAfter)
    }

    private func swallowDiagnostic(_ field: QuotedField, fieldCount: Int) -> Diagnostic {
        let location = SourceLocation(file: file, line: field.line, column: field.column)
        if field.spansLines {
            return Diagnostic(.quoteSwallowsCells,
                "この \" から \(field.endLine - field.line) 行先までが 1 つの値になっていて、ほかの行の値（非公開の列も）が混ざります。値の先頭の \" が不要なら消し、値の中に \" を書くなら \"\" と二つ重ね、改行を含む値なら閉じる \" を値の終わりに加えてください（この行から後は読んでいません）",
                at: location)
        }
        let expected = headerFieldCount ?? fieldCount
        if fieldCount > expected {
            return Diagnostic(.quoteSwallowsCells,
                "この列の \" の位置で値が途中で閉じて、この行の列が見出しより \(fieldCount - expected) 列多くなっています（右の列の値がずれます）。値の中に \" を書くなら \"\" と二つ重ね、不要な \" なら消してください（この行から後は読んでいません）",
                at: location)
        }
        if fieldCount == expected {
            return Diagnostic(.quoteSwallowsCells,
                "この \" で始まる値に区切り文字が入っていて、閉じる \" の後にも文字が続いています（となりの列の値が混ざります）。値の先頭の \" が不要なら消し、値の中に \" を書くなら \"\" と二つ重ね、閉じる \" をこの列の値の終わりに置いてください（この行から後は読んでいません）",
                at: location)
        }
        if field.separators == 0 {
            return Diagnostic(.quoteSwallowsCells,
                "この \" で始まる値が途中で閉じて後に文字が続き、この行の列が見出しより \(expected - fieldCount) 列少なくなっています（値の区切りがずれて、ほかの列の値が混ざります）。値の中に \" を書くなら \"\" と二つ重ね、不要な \" なら消してください（この行から後は読んでいません）",
                at: location)
        }
        return Diagnostic(.quoteSwallowsCells,
            "この \" で始まる値に区切り文字が入っていて、この行の列が見出しより \(expected - fieldCount) 列少なくなっています（となりの列の値が混ざります）。値の先頭の \" が不要なら消し、値の中に \" を書くなら \"\" と二つ重ね、閉じる \" をこの列の値の終わりに置いてください（この行から後は読んでいません）",
            at: location)
    }

    private func isBreak(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") }

    /// Length of the padding (whitespace other than the separator and line breaks) at `i`, or 0.
    private func paddingLength(at i: Int) -> Int {
        let byte = bytes[i]
        if byte == separator || isBreak(byte) { return 0 }
        if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { return 1 }
        if byte < 0x80 { return 0 }
        return UTF8Scan.whitespaceLength(in: bytes, at: i)
    }

    private mutating func readField(column: Int, quoted: inout [QuotedField],
                                    into diagnostics: inout [Diagnostic]) -> (cell: TableCell, hadControls: Bool) {
        let fieldLine = line
        var probe = index
        while probe < bytes.count {
            let length = paddingLength(at: probe)
            if length == 0 { break }
            probe += length
        }
        if probe < bytes.count && bytes[probe] == UInt8(ascii: "\"") {
            if closes(at: probe) {
                var field = QuotedField(line: fieldLine, column: column, endLine: fieldLine)
                scratch.removeAll(keepingCapacity: true)
                index = probe + 1
                readQuoted(&field)
                let after = index
                let plainEnd = plainEnd(from: index)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[after..<plainEnd]))
                index = plainEnd
                field.textAfter = CellText.hasText(UnsafeBufferPointer(rebasing: bytes[after..<plainEnd]))
                if field.textAfter && !field.spansLines {
                    diagnostics.append(Diagnostic(.textAfterQuote,
                        "引用符（\"）で囲んだ値の後に文字が続いています。値の中の \" は \"\" と二つ重ねて書くか、値全体を \" で囲み直してください（引用符が一つ足りないと、次の行までが一つの値になります）",
                        at: SourceLocation(file: file, line: fieldLine, column: column)))
                }
                quoted.append(field)
                let made = scratch.withUnsafeBufferPointer { CellText.make($0) }
                return (TableCell(value: made.value, line: fieldLine, column: column), made.hadControls)
            }
            diagnostics.append(Diagnostic(.unterminatedQuote,
                "引用符（\"）が閉じていません。値の終わりに \" を書き足すか、値の中の \" を \"\" と二つ重ねてください",
                at: SourceLocation(file: file, line: fieldLine, column: column)))
        }
        let start = index
        index = plainEnd(from: index)
        if UnsafeBufferPointer(rebasing: bytes[start..<index]).contains(UInt8(ascii: "\"")) {
            quoted.append(QuotedField(line: fieldLine, column: column, endLine: fieldLine, plain: true))
        }
        let made = CellText.make(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        return (TableCell(value: made.value, line: fieldLine, column: column), made.hadControls)
    }

    private func closes(at quote: Int) -> Bool {
        var end = quote
        while end < bytes.count && bytes[end] == UInt8(ascii: "\"") { end += 1 }
        return (end - quote) % 2 == 0 || lastOddQuoteRun > quote
    }

    /// Called just after the opening quote; stops after the closing one. Line breaks inside
    /// become LF.
    private mutating func readQuoted(_ field: inout QuotedField) {
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
                    scratch.append(byte)
                    index += 1
                } else {
                    field.endLine = line
                    return
                }
            case UInt8(ascii: "\r"):
                if index < bytes.count && bytes[index] == UInt8(ascii: "\n") { index += 1 }
                scratch.append(UInt8(ascii: "\n"))
                line += 1
            case UInt8(ascii: "\n"):
                scratch.append(byte)
                line += 1
            default:
                if byte == separator { field.separators += 1 }
                scratch.append(byte)
            }
        }
        field.endLine = line
    }

    private func plainEnd(from start: Int) -> Int {
        var i = start
        while i < bytes.count {
            let byte = bytes[i]
            if byte == separator || isBreak(byte) { return i }
            i += 1
        }
        return i
    }
}
