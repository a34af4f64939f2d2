import Foundation

/// A cheap fingerprint of a folder tree (every entry's path, kind, size and modification time),
/// so `serve` can notice an edit by polling without a platform-specific file-watching API.
/// Folders and links count as entries too: removing, adding or renaming a folder (even an empty
/// one) changes the fingerprint, as does a watched folder appearing or disappearing.
public struct FolderSignature: Equatable, Sendable {
    private let entries: [String]

    public init(_ folders: [URL]) {
        var entries: [String] = []
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey, .isDirectoryKey, .isSymbolicLinkKey]
        for folder in folders {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory)
            entries.append("\(folder.path)\u{0}root\u{0}\(exists)\u{0}\(isDirectory.boolValue)")
            guard exists, let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else { continue }
            for case let url as URL in enumerator {
                guard let values = try? url.resourceValues(forKeys: Set(keys)) else {
                    entries.append("\(url.path)\u{0}unreadable")
                    continue
                }
                let kind = values.isSymbolicLink == true ? "link" : values.isDirectory == true ? "folder" : "file"
                let time = values.contentModificationDate?.timeIntervalSince1970 ?? 0
                let size = values.isRegularFile == true ? values.fileSize ?? 0 : 0
                entries.append("\(url.path)\u{0}\(kind)\u{0}\(size)\u{0}\(time)")
            }
        }
        self.entries = entries.sorted()
    }
}
