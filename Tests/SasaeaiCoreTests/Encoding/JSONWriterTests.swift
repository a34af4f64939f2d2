import Foundation
@testable import SasaeaiCore
import XCTest

/// The writer against RFC 8259 and against Foundation's `JSONEncoder`, which wrote the published
/// files before it: the same value must give the same bytes, or every export's digest changes.
final class JSONWriterTests: XCTestCase {
    private func written(_ style: JSONWriter.Style = JSONWriter.Style(), _ write: (inout JSONWriter) -> Void) -> String {
        var json = JSONWriter(style)
        write(&json)
        return json.finish()
    }

    private func foundation<T: Encodable>(_ value: T, _ formatting: JSONEncoder.OutputFormatting) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func testEscapesQuoteBackslashAndEveryControlCharacter() throws {
        var text = "\"\\"
        for value in 0..<0x20 { text.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        let json = written { $0.string(text) }
        XCTAssertEqual(json, #""\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f"#
            + #"\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f""#)
        XCTAssertEqual(json, try foundation(text, [.withoutEscapingSlashes]))
        // And it reads back to the same text.
        XCTAssertEqual(try JSONDecoder().decode(String.self, from: Data(json.utf8)), text)
    }

    func testWritesEveryOtherCharacterAsItsUTF8() throws {
        // DEL, U+2028/U+2029 (legal in JSON strings; JSON-LD is not run as script), a BOM,
        // combining marks, CJK beyond the BMP, emoji with joiners and modifiers.
        let text = "/\u{7F}\u{2028}\u{2029}\u{FEFF}が（ｶﾞ）𠮷野家 🙂👨‍👩‍👧👍🏽 é"
        let json = written { $0.string(text) }
        XCTAssertEqual(Array(json.utf8), Array("\"\(text)\"".utf8))
        XCTAssertEqual(json, try foundation(text, [.withoutEscapingSlashes]))
        XCTAssertEqual(try JSONDecoder().decode(String.self, from: Data(json.utf8)), text)
    }

    func testEscapesSlashAndLessThanOnlyWhenAsked() throws {
        let text = "https://example.jp/a?b=<c>"
        XCTAssertEqual(written { $0.string(text) }, #""https://example.jp/a?b=<c>""#)
        XCTAssertEqual(written(JSONWriter.Style(escapesSlashes: true)) { $0.string(text) }, try foundation(text, []))
        XCTAssertEqual(written(JSONWriter.Style(escapesSlashes: true, escapesLessThan: true)) { $0.string(text) },
                       #""https:\/\/example.jp\/a?b=\u003cc>""#)
    }

    /// A Swift string holds Unicode scalars only, so there is no lone surrogate for the writer
    /// to escape: bytes that would encode one are replaced when the string is made.
    func testLoneSurrogatesCannotReachTheWriter() {
        XCTAssertNil(Unicode.Scalar(UInt32(0xD800)))
        let text = String(decoding: [0x61, 0xED, 0xA0, 0x80, 0x62] as [UInt8], as: UTF8.self)
        XCTAssertFalse(text.unicodeScalars.contains { (0xD800...0xDFFF).contains($0.value) })
        let json = written { $0.string(text) }
        XCTAssertTrue(json.hasPrefix("\"a\u{FFFD}"))
        XCTAssertFalse(json.lowercased().contains("\\ud8"))
    }

    func testNumbersAsFoundationWroteThem() throws {
        let doubles = [35.0, 139.6917, 35.681236, -0.0, 0.1 + 0.2, 1e-05, 1e16, 123_456_789.125, -33.5]
        XCTAssertEqual(written { json in json.beginArray(); doubles.forEach { json.double($0) }; json.endArray() },
                       try foundation(doubles, []))
        XCTAssertEqual(written { $0.double(35.0) }, "35")
        XCTAssertEqual(written { $0.double(1e-05) }, "1e-05")
        let ints = [0, -1, 42, Int.max, Int.min]
        XCTAssertEqual(written { json in json.beginArray(); ints.forEach { json.int($0) }; json.endArray() },
                       try foundation(ints, []))
    }

    private struct Sample: Encodable {
        var empty: [String] = []
        var flag = true
        var inner = Inner()
        var lists: [[Int]] = [[1, 2], []]
        var none: String? = nil
        var nothing: [String: String] = [:]
        var text = "x"
        struct Inner: Encodable { var a = 1.5; var b: [String] = ["p", "q"] }
    }

    private func writeSample(_ json: inout JSONWriter) {
        let sample = Sample()
        json.beginObject()
        json.field("empty", sample.empty)
        json.field("flag", sample.flag)
        json.key("inner")
        json.beginObject()
        json.field("a", sample.inner.a)
        json.field("b", sample.inner.b)
        json.endObject()
        json.key("lists")
        json.array(sample.lists) { json, list in json.array(list) { $0.int($1) } }
        json.field("none", sample.none)
        json.key("nothing")
        json.beginObject()
        json.endObject()
        json.field("text", sample.text)
        json.endObject()
    }

    /// Indents, `" : "`, and empty containers as `[\n\n  ]`, as pretty JSONEncoder output had them.
    func testLayoutMatchesFoundationPrettyAndCompact() throws {
        XCTAssertEqual(written(JSONWriter.Style(pretty: true)) { writeSample(&$0) },
                       try foundation(Sample(), [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
        XCTAssertEqual(written { writeSample(&$0) }, try foundation(Sample(), [.sortedKeys, .withoutEscapingSlashes]))
        XCTAssertEqual(written(JSONWriter.Style(pretty: true)) { $0.array([String]()) { $0.string($1) } }, "[\n\n]")
    }

    func testRawValuesAreSeparatedLikeWrittenOnes() {
        var entry = JSONWriter()
        entry.beginObject()
        entry.field("a", "b")
        entry.endObject()
        let json = written { json in
            json.beginArray()
            json.raw(entry.bytes)
            json.raw(entry.bytes)
            json.int(3)
            json.endArray()
        }
        XCTAssertEqual(json, #"[{"a":"b"},{"a":"b"},3]"#)
    }
}
