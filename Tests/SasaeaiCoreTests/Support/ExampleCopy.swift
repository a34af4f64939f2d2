import Foundation
import SasaeaiCore

extension TemporaryContent {
    /// A scratch copy of the example town's content, to change and build; without its
    /// recorded history unless asked, so a test records the snapshots it needs.
    static func exampleCopy(keepingHistory: Bool = false) throws -> TemporaryContent {
        let scratch = try TemporaryContent([:])
        try FileManager.default.createDirectory(at: scratch.folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repository.content, to: scratch.content)
        if !keepingHistory { try? FileManager.default.removeItem(at: scratch.content.appendingPathComponent("history")) }
        return scratch
    }

    /// Replaces `old` by `new` in a content file; fails loudly when `old` is not there, so a
    /// test cannot pass by editing nothing.
    func edit(_ path: String, replacing old: String, with new: String) throws {
        let url = content.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard text.contains(old) else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "\(path) has no \(old)"]) }
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }
}
