import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import SasaeaiCore
import XCTest

final class PreviewServerTests: XCTestCase {
    /// A preview folder with a page, a 404 page and one file of each type the site writes.
    private func servedFolder() throws -> TemporaryContent {
        let scratch = try TemporaryContent([:])
        let output = scratch.output
        try FileManager.default.createDirectory(at: output.appendingPathComponent("listings/a"), withIntermediateDirectories: true)
        try Data("<html><body><p>あ</p></body></html>".utf8).write(to: output.appendingPathComponent("listings/a/index.html"))
        try Data("<html><body>404</body></html>".utf8).write(to: output.appendingPathComponent("404.html"))
        for name in ["a.css", "a.js", "a.json", "a.ics", "a.xml", "a.svg", "a.png", "a.pdf", "a.geojson"] {
            try Data("x".utf8).write(to: output.appendingPathComponent(name))
        }
        return scratch
    }

    func testServesPagesWithReloadAndCountsBuilds() throws {
        let scratch = try servedFolder()
        defer { scratch.remove() }
        let server = try PreviewServer(root: scratch.output, host: "127.0.0.1", port: 0)
        XCTAssertGreaterThan(server.port, 0)

        let page = server.response(for: "/listings/a/")
        XCTAssertEqual(page.status, "200 OK")
        XCTAssertEqual(page.contentType(), "text/html; charset=utf-8")
        let html = String(decoding: page.body, as: UTF8.self)
        XCTAssertTrue(html.contains(PreviewServer.versionPath))
        XCTAssertTrue(html.hasSuffix("</script></body></html>"), "the reload script goes inside <body>")
        XCTAssertEqual(server.response(for: "/listings/a").status, "301 Moved Permanently", "a folder without / is redirected so relative links work")

        XCTAssertEqual(server.response(for: "/nope/").status, "404 Not Found")
        XCTAssertEqual(String(decoding: server.response(for: PreviewServer.versionPath).body, as: UTF8.self), "0")
        server.siteChanged()
        XCTAssertEqual(String(decoding: server.response(for: PreviewServer.versionPath).body, as: UTF8.self), "1")
    }

    func testContentTypes() throws {
        let scratch = try servedFolder()
        defer { scratch.remove() }
        let server = try PreviewServer(root: scratch.output, host: "127.0.0.1", port: 0)
        let expected = [
            "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "json": "application/json",
            "ics": "text/calendar; charset=utf-8", "xml": "application/xml", "svg": "image/svg+xml",
            "png": "image/png", "pdf": "application/pdf", "geojson": "application/geo+json",
        ]
        for (ext, type) in expected {
            let response = server.response(for: "/a.\(ext)")
            XCTAssertEqual(response.status, "200 OK", ext)
            XCTAssertEqual(response.contentType(), type, ext)
        }
    }

    // MARK: Options

    func testBadPortAndHostAreRefusedInJapanese() throws {
        for port in [99999, 0, -1, 65536] {
            guard case .failure(let problem) = PreviewAddress.parse(host: "127.0.0.1", port: port, allowRemote: false) else {
                return XCTFail("port \(port) accepted")
            }
            XCTAssertTrue(problem.message.contains("1〜65535"), problem.message)
        }
        XCTAssertEqual(try PreviewAddress.parse(host: "127.0.0.1", port: 65535, allowRemote: false).get(), PreviewAddress(host: "127.0.0.1", port: 65535))
        XCTAssertEqual(try PreviewAddress.parse(host: "localhost", port: 8080, allowRemote: false).get().host, "127.0.0.1")
        XCTAssertEqual(try PreviewAddress.parse(host: "127.0.0.2", port: 8080, allowRemote: false).get().host, "127.0.0.2")
        guard case .failure(let remote) = PreviewAddress.parse(host: "0.0.0.0", port: 8080, allowRemote: false) else {
            return XCTFail("a non-loopback host needs --allow-remote")
        }
        XCTAssertTrue(remote.message.contains("--allow-remote"), remote.message)
        XCTAssertEqual(try PreviewAddress.parse(host: "0.0.0.0", port: 8080, allowRemote: true).get().host, "0.0.0.0")
        guard case .failure(let name) = PreviewAddress.parse(host: "example.org", port: 8080, allowRemote: true) else {
            return XCTFail("a host name other than localhost is not an address")
        }
        XCTAssertTrue(name.message.contains("127.0.0.1"), name.message)
        // The socket layer refuses rather than traps, whatever it is given.
        XCTAssertThrowsError(try PreviewServer(root: URL(fileURLWithPath: "/tmp"), host: "127.0.0.1", port: 99999))
    }

