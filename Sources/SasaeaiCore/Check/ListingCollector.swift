import Foundation
import SasaeaiInput

/// Takes raw listings one at a time, in table order, and checks each as soon as it is whole,
/// keeping only what later rows need: the first place of each ID (for duplicates) and the
/// checked listings. A table of a million rows therefore never exists as rows or raw values.
///
/// A row is whole when it is read, because everything that adds to it is known before: the
/// 追加情報 sessions (their tables are read first) and the `listings/<id>.md` files.
struct ListingCollector {
    let checker: ListingChecker
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var listings: [Listing] = []
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
    /// Raw listings waiting to be checked together, on all cores.
    private var batch: [RawListing] = []
    private static let batchSize = 2048
    /// Batches being checked on other threads while the next rows are read.
    private let checking: CheckPipeline

    init(checker: ListingChecker) {
        self.checker = checker
        checking = CheckPipeline(checker: checker)
    }

    /// A row of a 追加情報 table: kept until the row it adds to is read.
    mutating func addSession(_ session: RawListing) {
        let id = session.text(.id).map(ListingChecker.canonicalID)
        if let id { sessions[id, default: []].append(session) }
        sessionOrder.append((id, session))
    }

    /// A `listings/<id>.md` file: it adds to the table row with its ID, or is a listing itself.
    mutating func addDocument(_ raw: RawListing, id: String) {
        if documents[id] == nil { documentOrder.append(id) }
        documents[id, default: []].append(raw)
    }

    /// A row of a main table.
    mutating func add(_ row: RawListing) {
        var raw = row
        guard let id = raw.text(.id).map(ListingChecker.canonicalID) else {
            enqueue(raw)
            return
        }
        if let first = firstSeen[id] {
            diagnostics.append(Diagnostic(.error, Codes.duplicateID, "ID「\(id)」が二度使われています（最初は \(places.location(first))）。別の ID にしてください（市区町村ごとの表で番号が重なるなら、表と同じ名前の .yml に id_prefix: を書けます）", at: raw.values[.id]!.location))
            return
        }
        firstSeen[id] = places.place(raw.values[.id]!.location)
        raw.sessions = sessions.removeValue(forKey: id) ?? []
        for document in documents.removeValue(forKey: id) ?? [] where !document.withheld {
            // A file whose front matter failed (E012) overlays nothing: the row stands alone.
            raw.overlay(document, into: &diagnostics)
        }
        enqueue(raw)
    }

    private mutating func enqueue(_ raw: RawListing) {
        // A withheld row (its table is refused, already reported) only holds its ID.
        guard !raw.withheld else { return }
        batch.append(raw)
        if batch.count >= Self.batchSize { checkBatch() }
    }

    /// Rows are checked independently (schedule parsing is the costly part), on all cores,
    /// while the reading goes on; results and diagnostics keep the rows' order.
    private mutating func checkBatch() {
        guard !batch.isEmpty else { return }
        checking.submit(batch)
        batch.removeAll(keepingCapacity: true)
        collectChecked()
    }

    /// Takes the results of the batches checked so far, in order, so that no batch's results
    /// are held twice (in the pipeline and in `listings`).
    private mutating func collectChecked() {
        for result in checking.takeFinished() {
            diagnostics += result.diagnostics
            if let listing = result.listing { listings.append(listing) }
        }
    }

    /// After the last row: files that named no row are listings of their own, sessions that
    /// named none are reported. Returns the listings in 五十音順 and every ID written.
    mutating func finish() -> ([Listing], Set<String>) {
        for id in documentOrder {
            guard let files = documents.removeValue(forKey: id), var raw = files.first else { continue }
            for other in files.dropFirst() where !other.withheld { raw.overlay(other, into: &diagnostics) }
            firstSeen[id] = places.place(raw.source)
            enqueue(raw)
        }
        for (id, session) in sessionOrder where id == nil || sessions[id!] != nil {
            let key = session.text(.id) ?? session.text(.number) ?? "（空）"
            diagnostics.append(Diagnostic(.warning, Codes.additionalInfoTable, "追加情報の行の ID・NO「\(key)」に当たる掲載がありません。この行の開催日や場所はページに載りません。元の表の ID・NO と合わせてください", at: session.values[.id]?.location ?? session.source))
        }
        sessions = [:]
        checkBatch()
        checking.waitForAll()
        collectChecked()
        // The keys on all cores, and only while sorting: held from the start they cost as
        // much memory as a tenth of the listings.
        Self.sort(&listings, keys: ParallelMap.map(listings, SortKey.init))
        return (listings, Set(firstSeen.keys))
    }

