import Foundation
import SasaeaiCore
import XCTest

final class DeterminismTests: XCTestCase {
    /// Same content, same bytes: two builds of the example town are compared file by file.
    func testTwoBuildsAreByteIdentical() throws {
        let first = try TemporaryContent([:])
        let second = try TemporaryContent([:])
        defer { first.remove(); second.remove() }
        XCTAssertFalse(Builder.build(first.options(content: Repository.content)).failed(strict: false))
        XCTAssertFalse(Builder.build(second.options(content: Repository.content)).failed(strict: false))
        let a = try Self.tree(first.output)
        let b = try Self.tree(second.output)
        XCTAssertEqual(a.keys.sorted(), b.keys.sorted())
        for (path, bytes) in a {
            XCTAssertEqual(bytes, b[path], path)
        }
    }

    static func tree(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            files[String(url.path.dropFirst(root.path.count))] = try Data(contentsOf: url)
        }
        return files
    }
}
