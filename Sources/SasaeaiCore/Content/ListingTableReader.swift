import SasaeaiInput
import SasaeaiSchedule

/// Turns a table's rows into raw listings, one row at a time: headers to fields (through the
/// schema and the table's sidecar), private cells dropped before anything else reads the row,
/// sidecar defaults applied, and IDs derived for rows that have none. It keeps nothing of a
/// row once it is returned, only the derived IDs (to number repeats) and counts for the
/// table's summary warnings, so a table of any length can stream through it.
struct ListingTableReader {
    /// Fields that carry (part of) a schedule: a table with none of them gets a warning.
    static let scheduleColumns: Set<ListingColumn> = [.schedule, .frequency, .weekdays, .days, .startTime, .endTime, .scheduleNote]

    /// The columns of the layout's 追加情報 table (more sessions of a listing, keyed by ID).
    static let additionalInfoColumns: Set<ListingColumn> = scheduleColumns.union([
        .id, .number, .extraInfoNumber, .address, .building, .lat, .lon, .audienceNote, .feeInfant, .feeElementary,
        .feeJuniorHigh, .feeHighSchool, .feeAdult, .feeNote, .booking, .bookingNote, .capacity, .schoolDistrict, .image,
        .imageLicence, .notes,
    ])

    let file: String
    let sheet: String?
    let sidecar: TableSidecar
    let prefix: String
    /// The layout's 追加情報 table: more sessions (days, times, places) of rows of the main
    /// table, keyed by ID or NO. Its rows are merged into those listings by the checker.
    let isAdditional: Bool
    /// A required column is missing (reported once): rows are withheld, not read.
    let withholding: Bool
    private let headers: HeaderMap
    private let columns: [ColumnUse]
    private let idColumn: Int?
    private var unnamedReported: Set<Int> = []
    private var derivedIDs: Set<String> = []
    private var unread = (count: 0, firstLine: 0)
    private var derived = (count: 0, firstLine: 0, firstID: "")

    /// What a column's cells become, by column number (index 0 is column 1).
    private enum ColumnUse {
        case field(ListingColumn)
        case extra(String)
        case unnamed
        case ignored   // private cells, and columns of a duplicated header (already an error)
    }

    /// Reads the header and reports its problems.
    /// - Parameter idPrefix: what derived IDs start with; the table file's stem by default (a
    ///   workbook with several listing sheets gives each sheet its own).
    init(header: [TableCell], file: String, sheet: String? = nil, sidecar: TableSidecar = TableSidecar(), idPrefix: String? = nil,
         into diagnostics: inout [Diagnostic]) {
        self.file = file
        self.sheet = sheet
        self.sidecar = sidecar
        prefix = sidecar.idPrefix ?? idPrefix ?? Self.stemSlug(file)
        headers = HeaderMap(header, file: file, sheet: sheet, sidecar: sidecar, into: &diagnostics)
        let headerLine = header.first?.line ?? 1
        let present = Set(headers.firstHeader.keys)
        isAdditional = Self.isAdditionalInfo(present)
        let missing = isAdditional ? [] : [ListingColumn.name].filter { !present.contains($0) && sidecar.defaults[$0] == nil }
        for column in missing {
            let names = column.field.allHeaders.map { "「\($0)」" }.joined(separator: "または")
            diagnostics.append(Diagnostic(.missingColumn, "必須の列「\(column.label)」がありません。1行目に\(names)の列を加えてください", at: SourceLocation(file: file, line: headerLine, sheet: sheet)))
        }
        withholding = !missing.isEmpty
        idColumn = headers.meanings.first { $0.value == .column(.id) }?.key
        let width = (headers.meanings.keys.max() ?? 0)
        var columns = [ColumnUse](repeating: .ignored, count: max(width, headers.unnamed.max() ?? 0))
        for (column, meaning) in headers.meanings {
            switch meaning {
            case .column(let field): columns[column - 1] = .field(field)
            case .extra(let label): columns[column - 1] = .extra(label)
            case .private: break
            }
        }
        for column in headers.unnamed { columns[column - 1] = .unnamed }
        self.columns = columns
        if !withholding && !isAdditional && present.isDisjoint(with: Self.scheduleColumns) && Set(sidecar.defaults.keys).isDisjoint(with: Self.scheduleColumns) {
            diagnostics.append(Diagnostic(.noScheduleColumn, "開催日時の列が見つかりません。曜日別・月別のページやカレンダーに載りません。「開催日時」の列（または「開催曜日」「開催日」「開催開始時間」など）を加えるか、列名が違うなら付属の .yml の columns: に「列名: schedule」と書いてください", at: SourceLocation(file: file, line: headerLine, sheet: sheet)))
        }
    }

