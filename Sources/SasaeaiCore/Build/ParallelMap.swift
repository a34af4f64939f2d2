import Foundation

/// Maps independent work over all cores, writing each result into its own slot so the
/// output order is the input order whatever the scheduling.
enum ParallelMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let results = Slots<R>(count: items.count)
        let chunk = max(1, items.count / (ProcessInfo.processInfo.activeProcessorCount * 4))
        let chunks = (items.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            for i in (c * chunk)..<min(items.count, (c + 1) * chunk) {
                results.set(i, transform(items[i]))
            }
        }
        return results.values()
    }

    /// Disjoint writes from many threads into one buffer; each index is written exactly once.
    private final class Slots<R>: @unchecked Sendable {
        private let storage: UnsafeMutablePointer<R?>
        private let count: Int
        init(count: Int) {
            self.count = count
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil, count: count)
        }
        deinit {
            storage.deinitialize(count: count)
            storage.deallocate()
        }
        func set(_ i: Int, _ value: R) { storage[i] = value }
        func values() -> [R] { (0..<count).map { storage[$0]! } }
    }
}
