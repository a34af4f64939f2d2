import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server for `sasaeai serve`: it serves the built site from loopback and adds
/// a script to HTML pages that reloads them when the site is rebuilt. It is for previewing on
/// the coordinator's own machine, not for publishing.
public final class PreviewServer: @unchecked Sendable {
    /// Path the reload script polls; its body changes with every successful build.
    public static let versionPath = "/__sasaeai/version"

    private let root: URL
    private let socket: Int32
    public let port: Int
    private let lock = NSLock()
    private var version = 0

    /// Binds to `host:port` (port 0 picks a free one).
    public init(root: URL, host: String, port: Int) throws {
        self.root = root.standardizedFileURL
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
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
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EADDRINUSE)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        socket = fd
        self.port = Int(UInt16(bigEndian: actual.sin_port))
    }

    deinit { close(socket) }

    /// Tells open pages to reload.
    public func siteChanged() {
        lock.lock()
        version += 1
        lock.unlock()
    }

    /// Accepts connections on a background thread, one short-lived thread per request.
    public func start() {
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(socket, nil, nil)
                if client < 0 { continue }
                Thread.detachNewThread { [self] in handle(client) }
            }
        }
    }

    private func handle(_ client: Int32) {
        defer { close(client) }
        var buffer = [UInt8](repeating: 0, count: 8192)
        let count = read(client, &buffer, buffer.count)
        guard count > 0, let request = String(bytes: buffer[0..<count], encoding: .utf8),
              let line = request.split(separator: "\r\n").first else { return }
        let parts = line.split(separator: " ")
        guard parts.count >= 2 else { return }
        let (status, type, body) = response(for: String(parts[1]))
        var head = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\n"
        head += "Cache-Control: no-store\r\nConnection: close\r\n\r\n"
        send(client, Array(head.utf8) + body)
    }

    /// The status line, content type and body for a request path.
    func response(for rawPath: String) -> (String, String, [UInt8]) {
        let path = (rawPath.split(separator: "?").first.map(String.init) ?? "/").removingPercentEncoding ?? "/"
        if path == Self.versionPath {
            lock.lock()
            let current = version
            lock.unlock()
            return ("200 OK", "text/plain; charset=utf-8", Array(String(current).utf8))
        }
        var file = root.appendingPathComponent(path).standardizedFileURL
        guard file.path == root.path || file.path.hasPrefix(root.path + "/") else {
            return ("403 Forbidden", "text/plain; charset=utf-8", Array("forbidden".utf8))
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), isDirectory.boolValue {
            file.appendPathComponent("index.html")
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            let notFound = FileManager.default.contents(atPath: root.appendingPathComponent("404.html").path) ?? Data("not found".utf8)
            return ("404 Not Found", "text/html; charset=utf-8", withReload(Array(notFound)))
        }
        let type = Self.contentType(of: file.pathExtension)
        return ("200 OK", type, type.hasPrefix("text/html") ? withReload(Array(data)) : Array(data))
    }

    private func withReload(_ html: [UInt8]) -> [UInt8] {
        let script = """
        <script>(function(){var v=null;setInterval(function(){fetch("\(Self.versionPath)",{cache:"no-store"}).then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v){location.reload()}v=t}).catch(function(){})},1000)})();</script>
        """
        let text = String(decoding: html, as: UTF8.self)
        guard let end = text.range(of: "</body>", options: .backwards) else { return html + Array(script.utf8) }
        return Array(text.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: script).utf8)
    }

    private func send(_ client: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(client, $0.baseAddress!, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }

    static func contentType(of ext: String) -> String {
        switch ext.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json", "geojson": "application/json"
        case "xml": "application/xml"
        case "ics": "text/calendar; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "pdf": "application/pdf"
        default: "application/octet-stream"
        }
    }
}
