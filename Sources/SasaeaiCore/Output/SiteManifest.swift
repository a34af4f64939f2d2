import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `.sasaeai-manifest`, in the site: the fingerprint of the inputs the site was made from
/// (`InputFingerprint`) and each file with its size and, for pages, its `PageKeys` key. Written into the staging folder after every
/// other file, so it is swapped in with the site it describes. A rebuild with the same inputs
/// keeps the site as it is, but only if the site is still exactly what the manifest lists —
/// no file missing, added, resized or changed since (a change leaves a modification time later
/// than the manifest's); otherwise it builds, and the writer repairs what differs.
///
/// Its bytes depend only on the inputs and the files, so two builds of the same content give
/// the same manifest, like every other file.
struct SiteManifest: Equatable {
    static let name = ".sasaeai-manifest"
    private static let header = "sasaeai-manifest 2"

    struct Entry: Equatable {
        let size: Int
        /// The page's `PageKeys` key, for files that have one.
        var key: String?
    }

    /// The inputs' fingerprint, marked `clean(_:)` when the build that made the site had no
    /// warning to give.
    let inputs: String
    /// Path in the site → its size and key.
    let files: [String: Entry]

    /// The recorded inputs of a site whose build gave no diagnostic: a rebuild from the same
    /// inputs keeps it without even reading the content, having nothing to report.
    static func clean(_ inputs: String) -> String { inputs + " clean" }

    var text: String {
        var text = Self.header + "\n" + inputs + "\n"
        for path in files.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let entry = files[path]!
            text += "\(entry.size)\t\(entry.key ?? "-")\t\(path)\n"
        }
        return text
    }

    init(inputs: String, files: [String: Entry]) {
        self.inputs = inputs
        self.files = files
    }

    init?(_ text: String) {
        // Parsed on the UTF-8 bytes: a 100,000-listing site's manifest has twice as many lines,
        // and a no-op rebuild reads it.
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.count >= 3, String(Substring(lines[0])) == Self.header, lines.removeLast().isEmpty else { return nil }
        inputs = String(Substring(lines[1]))
        var files: [String: Entry] = [:]
        files.reserveCapacity(lines.count - 2)
        for line in lines.dropFirst(2) {
            guard let firstTab = line.firstIndex(of: UInt8(ascii: "\t")),
                  let secondTab = line[line.index(after: firstTab)...].firstIndex(of: UInt8(ascii: "\t")),
                  let size = Self.number(line[..<firstTab]) else { return nil }
            let key = line[line.index(after: firstTab)..<secondTab]
            files[String(Substring(line[line.index(after: secondTab)...]))] =
                Entry(size: size, key: key.elementsEqual("-".utf8) ? nil : String(Substring(key)))
        }
        self.files = files
    }

    private static func number(_ digits: Substring.UTF8View) -> Int? {
        guard !digits.isEmpty, digits.count < 19 else { return nil }
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    /// The manifest of the staged files, or nil when a path cannot be written on one line.
    static func of(staging: String, inputs: String, files staged: [OutputFile]) -> SiteManifest? {
        var files: [String: Entry] = [:]
        for file in staged {
            var info = stat()
            guard !file.path.contains("\n"), !file.path.contains("\t"), lstat(staging + "/" + file.path, &info) == 0 else { return nil }
            files[file.path] = Entry(size: Int(info.st_size), key: file.key)
        }
        return SiteManifest(inputs: inputs, files: files)
    }

    /// The manifest of the site in `folder` and its modification time, when it has one.
    static func read(in folder: String) -> (manifest: SiteManifest, written: timespec)? {
        var own = stat()
        guard lstat(folder + "/" + name, &own) == 0, own.st_mode & S_IFMT == S_IFREG,
              let data = FileManager.default.contents(atPath: folder + "/" + name),
              let manifest = SiteManifest(String(decoding: data, as: UTF8.self)) else { return nil }
        return (manifest, own.st_mtim)
    }

    /// The file at `path` in `folder` (the site this manifest describes) when it is still as
    /// written with key `key`: same key recorded, a regular file of the recorded size, not
    /// modified after the manifest. A page changed by hand in the site is made again.
    func keeps(_ path: String, key: String, in folder: String, written: timespec) -> Bool {
        guard let entry = files[path], entry.key == key else { return false }
        var info = stat()
        return lstat(folder + "/" + path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && Int(info.st_size) == entry.size
            && (info.st_mtim.tv_sec, info.st_mtim.tv_nsec) <= (written.tv_sec, written.tv_nsec)
    }

    /// The manifest of the site in `folder` when that site was made from `inputs` and is
    /// untouched since; nil otherwise.
    static func current(_ folder: String, inputs: String) -> SiteManifest? {
        guard let (manifest, own) = read(in: folder), manifest.inputs == inputs,
              let found = FolderEntries.files(below: folder) else { return nil }
        var seen = 0
        for (path, kind) in found {
            if path == name || path == SiteWriter.marker { continue }
            var info = stat()
            guard kind == .file, lstat(folder + "/" + path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
                  manifest.files[path]?.size == Int(info.st_size),
                  (info.st_mtim.tv_sec, info.st_mtim.tv_nsec) <= (own.tv_sec, own.tv_nsec) else { return nil }
            seen += 1
        }
        return seen == manifest.files.count ? manifest : nil
    }
}
