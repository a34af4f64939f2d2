import Foundation
@testable import SasaeaiCore
import XCTest

/// A streamed file (an export written piece by piece) is written whole, and a rebuild whose
/// pieces are the replaced file's bytes keeps that very file, as for a file made whole; a file
/// that only begins like the old one, or is only part of it, is written anew.
final class StreamedFileTests: XCTestCase {
    private func build(_ output: URL, _ pieces: [String]) throws -> (text: String, inode: UInt64) {
        let file = OutputFile("data/export.json", streaming: { emit in
            for piece in pieces { var piece = piece; piece.withUTF8(emit) }
        })
        _ = try SiteWriter(output: output, threads: 2).write([file])
        let path = output.appendingPathComponent("data/export.json").path
        var info = stat()
        XCTAssertEqual(lstat(path, &info), 0)
        return (try String(contentsOfFile: path, encoding: .utf8), UInt64(info.st_ino))
    }

    func testStreamedFileIsWrittenWholeAndKeptWhenUnchanged() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: output.deletingLastPathComponent().appendingPathComponent("." + output.lastPathComponent + ".sasaeai-previous"))
        }
        let first = try build(output, ["[", "\"あ\"", ",", String(repeating: "x", count: 200_000), "]\n"])
        XCTAssertEqual(first.text, "[\"あ\"," + String(repeating: "x", count: 200_000) + "]\n")

        // The same bytes in other pieces: the very same file.
        let same = try build(output, ["[\"あ\",", String(repeating: "x", count: 200_000) + "]", "\n"])
        XCTAssertEqual(same.inode, first.inode)
        XCTAssertEqual(same.text, first.text)

        // Longer, shorter, changed at the end: written anew, with exactly the new bytes.
        for pieces in [[first.text, "more"], [String(first.text.dropLast(2))], [String(first.text.dropLast()), "?"]] {
            let before = try build(output, [first.text]).inode
            let changed = try build(output, pieces)
            XCTAssertEqual(changed.text, pieces.joined())
            XCTAssertNotEqual(changed.inode, before)
        }
        XCTAssertEqual(OutputFile.collect { emit in for piece in ["a", "", "bc"] { var p = piece; p.withUTF8(emit) } }, Array("abc".utf8))
    }
}
