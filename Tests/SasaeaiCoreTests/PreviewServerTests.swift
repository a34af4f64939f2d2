import Foundation
@testable import SasaeaiCore
import XCTest

final class PreviewServerTests: XCTestCase {
    func testServesPagesWithReloadAndCountsBuilds() throws {
        let scratch = try TemporaryContent([:])
        defer { scratch.remove() }
        try FileManager.default.createDirectory(at: scratch.output.appendingPathComponent("listings/a"), withIntermediateDirectories: true)
        try Data("<html><body><p>あ</p></body></html>".utf8).write(to: scratch.output.appendingPathComponent("listings/a/index.html"))
        try Data("<html><body>404</body></html>".utf8).write(to: scratch.output.appendingPathComponent("404.html"))
        let server = try PreviewServer(root: scratch.output, host: "127.0.0.1", port: 0)
        XCTAssertGreaterThan(server.port, 0)

        let (status, type, body) = server.response(for: "/listings/a/")
        XCTAssertEqual(status, "200 OK")
        XCTAssertEqual(type, "text/html; charset=utf-8")
        let html = String(decoding: body, as: UTF8.self)
        XCTAssertTrue(html.contains(PreviewServer.versionPath))
        XCTAssertTrue(html.hasSuffix("</script></body></html>"), "the reload script goes inside <body>")

        XCTAssertEqual(server.response(for: "/nope/").0, "404 Not Found")
        XCTAssertEqual(server.response(for: "/../../etc/passwd").0, "403 Forbidden")
        XCTAssertEqual(String(decoding: server.response(for: PreviewServer.versionPath).2, as: UTF8.self), "0")
        server.siteChanged()
        XCTAssertEqual(String(decoding: server.response(for: PreviewServer.versionPath).2, as: UTF8.self), "1")
    }

    func testSignatureNoticesEdits() throws {
        let scratch = try TemporaryContent(["site.yml": "title: a\n"])
        defer { scratch.remove() }
        let before = FolderSignature([scratch.content])
        XCTAssertEqual(before, FolderSignature([scratch.content]))
        try Data("title: b\nbase_url: https://e.org/\n".utf8).write(to: scratch.content.appendingPathComponent("site.yml"))
        XCTAssertNotEqual(before, FolderSignature([scratch.content]))
    }
}
