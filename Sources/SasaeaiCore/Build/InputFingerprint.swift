import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a site is made from, as one SHA-1: every byte of the content and templates folders
/// (with each file's path), which Leaflet files and which `sasaeai` binary (by identity), and
/// the options that change the output. Same fingerprint, same site: a rebuild whose fingerprint matches the
/// one the site was made from need not render anything.
///
/// The build's date is not an input: without `--as-of` the build dates itself by the latest
/// issue, which is content. nil when the inputs cannot be told apart reliably (a symbolic link
/// in a folder, a file that cannot be read): the build then renders as usual.
enum InputFingerprint {
    /// Both fingerprints, from one reading of the folders: `all`, and `outsideListings`, which
    /// leaves out `content/listings/` (the tables, their sidecars and `.md` files) for
    /// `PageKeys`, which follows each listing by its own digest instead.
    static func of(_ options: BuildOptions, leaflet: [OutputFile]) -> (all: String, outsideListings: String)? {
        var all = SHA1(), outside = SHA1()
        func add(_ text: String, toBoth: Bool = true) {
            all.update(Array(text.utf8) + [0])
            if toBoth { outside.update(Array(text.utf8) + [0]) }
        }
        func add(_ data: Data, toBoth: Bool) {
            all.update(data)
            if toBoth { outside.update(data) }
        }
        add("sasaeai-inputs-2")
        guard let tool = toolIdentity() else { return nil }
        add(tool)
        add(options.asOf?.description ?? "-")
        add(options.baseURL ?? "-")
        add(options.includeDrafts ? "drafts" : "-")
        for folder in [options.content.url, options.templates.url] {
            add(folder.path)
            guard let files = files(in: folder) else { return nil }
            for path in files {
                guard let data = FileManager.default.contents(atPath: folder.path + "/" + path) else { return nil }
                let shared = !(folder == options.content.url && path.hasPrefix("listings/"))
                add(path, toBoth: shared)
                add(String(data.count), toBoth: shared)
                add(data, toBoth: shared)
            }
        }
        // Leaflet is a system package's files (2.7 MB, more than a town's tables): known by
        // their identity, as the binary is, not read. Any write to a file changes its ctime.
        for file in leaflet {
            guard case .copy(let url) = file.body, let identity = identity(of: url.path) else { return nil }
            add(file.path)
            add(identity)
        }
        return (Hex.string(all.finish()), Hex.string(outside.finish()))
    }

    /// The regular files under `folder`, by relative path in byte order; nil if a link or
    /// anything but a file or folder is there (what it leads to could change unseen).
    private static func files(in folder: URL) -> [String]? {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return nil }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            var info = stat()
            guard lstat(folder.path + "/" + path, &info) == 0 else { return nil }
            switch info.st_mode & S_IFMT {
            case S_IFREG: paths.append(path)
            case S_IFDIR: continue
            default: return nil
            }
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The running binary, by device, inode, size and change time: rebuilding or replacing
    /// `sasaeai` changes it, so a new version never keeps a site an older one made.
    private static func toolIdentity() -> String? { identity(of: "/proc/self/exe") }

    /// A file by device, inode, size, modification and change time (following links).
    private static func identity(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
    }
}
