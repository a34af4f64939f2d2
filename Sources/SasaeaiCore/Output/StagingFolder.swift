import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folder a build writes the new site into before the exchange. It is the site the last
/// build replaced (`OutputPlace.previous`) when there is one, pruned to the files and folders
/// the new site has: its ten thousand folders are reused instead of made again, and a rebuild
/// that changes little neither creates nor deletes them (on ext4, making a folder right after
/// deleting thousands costs far more than the work itself). Its unchanged files are already the
/// current site's own (hard links to the same inodes), so they need no change at all.
///
/// Files in it may share their inode with the current site: nothing is ever written into an
/// existing file here, only unlinked and made anew (see `SiteWriter`).
enum StagingFolder {
    /// Makes `place.staging` exist and hold nothing but regular files at paths in `files` and the
    /// folders on their way. Throws when it cannot be made or cleared.
    static func prepare(_ place: OutputPlace, files: Set<String>, folders: Set<String>) throws {
        let staging = place.staging.path
        if !exists(staging) {
            if exists(place.previous.path), rename(place.previous.path, staging) != 0 {
                try? FileManager.default.removeItem(at: place.previous)
            }
            if !exists(staging) {
                guard mkdir(staging, 0o755) == 0 else {
                    throw OutputError("書き出し用のフォルダを作れませんでした", path: staging, errno: errno)
                }
                return
            }
        }
        var info = stat()
        guard lstat(staging, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            try FileManager.default.removeItem(atPath: staging)
            return try prepare(place, files: files, folders: folders)
        }
        try prune(staging, "", files: files, folders: folders)
    }

    /// Every folder on the way to each file, the file's own included ("a/b/c.html" → "a", "a/b").
    static func folders(of paths: [String]) -> Set<String> {
        var folders: Set<String> = []
        for path in paths {
            var end = path.lastIndex(of: "/")
            while let slash = end {
                guard folders.insert(String(path[..<slash])).inserted else { break }
                end = path[..<slash].lastIndex(of: "/")
            }
        }
        return folders
    }

    private static func prune(_ root: String, _ relative: String, files: Set<String>, folders: Set<String>) throws {
        let folder = relative.isEmpty ? root : root + "/" + relative
        for (name, type) in try FolderEntries.of(folder) {
            let path = relative.isEmpty ? name : relative + "/" + name
            let full = folder + "/" + name
            switch type {
            case .folder where folders.contains(path):
                try prune(root, path, files: files, folders: folders)
            case .file where files.contains(path):
                continue
            case .folder:
                do {
                    try FileManager.default.removeItem(atPath: full)
                } catch {
                    throw OutputError("書き出し用のフォルダの古いフォルダを消せませんでした", path: full, error: error)
                }
            default:
                guard unlink(full) == 0 || errno == ENOENT else {
                    throw OutputError("書き出し用のフォルダの古いファイルを消せませんでした", path: full, errno: errno)
                }
            }
        }
    }

    /// A folder's entries with their type (asked with lstat where the file system does not say).
    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}
