#if canImport(Glibc)
import Glibc
#endif

/// A folder's entries with their type, read with readdir: for walking a whole site, where
/// FileManager's enumerator spent more time building paths than the kernel spent listing.
enum FolderEntries {
    enum Kind { case folder, file, other }

    /// The entries of `folder` (without `.` and `..`), a type asked with lstat only where the
    /// file system does not say.
    static func of(_ folder: String) throws -> [(name: String, kind: Kind)] {
        guard let stream = opendir(folder) else {
            throw OutputError("フォルダを読めませんでした", path: folder, errno: errno)
        }
        defer { closedir(stream) }
        var entries: [(String, Kind)] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let kind: Kind
            switch Int(entry.pointee.d_type) {
            case Int(DT_DIR): kind = .folder
            case Int(DT_REG): kind = .file
            case Int(DT_UNKNOWN):
                var info = stat()
                guard lstat(folder + "/" + name, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: kind = .folder
                case S_IFREG: kind = .file
                default: kind = .other
                }
            default: kind = .other
            }
            entries.append((name, kind))
        }
        return entries
    }

    /// Every entry below `root` but folders, by path relative to it; nil when a folder cannot be read.
    static func files(below root: String) -> [(path: String, kind: Kind)]? {
        var found: [(String, Kind)] = []
        func walk(_ relative: String) -> Bool {
            guard let entries = try? of(relative.isEmpty ? root : root + "/" + relative) else { return false }
            for (name, kind) in entries {
                let path = relative.isEmpty ? name : relative + "/" + name
                if kind == .folder {
                    guard walk(path) else { return false }
                } else {
                    found.append((path, kind))
                }
            }
            return true
        }
        return walk("") ? found : nil
    }
}
