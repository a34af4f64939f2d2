import Foundation

// libFuzzer target: the table reader never crashes, and what it returns is well formed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTable(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    let text = String(decoding: input, as: UTF8.self)
    // Physical lines as the reader counts them: CRLF, CR and LF each end one.
    var lines = 1
    var previous: Unicode.Scalar = "a"
    for scalar in text.unicodeScalars {
        if scalar == "\r" || (scalar == "\n" && previous != "\r") { lines += 1 }
        previous = scalar
    }
    for delimiter in [TableDelimiter.tab, .comma] {
        let (table, diagnostics) = DelimitedTable.parse(text, delimiter: delimiter, file: "f")
        // `check` decides what a table's rows mean from the header read ahead of them.
        require(DelimitedTable.header(text, delimiter: delimiter, file: "f") == table.header, "header read ahead")
        var lastLine = 0
        for row in [TableRow(line: table.header.first?.line ?? 1, cells: table.header)] + table.rows where !row.cells.isEmpty {
            require(row.line > lastLine || row.cells == table.header, "rows in order")
            require(row.line >= 1 && row.line <= lines, "row line in file")
            lastLine = row.line
            require(row.cells.last?.value.isEmpty == false, "no trailing empty cell")
            for (i, cell) in row.cells.enumerated() {
                require(cell.column == i + 1, "columns consecutive")
                require(cell.line >= row.line && cell.line <= lines, "cell line in file")
                require(cell.value == cell.value.trimmingCharacters(in: .whitespacesAndNewlines), "trimmed")
                require(!cell.value.contains("\r"), "line ends inside cells are LF")
            }
        }
        require(table.header.isEmpty == table.rows.isEmpty || !table.header.isEmpty, "rows need a header")
        for diagnostic in diagnostics {
            require(diagnostic.location.line >= 1 && diagnostic.location.line <= lines, "diagnostic line in file")
            require(diagnostic.code.rawValue.hasPrefix("E00") || diagnostic.code.rawValue.hasPrefix("W00"), "input codes")
        }
        require(diagnostics == diagnostics.sorted(), "diagnostics sorted")
    }
    return 0
}
