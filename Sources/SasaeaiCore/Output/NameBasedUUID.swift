import Foundation

/// Name-based UUIDs (RFC 9562 version 5), so open-data ids are UUIDs as HSDS requires, and the same
/// listing gets the same id on every build and in every town's export that names it by its URL.
enum NameBasedUUID {
    /// The RFC 9562 namespace for names that are URLs.
    static let urlNamespace = UUID(uuidString: "6ba7b811-9dad-11d1-80b4-00c04fd430c8")!
    private static let urlNamespaceBytes = bytes(of: urlNamespace)

    static func v5(namespace: UUID = urlNamespace, name: String) -> UUID {
        let d = digest(namespace: namespace == urlNamespace ? urlNamespaceBytes : bytes(of: namespace), name: name)
        return UUID(uuid: (d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10], d[11], d[12], d[13], d[14], d[15]))
    }

    /// The lowercase text form HSDS examples and Python's `str(uuid)` use, written straight from
    /// the digest (eight of these per listing: Foundation's text, then lowercasing, cost more
    /// than the hash).
    static func string(_ name: String) -> String {
        let d = digest(namespace: urlNamespaceBytes, name: name)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (i, byte) in d.prefix(16).enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { text.append(UInt8(ascii: "-")) }
            Hex.append(byte, to: &text)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// SHA-1 of namespace and name, with the version and variant bits set.
    private static func digest(namespace: [UInt8], name: String) -> [UInt8] {
        var sha = SHA1()
        sha.update(namespace)
        var name = name
        name.withUTF8 { sha.update($0) }
        var digest = sha.finish()
        digest[6] = (digest[6] & 0x0F) | 0x50
        digest[8] = (digest[8] & 0x3F) | 0x80
        return digest
    }

    private static func bytes(of uuid: UUID) -> [UInt8] {
        let n = uuid.uuid
        return [n.0, n.1, n.2, n.3, n.4, n.5, n.6, n.7, n.8, n.9, n.10, n.11, n.12, n.13, n.14, n.15]
    }
}
