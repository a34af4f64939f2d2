import SasaeaiInput

/// The read stage's listings: every table row (its headers mapped by `ListingTableReader`) and
/// every `listings/<id>.md` file, handed on one at a time as finished raw listings, whatever
/// the source format. Check receives them as they are and knows nothing of tables or files.
///
/// A row is finished when it is read, because everything that adds to it is known before: the
/// 追加情報 sessions (their tables are read first) and the `.md` files, overlaid here on the
/// row with their ID. Only what later rows need is kept (the first place of each ID, for
/// duplicates), so a table of a million rows never exists as rows or raw values.
struct ListingAssembly {
    /// The first place each ID is written; a later row with the same ID is an error.
    private var firstSeen: [String: Place] = [:]
    /// The files (and sheets) of `firstSeen`, by number.
    private var places = PlaceFiles()
    /// 追加情報 rows by the ID of the listing they add to, in table order.
    private var sessions: [String: [RawListing]] = [:]
    /// Sessions whose ID names no row, in table order, reported at the end.
    private var sessionOrder: [(id: String?, session: RawListing)] = []
    /// `listings/<id>.md` files by ID, in file order, with the IDs in first-seen order.
    private var documents: [String: [RawListing]] = [:]
    private var documentOrder: [String] = []

    /// Reads the `.md` files, then the tables: 追加情報 tables first (their rows add to listings
    /// of the others), then the main tables, each taken out of `tables` so its text goes once
    /// read. `listing` gets each finished raw listing: the rows in table order, then the files
    /// that named no row. Returns every ID written in the content.
    static func read(_ tables: inout [ListingTable], documents: [MarkdownDocument], into diagnostics: inout [Diagnostic],
                     listing: (RawListing) -> Void) -> Set<String> {
        var assembly = ListingAssembly()
        for document in documents {
            let raw = document.rawListing(into: &diagnostics)
            assembly.addDocument(raw, id: raw.text(.id).map(ListingChecker.canonicalID) ?? document.stem)
        }
        var pending: [ListingTable?] = tables.filter(\.isAdditionalInfo) + tables.filter { !$0.isAdditionalInfo }
        tables = []
        for index in pending.indices {
            guard let table = pending[index] else { continue }
            pending[index] = nil
            var reader = ListingTableReader(header: table.header, file: table.file, sheet: table.sheet, sidecar: table.sidecar,
                                            idPrefix: table.idPrefix, into: &diagnostics)
            var rowProblems: [Diagnostic] = []
            table.forEachRow(into: &diagnostics) { row in
                guard let raw = reader.listing(row, into: &rowProblems) else { return }
                if raw.isAdditional {
                    assembly.addSession(raw)
                } else if let finished = assembly.add(raw, into: &rowProblems) {
                    listing(finished)
                }
            }
            reader.finish(into: &diagnostics)
            diagnostics += rowProblems
        }
        assembly.finish(into: &diagnostics).forEach(listing)
        return Set(assembly.firstSeen.keys)
    }

    /// A row of a 追加情報 table: kept until the row it adds to is read.
    private mutating func addSession(_ session: RawListing) {
        let id = session.text(.id).map(ListingChecker.canonicalID)
        if let id { sessions[id, default: []].append(session) }
        sessionOrder.append((id, session))
    }

    /// A `listings/<id>.md` file: it adds to the table row with its ID, or is a listing itself.
    private mutating func addDocument(_ raw: RawListing, id: String) {
        if documents[id] == nil { documentOrder.append(id) }
        documents[id, default: []].append(raw)
    }

    /// A row of a main table, with its sessions and files joined; nil for a row refused for
    /// its ID and for a withheld one (its table is refused, already reported: it only holds
    /// its ID, so that what names it is not reported a second time).
    private mutating func add(_ row: RawListing, into diagnostics: inout [Diagnostic]) -> RawListing? {
        var raw = row
        guard let id = raw.text(.id).map(ListingChecker.canonicalID) else {
            return raw.withheld ? nil : raw
        }
        if let first = firstSeen[id] {
            diagnostics.append(Diagnostic(.duplicateID, "ID「\(id)」が二度使われています（最初は \(places.location(first))）。別の ID にしてください（市区町村ごとの表で番号が重なるなら、表と同じ名前の .yml に id_prefix: を書けます）", at: raw.values[.id]!.location))
            return nil
        }
        firstSeen[id] = places.place(raw.values[.id]!.location)
        raw.sessions = sessions.removeValue(forKey: id) ?? []
        for document in documents.removeValue(forKey: id) ?? [] where !document.withheld {
            // A file whose front matter failed (E012) overlays nothing: the row stands alone.
            raw.overlay(document, into: &diagnostics)
        }
        return raw.withheld ? nil : raw
    }

    /// After the last row: files that named no row are listings of their own (returned),
    /// sessions that named none are reported.
    private mutating func finish(into diagnostics: inout [Diagnostic]) -> [RawListing] {
        var own: [RawListing] = []
        for id in documentOrder {
            guard let files = documents.removeValue(forKey: id), var raw = files.first else { continue }
            for other in files.dropFirst() where !other.withheld { raw.overlay(other, into: &diagnostics) }
            firstSeen[id] = places.place(raw.source)
            if !raw.withheld { own.append(raw) }
        }
        for (id, session) in sessionOrder where id == nil || sessions[id!] != nil {
            let key = session.text(.id) ?? session.text(.number) ?? "（空）"
            diagnostics.append(Diagnostic(.additionalInfoTable, "追加情報の行の ID・NO「\(key)」に当たる掲載がありません。この行の開催日や場所はページに載りません。元の表の ID・NO と合わせてください", at: session.values[.id]?.location ?? session.source))
        }
        sessions = [:]
        sessionOrder = []
        return own
    }
}

extension ListingTable {
    /// Whether the table is the layout's 追加情報 table, from its header alone.
    var isAdditionalInfo: Bool {
        var ignored: [Diagnostic] = []
        let headers = HeaderMap(header, file: file, sheet: sheet, sidecar: sidecar, into: &ignored)
        return ListingTableReader.isAdditionalInfo(Set(headers.firstHeader.keys))
    }
}

/// A source location in 12 bytes instead of 48: the file and sheet, the same for a whole table,
/// are kept once in `PlaceFiles` and named by number.
struct Place: Hashable {
    let file: Int32
    let line: Int32
    let column: Int32
}

struct PlaceFiles {
    private struct File: Hashable {
        let name: String
        let sheet: String?
    }

    private var files: [File] = []
    private var numbers: [File: Int32] = [:]

    mutating func place(_ location: SourceLocation) -> Place {
        let file = File(name: location.file, sheet: location.sheet)
        // Rows come table by table: the last file is nearly always the one.
        let number: Int32
        if let last = files.last, last == file {
            number = Int32(files.count - 1)
        } else if let known = numbers[file] {
            number = known
        } else {
            number = Int32(files.count)
            files.append(file)
            numbers[file] = number
        }
        return Place(file: number, line: Int32(clamping: location.line), column: Int32(clamping: location.column))
    }

    func location(_ place: Place) -> SourceLocation {
        let file = files[Int(place.file)]
        return SourceLocation(file: file.name, line: Int(place.line), column: Int(place.column), sheet: file.sheet)
    }
}
