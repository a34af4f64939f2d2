import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The edge where bytes go out. The whole site is written into a staging folder beside the
/// output and exchanged with it in one step once every file is written, so at every instant the
/// output folder is the previous site or the new one, whole: a failed or killed build leaves
/// the previous site as it was. A marker file tells that a folder is ours to replace.
///
/// A file the previous site already holds byte for byte is hard-linked from it into the staging
/// folder rather than written: a rebuild writes only what changed, and the swap stays atomic
/// (linking never touches the previous site's files). The staging folder is the site the last
/// build replaced, pruned (`StagingFolder`), so its folders are not made again each build.
///
/// Builds into the same place take turns (a lock on the parent folder), and each build first
/// removes what a killed build left beside the output (see `OutputPlace`).
public struct SiteWriter {
    public static let marker = ".sasaeai-site"
    let output: URL
    let place: OutputPlace
    let faults: FaultInjection
    /// Threads that make and write files; nil: one per core.
    let threads: Int?

    public init(output: URL, threads: Int? = nil) {
        self.output = output.standardizedFileURL
        self.threads = threads
        place = OutputPlace(output)
        faults = FaultInjection(ProcessInfo.processInfo.environment)
    }

    /// Whether the output folder holds a site this tool wrote (so a failed build can honestly
    /// say that the previous site is still there).
    public var holdsSite: Bool {
        FileManager.default.fileExists(atPath: place.folder.appendingPathComponent(Self.marker).path)
    }

