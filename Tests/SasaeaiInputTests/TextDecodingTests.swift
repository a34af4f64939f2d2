import Foundation
import XCTest
@testable import SasaeaiInput

final class TextDecodingTests: XCTestCase {
    private func decoded(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> DecodedText? {
        switch TextDecoding.decode(Data(bytes)) {
        case .success(let text): return text
        case .failure(let error):
            XCTFail("undecodable at \(error.byteOffset)", file: file, line: line)
            return nil
        }
    }

    private func failure(_ bytes: [UInt8]) -> Int? {
        if case .failure(let error) = TextDecoding.decode(Data(bytes)) { return error.byteOffset }
        return nil
    }

    func testPlainUTF8() {
        let text = decoded(Array("名称\tID\r\nサロン\tminami\r\n".utf8))
        XCTAssertEqual(text?.encoding, .utf8)
        XCTAssertEqual(text?.text, "名称\tID\r\nサロン\tminami\r\n")
    }

    func testEmptyFileIsUTF8() {
        XCTAssertEqual(decoded([])?.encoding, .utf8)
        XCTAssertEqual(decoded([])?.text, "")
    }

    func testUTF8WithBOMDropsTheBOM() {
        let text = decoded([0xEF, 0xBB, 0xBF] + Array("ID,名称\r\n".utf8))
        XCTAssertEqual(text?.encoding, .utf8BOM)
        XCTAssertEqual(text?.text, "ID,名称\r\n")
        XCTAssertFalse(text?.text.unicodeScalars.contains("\u{FEFF}") ?? true)
    }

    func testUTF16LEWithBOMTabsAndCRLF() {
        // Excel's 「Unicode テキスト」: BOM FF FE, then UTF-16LE code units.
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "ID\t名称\r\nminami\tみなみサロン😀\r\n".utf16 {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let text = decoded(bytes)
        XCTAssertEqual(text?.encoding, .utf16LE)
        XCTAssertEqual(text?.text, "ID\t名称\r\nminami\tみなみサロン😀\r\n")
    }

    func testUTF16BEWithBOM() {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in "ID\t地区\n".utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let text = decoded(bytes)
        XCTAssertEqual(text?.encoding, .utf16BE)
        XCTAssertEqual(text?.text, "ID\t地区\n")
    }

    func testUTF16OddLengthAndLoneSurrogateAreReported() {
        XCTAssertEqual(failure([0xFF, 0xFE, 0x41, 0x00, 0x42]), 4)
        // A high surrogate followed by "A".
        XCTAssertEqual(failure([0xFF, 0xFE, 0x41, 0x00, 0x3D, 0xD8, 0x41, 0x00]), 4)
        // A low surrogate on its own.
        XCTAssertEqual(failure([0xFE, 0xFF, 0xDC, 0x00]), 2)
    }

    func testCP932WithNECAndIBMExtensions() {
        // 「サロン①」 then NEC-selected IBM 纊 (ED 40), IBM ⅰ (FA 40), 〜 as CP932 writes it (81 60),
        // half-width ｶﾞ (B6 DE), and \ ~ which CP932 keeps as ASCII.
        let bytes: [UInt8] = [0x83, 0x54, 0x83, 0x8D, 0x83, 0x93, 0x87, 0x40, 0x2C,
                              0xED, 0x40, 0xFA, 0x40, 0x81, 0x60, 0xB6, 0xDE, 0x5C, 0x7E, 0x0D, 0x0A]
        let text = decoded(bytes)
        XCTAssertEqual(text?.encoding, .cp932)
        XCTAssertEqual(text?.text, "サロン①,纊ⅰ～ｶﾞ\\~\r\n")
    }

    func testCP932HeaderRowOfAListingsTable() {
        // 名称,地区 in Shift_JIS: 96 BC 8F CC 2C 92 6E 8B E6
        let text = decoded([0x96, 0xBC, 0x8F, 0xCC, 0x2C, 0x92, 0x6E, 0x8B, 0xE6, 0x0D, 0x0A])
        XCTAssertEqual(text?.encoding, .cp932)
        XCTAssertEqual(text?.text, "名称,地区\r\n")
    }

    func testUndecodableReportsTheFirstBadByte() {
        // 0x80 is neither UTF-8 nor a CP932 lead byte.
        XCTAssertEqual(failure([0x41, 0x42, 0x80, 0x41]), 2)
        // 0x85 0x40 is well formed but unassigned in CP932; the byte before it is fine.
        XCTAssertEqual(failure([0x82, 0xA0, 0x41, 0x85, 0x40, 0x41]), 3)
        // A lead byte at the very end.
        XCTAssertEqual(failure([0x82, 0xA0, 0x82]), 2)
        // A lead byte followed by a byte that cannot trail.
        XCTAssertEqual(failure([0x41, 0x81, 0x20]), 1)
        XCTAssertEqual(failure([0xFF]), 0)
    }

    func testDamagedUTF8IsReportedNotReadAsCP932Mojibake() {
        // 「名称,サロン」 in UTF-8 would decode as valid CP932 (縺…); one bad byte must not make it so.
        let bytes = Array("名称,サロン\r\n".utf8) + [0xFF] + Array("あ".utf8)
        XCTAssertEqual(failure(bytes), bytes.count - 4)
    }

    func testCP932HalfWidthKanaIsNotMistakenForUTF8() {
        // ﾃｽﾄ (C3 BD C4) starts with a valid two-byte UTF-8 sequence; it is still CP932.
        let text = decoded([0x49, 0x44, 0x2C, 0xC3, 0xBD, 0xC4, 0x0D, 0x0A, 0xC3, 0xBD, 0xC4])
        XCTAssertEqual(text?.encoding, .cp932)
        XCTAssertEqual(text?.text, "ID,ﾃｽﾄ\r\nﾃｽﾄ")
    }

    func testBOMIsTrustedEvenWhenTheRestIsBroken() {
        // UTF-8 BOM then a CP932 あ: report it rather than guess a second encoding.
        XCTAssertEqual(failure([0xEF, 0xBB, 0xBF, 0x41, 0x82, 0xA0]), 4)
    }

    func testOutputIsNFC() {
        // か + combining dakuten (as macOS file names and some exports write it) becomes が.
        let text = decoded(Array("か\u{3099}".utf8))
        XCTAssertEqual(text?.text.unicodeScalars.map(\.value), [0x304C])
    }

    func testStrictUTF8RejectsOverlongAndSurrogates() {
        XCTAssertEqual(TextDecoding.firstInvalidUTF8([0xC0, 0x80], from: 0), 0)
        XCTAssertEqual(TextDecoding.firstInvalidUTF8([0x41, 0xED, 0xA0, 0x80], from: 0), 1)
        XCTAssertEqual(TextDecoding.firstInvalidUTF8([0xF4, 0x90, 0x80, 0x80], from: 0), 0)
        XCTAssertNil(TextDecoding.firstInvalidUTF8(Array("①😀".utf8), from: 0))
    }
}

/// The shortcut that skips NFC must be exact: every scalar it calls stable is unchanged by
/// Foundation's NFC alone and after a base letter or kana it could combine with.
final class NFCShortcutTests: XCTestCase {
    func testStableScalarsAreUnchangedByNFC() {
        var checked = 0
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), TextDecoding.isStableUnderNFC(scalar) else { continue }
            for base in ["", "e", "か", "ﾊ"] {
                let text = base + String(Character(scalar))
                XCTAssertEqual(text.precomposedStringWithCanonicalMapping, text, "U+\(String(value, radix: 16))")
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 25_000)
    }

    func testTextWithCombiningMarksIsStillNormalized() throws {
        // か + combining dakuten, as macOS file names and some PDFs copy it.
        let decoded = try TextDecoding.decode(Data("ID\tか\u{3099}\n".utf8)).get()
        XCTAssertEqual(decoded.text, "ID\tが\n")
    }

    /// NFC is decided in the validating pass over the bytes: it must agree with reading the
    /// decoded text's scalars, and the decoded text must be what normalizing that text gives.
    func testNFCDecidedInTheScanIsTheScalarTest() {
        let pieces = ["a", "\r\n", "あ", "が", "か\u{3099}", "ｶﾞ", "①", "﨑", "가", "e\u{301}", "é", "Å", "\u{212B}", "😀", "\u{2028}", "〜", "\u{302A}", "ﾟ", "Ω", "\u{2126}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            let scan = bytes.withUnsafeBufferPointer { TextDecoding.scanUTF8($0, from: 0) }
            XCTAssertNil(scan.firstInvalid)
            XCTAssertEqual(scan.stableUnderNFC, text.unicodeScalars.allSatisfy(TextDecoding.isStableUnderNFC), text.debugDescription)
            let expected = text.unicodeScalars.allSatisfy(TextDecoding.isStableUnderNFC) ? text : text.precomposedStringWithCanonicalMapping
            guard case .success(let decoded) = TextDecoding.decode(Data(bytes)) else { return XCTFail(text.debugDescription) }
            XCTAssertEqual(Array(decoded.text.unicodeScalars), Array(expected.unicodeScalars), text.debugDescription)
        }
    }
}