    /// The whole table at once (for a table already in memory).
    static func read(_ table: Table, file: String, sidecar: TableSidecar = TableSidecar(), idPrefix: String? = nil,
                     into diagnostics: inout [Diagnostic]) -> [RawListing] {
        var reader = ListingTableReader(header: table.header, file: file, sheet: table.sheet, sidecar: sidecar, idPrefix: idPrefix, into: &diagnostics)
        let listings = table.rows.compactMap { reader.listing($0, into: &diagnostics) }
        reader.finish(into: &diagnostics)
        return listings
    }

    private func location(_ cell: TableCell) -> SourceLocation {
        SourceLocation(file: file, line: cell.line, column: cell.column, sheet: sheet)
    }

    /// The raw listing of one data row; nil for a row of a withheld table that has no ID.
    mutating func listing(_ row: TableRow, into diagnostics: inout [Diagnostic]) -> RawListing? {
        if withholding {
            // One mistake, one message: the rows are withheld, not dropped, so `listings/<id>.md`
            // files and bulletin embeds naming them are not reported again for the same cause.
            guard let idColumn, let cell = row.cells.first(where: { $0.column == idColumn }) else { return nil }
            let text = Self.trimmed(cell.value)
            guard !text.isEmpty else { return nil }
            var listing = RawListing(source: SourceLocation(file: file, line: row.line, sheet: sheet))
            let id = RawValue(text: text, location: location(cell))
            listing.values[.id] = prefixed(id) ?? id
            listing.withheld = true
            return listing
        }
        var listing = RawListing(source: SourceLocation(file: file, line: row.line, sheet: sheet))
        listing.values.reserveCapacity(min(row.cells.count, columns.count) + sidecar.defaults.count + 2)
        for cell in row.cells {
            guard cell.column <= columns.count else { continue }
            switch columns[cell.column - 1] {
            case .ignored:
                continue
            case .unnamed:
                if unnamedReported.contains(cell.column) || Self.isBlank(cell.value) { continue }
                unnamedReported.insert(cell.column)
                diagnostics.append(Diagnostic(.unnamedColumn, "\(Self.columnName(cell.column))列には見出しがないため、値が使われません。1行目に列名を書いてください", at: location(cell)))
            case .field(let column):
                listing.values[column] = RawValue(text: Self.trimmed(cell.value), location: location(cell))
            case .extra(let label):
                let text = Self.trimmed(cell.value)
                if !text.isEmpty { listing.extras.append((label, RawValue(text: text, location: location(cell)))) }
            }
        }
        if isAdditional {
            listing.isAdditional = true
            if let id = prefixed(listing.values[.id]) {
                listing.values[.id] = id
            } else if listing.text(.id) == nil, listing.text(.number) != nil, let id = Self.derivedID(listing, prefix: prefix) {
                listing.values[.id] = RawValue(text: id, location: listing.values[.number]!.location)
            }
            return listing
        }
        for (column, value) in sidecar.defaults where listing.text(column) == nil {
            listing.values[column] = value
        }
        if let id = prefixed(listing.values[.id]) { listing.values[.id] = id }
        if listing.text(.kana) == nil, let name = listing.values[.name], !name.text.isEmpty {
            // Many published tables leave 名称_カナ blank: the row still gets its page,
            // sorted and searched by its name, and the table gets one warning.
            listing.values[.kana] = RawValue(text: name.text, location: listing.values[.kana]?.location ?? name.location)
            if unread.count == 0 { unread.firstLine = row.line }
            unread.count += 1
        }
        if listing.text(.id) == nil, listing.text(.name) != nil, var id = Self.derivedID(listing, prefix: prefix) {
            // Two rows with the same reading (one 食堂 at two places): the later gets -2, -3 …
            let base = id
            var n = 1
            while derivedIDs.contains(id) {
                n += 1
                id = "\(base)-\(n)"
            }
            listing.values[.id] = RawValue(text: id, location: listing.values[.id]?.location ?? listing.source)
            if derived.count == 0 { derived = (0, row.line, id) }
            derived.count += 1
            derivedIDs.insert(id)
        }
        return listing
    }

