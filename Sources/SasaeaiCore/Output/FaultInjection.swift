#if canImport(Glibc)
import Glibc
#endif

/// A hook for the kill tests, off unless the test sets `SASAEAI_TEST_FAULT`: a comma-separated
/// list of points where the process dies at once (`_exit(137)`, as if killed with SIGKILL:
/// no cleanup runs), and `no-exchange` to take the two-rename fallback of the swap.
///
/// Points: `after-lock`, `while-staging`, `after-staging`, `after-exchange`, `after-aside`.
struct FaultInjection: Sendable {
    static let variable = "SASAEAI_TEST_FAULT"
    let points: Set<String>

    init(_ environment: [String: String]) {
        points = Set((environment[Self.variable] ?? "").split(separator: ",").map { String($0) })
    }

    var forbidsExchange: Bool { points.contains("no-exchange") }

    func hit(_ point: String) {
        if points.contains(point) { _exit(137) }
    }
}
