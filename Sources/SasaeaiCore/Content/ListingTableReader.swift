import SasaeaiInput

/// Turns a parsed table into raw listings: headers to fields (through the schema and the
/// table's sidecar), private cells dropped before anything else reads the row, sidecar
/// defaults applied, and IDs derived for rows that have none.
enum ListingTableReader {
    /// Fields that carry (part of) a schedule: a table with none of them gets a warning.
    static let scheduleColumns: Set<ListingColumn> = [.schedule, .frequency, .weekdays, .days, .startTime, .endTime, .scheduleNote]

    /// - Parameter idPrefix: what derived IDs start with; the table file's stem by default (a
    ///   workbook with several listing sheets gives each sheet its own).
    static func read(_ table: Table, file: String, sidecar: TableSidecar = TableSidecar(), idPrefix: String? = nil,
                     into diagnostics: inout [Diagnostic]) -> [RawListing] {
        let sheet = table.header.first?.sheet
        let prefix = idPrefix ?? stemSlug(file)
        var meanings: [Int: HeaderMeaning] = [:]
        var firstHeader: [ListingColumn: TableCell] = [:]
        var unnamed: Set<Int> = []
        for cell in table.header {
            let location = cell.location(in: file)
            if cell.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                unnamed.insert(cell.column)
                continue
            }
            let meaning = ListingColumn.classify(header: cell.value, columns: sidecar.columns)
            switch meaning {
            case .column(let column):
                if let first = firstHeader[column] {
                    diagnostics.append(Diagnostic(.error, Codes.duplicateHeader, "列「\(cell.value)」と\(columnName(first.column))列の「\(first.value)」は、どちらも「\(column.label)」の列です。どちらの値を使うか決められないので、一方の列を消すか、列名を変えてください", at: location))
                    continue
                }
                firstHeader[column] = cell
            case .extra(let label):
                if let near = ListingSchema.nearMiss(label) {
                    diagnostics.append(Diagnostic(.warning, Codes.nearMissHeader, "列「\(label)」は「\(near.headers.first ?? near.label)」（\(near.key.rawValue)）のことですか？ そうなら列名を直すか、付属の .yml の columns: に「\(label): \(near.key.rawValue)」と書いてください。このままではページに追加の項目として出ます", at: location))
                }
            case .private:
                break
            }
            meanings[cell.column] = meaning
        }
        let headerLine = table.header.first?.line ?? 1
        let present = Set(firstHeader.keys)
        let missing = [ListingColumn.name, .kana].filter { !present.contains($0) && sidecar.defaults[$0] == nil }
        for column in missing {
            let names = column.field.allHeaders.map { "「\($0)」" }.joined(separator: "または")
            diagnostics.append(Diagnostic(.error, Codes.missingColumn, "必須の列「\(column.label)」がありません。1行目に\(names)の列を加えてください", at: SourceLocation(file: file, line: headerLine, sheet: sheet)))
        }
        guard missing.isEmpty else { return [] }
        if present.isDisjoint(with: scheduleColumns) && Set(sidecar.defaults.keys).isDisjoint(with: scheduleColumns) {
            diagnostics.append(Diagnostic(.warning, Codes.noScheduleColumn, "開催日時の列が見つかりません。曜日別・月別のページやカレンダーに載りません。「開催日時」の列（または「開催曜日」「開催日」「開催開始時間」など）を加えるか、列名が違うなら付属の .yml の columns: に「列名: schedule」と書いてください", at: SourceLocation(file: file, line: headerLine, sheet: sheet)))
        }

        var unnamedReported: Set<Int> = []
        var derived: [(row: Int, id: String)] = []
        var listings: [RawListing] = []
        for row in table.rows {
            var listing = RawListing(source: SourceLocation(file: file, line: row.line, sheet: sheet))
            for cell in row.cells {
                let location = cell.location(in: file)
                let text = cell.value.trimmingCharacters(in: .whitespacesAndNewlines)
                if unnamed.contains(cell.column) {
                    if !text.isEmpty && unnamedReported.insert(cell.column).inserted {
                        diagnostics.append(Diagnostic(.warning, Codes.unnamedColumn, "\(columnName(cell.column))列には見出しがないため、値が使われません。1行目に列名を書いてください", at: location))
                    }
                    continue
                }
                switch meanings[cell.column] {
                case .column(let column):
                    listing.values[column] = RawValue(text: text, location: location)
                case .extra(let label) where !text.isEmpty:
                    listing.extras.append((label, RawValue(text: text, location: location)))
                default:
                    break // private cells, and columns of a duplicated header (already an error)
                }
            }
            for (column, value) in sidecar.defaults where listing.text(column) == nil {
                listing.values[column] = value
            }
            if listing.text(.id) == nil, listing.text(.name) != nil, let id = derivedID(listing, prefix: prefix) {
                listing.values[.id] = RawValue(text: id, location: listing.values[.id]?.location ?? listing.source)
                derived.append((row.line, id))
            }
            listings.append(listing)
        }
        if let first = derived.first {
            let from = present.contains(.number) ? "「\(firstHeader[.number]!.value)」の列" : "読み（\(ListingColumn.kana.label)）"
            diagnostics.append(Diagnostic(.warning, Codes.derivedID, "ID のない行が \(derived.count) 行あり、ID を\(from)から作りました（例: \(first.id)）。ページの URL はこの ID で決まるので、\(from)を変えると URL も変わります。URL を固定するには ID の列に書いてください", at: SourceLocation(file: file, line: first.row, sheet: sheet)))
        }
        return listings
    }

    /// `<table stem>-<number>` from the table's own number column, else `<table stem>-<hash of
    /// the reading>`: the same row gives the same ID on every build.
    static func derivedID(_ listing: RawListing, prefix: String) -> String? {
        if let number = listing.text(.number) {
            let folded = TextNormalization.asciiFolded(number).lowercased()
            let trimmed = folded.allSatisfy(\.isNumber) ? String(folded.drop { $0 == "0" }) : folded
            let candidate = prefix + "-" + (trimmed.isEmpty ? "0" : trimmed)
            if Slug.isValid(candidate) { return candidate }
        }
        guard let kana = listing.text(.kana) else { return nil }
        return prefix + "-" + stableHash(TextNormalization.hiragana(TextNormalization.matchKey(kana)))
    }

    /// The ASCII part of the table's file name, as a slug (`15_182109_kodomoshokudo.csv` →
    /// `15_182109_kodomoshokudo`; a Japanese name gives `listing`).
    static func stemSlug(_ file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let stem = name.split(separator: ".").dropLast().joined(separator: ".")
        var slug = ""
        for scalar in TextNormalization.asciiFolded(stem).lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        while slug.hasPrefix("_") { slug.removeFirst() }
        return slug.isEmpty ? "listing" : slug
    }

    /// FNV-1a, 32 bits, in hex: small, stable across runs and platforms (Swift's `hashValue`
    /// is seeded per process, so it cannot make URLs).
    static func stableHash(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// A column number as Excel names it (1 → A, 27 → AA), for messages about whole columns.
    static func columnName(_ column: Int) -> String {
        var n = column
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }
}
