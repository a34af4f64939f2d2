import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Paths with every symbolic link resolved, to decide whether a path stays inside a folder.
enum RealPath {
    static func of(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// True when `path` (resolved) is `folder` (resolved) or below it.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        guard let real = of(path), let base = of(folder) else { return false }
        return real == base || real.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }
}