    /// Refuses folders whose loss would hurt: `/`, home, the content or templates folder, and
    /// any non-empty folder without our marker.
    public func checkSafe(protecting folders: [URL]) throws {
        let path = place.folder.resolvingSymlinksInPath().path
        let home = FileManager.default.homeDirectoryForCurrentUser.resolvingSymlinksInPath().path
        if path == "/" || path == home {
            throw OutputError("出力先「\(output.path)」には書き出せません。site などの専用のフォルダを指定してください")
        }
        for folder in folders {
            let protected = folder.standardizedFileURL.resolvingSymlinksInPath().path
            if path == protected || protected.hasPrefix(path + "/") || path.hasPrefix(protected + "/") {
                throw OutputError("出力先「\(output.path)」はコンテンツやテンプレートのフォルダと重なっています。別のフォルダを指定してください")
            }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw OutputError("出力先「\(output.path)」はフォルダではなくファイルです。別の名前のフォルダを --output で指定してください")
            }
            let entries: [String]
            do {
                entries = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                throw OutputError("出力先のフォルダの中を読めませんでした", path: output.path, error: error)
            }
            if !entries.isEmpty && !entries.contains(Self.marker) {
                throw OutputError("出力先「\(output.path)」は Sasaeai が作ったフォルダではなく、中にファイルがあります。空のフォルダか、新しいフォルダを指定してください")
            }
        }
    }

    /// Puts back a site that a killed build left aside (only possible where folders cannot be
    /// exchanged) and removes every leftover of killed builds. Safe to call at any time: it
    /// waits for a build that is writing to finish.
    public func recover() throws {
        guard FileManager.default.fileExists(atPath: place.parent.path) else { return }
        let lock = try ParentLock(place.parent)
        defer { lock.release() }
        try recoverLocked()
    }

    /// Whether the output already holds the site these inputs make, untouched since it was
    /// written (see `SiteManifest`): then there is nothing to render or write. Returns the
    /// number of files it holds, or nil.
    func keeps(inputs: String) throws -> Int? {
        guard FileManager.default.fileExists(atPath: place.parent.path) else { return nil }
        let lock = try ParentLock(place.parent)
        defer { lock.release() }
        try recoverLocked()
        return SiteManifest.current(place.folder.path, inputs: inputs)?.files.count
    }

    /// `inputs`: the fingerprint of what the site is made from, recorded in its manifest so the
    /// next build with the same inputs can keep it; nil records none. Returns how many pages
    /// were kept from the previous site by their key, without being made.
    @discardableResult
    public func write(_ files: [OutputFile], inputs: String? = nil) throws -> Int {
        do {
            try FileManager.default.createDirectory(at: place.parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError("出力先のフォルダを作れませんでした", path: place.parent.path, error: error)
        }
        let lock = try ParentLock(place.parent)
        defer { lock.release() }
        faults.hit("after-lock")
        try recoverLocked()
        do {
            let kept = try stage(files, inputs: inputs)
            faults.hit("after-staging")
            try swap()
            return kept
        } catch {
            retireStaging()
            throw error
        }
    }

    private func recoverLocked() throws {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: place.aside.appendingPathComponent(Self.marker).path) && !exists(place.folder) {
            guard rename(place.aside.path, place.folder.path) == 0 else {
                throw OutputError("前の作成で退避したサイトを元に戻せませんでした", path: place.aside.path, errno: errno)
            }
        }
        // A killed build's staging folder is a site in the making: kept to stage into again.
        if exists(place.staging) && !exists(place.previous) { retireStaging() }
        let entries = (try? fileManager.contentsOfDirectory(atPath: place.parent.path)) ?? []
        for entry in entries where place.isLeftover(entry) {
            let leftover = place.parent.appendingPathComponent(entry)
            do {
                try fileManager.removeItem(at: leftover)
            } catch {
                throw OutputError("前に中断した作成の残り（\(entry)）を消せませんでした。手で消してからもう一度実行してください", path: leftover.path, error: error)
            }
        }
    }

    /// Writes every file into the staging folder, the marker last.
    private func stage(_ files: [OutputFile], inputs: String?) throws -> Int {
        let staging = place.staging.path
        let paths = files.map(\.path)
        let folders = StagingFolder.folders(of: paths)
        try StagingFolder.prepare(place, files: Set(paths), folders: folders)
        // Sorted, a folder comes after its parent: one mkdir each.
        for folder in folders.sorted() {
            guard mkdir(staging + "/" + folder, 0o755) == 0 || errno == EEXIST else {
                throw OutputError("書き出し用のフォルダを作れませんでした", path: output.path + "/" + folder, errno: errno)
            }
        }
        let halfway = files.count / 2
        // The site being replaced, when there is one: a file whose bytes it already holds is
        // linked from there instead of written (see `keepOrWrite`).
        let current: String? = exists(place.folder) ? place.folder.path : nil
        // Its manifest, when it has one: a page whose key it records unchanged is linked
        // without being made at all.
        let recorded = current.flatMap(SiteManifest.read(in:))
        // Files are independent: make and write them on all cores. Each result says whether it failed.
        let outcomes = ParallelMap.map(Array(files.enumerated()), workers: threads) { [faults, output] item -> Staged in
            let (index, file) = item
            if index == halfway { faults.hit("while-staging") }
            let path = staging + "/" + file.path
            let shown = output.path + "/" + file.path
            let previous = current.map { $0 + "/" + file.path }
            switch file.body {
            case .text(let text):
                return Staged(Self.keepOrWrite(text, to: path, previous: previous, shownAs: shown))
            case .produced, .producedBytes:
                if let key = file.key, let current, let recorded, recorded.manifest.keeps(file.path, key: key, in: current, written: recorded.written),
                   Self.place(current + "/" + file.path, at: path) {
                    return .keptByKey
                }
                if case .produced(let produce) = file.body {
                    return Staged(Self.keepOrWrite(produce(), to: path, previous: previous, shownAs: shown))
                }
                guard case .producedBytes(let produce) = file.body else { preconditionFailure() }
                return Staged(produce().withUnsafeBufferPointer { Self.keepOrWrite($0, to: path, previous: previous, shownAs: shown) })
            case .streamed(let produce):
                return Staged(Self.stream(produce, to: path, previous: previous, shownAs: shown))
            case .copy(let source):
                if let previous, Self.sameBytes(previous, source.path), Self.place(previous, at: path) { return .made }
                return Staged(Self.copyFile(source.path, to: path, shownAs: shown))
            }
        }
        for case .failed(let failure) in outcomes { throw failure }
        if let inputs, let manifest = SiteManifest.of(staging: staging, inputs: inputs, files: files),
           let code = Self.writeFile(staging + "/" + SiteManifest.name, manifest.text) {
            throw OutputError("ファイルを書き込めませんでした", path: output.path + "/" + SiteManifest.name, errno: code)
        }
        if let code = Self.writeFile(staging + "/" + Self.marker, "") {
            throw OutputError("ファイルを書き込めませんでした", path: output.path + "/" + Self.marker, errno: code)
        }
        return outcomes.filter { if case .keptByKey = $0 { true } else { false } }.count
    }

    /// What staging one file came to.
    private enum Staged: Sendable {
        case made
        /// A page linked from the previous site by its key, without being rendered.
        case keptByKey
        case failed(OutputError)

        init(_ failure: OutputError?) { self = failure.map(Staged.failed) ?? .made }
    }

    /// Exchanges the staging folder with the output in one step; the old site, now under the
    /// staging name, becomes the next build's staging folder.
    private func swap() throws {
        let staging = place.staging.path, folder = place.folder.path
        guard exists(place.folder) else {
            // Nothing to replace: one rename makes the whole site appear at once.
            guard rename(staging, folder) == 0 else {
                throw OutputError("書き出したサイトを出力先に移せませんでした", path: output.path, errno: errno)
            }
            return
        }
        switch faults.forbidsExchange ? .unsupported : FolderExchange.exchange(place.staging, place.folder) {
        case .exchanged:
            faults.hit("after-exchange")
        case .unsupported:
            try swapByTwoRenames()
        case .failed(let code):
            throw OutputError("書き出したサイトを出力先と入れ替えられませんでした", path: output.path, errno: code)
        }
        retireStaging()
    }

    /// Keeps what is under the staging name as `previous`, for the next build to stage into;
    /// deleted only when that name cannot be had.
    private func retireStaging() {
        if exists(place.previous) { try? FileManager.default.removeItem(at: place.previous) }
        if rename(place.staging.path, place.previous.path) != 0 { try? FileManager.default.removeItem(at: place.staging) }
    }

    /// Where folders cannot be exchanged: the old site moves aside under a fixed name, the new
    /// one moves in. Between the two renames the output is missing for a moment; if the build
    /// is killed just then, the next build (or `recover`) puts the old site back.
    private func swapByTwoRenames() throws {
        let staging = place.staging.path, folder = place.folder.path, aside = place.aside.path
        guard rename(folder, aside) == 0 else {
            throw OutputError("前のサイトを退避できませんでした", path: output.path, errno: errno)
        }
        faults.hit("after-aside")
        guard rename(staging, folder) == 0 else {
            let code = errno
            _ = rename(aside, folder)
            throw OutputError("書き出したサイトを出力先に移せませんでした", path: output.path, errno: code)
        }
        // The staging name is free again: the old site goes there, as after an exchange.
        _ = rename(aside, staging)
    }

    private func exists(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }

    /// Links the previous site's file into the staging folder when it holds exactly these
    /// bytes, else writes them. The bytes are compared, not a recorded hash, so a file changed
    /// by hand in the site is rewritten too: the result is always what a full build writes.
    /// Linking spares the kernel a new inode per unchanged page (and the later deletion of the
    /// old site frees nothing), which is most of what a rebuild with few changes costs.
    private static func keepOrWrite(_ text: String, to path: String, previous: String?, shownAs shown: String) -> OutputError? {
        var text = text
        return text.withUTF8 { keepOrWrite($0, to: path, previous: previous, shownAs: shown) }
    }

    private static func keepOrWrite(_ bytes: UnsafeBufferPointer<UInt8>, to path: String, previous: String?, shownAs shown: String) -> OutputError? {
        if let previous, holds(previous, bytes), place(previous, at: path) { return nil }
        return writeFile(path, bytes).map { OutputError("ファイルを書き込めませんでした", path: shown, errno: $0) }
    }

    /// Puts the current site's file `source` at `path` in the staging folder: nothing to do when
    /// `path` is that very file already (linked by an earlier build), else a new link.
    private static func place(_ source: String, at path: String) -> Bool {
        var from = stat(), to = stat()
        if lstat(source, &from) == 0, lstat(path, &to) == 0, from.st_dev == to.st_dev, from.st_ino == to.st_ino { return true }
        unlink(path)
        return link(source, path) == 0
    }

    /// Whether the regular file at `path` holds exactly `bytes` (any error means no).
    private static func holds(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let file = PreviousFile(path)
        return file.size == bytes.count && file.matches(bytes)
    }

    /// Whether two regular files hold the same bytes (a static file or asset already in the site).
    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        let fd = open(b, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return bytes.withUnsafeBufferPointer { holds(a, $0) }
    }

    /// A plain write: Foundation's `Data.write` syncs each file to disk, which for thousands of
    /// pages costs more than rendering them; the staging-and-exchange already keeps the
    /// previous site safe. Returns the error number, or nil when written.
    private static func writeFile(_ path: String, _ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { writeFile(path, $0) }
    }

    /// Always a new file: the one it replaces in the staging folder may be a link to the current
    /// site's, which must not change.
    private static func writeFile(_ path: String, _ buffer: UnsafeBufferPointer<UInt8>) -> Int32? {
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        return writeAll(fd, buffer)
    }

    /// Writes all of `buffer`; returns the error number, or nil.
    private static func writeAll(_ fd: Int32, _ buffer: UnsafeBufferPointer<UInt8>) -> Int32? {
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return written == 0 ? EIO : errno }
            offset += written
        }
        return nil
    }

    /// Writes a streamed file piece by piece while reading the replaced site's file alongside:
    /// when every piece matched and that file ends where this one does, the old file is linked
    /// instead, as `keepOrWrite` does for a file made whole.
    private static func stream(_ produce: (_ emit: (UnsafeBufferPointer<UInt8>) -> Void) -> Void,
                               to path: String, previous: String?, shownAs shown: String) -> OutputError? {
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return OutputError("ファイルを書き込めませんでした", path: shown, errno: errno) }
        var failure: Int32?
        var compared = previous.map(PreviousFile.init)
        produce { piece in
            guard failure == nil else { return }
            failure = writeAll(fd, piece)
            if compared?.matches(piece) == false { compared = nil }
        }
        close(fd)
        if let failure { return OutputError("ファイルを書き込めませんでした", path: shown, errno: failure) }
        if let previous, compared?.isAtEnd() == true { _ = place(previous, at: path) }
        return nil
    }

    /// The replaced site's version of a streamed file, read alongside what is written.
    private final class PreviousFile {
        private var fd: Int32
        /// The file's size; -1 when it cannot be read or is not a regular file.
        private(set) var size = -1
        private let chunk = UnsafeMutableRawPointer.allocate(byteCount: 1 << 16, alignment: 16)

        init(_ path: String) {
            fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            var info = stat()
            if fd >= 0, fstat(fd, &info) != 0 || info.st_mode & S_IFMT != S_IFREG { close(fd); fd = -1 }
            if fd >= 0 { size = Int(info.st_size) }
        }

        deinit {
            if fd >= 0 { close(fd) }
            chunk.deallocate()
        }

        /// Whether the file's next bytes are `piece`.
        func matches(_ piece: UnsafeBufferPointer<UInt8>) -> Bool {
            guard fd >= 0 else { return false }
            var offset = 0
            while offset < piece.count {
                let count = read(fd, chunk, min(1 << 16, piece.count - offset))
                if count < 0 && errno == EINTR { continue }
                guard count > 0, memcmp(chunk, piece.baseAddress! + offset, count) == 0 else { return false }
                offset += count
            }
            return true
        }

        func isAtEnd() -> Bool {
            guard fd >= 0 else { return false }
            return read(fd, chunk, 1) == 0
        }
    }

    /// Copies a static file or template asset byte for byte.
    private static func copyFile(_ source: String, to path: String, shownAs shown: String) -> OutputError? {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { return OutputError("コピーするファイルを読めませんでした", path: source, errno: errno) }
        defer { close(input) }
        unlink(path)
        let outputFD = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard outputFD >= 0 else { return OutputError("ファイルを書き込めませんでした", path: shown, errno: errno) }
        defer { close(outputFD) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return OutputError("コピーするファイルを読めませんでした", path: source, errno: errno) }
            if count == 0 { return nil }
            var offset = 0
            while offset < count {
                let written = buffer.withUnsafeBytes { Glibc.write(outputFD, $0.baseAddress! + offset, count - offset) }
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return OutputError("ファイルを書き込めませんでした", path: shown, errno: written == 0 ? EIO : errno) }
                offset += written
            }
        }
    }
}

/// An exclusive lock on the output's parent folder, held while a build changes anything there.
/// Locking the folder itself (not a lock file) leaves nothing behind, and the kernel releases
/// the lock when a build is killed.
private struct ParentLock {
    let fd: Int32

    init(_ parent: URL) throws {
        fd = open(parent.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw OutputError("出力先のフォルダを開けませんでした", path: parent.path, errno: errno) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let code = errno
                close(fd)
                throw OutputError("出力先のフォルダを確保できませんでした", path: parent.path, errno: code)
            }
        }
    }

    func release() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
