import Foundation
import XCTest
@testable import SasaeaiCore

final class NameBasedUUIDTests: XCTestCase {
    private func hex(_ bytes: [UInt8]) -> String { bytes.map { String($0, radix: 16).leftPad(2) }.joined() }

    func testSHA1MatchesThePublishedVectors() {
        // FIPS 180-2 appendix A / RFC 3174 section 7.3.
        XCTAssertEqual(hex(SHA1.hash(Array("abc".utf8))), "a9993e364706816aba3e25717850c26c9cd0d89d")
        XCTAssertEqual(hex(SHA1.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))),
                       "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        XCTAssertEqual(hex(SHA1.hash([UInt8]())), "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        XCTAssertEqual(hex(SHA1.hash([UInt8](repeating: 0x61, count: 1_000_000))), "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
        // Multi-byte text, and lengths around the 55/56/64-byte padding boundaries (Python hashlib).
        XCTAssertEqual(hex(SHA1.hash(Array("ひばり野町".utf8))), "fde9bba0a86ba8d4acaf756c1e823b8d5ee40eaf")
    }

    func testPaddingBoundaries() {
        // Values from Python: hashlib.sha1(b"a" * n).hexdigest()
        let expected = [
            55: "c1c8bbdc22796e28c0e15163d20899b65621d65a",
            56: "c2db330f6083854c99d4b5bfb6e8f29f201be699",
            63: "03f09f5b158a7a8cdad920bddc29b81c18a551f5",
            64: "0098ba824b5c16427bd7a1122a5a442a25ec644d",
        ]
        for (count, digest) in expected {
            XCTAssertEqual(hex(SHA1.hash([UInt8](repeating: 0x61, count: count))), digest, "\(count) bytes")
        }
    }

    /// The fingerprint feeds the hash in pieces of every size, from arrays and from `Data`:
    /// any split gives the digest of the whole.
    func testPiecesGiveTheDigestOfTheWhole() {
        let whole = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let expected = SHA1.hash(whole)
        for split in [1, 3, 63, 64, 65, 130, 999] {
            var sha = SHA1()
            var start = 0
            while start < whole.count {
                let end = min(whole.count, start + split)
                if split % 2 == 0 { sha.update(Data(whole[start..<end])) } else { sha.update(whole[start..<end]) }
                start = end
            }
            XCTAssertEqual(sha.finish(), expected, "pieces of \(split)")
        }
        var lazy = SHA1()
        lazy.update(whole.lazy.map { $0 })
        XCTAssertEqual(lazy.finish(), expected, "a sequence without contiguous storage")
    }

    func testVersion5UUIDsMatchPython() {
        // python3 -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, NAME))"
        XCTAssertEqual(NameBasedUUID.string("https://example.org/sasaeai/listings/chuo-ikiiki-salon/"),
                       "a36edc2c-1c5c-5f1c-a225-69530ae324b1")
        XCTAssertEqual(NameBasedUUID.string("https://example.org/sasaeai/listings/chuo-ikiiki-salon/#schedule-1"),
                       "b14e26c6-1b69-5370-8c95-0b01e271b184")
    }

    /// The text is written from the digest without Foundation: it must be Foundation's form, lowercased.
    func testTextIsFoundationsFormLowercased() {
        for name in ["", "a", "https://例え.jp/みなと/listings/s000123/#phone-2", String(repeating: "x", count: 200)] {
            XCTAssertEqual(NameBasedUUID.string(name), NameBasedUUID.v5(name: name).uuidString.lowercased(), name)
        }
        // Another namespace (RFC 9562's DNS one): python3 -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'))"
        XCTAssertEqual(NameBasedUUID.v5(namespace: UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8")!, name: "python.org").uuidString.lowercased(),
                       "886313e1-3b8a-5372-9b90-0c9aee199e5d")
    }
}

private extension String {
    func leftPad(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
