import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server for `sasaeai serve`: it serves the preview build from loopback and
/// adds a script to HTML pages that reloads them when the site is rebuilt or a build fails.
/// It is for previewing on the coordinator's own machine, not for publishing.
///
/// One thread runs a `poll(2)` loop over non-blocking sockets, so idle or slow clients cost a
/// slot, never a thread: at most `Limits.maxConnections` are open, each has a deadline, and when
/// every slot is taken the connection that has waited longest without sending a whole request is
/// dropped for the newcomer. A browser's request arrives at once, so it is never the one dropped;
/// a client that only opens connections cannot lock the preview out.
///
/// Not a library: FlyingFox 0.27.1 (the small one on the mirror) starts a task per connection
/// with no limit, its timeout covers the handler but not reading the request, and an EMFILE from
/// accept ends its listening loop; Hummingbird would add minutes to every clean build. Serving
/// static files with GET and HEAD needs none of their routing.
public final class PreviewServer: @unchecked Sendable {
    /// Path the reload script polls; its body changes with every build, good or failed.
    public static let versionPath = "/__sasaeai/version"

    public struct Limits: Sendable {
        public var maxConnections = 64
        /// Seconds a client has to send its whole request head.
        public var readTimeout = 5.0
        /// Seconds a client may go without reading any of its response.
        public var writeTimeout = 10.0
        public var maxRequestHead = 16 * 1024
        /// How long accepting pauses when the process is out of file descriptors, so the
        /// loop waits for one to be freed instead of spinning on EMFILE.
        public var acceptPause = 0.1
        public init() {}
    }

    public struct Response: Sendable {
        public var status: String
        public var headers: [(String, String)]
        public var body: [UInt8]
        /// A HEAD request: the same headers, Content-Length included, and no body.
        public var omitsBody = false

        func contentType() -> String? { headers.first { $0.0 == "Content-Type" }?.1 }
    }

    public let port: Int
    public let limits: Limits
    /// Accepted `Host` header values (lowercased); nil accepts any.
    private let allowedHosts: Set<String>?
    private let root: URL
    private let listener: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let lock = NSLock()
    private var version = 0
    private var failurePage: [UInt8]?
    private var state = RunState.idle
    private var openConnections = 0
    private let finished = DispatchSemaphore(value: 0)
    /// `accept(2)`, replaceable so a test can make it fail with EMFILE on demand.
    var acceptCall: @Sendable (Int32) -> Int32 = { accept($0, nil, nil) }

    private enum RunState { case idle, running, stopping, stopped }