    // MARK: Over the socket

    private func running(_ scratch: TemporaryContent, limits: PreviewServer.Limits = .init()) throws -> PreviewServer {
        let server = try PreviewServer(root: scratch.output, host: "127.0.0.1", port: 0, limits: limits)
        server.start()
        return server
    }

    func testHeadAnswersHeadersWithoutBody() throws {
        let scratch = try servedFolder()
        defer { scratch.remove() }
        let server = try running(scratch)
        defer { server.stop() }
        let get = try LoopbackClient.get(port: server.port, "/listings/a/")
        XCTAssertEqual(get.status, "200 OK")
        XCTAssertEqual(get.headers["content-length"], String(get.body.count))
        let head = try LoopbackClient.get(port: server.port, "/listings/a/", method: "HEAD")
        XCTAssertEqual(head.status, "200 OK")
        XCTAssertEqual(head.headers["content-length"], String(get.body.count), "HEAD says how long GET would be")
        XCTAssertEqual(head.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertTrue(head.body.isEmpty, "HEAD has no body: \(head.text)")
    }

    func testOnlyGetAndHeadAndBadRequests() throws {
        let scratch = try servedFolder()
        defer { scratch.remove() }
        let server = try running(scratch)
        defer { server.stop() }
        for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
            let reply = try LoopbackClient.get(port: server.port, "/listings/a/", method: method)
            XCTAssertEqual(reply.status, "405 Method Not Allowed", method)
            XCTAssertEqual(reply.headers["allow"], "GET, HEAD")
        }
        XCTAssertEqual(try LoopbackClient.request(port: server.port, "nonsense\r\n\r\n").status, "400 Bad Request")
        let huge = "GET /" + String(repeating: "a", count: 20_000) + " HTTP/1.1\r\n"
        XCTAssertEqual(try LoopbackClient.request(port: server.port, huge).status, "431 Request Header Fields Too Large")
    }

    /// DNS rebinding: a page on evil.example that resolves to 127.0.0.1 sends its own Host.
    func testOnlyLoopbackHostNamesAreAnswered() throws {
        let scratch = try servedFolder()
        defer { scratch.remove() }
        let server = try running(scratch)
        defer { server.stop() }
        for host in ["127.0.0.1", "127.0.0.1:\(server.port)", "localhost:\(server.port)", "LOCALHOST"] {
            XCTAssertEqual(try LoopbackClient.request(port: server.port, "GET /listings/a/ HTTP/1.1\r\nHost: \(host)\r\n\r\n").status, "200 OK", host)
        }
        for head in ["GET /listings/a/ HTTP/1.1\r\nHost: evil.example:\(server.port)\r\n\r\n", "GET /listings/a/ HTTP/1.1\r\n\r\n"] {
            let reply = try LoopbackClient.request(port: server.port, head)
            XCTAssertEqual(reply.status, "421 Misdirected Request", head)
            XCTAssertFalse(reply.text.contains("あ"))
        }
        let open = try PreviewServer(root: scratch.output, host: "127.0.0.1", port: 0, checksHost: false)
        open.start()
        defer { open.stop() }
        XCTAssertEqual(try LoopbackClient.request(port: open.port, "GET /listings/a/ HTTP/1.1\r\nHost: machine.lan\r\n\r\n").status, "200 OK")
    }

    func testPathsCannotEscapeTheFolder() throws {
        let scratch = try servedFolder()
        defer { scratch.remove() }
        let secret = scratch.folder.appendingPathComponent("secret.txt")
        try Data("SECRET".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(atPath: scratch.output.appendingPathComponent("out.txt").path, withDestinationPath: secret.path)
        try FileManager.default.createSymbolicLink(atPath: scratch.output.appendingPathComponent("outdir").path, withDestinationPath: scratch.folder.path)
        try FileManager.default.createSymbolicLink(atPath: scratch.output.appendingPathComponent("in.css").path, withDestinationPath: scratch.output.appendingPathComponent("a.css").path)
        let server = try running(scratch)
        defer { server.stop() }
        for target in ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/listings/..%2f..%2fsecret.txt", "/out.txt", "/outdir/secret.txt"] {
            let reply = try LoopbackClient.get(port: server.port, target)
            XCTAssertEqual(reply.status, "403 Forbidden", target)
            XCTAssertFalse(reply.text.contains("SECRET"), target)
        }
        XCTAssertEqual(try LoopbackClient.get(port: server.port, "/in.css").status, "200 OK", "a link inside the folder is served")
        XCTAssertEqual(try LoopbackClient.get(port: server.port, "/a%00.css").status, "400 Bad Request")
    }

