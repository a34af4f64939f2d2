import Foundation

/// A cheap fingerprint of a folder tree (paths, sizes, modification times), so `serve` can
/// notice an edit by polling without a platform-specific file-watching API.
public struct FolderSignature: Equatable, Sendable {
    private let entries: [String]

    public init(_ folders: [URL]) {
        var entries: [String] = []
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else { continue }
            for case let url as URL in enumerator {
                guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                let time = values.contentModificationDate?.timeIntervalSince1970 ?? 0
                entries.append("\(url.path)\u{0}\(values.fileSize ?? 0)\u{0}\(time)")
            }
        }
        self.entries = entries.sorted()
    }
}
