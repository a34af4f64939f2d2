import Foundation

// libFuzzer target: stray quotes never move a private cell's value into a public column.
// The fuzz bytes do not become the table; they choose its shape (columns, which one is
// private, quoting of each cell, separator, line ends) and then where stray `"` are inserted
// into the data rows. Private cells hold `SECRET<row>x`; after parsing, no cell outside the
// private column may contain "SECRET" (quotes removed, as an inserted quote can split it).
// At most two stray quotes, the case (one too many, or one at each end of a run of
// cells): four well-placed quotes can turn a row into another perfectly Excel-shaped row with
// its values shifted (`a,b,S,"e,f"` → `"a,b",S,"e","f"`), which no reader can tell apart.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPrivacy(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = bytes(data, size)[...]
    func next() -> Int { Int(input.popFirst() ?? 0) }
    let columns = 2 + next() % 5
    let privateColumn = next() % columns
    let rowCount = 1 + next() % 6
    let shape = next()
    let separator = shape & 1 == 0 ? "," : "\t"
    let lineEnd = ["\n", "\r\n", "\r"][(shape >> 1) % 3]
    let privateHeaders = ["_memo", "非公開メモ", "＿メモ", "_連絡先"]
    let header = (0..<columns).map { $0 == privateColumn ? privateHeaders[(shape >> 3) % privateHeaders.count] : "列\($0)" }
    var text = header.joined(separator: separator) + lineEnd
    let headerLength = text.utf8.count
    for row in 0..<rowCount {
        var cells: [String] = []
        for column in 0..<columns {
            let value = column == privateColumn ? "SECRET\(row)x" : "v\(row)_\(column)"
            // How Excel would write the cell: plain, or quoted because of what it holds.
            switch next() % 6 {
            case 0: cells.append(value)
            case 1: cells.append("\"\(value)\(separator)あ\"")
            case 2: cells.append("\"\(value)\(lineEnd)い\"")
            case 3: cells.append("\"\(value) \"\"う\"\"\"")
            case 4: cells.append("")
            default: cells.append("\"\(value)\"")
            }
        }
        text += cells.joined(separator: separator) + lineEnd
    }
    var scalars = Array(text.utf8)
    // Stray quotes, inserted from the end so earlier positions stay meaningful.
    var inserts: [Int] = []
    while input.count >= 2 && inserts.count < 2 {
        let position = next() << 8 | next()
        inserts.append(headerLength + position % max(1, scalars.count - headerLength + 1))
    }
    for position in inserts.sorted(by: >) { scalars.insert(UInt8(ascii: "\""), at: position) }
    let mutated = String(decoding: scalars, as: UTF8.self)
    for hint in [TableDelimiter.tab, .comma] {
        let (table, _) = DelimitedTable.parse(mutated, delimiter: hint, file: "p", refusingShortRows: true)
        require(table.header.map(\.value) == header, "header unchanged")
        for row in table.rows {
            for cell in row.cells where cell.column != privateColumn + 1 {
                let plain = cell.value.replacingOccurrences(of: "\"", with: "")
                require(!plain.contains("SECRET"), "private value in public column \(cell.column) at line \(cell.line): \(mutated.debugDescription)")
            }
        }
    }
    return 0
}