    /// The attack from issue 8: many idle connections used to exhaust threads and descriptors.
    /// The oldest idle connections give way, so a real request is still answered at once.
    func testTwoHundredIdleConnectionsDoNotLockOutAGet() throws {
        let scratch = try servedFolder()
        defer { scratch.remove() }
        let server = try running(scratch)
        defer { server.stop() }
        var idle: [Int32] = []
        defer { idle.forEach { close($0) } }
        for _ in 0..<200 { idle.append(try LoopbackClient.connect(port: server.port)) }
        let start = Date()
        let reply = try LoopbackClient.get(port: server.port, "/listings/a/")
        XCTAssertEqual(reply.status, "200 OK")
        XCTAssertLessThan(Date().timeIntervalSince(start), 2, "answered while 200 connections sit idle")
        // Most idle connections were dropped: the server keeps at most its limit open.
        var closedByServer = 0
        for fd in idle {
            var byte: UInt8 = 0
            if recv(fd, &byte, 1, Int32(MSG_DONTWAIT)) == 0 { closedByServer += 1 }
        }
        XCTAssertGreaterThanOrEqual(closedByServer, 200 - server.limits.maxConnections)
        XCTAssertLessThanOrEqual(server.connectionCount, server.limits.maxConnections)
    }

    func testIdleConnectionTimesOut() throws {
        let scratch = try servedFolder()
        defer { scratch.remove() }
        var limits = PreviewServer.Limits()
        limits.readTimeout = 0.3
        let server = try running(scratch, limits: limits)
        defer { server.stop() }
        let fd = try LoopbackClient.connect(port: server.port, timeout: 3)
        defer { close(fd) }
        LoopbackClient.send(fd, "GET /listings/a/ HTTP/1.1\r\n")  // never finished
        let start = Date()
        XCTAssertEqual(try LoopbackClient.readAll(fd), [], "closed without an answer")
        let waited = Date().timeIntervalSince(start)
        XCTAssertLessThan(waited, 2)
        XCTAssertEqual(try LoopbackClient.get(port: server.port, "/listings/a/").status, "200 OK")
    }

    /// A client that asks for a large file and never reads it neither blocks others (writes do
    /// not block the loop) nor holds its slot past the write timeout.
    func testSlowReaderDoesNotBlockOthersAndTimesOut() throws {
        let scratch = try servedFolder()
        defer { scratch.remove() }
        let size = 16 * 1024 * 1024
        try Data(repeating: 0x25, count: size).write(to: scratch.output.appendingPathComponent("big.pdf"))
        var limits = PreviewServer.Limits()
        limits.writeTimeout = 0.5
        let server = try running(scratch, limits: limits)
        defer { server.stop() }
        let slow = try LoopbackClient.connect(port: server.port, timeout: 3, receiveBuffer: 4096)
        defer { close(slow) }
        LoopbackClient.send(slow, "GET /big.pdf HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")  // and never read
        Thread.sleep(forTimeInterval: 0.2)
        XCTAssertEqual(server.connectionCount, 1, "the stalled answer holds its slot for now")
        let start = Date()
        XCTAssertEqual(try LoopbackClient.get(port: server.port, "/listings/a/").status, "200 OK")
        XCTAssertLessThan(Date().timeIntervalSince(start), 1, "another client is answered while one stalls")
        Thread.sleep(forTimeInterval: 1.2)
        XCTAssertEqual(server.connectionCount, 0, "the stalled answer was dropped after the write timeout")
    }

    /// With no descriptors left, `accept` fails at once every time; the loop must wait rather
    /// than spin (the server used to burn a core here).
    func testAcceptDoesNotSpinOnEMFILE() throws {
        let scratch = try servedFolder()
        defer { scratch.remove() }
        let server = try PreviewServer(root: scratch.output, host: "127.0.0.1", port: 0)
        let calls = Counter()
        server.acceptCall = { _ in
            calls.increment()
            errno = EMFILE
            return -1
        }
        server.start()
        let fd = try LoopbackClient.connect(port: server.port)  // stays pending in the backlog
        defer { close(fd) }
        Thread.sleep(forTimeInterval: 1)
        server.stop()
        XCTAssertGreaterThan(calls.value, 0)
        XCTAssertLessThanOrEqual(calls.value, 30, "about one attempt per pause (0.1 s), not a busy loop")
    }

