import Foundation
import SasaeaiInput

/// Takes finished raw listings one at a time (from `ListingAssembly`, in table order) and
/// checks them in batches on all cores while the next ones are read, keeping only the checked
/// listings, which it returns in 五十音順.
struct ListingCollector {
    let checker: ListingChecker
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var listings: [Listing] = []
    /// Raw listings waiting to be checked together, on all cores.
    private var batch: [RawListing] = []
    private static let batchSize = 2048
    /// Batches being checked on other threads while the next rows are read.
    private let checking: CheckPipeline

    init(checker: ListingChecker) {
        self.checker = checker
        checking = CheckPipeline(checker: checker)
    }

    mutating func add(_ raw: RawListing) {
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

    /// After the last listing: the checked listings in 五十音順.
    mutating func finish() -> [Listing] {
        checkBatch()
        checking.waitForAll()
        collectChecked()
        // The keys on all cores, and only while sorting: held from the start they cost as
        // much memory as a tenth of the listings.
        Self.sort(&listings, keys: ParallelMap.map(listings, SortKey.init))
        defer { listings = [] }
        return listings
    }

    /// 五十音順 (then by ID), in place: the order is found on indices and applied one cycle at a
    /// time, so a million listings are never copied into a second array.
    static func sort(_ listings: inout [Listing]) {
        sort(&listings, keys: listings.map(SortKey.init))
    }

    /// The same, with each listing's key already made (on all cores).
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

/// Checks batches of rows on other threads, one at a time, so reading the next batch overlaps
/// the checking of the last instead of waiting for it, and a table of a million rows never has
/// more than two batches of raw listings in memory.
private final class CheckPipeline: @unchecked Sendable {
    private let checker: ListingChecker
    private let group = DispatchGroup()
    private let slots = DispatchSemaphore(value: 1)
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
