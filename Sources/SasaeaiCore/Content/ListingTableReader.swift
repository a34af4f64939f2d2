import SasaeaiInput

/// Turns a parsed table into raw listings, mapping Japanese or canonical headers to columns.
enum ListingTableReader {
    static func read(_ table: Table, file: String, into diagnostics: inout [Diagnostic]) -> [RawListing] {
        var meanings: [Int: HeaderMeaning] = [:]
        var present = Set<ListingColumn>()
        for cell in table.header {
            let meaning = ListingColumn.classify(header: cell.value)
            meanings[cell.column] = meaning
            if case .column(let column) = meaning { present.insert(column) }
        }
        let headerLine = table.header.first?.line ?? 1
        let missing = ListingColumn.required.filter { !present.contains($0) }
        for column in missing {
            let names = ([column.rawValue] + column.headers).map { "「\($0)」" }.joined(separator: "または")
            diagnostics.append(Diagnostic(.error, Codes.missingColumn, "必須の列「\(column.label)」がありません。1行目に\(names)の列を加えてください", at: SourceLocation(file: file, line: headerLine)))
        }
        guard missing.isEmpty else { return [] }

        return table.rows.map { row in
            var listing = RawListing(source: SourceLocation(file: file, line: row.line))
            for cell in row.cells {
                let location = SourceLocation(file: file, line: cell.line, column: cell.column)
                let value = RawValue(text: cell.value.trimmingCharacters(in: .whitespacesAndNewlines), location: location)
                switch meanings[cell.column] {
                case .column(let column): listing.values[column] = value
                case .extra(let label) where !value.text.isEmpty && !label.isEmpty: listing.extras.append((label, value))
                default: break
                }
            }
            return listing
        }
    }
}