    /// When the table is full, closing the longest-idle connection frees a descriptor and
    /// accepting resumes at once (a pause per failure would leave the browser waiting).
    func testEMFILEFreesAnIdleSlotAndKeepsAnswering() throws {
        let scratch = try servedFolder()
        defer { scratch.remove() }
        let server = try PreviewServer(root: scratch.output, host: "127.0.0.1", port: 0)
        let calls = Counter()
        server.acceptCall = { fd in
            if calls.increment() % 2 == 1 {
                errno = EMFILE
                return -1
            }
            return accept(fd, nil, nil)
        }
        server.start()
        defer { server.stop() }
        var idle: [Int32] = []
        defer { idle.forEach { close($0) } }
        for _ in 0..<40 { idle.append(try LoopbackClient.connect(port: server.port)) }
        let start = Date()
        XCTAssertEqual(try LoopbackClient.get(port: server.port, "/listings/a/").status, "200 OK")
        XCTAssertLessThan(Date().timeIntervalSince(start), 1.5)
    }

    func testStopClosesConnections() throws {
        let scratch = try servedFolder()
        defer { scratch.remove() }
        let server = try running(scratch)
        let fd = try LoopbackClient.connect(port: server.port, timeout: 3)
        defer { close(fd) }
        Thread.sleep(forTimeInterval: 0.1)
        server.stop()
        XCTAssertEqual(try LoopbackClient.readAll(fd), [])
    }

    // MARK: Failure page

    func testFailurePageEscapesAndClears() throws {
        let scratch = try servedFolder()
        defer { scratch.remove() }
        let server = try PreviewServer(root: scratch.output, host: "127.0.0.1", port: 0)
        server.buildFailed(["content/site.yml:1:1: error[E013]: <script>alert(1)</script> & \"x\""])
        XCTAssertEqual(String(decoding: server.response(for: PreviewServer.versionPath).body, as: UTF8.self), "1", "open pages reload to show it")
        for path in ["/listings/a/", "/", "/nope/"] {
            let page = server.response(for: path)
            XCTAssertEqual(page.status, "500 Internal Server Error", path)
            let html = String(decoding: page.body, as: UTF8.self)
            XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"), html)
            XCTAssertFalse(html.contains("<script>alert(1)"))
            XCTAssertTrue(html.contains(PreviewServer.versionPath), "the error page reloads itself when fixed")
        }
        XCTAssertEqual(server.response(for: "/a.css").status, "200 OK", "assets are still served")
        server.siteChanged()
        XCTAssertEqual(server.response(for: "/listings/a/").status, "200 OK")
        XCTAssertEqual(String(decoding: server.response(for: PreviewServer.versionPath).body, as: UTF8.self), "2")
    }

    func testSignatureNoticesEdits() throws {
        let scratch = try TemporaryContent(["site.yml": "title: a\n"])
        defer { scratch.remove() }
        let before = FolderSignature([scratch.content])
        XCTAssertEqual(before, FolderSignature([scratch.content]))
        try Data("title: b\nbase_url: https://e.org/\n".utf8).write(to: scratch.content.appendingPathComponent("site.yml"))
        XCTAssertNotEqual(before, FolderSignature([scratch.content]))
    }

    func testSignatureNoticesFolders() throws {
        let scratch = try TemporaryContent(["site.yml": "title: a\n"])
        defer { scratch.remove() }
        let empty = scratch.content.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let withFolder = FolderSignature([scratch.content])
        try FileManager.default.moveItem(at: empty, to: scratch.content.appendingPathComponent("pages2"))
        let renamed = FolderSignature([scratch.content])
        XCTAssertNotEqual(withFolder, renamed, "renaming an empty folder is a change")
        try FileManager.default.removeItem(at: scratch.content.appendingPathComponent("pages2"))
        XCTAssertNotEqual(renamed, FolderSignature([scratch.content]), "removing an empty folder is a change")
        let gone = FolderSignature([scratch.content])
        try FileManager.default.removeItem(at: scratch.content)
        XCTAssertNotEqual(gone, FolderSignature([scratch.content]), "the watched folder itself disappearing is a change")
    }
}

/// A thread-safe count for callbacks run on the server's thread.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    @discardableResult
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; count += 1; return count }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
