import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `.sasaeai-manifest`, in the site: the fingerprint of the inputs the site was made from
/// (`InputFingerprint`) and each file with its size. Written into the staging folder after every
/// other file, so it is swapped in with the site it describes. A rebuild with the same inputs
/// keeps the site as it is, but only if the site is still exactly what the manifest lists —
/// no file missing, added, resized or changed since (a change leaves a modification time later
/// than the manifest's); otherwise it builds, and the writer repairs what differs.
///
/// Its bytes depend only on the inputs and the files, so two builds of the same content give
/// the same manifest, like every other file.
struct SiteManifest: Equatable {
    static let name = ".sasaeai-manifest"
    private static let header = "sasaeai-manifest 1"

    let inputs: String
    /// Path in the site → size in bytes.
    let files: [String: Int]

    var text: String {
        var text = Self.header + "\n" + inputs + "\n"
        for path in files.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            text += "\(files[path]!)\t\(path)\n"
        }
        return text
    }

    init(inputs: String, files: [String: Int]) {
        self.inputs = inputs
        self.files = files
    }

    init?(_ text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, lines[0] == Self.header, lines.removeLast().isEmpty else { return nil }
        inputs = String(lines[1])
        var files: [String: Int] = [:]
        for line in lines.dropFirst(2) {
            guard let tab = line.firstIndex(of: "\t"), let size = Int(line[..<tab]) else { return nil }
            files[String(line[line.index(after: tab)...])] = size
        }
        self.files = files
    }

    /// The manifest of the staged files, or nil when a path cannot be written on one line.
    static func of(staging: String, inputs: String, paths: [String]) -> SiteManifest? {
        var files: [String: Int] = [:]
        for path in paths {
            var info = stat()
            guard !path.contains("\n"), !path.contains("\t"), lstat(staging + "/" + path, &info) == 0 else { return nil }
            files[path] = Int(info.st_size)
        }
        return SiteManifest(inputs: inputs, files: files)
    }

    /// Whether `folder` holds a site made from `inputs` and untouched since.
    static func siteIsCurrent(_ folder: String, inputs: String) -> Bool {
        var own = stat()
        guard lstat(folder + "/" + name, &own) == 0, own.st_mode & S_IFMT == S_IFREG,
              let data = FileManager.default.contents(atPath: folder + "/" + name),
              let manifest = SiteManifest(String(decoding: data, as: UTF8.self)), manifest.inputs == inputs,
              let enumerator = FileManager.default.enumerator(atPath: folder) else { return false }
        var seen = 0
        while let path = enumerator.nextObject() as? String {
            var info = stat()
            guard lstat(folder + "/" + path, &info) == 0 else { return false }
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR { continue }
            if path == name || path == SiteWriter.marker { continue }
            guard kind == S_IFREG, manifest.files[path] == Int(info.st_size),
                  (info.st_mtim.tv_sec, info.st_mtim.tv_nsec) <= (own.st_mtim.tv_sec, own.st_mtim.tv_nsec) else { return false }
            seen += 1
        }
        return seen == manifest.files.count
    }
}
