import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A raw HTTP client over loopback sockets: it sends the request bytes exactly as written (so
/// `%2e%2e` and `..` reach the server unnormalised) and never waits longer than `timeout`.
enum LoopbackClient {
    struct Reply {
        let status: String
        let headers: [String: String]
        let body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A connected socket with receive and send timeouts.
    /// `receiveBuffer`, set before connecting, caps how much the kernel takes in for a client
    /// that does not read (a slow reader that stays slow on any machine).
    static func connect(port: Int, timeout: Double = 5, receiveBuffer: Int32? = nil) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        if var size = receiveBuffer {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw Failure(description: "connect: errno \(errno)")
        }
        return fd
    }

    static func send(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until the server closes the connection (it always does after one answer).
    static func readAll(_ fd: Int32) throws -> [UInt8] {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 { return data }
            if count < 0 { throw Failure(description: "recv: errno \(errno) after \(data.count) bytes") }
            data += buffer[0..<count]
        }
    }

    static func request(port: Int, _ raw: String, timeout: Double = 5) throws -> Reply {
        let fd = try connect(port: port, timeout: timeout)
        defer { close(fd) }
        send(fd, raw)
        return try parse(readAll(fd))
    }

    static func get(port: Int, _ target: String, method: String = "GET") throws -> Reply {
        try request(port: port, "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    }

    static func parse(_ data: [UInt8]) throws -> Reply {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = (0...(max(0, data.count - 4))).first(where: { data.count >= $0 + 4 && Array(data[$0..<($0 + 4)]) == separator }) else {
            throw Failure(description: "no header end in \(data.count) bytes")
        }
        let lines = String(decoding: data[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let status = String(lines[0].split(separator: " ", maxSplits: 1).last ?? "")
        return Reply(status: status, headers: headers, body: Array(data[(end + 4)...]))
    }
}
