import Synchronization

/// A value several output files are made from, let go once the last of them has used it: the
/// open-data records of every listing (180 MB at 100,000 listings) are not held while the rest
/// of the site is written.
final class UntilLastUse<Value: Sendable>: Sendable {
    private let state: Mutex<(value: Value?, uses: Int)>

    init(_ value: Value, uses: Int) {
        state = Mutex((value, uses))
    }

    /// Runs `body` with the value. Called `uses` times in all; a call after the last is a bug.
    func use<R>(_ body: (Value) -> R) -> R {
        guard let value = state.withLock({ $0.value }) else { preconditionFailure("used more often than declared") }
        defer {
            state.withLock { state in
                state.uses -= 1
                if state.uses == 0 { state.value = nil }
            }
        }
        return body(value)
    }
}
