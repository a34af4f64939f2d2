import Foundation
#if canImport(Glibc)
import Glibc
#endif

public struct OutputFolderRefused: Error, CustomStringConvertible {
    public let description: String
}

/// The edge where bytes go out. The whole site is written into a fresh sibling folder and
/// swapped into place only when every file was written, so a failed build leaves the previous
/// site exactly as it was. A marker file tells that a folder is ours to replace.
public struct SiteWriter {
    public static let marker = ".sasaeai-site"
    let output: URL
    let fileManager = FileManager.default

    public init(output: URL) { self.output = output.standardizedFileURL }

    /// Refuses folders whose loss would hurt: `/`, home, the content or templates folder, and
    /// any non-empty folder without our marker.
    public func checkSafe(protecting folders: [URL]) throws {
        let path = output.resolvingSymlinksInPath().path
        let home = fileManager.homeDirectoryForCurrentUser.resolvingSymlinksInPath().path
        if path == "/" || path == home {
            throw OutputFolderRefused(description: "出力先「\(output.path)」には書き出せません。site などの専用のフォルダを指定してください")
        }
        for folder in folders {
            let protected = folder.standardizedFileURL.resolvingSymlinksInPath().path
            if path == protected || protected.hasPrefix(path + "/") || path.hasPrefix(protected + "/") {
                throw OutputFolderRefused(description: "出力先「\(output.path)」はコンテンツやテンプレートのフォルダと重なっています。別のフォルダを指定してください")
            }
        }
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory) {
            let entries = (try? fileManager.contentsOfDirectory(atPath: path)) ?? []
            if !isDirectory.boolValue || (!entries.isEmpty && !entries.contains(Self.marker)) {
                throw OutputFolderRefused(description: "出力先「\(output.path)」は Sasaeai が作ったフォルダではなく、中にファイルがあります。空のフォルダか、新しいフォルダを指定してください")
            }
        }
    }

    public func write(_ files: [OutputFile]) throws {
        let parent = output.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: staging)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            let folders = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).sorted()
            for folder in folders where !folder.isEmpty {
                try fileManager.createDirectory(atPath: staging.path + "/" + folder, withIntermediateDirectories: true)
            }
            // Files are independent: write them on all cores. Each result says whether it failed.
            let failures = ParallelMap.map(files) { file -> String? in
                let path = staging.path + "/" + file.path
                do {
                    switch file.body {
                    case .text(let text): try Self.writeFile(path, text)
                    case .copy(let source): try FileManager.default.copyItem(atPath: source.path, toPath: path)
                    }
                    return nil
                } catch {
                    return "\(file.path): \(error)"
                }
            }
            if let failure = failures.compactMap({ $0 }).first {
                throw OutputFolderRefused(description: "書き出しに失敗しました（\(failure)）")
            }
            try Data().write(to: staging.appendingPathComponent(Self.marker))
            try swap(staging)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }

    /// A plain write: Foundation's `Data.write` syncs each file to disk, which for thousands of
    /// pages costs more than rendering them; the staging-and-rename swap already keeps the
    /// previous site safe.
    private static func writeFile(_ path: String, _ text: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        var text = text
        try text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                guard written > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                offset += written
            }
        }
    }

    /// Moves the old site aside, the new one in, then deletes the old one; on failure the old
    /// one is put back.
    private func swap(_ staging: URL) throws {
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: old)
        let hadOld = fileManager.fileExists(atPath: output.path)
        if hadOld { try fileManager.moveItem(at: output, to: old) }
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            if hadOld { try? fileManager.moveItem(at: old, to: output) }
            throw error
        }
        if hadOld { try? fileManager.removeItem(at: old) }
    }
}