    /// The table's summary warnings, once its last row has been read.
    func finish(into diagnostics: inout [Diagnostic]) {
        if unread.count > 0 {
            diagnostics.append(Diagnostic(.readingFromName, "読み（ふりがな）のない行が \(unread.count) 行あります。五十音順の並びと検索には名称をそのまま使います（漢字の名称は「その他」に並びます）。「名称_カナ」か「ふりがな」の列に読みを書いてください", at: SourceLocation(file: file, line: unread.firstLine, sheet: sheet)))
        }
        if derived.count > 0 {
            let from = headers.firstHeader[.number].map { "「\($0.value)」の列" } ?? "読み（\(ListingColumn.kana.label)）"
            diagnostics.append(Diagnostic(.derivedID, "ID のない行が \(derived.count) 行あり、ID を\(from)から作りました（例: \(derived.firstID)）。ページの URL はこの ID で決まるので、\(from)を変えると URL も変わります。URL を固定するには ID の列に書いてください", at: SourceLocation(file: file, line: derived.firstLine, sheet: sheet)))
        }
    }

    static func trimmed(_ value: String) -> String { TextTrimming.trimmed(value) }

    private static func isBlank(_ value: String) -> Bool {
        trimmed(value).isEmpty
    }

    /// The table's own ID behind the sidecar's `id_prefix`, when both are there.
    private func prefixed(_ id: RawValue?) -> RawValue? {
        guard let own = sidecar.idPrefix, let id, !id.text.isEmpty else { return nil }
        return RawValue(text: own + "-" + ListingChecker.canonicalID(id.text), location: id.location)
    }

    /// Whether a table's fields are those of the layout's 追加情報 table: no 名称, an ID or NO,
    /// and only the schedule, place, fee and booking columns a session can differ in.
    static func isAdditionalInfo(_ present: Set<ListingColumn>) -> Bool {
        !present.contains(.name) && !present.isDisjoint(with: [.id, .number])
            && !present.isDisjoint(with: scheduleColumns.union([.address])) && present.isSubset(of: additionalInfoColumns)
    }

    /// A byte-order mark re-encoded by a tool that did not know it becomes `?` or U+FFFD in
    /// front of the first header (`?全国地方公共団体コード`, as some wards publish).
    static func withoutDamagedMark(_ cell: TableCell) -> TableCell {
        guard cell.column == 1, let first = cell.value.first, first == "?" || first == "\u{FFFD}",
              case .column = ListingColumn.classify(header: String(cell.value.dropFirst())) else { return cell }
        return TableCell(value: String(cell.value.dropFirst()), line: cell.line, column: cell.column)
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

/// What each header of a table means, with the header problems reported: two headers for one
/// field, two unknown headers with one name, near misses of known headers, unnamed columns.
struct HeaderMap {
    var meanings: [Int: HeaderMeaning] = [:]
    /// The header kept for each field (the first, when two mean the same: that is an error).
    var firstHeader: [ListingColumn: TableCell] = [:]
    /// Columns with an empty header.
    var unnamed: Set<Int> = []

    init(_ header: [TableCell], file: String, sheet: String?, sidecar: TableSidecar, into diagnostics: inout [Diagnostic]) {
        var extraHeaders: [String: TableCell] = [:]
        for cell in header.map(ListingTableReader.withoutDamagedMark) {
            let location = SourceLocation(file: file, line: cell.line, column: cell.column, sheet: sheet)
            if cell.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                unnamed.insert(cell.column)
                continue
            }
            let meaning = ListingColumn.classify(header: cell.value, columns: sidecar.columns)
            switch meaning {
            case .column(let column):
                if let first = firstHeader[column] {
                    diagnostics.append(Diagnostic(.duplicateFieldColumn, "列「\(cell.value)」と\(ListingTableReader.columnName(first.column))列の「\(first.value)」は、どちらも「\(column.label)」の列です。どちらの値を使うか決められないので、一方の列を消すか、列名を変えてください", at: location))
                    continue
                }
                firstHeader[column] = cell
            case .extra(let label):
                if let first = extraHeaders[TextNormalization.matchKey(label)] {
                    diagnostics.append(Diagnostic(.duplicateFieldColumn, "列「\(label)」が\(ListingTableReader.columnName(first.column))列にもあります。同じ名前の列は、どちらの値を出すか決められないので、一方の列名を変えてください", at: location))
                    continue
                }
                extraHeaders[TextNormalization.matchKey(label)] = cell
                if let near = ListingSchema.nearMiss(label) {
                    diagnostics.append(Diagnostic(.nearMissHeader, "列「\(label)」は「\(near.headers.first ?? near.label)」（\(near.key.rawValue)）のことですか？ そうなら列名を直すか、付属の .yml の columns: に「\(label): \(near.key.rawValue)」と書いてください。このままではページに追加の項目として出ます", at: location))
                }
            case .private:
                break
            }
            meanings[cell.column] = meaning
        }
    }
}