    /// 五十音順 (then by ID), in place: the order is found on indices and applied one cycle at a
    /// time, so a million listings are never copied into a second array.
    static func sort(_ listings: inout [Listing]) {
        sort(&listings, keys: listings.map(SortKey.init))
    }

    /// The same, with each listing's key already made (on the checking threads).
    private static func sort(_ listings: inout [Listing], keys: [SortKey]) {
        // Through a buffer pointer: taking the keys out of the array retained their Strings
        // on every comparison.
        let order = keys.withUnsafeBufferPointer { keys in listings.indices.sorted { keys[$0] < keys[$1] } }
        var placed = [Bool](repeating: false, count: order.count)
        for start in order.indices where !placed[start] {
            // Each position takes the listing the order names for it; the first one moved is kept aside.
            let first = listings[start]
            var position = start
            while true {
                placed[position] = true
                let from = order[position]
                if from == start {
                    listings[position] = first
                    break
                }
                listings[position] = listings[from]
                position = from
            }
        }
    }
}

private struct CheckedListing: Sendable {
    let listing: Listing?
    let diagnostics: [Diagnostic]
}

/// Checks batches of rows on other threads, at most two at a time, so reading the next rows
/// overlaps the checking instead of waiting for it, and a table of a million rows still never
/// has more than a few batches of raw listings in memory.
private final class CheckPipeline: @unchecked Sendable {
    private let checker: ListingChecker
    private let group = DispatchGroup()
    private let slots = DispatchSemaphore(value: 2)
    private let lock = NSLock()
    /// Guarded by `lock`: finished batches not yet taken, by number; the numbers given out
    /// and the first not yet taken.
    private var finished: [Int: [CheckedListing]] = [:]
    private var submitted = 0
    private var taken = 0

    init(checker: ListingChecker) {
        self.checker = checker
    }

    func submit(_ batch: [RawListing]) {
        slots.wait()
        let number = lock.withLock {
            submitted += 1
            return submitted - 1
        }
        let checker = self.checker
        DispatchQueue.global().async(group: group) { [self] in
            let checked = ParallelMap.map(batch) { raw -> CheckedListing in
                var found: [Diagnostic] = []
                let listing = checker.check(raw, into: &found)
                return CheckedListing(listing: listing, diagnostics: found)
            }
            lock.withLock { finished[number] = checked }
            slots.signal()
        }
    }

    /// The results of the finished batches that follow every batch taken before, in order;
    /// each is handed over once.
    func takeFinished() -> [CheckedListing] {
        lock.withLock {
            var results: [CheckedListing] = []
            while let batch = finished.removeValue(forKey: taken) {
                results += batch
                taken += 1
            }
            return results
        }
    }

    func waitForAll() {
        group.wait()
    }
}

/// What listings are sorted by: the 五十音 key of the reading, then the ID.
///
/// `String`'s `<` compares canonical equivalents as equal, which costs a normalization-aware
/// walk on every comparison of Japanese text; for text made only of scalars that no
/// normalization changes or combines, that order is the order of the UTF-8 bytes, so such
/// keys (nearly all) are compared with `memcmp`.
struct SortKey: Sendable {
    let key: String
    let id: String
    private let bytewise: Bool

    init(_ listing: Listing) {
        key = Gojuon.sortKey(listing.kana)
        id = listing.id
        bytewise = key.unicodeScalars.allSatisfy(TextDecoding.isStableUnderNFC) && id.unicodeScalars.allSatisfy(TextDecoding.isStableUnderNFC)
    }

    static func < (a: SortKey, b: SortKey) -> Bool {
        guard a.bytewise && b.bytewise else { return (a.key, a.id) < (b.key, b.id) }
        let byKey = compareBytes(a.key, b.key)
        return byKey != 0 ? byKey < 0 : compareBytes(a.id, b.id) < 0
    }

    private static func compareBytes(_ a: String, _ b: String) -> Int {
        let order = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                let common = min(x.count, y.count)
                if common > 0 {
                    let order = memcmp(x.baseAddress!, y.baseAddress!, common)
                    if order != 0 { return Int(order) }
                }
                return x.count - y.count
            }
        }
        if let order = order ?? nil { return order }
        // Text bridged from Foundation may have no contiguous UTF-8.
        if a.utf8.elementsEqual(b.utf8) { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
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
