import Foundation
import Synchronization

/// Maps independent work over all cores, writing each result into its own slot so the
/// output order is the input order whatever the scheduling.
enum ParallelMap {
    /// Each worker takes the next item not yet taken, so the items start in their order (put
    /// the longest first) and no worker idles while another holds a queue of its own.
    /// `workers`: how many threads, one per core when nil.
    static func map<T: Sendable, R: Sendable>(_ items: [T], workers: Int? = nil, _ transform: @Sendable (T) -> R) -> [R] {
        let results = Slots<R>(count: items.count)
        let next = Counter()
        let workers = min(items.count, max(1, workers ?? ProcessInfo.processInfo.activeProcessorCount))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i = next.take()
                guard i < items.count else { return }
                results.set(i, transform(items[i]))
            }
        }
        return results.values()
    }

    /// Two independent computations at once, one per thread.
    static func both<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
        let first = Slots<A>(count: 1), second = Slots<B>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { first.set(0, a()) } else { second.set(0, b()) }
        }
        return (first.values()[0], second.values()[0])
    }

    private final class Counter: Sendable {
        private let value = Atomic<Int>(0)
        func take() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
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
