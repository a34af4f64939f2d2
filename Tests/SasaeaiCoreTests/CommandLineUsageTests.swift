import Foundation
import XCTest

/// A mistyped command line gets a Japanese message and exit status 2 (SPEC), not
/// ArgumentParser's English with 64; run where there is no content, the tool says so once.
final class CommandLineUsageTests: XCTestCase {
    private func isJapanese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) }
    }

    func testUsageErrorsAreJapaneseWithStatus2() throws {
        let cases: [([String], String)] = [
            (["build", "--bogus"], "オプション「--bogus」はありません"),
            (["build", "--contnt", "x"], "「--content」のことですか"),
            (["build", "--as-of"], "「--as-of」の後に値を書いてください"),
            (["build", "--as-of", "2026-13-45"], "という日はありません"),
            (["check", "--as-of", "きのう"], "日付として読めません"),
            (["check", "--as-of", "2026-11"], "日がありません"),
            (["check", "--format", "xml"], "text、json のどれか"),
            (["build", "--quiet=3"], "値を付けません"),
            (["build", "extra"], "「extra」は余分です"),
            (["bogus"], "「bogus」というコマンドはありません"),
            (["new"], "作るもの"),
            (["new", "kind-that-does-not-exist", "x"], "bulletin、listing、district、page"),
            (["serve", "--port", "abc"], "「abc」は「--port」に使えません"),
            (["serve", "--port", "99999"], "1〜65535 の数で指定してください"),
            (["serve", "--host", "0.0.0.0"], "--allow-remote"),
        ]
        for (arguments, expected) in cases {
            let result = try CommandLineTool.run(arguments, in: Repository.root)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("--help」で確かめられます"), "\(arguments): \(result.stderr)")
            XCTAssertFalse(result.stderr.contains("Error:") || result.stderr.contains("Usage:"), "\(arguments): English left in \(result.stderr)")
            XCTAssertTrue(isJapanese(result.stderr))
        }
    }

    func testAsOfAcceptsTheWaysADateIsWritten() throws {
        for date in ["2026-11-25", "2026/11/25", "令和8年11月25日", "R8.11.25"] {
            let result = try CommandLineTool.run(["stats", "--as-of", date], in: Repository.root)
            XCTAssertEqual(result.status, 0, "\(date): \(result.stderr)")
            XCTAssertTrue(result.stdout.hasPrefix("2026-11-25 時点"), "\(date): \(result.stdout)")
        }
    }

    /// Outside a content folder: one sentence (not one per missing file), status 2.
    func testOutsideAContentFolderSaysSoOnce() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("sasaeai-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        for command in [["build"], ["check"], ["stats"], ["new", "bulletin", "2026-05"]] {
            let result = try CommandLineTool.run(command, in: empty)
            XCTAssertEqual(result.status, 2, "\(command): \(result.stderr)")
            let lines = result.stderr.split(separator: "\n")
            XCTAssertEqual(lines.count, 2, "\(command): one message and where to look: \(result.stderr)")
            XCTAssertTrue(lines.first?.contains("content フォルダがありません") ?? false, result.stderr)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: empty.path), [], "nothing written")
        // The content is there but the templates are not.
        try FileManager.default.createDirectory(at: empty.appendingPathComponent("content"), withIntermediateDirectories: true)
        let build = try CommandLineTool.run(["build"], in: empty)
        XCTAssertEqual(build.status, 2)
        XCTAssertTrue(build.stderr.contains("テンプレートのフォルダ「templates」がありません"), build.stderr)
    }

    func testHelpStillWorks() throws {
        let result = try CommandLineTool.run(["build", "--help"], in: Repository.root)
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("--as-of"), result.stdout)
    }
}
