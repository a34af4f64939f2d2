import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Exchanges two folders in one step, so that whoever looks at either path sees one whole
/// folder or the other, never nothing.
///
/// Linux does this with `renameat2(…, RENAME_EXCHANGE)` (since 3.15; glibc exports the function
/// since 2.28, but Swift's Glibc module does not show it, hence the lookup by name). Where the
/// function or the file system cannot exchange (older kernels, some network file systems),
/// `exchange` says `.unsupported` and the caller falls back to two renames.
enum FolderExchange {
    enum Outcome: Equatable {
        case exchanged
        case unsupported
        case failed(Int32)
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameExchange: UInt32 = 1 << 1  // RENAME_EXCHANGE in <linux/fs.h>

    private static let renameat2: RenameAt2? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    static func exchange(_ a: URL, _ b: URL) -> Outcome {
        guard let renameat2 else { return .unsupported }
        #if os(Linux)
        if renameat2(AT_FDCWD, a.path, AT_FDCWD, b.path, renameExchange) == 0 { return .exchanged }
        #endif
        let code = errno
        // EINVAL: this file system has no exchange; ENOSYS: the kernel has no renameat2.
        return code == EINVAL || code == ENOSYS ? .unsupported : .failed(code)
    }
}
