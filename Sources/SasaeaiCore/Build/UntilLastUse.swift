import Synchronization

/// A value several output files are made from: made when the first of them is written, let go
/// once the last has used it. The open-data records of every listing (180 MB at 100,000
/// listings) are neither held while the search index is built nor while the pages are written.
final class UntilLastUse<Value: Sendable>: Sendable {
    private enum State {
        case waiting(@Sendable () -> Value)
        case made(Value)
        case spent
    }

    private let state: Mutex<(value: State, uses: Int)>

    init(uses: Int, _ make: @escaping @Sendable () -> Value) {
        state = Mutex((.waiting(make), uses))
    }

    /// Runs `body` with the value. Called `uses` times in all; a call after the last is a bug.
    func use<R>(_ body: (Value) -> R) -> R {
        // Made under the lock: a second file asking meanwhile waits rather than making it again.
        let value = state.withLock { state -> Value in
            switch state.value {
            case .made(let value): return value
            case .waiting(let make):
                let value = make()
                state.value = .made(value)
                return value
            case .spent: preconditionFailure("used more often than declared")
            }
        }
        defer {
            state.withLock { state in
                state.uses -= 1
                if state.uses == 0 { state.value = .spent }
            }
        }
        return body(value)
    }
}
