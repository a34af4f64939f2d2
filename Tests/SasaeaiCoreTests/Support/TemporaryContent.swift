import Foundation
import SasaeaiCore

/// Paths of the repository, found from this file, so tests run from any working folder.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let content = root.appendingPathComponent("content")
    static let templates = root.appendingPathComponent("templates")
}

/// A scratch folder with a small content tree written by the test.
struct TemporaryContent {
    let folder: URL

    init(_ files: [String: String]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sasaeai-test-\(UUID().uuidString)")
        for (path, text) in files {
            let url = folder.appendingPathComponent("content").appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    var content: URL { folder.appendingPathComponent("content") }
    var output: URL { folder.appendingPathComponent("site") }

    func options(content: URL? = nil) -> BuildOptions {
        var options = BuildOptions()
        options.content = Folder((content ?? self.content).path)
        options.templates = Folder(Repository.templates.path)
        options.output = Folder(output.path)
        // As the command line does: the map is built with Debian's Leaflet when it is installed.
        options.leaflet = URL(fileURLWithPath: LeafletAssets.debianFolder)
        return options
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    static let siteYML = """
    title: テスト町 ささえあいマップ
    base_url: https://example.org/sasaeai/
    categories:
      - { id: ibasho, name: 居場所 }
      - { id: kaigo-yobo, name: 介護予防 }
    audiences:
      - { id: koreisha, name: 高齢者 }
      - { id: kosodate, name: 子育て }

    """

    static let district = """
    ---
    name: 南
    kana: みなみ
    order: 1
    ---
    南地区の紹介です。

    """
}
