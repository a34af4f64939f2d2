import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `serve` listens, checked before anything is bound: a port outside 1–65535 used to
/// crash the server, and a non-loopback host shows drafts to the whole network.
public struct PreviewAddress: Equatable, Sendable {
    /// Dotted IPv4, as `inet_pton` reads it.
    public let host: String
    public let port: Int

    /// The message says, in Japanese, what to type instead; `serve` shows it as a usage error.
    public struct Problem: Error, Equatable, Sendable {
        public let message: String
    }

    public static func parse(host: String, port: Int, allowRemote: Bool) -> Result<PreviewAddress, Problem> {
        guard (1...65535).contains(port) else {
            return .failure(Problem(message: "--port は 1〜65535 の数で指定してください（\(port) は使えません）。ふつうは 8080 のままで構いません"))
        }
        let trimmed = host.trimmingCharacters(in: .whitespaces)
        let address = trimmed.lowercased() == "localhost" ? "127.0.0.1" : trimmed
        var parsed = in_addr()
        guard inet_pton(AF_INET, address, &parsed) == 1 else {
            return .failure(Problem(message: "--host「\(host)」は 127.0.0.1 のような IPv4 アドレスか localhost で書いてください"))
        }
        // 127.0.0.0/8: the first byte in network order.
        let isLoopback = UInt32(bigEndian: parsed.s_addr) >> 24 == 127
        guard isLoopback || allowRemote else {
            return .failure(Problem(message: "--host「\(host)」ではほかの機械から下書きまで見えてしまいます。自分の機械で見るなら 127.0.0.1 のままにしてください。ほかの機械に見せるときだけ --allow-remote を付けてください"))
        }
        return .success(PreviewAddress(host: address, port: port))
    }
}