    /// Binds to `host:port` (port 0 picks a free one; `serve` checks the options first with
    /// `PreviewAddress`, this only refuses what the socket layer cannot take).
    /// `checksHost`: answer only requests whose `Host` names this machine's loopback, so a web
    /// page cannot read the preview (drafts included) through DNS rebinding. `serve
    /// --allow-remote` turns it off, since other machines then use names of their own.
    public init(root: URL, host: String, port: Int, limits: Limits = Limits(), checksHost: Bool = true) throws {
        guard (0...65535).contains(port) else { throw POSIXError(.EINVAL) }
        self.root = root.standardizedFileURL
        self.limits = limits
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            close(fd)
            throw POSIXError(.EINVAL)
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, SOMAXCONN) == 0 else {
            let code = POSIXErrorCode(rawValue: errno) ?? .EADDRINUSE
            close(fd)
            throw POSIXError(code)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            close(fd)
            throw POSIXError(.EMFILE)
        }
        for end in [fd, pipeEnds[0], pipeEnds[1]] { Self.makeNonBlocking(end) }
        listener = fd
        wakeRead = pipeEnds[0]
        wakeWrite = pipeEnds[1]
        let boundPort = Int(UInt16(bigEndian: actual.sin_port))
        self.port = boundPort
        allowedHosts = checksHost ? Set(["127.0.0.1", "localhost", "[::1]", host].flatMap { [$0, "\($0):\(boundPort)"] }) : nil
    }

    deinit {
        close(listener)
        close(wakeRead)
        close(wakeWrite)
    }

    /// Tells open pages to reload, and clears the build-error page.
    public func siteChanged() {
        lock.lock()
        version += 1
        failurePage = nil
        lock.unlock()
    }

    /// Shows `lines` (diagnostics as the terminal prints them) in place of every page until the
    /// next good build, and tells open pages to reload so they show it.
    public func buildFailed(_ lines: [String]) {
        let page = Self.failurePage(lines)
        lock.lock()
        version += 1
        failurePage = withReload(page)
        lock.unlock()
    }

    /// Serves on a background thread until `stop()`.
    public func start() {
        lock.lock()
        defer { lock.unlock() }
        guard state == .idle else { return }
        state = .running
        Thread.detachNewThread { [self] in run() }
    }

    /// Closes every connection and returns when the loop has ended.
    public func stop() {
        lock.lock()
        let wasRunning = state == .running
        if wasRunning { state = .stopping }
        lock.unlock()
        guard wasRunning else { return }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
        finished.wait()
    }

    // MARK: The loop

    private struct Connection {
        let fd: Int32
        let accepted: Double
        var deadline: Double
        var input: [UInt8] = []
        var output: [UInt8] = []
        var sent = 0
        var isAnswering: Bool { !output.isEmpty }
    }

    private func run() {
        var connections: [Int32: Connection] = [:]
        var acceptPausedUntil = 0.0
        while !isStopping() {
            let now = Self.now()
            let listening = now >= acceptPausedUntil
            let order = Array(connections.keys)
            var fds = [pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            for fd in order {
                fds.append(pollfd(fd: fd, events: Int16(connections[fd]!.isAnswering ? POLLOUT : POLLIN), revents: 0))
            }
            if listening { fds.append(pollfd(fd: listener, events: Int16(POLLIN), revents: 0)) }
            var wait = 1.0
            for connection in connections.values { wait = min(wait, connection.deadline - now) }
            if !listening { wait = min(wait, acceptPausedUntil - now) }
            let ready = poll(&fds, nfds_t(fds.count), Int32((max(0, wait) * 1000).rounded(.up)))
            if ready < 0 { continue }
            if fds[0].revents != 0 { drainWakePipe() }
            // Connections first: accepting may close and reuse descriptors polled above.
            for (offset, fd) in order.enumerated() where fds[offset + 1].revents != 0 {
                guard var connection = connections.removeValue(forKey: fd) else { continue }
                let open = connection.isAnswering ? send(&connection) : receive(&connection)
                if open { connections[fd] = connection } else { close(fd) }
            }
            if listening, fds[fds.count - 1].revents != 0 {
                acceptPending(into: &connections, pausedUntil: &acceptPausedUntil)
            }
            let later = Self.now()
            for (fd, connection) in connections where connection.deadline <= later {
                connections[fd] = nil
                close(fd)
            }
            lock.lock()
            openConnections = connections.count
            lock.unlock()
        }
        for fd in connections.keys { close(fd) }
        lock.lock()
        state = .stopped
        lock.unlock()
        finished.signal()
    }

    /// How many connections the loop holds, as of its last turn.
    var connectionCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return openConnections
    }

    private func isStopping() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return state == .stopping
    }

    private func drainWakePipe() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeRead, &buffer, buffer.count) > 0 {}
    }

    /// Accepts what is waiting, a bounded number per turn so reading and writing keep going.
    /// Connections accepted in this turn are never the ones dropped: their request is read
    /// at the start of the next turn.
    private func acceptPending(into connections: inout [Int32: Connection], pausedUntil: inout Double) {
        var acceptedNow: Set<Int32> = []
        for _ in 0..<limits.maxConnections {
            let fd = acceptCall(listener)
            if fd < 0 {
                switch errno {
                case EINTR, ECONNABORTED:
                    continue
                case EAGAIN, EWOULDBLOCK:
                    return
                default:
                    // EMFILE, ENFILE, ENOBUFS…: closing the longest-idle connection frees a
                    // descriptor for the next turn; with none to close, wait a little. Either
                    // way a full descriptor table never turns into a busy loop.
                    if !dropLongestIdle(from: &connections, sparing: acceptedNow) {
                        pausedUntil = Self.now() + limits.acceptPause
                    }
                    return
                }
            }
            Self.makeNonBlocking(fd)
            if connections.count >= capacity, !dropLongestIdle(from: &connections, sparing: acceptedNow) {
                close(fd)  // every slot is busy answering: refused, the browser retries
                continue
            }
            let now = Self.now()
            connections[fd] = Connection(fd: fd, accepted: now, deadline: now + limits.readTimeout)
            acceptedNow.insert(fd)
        }
    }

    /// The connection limit, lowered when the process may open fewer files than that: the
    /// build running beside the server needs descriptors too.
    private var capacity: Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return limits.maxConnections }
        let reserve = 32
        return max(1, min(limits.maxConnections, Int(clamping: limit.rlim_cur) - reserve))
    }

    private func dropLongestIdle(from connections: inout [Int32: Connection], sparing: Set<Int32>) -> Bool {
        let idle = connections.values.filter { !$0.isAnswering && !sparing.contains($0.fd) }
        guard let oldest = idle.min(by: { $0.accepted < $1.accepted }) else { return false }
        connections[oldest.fd] = nil
        close(oldest.fd)
        return true
    }

    /// Reads what has arrived; once the request head is complete, prepares the answer.
    /// Returns false when the connection is to be closed.
    private func receive(_ connection: inout Connection) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(connection.fd, &buffer, buffer.count, 0)
            if count == 0 { return false }
            if count < 0 { return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR }
            connection.input += buffer[0..<count]
            let response: Response
            if let head = Self.requestHead(connection.input) {
                response = self.response(toHead: head)
            } else if connection.input.count > limits.maxRequestHead {
                response = Self.plain("431 Request Header Fields Too Large", "リクエストが長すぎます")
            } else { continue }
            connection.output = Self.encode(response)
            connection.input = []
            connection.deadline = Self.now() + limits.writeTimeout
            return send(&connection)
        }
    }

    /// Writes what the socket takes; returns false when done or broken.
    private func send(_ connection: inout Connection) -> Bool {
        while connection.sent < connection.output.count {
            let written = connection.output[connection.sent...].withUnsafeBytes {
                Glibc.send(connection.fd, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL))
            }
            if written < 0 { return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR }
            connection.sent += written
            connection.deadline = Self.now() + limits.writeTimeout
        }
        return false
    }

    private static func requestHead(_ input: [UInt8]) -> String? {
        let end: [UInt8] = Array("\r\n\r\n".utf8)
        guard input.count >= end.count else { return nil }
        for start in 0...(input.count - end.count) where input[start..<(start + end.count)].elementsEqual(end) {
            return String(decoding: input[0..<start], as: UTF8.self)
        }
        return nil
    }

    // MARK: Answers

    /// The answer to a request head; `HEAD` gets the same headers and no body.
    func response(toHead head: String) -> Response {
        let line = head.split(separator: "\r\n", maxSplits: 1).first.map(String.init) ?? ""
        let parts = line.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else {
            return Self.plain("400 Bad Request", "リクエストを読めません")
        }
        guard parts[0] == "GET" || parts[0] == "HEAD" else {
            var response = Self.plain("405 Method Not Allowed", "GET と HEAD だけを受け付けます")
            response.headers.append(("Allow", "GET, HEAD"))
            return response
        }
        if let allowedHosts {
            let host = head.split(separator: "\r\n").dropFirst().first { $0.lowercased().hasPrefix("host:") }
                .map { $0.dropFirst("host:".count).trimmingCharacters(in: .whitespaces).lowercased() }
            guard let host, allowedHosts.contains(host) else {
                return Self.plain("421 Misdirected Request", "このプレビューは http://127.0.0.1:\(port)/ で開いてください")
            }
        }
        var response = response(for: String(parts[1]))
        response.omitsBody = parts[0] == "HEAD"
        return response
    }

    /// The answer for a request target (path and query).
    func response(for target: String) -> Response {
        guard target.hasPrefix("/") else { return Self.plain("400 Bad Request", "パスは / で始めてください") }
        let pathPart = String(target.prefix { $0 != "?" && $0 != "#" })
        guard let path = pathPart.removingPercentEncoding, !path.contains("\0") else {
            return Self.plain("400 Bad Request", "パスを読めません")
        }
        if path == Self.versionPath {
            lock.lock()
            let current = version
            lock.unlock()
            return Response(status: "200 OK", headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(String(current).utf8))
        }
        let components = path.split(separator: "/").map(String.init)
        // Decoding first means `%2e%2e` is caught here as well as a literal `..`.
        guard !components.contains("..") else { return Self.plain("403 Forbidden", "このフォルダの外は見られません") }
        var file = components.reduce(root) { $0.appendingPathComponent($1) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), isDirectory.boolValue {
            guard path.hasSuffix("/") else {
                let query = target.dropFirst(pathPart.count)
                return Response(status: "301 Moved Permanently", headers: [("Location", pathPart + "/" + query), ("Content-Type", "text/plain; charset=utf-8")], body: [])
            }
            file.appendPathComponent("index.html")
        }
        let type = Self.contentType(of: file.pathExtension)
        if type.hasPrefix("text/html"), let failure = currentFailurePage() {
            return Response(status: "500 Internal Server Error", headers: [("Content-Type", "text/html; charset=utf-8")], body: failure)
        }
        guard let real = RealPath.of(file.path) else { return notFound() }
        // A symlink inside the preview folder must not lead outside it.
        guard RealPath.isInside(real, root.path) else { return Self.plain("403 Forbidden", "このフォルダの外は見られません") }
        guard let data = FileManager.default.contents(atPath: real) else { return notFound() }
        let body = type.hasPrefix("text/html") ? withReload(Array(data)) : Array(data)
        return Response(status: "200 OK", headers: [("Content-Type", type)], body: body)
    }

    private func currentFailurePage() -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        return failurePage
    }

    private func notFound() -> Response {
        if let failure = currentFailurePage() {
            return Response(status: "500 Internal Server Error", headers: [("Content-Type", "text/html; charset=utf-8")], body: failure)
        }
        let page = FileManager.default.contents(atPath: root.appendingPathComponent("404.html").path) ?? Data("<p>ページがありません</p>".utf8)
        return Response(status: "404 Not Found", headers: [("Content-Type", "text/html; charset=utf-8")], body: withReload(Array(page)))
    }

    static func encode(_ response: Response) -> [UInt8] {
        var head = "HTTP/1.1 \(response.status)\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(response.body.count)\r\n"
        head += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
        return Array(head.utf8) + (response.omitsBody ? [] : response.body)
    }

    private static func plain(_ status: String, _ text: String) -> Response {
        Response(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array((text + "\n").utf8))
    }

    static func failurePage(_ lines: [String]) -> [UInt8] {
        let items = lines.map { "<li>\(XMLText.escape($0))</li>" }.joined(separator: "\n")
        let html = """
        <!doctype html>
        <html lang="ja"><head><meta charset="utf-8"><title>サイトを作り直せませんでした</title>
        <style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.6}li{font-family:monospace;white-space:pre-wrap;margin:.5em 0}h1{color:#a00}</style></head>
        <body><h1>サイトを作り直せませんでした</h1>
        <p>次の問題を直してファイルを保存してください。直ると、このページは自動で元の表示に戻ります。</p>
        <ul>
        \(items)
        </ul>
        </body></html>
        """
        return Array(html.utf8)
    }

    private func withReload(_ html: [UInt8]) -> [UInt8] {
        let script = """
        <script>(function(){var v=null;setInterval(function(){fetch("\(Self.versionPath)",{cache:"no-store"}).then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v){location.reload()}v=t}).catch(function(){})},1000)})();</script>
        """
        let text = String(decoding: html, as: UTF8.self)
        guard let end = text.range(of: "</body>", options: .backwards) else { return html + Array(script.utf8) }
        return Array(text.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: script).utf8)
    }

    static func contentType(of ext: String) -> String {
        switch ext.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "geojson": "application/geo+json"
        case "xml": "application/xml"
        case "ics": "text/calendar; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "pdf": "application/pdf"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }

    // MARK: Helpers

    private static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
    }

    private static func makeNonBlocking(_ fd: Int32) {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }
}
