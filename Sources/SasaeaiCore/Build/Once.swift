import Synchronization

/// A value made the first time a thread asks for it, then shared by every thread: for what some
/// pages need and a rebuild that keeps those pages never needs at all. A thread that asks while
/// another is making it waits for that one rather than making it twice.
final class Once<Value: Sendable>: Sendable {
    private let state = Mutex<Value?>(nil)
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var value: Value {
        state.withLock { made in
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
