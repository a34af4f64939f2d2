import Foundation
@testable import SasaeaiCore
import XCTest

/// Every JSON file the example town publishes, read back and re-encoded by Foundation's
/// `JSONEncoder` with the options that wrote it before `JSONWriter`: the bytes must not differ,
/// so key order, layout, escaping and numbers stay what readers and digests know.
final class JSONExportsTests: XCTestCase {
    /// Any JSON value, to read a file back whatever its shape. Integers come back as whole
    /// doubles, which the encoder writes without `.0`, as it wrote the integers.
    private enum Value: Codable {
        case null, bool(Bool), number(Double), string(String), array([Value]), object([String: Value])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let bool = try? container.decode(Bool.self) { self = .bool(bool) }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else if let string = try? container.decode(String.self) { self = .string(string) }
            else if let array = try? container.decode([Value].self) { self = .array(array) }
            else { self = .object(try container.decode([String: Value].self)) }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .bool(let bool): try container.encode(bool)
            case .number(let number): try container.encode(number)
            case .string(let string): try container.encode(string)
            case .array(let array): try container.encode(array)
            case .object(let object): try container.encode(object)
            }
        }
    }

    private static let content: SiteContent = {
        var options = BuildOptions()
        options.content = Folder(Repository.content.path)
        options.templates = Folder(Repository.templates.path)
        return Builder.check(options).content!
    }()

    private func assertFoundationWritesTheSame(_ text: String, _ formatting: JSONEncoder.OutputFormatting, suffix: String = "\n",
                                               _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let json = text.hasSuffix(suffix) ? String(text.dropLast(suffix.count)) : text
        let value = try JSONDecoder().decode(Value.self, from: Data(json.utf8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        let expected = String(decoding: try encoder.encode(value), as: UTF8.self) + suffix
        XCTAssertEqual(text, expected, name, file: file, line: line)
    }

    func testListingsJSONAndGeoJSON() throws {
        let content = Self.content
        let records = DataExport.records(content, index: SiteIndex(content))
        XCTAssertGreaterThan(records.count, 10)
        XCTAssertTrue(records.contains { !$0.extras.isEmpty }, "the example town has extra columns, written as an object")
        try assertFoundationWritesTheSame(DataExport.json(records), [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes], "listings.json")
        try assertFoundationWritesTheSame(DataExport.geoJSON(records), [.sortedKeys, .withoutEscapingSlashes], "listings.geojson")
        try assertFoundationWritesTheSame(DataExport.json([]), [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes], "no listings")
    }

    func testHSDSServices() throws {
        let content = Self.content
        let files = HSDSExport.files(content, index: SiteIndex(content))
        guard case .streamed(let produce) = try XCTUnwrap(files.first).body else { return XCTFail("services.json is streamed") }
        let services = String(decoding: OutputFile.collect(produce), as: UTF8.self)
        XCTAssertTrue(services.contains("\"schedules\" : ["))
        try assertFoundationWritesTheSame(services, [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes], "services.json")
    }

    func testSearchIndexAndChunks() throws {
        let content = Self.content
        let entries = SearchIndex.entries(content, index: SiteIndex(content), labels: try Labels.repository()) { $0.body }
        let files = SearchIndex.files(entries)
        XCTAssertGreaterThan(files.count, 3)
        for file in files {
            let text: String
            switch file.body {
            case .text(let written): text = written
            case .streamed(let produce): text = String(decoding: OutputFile.collect(produce), as: UTF8.self)
            default: return XCTFail(file.path)
            }
            try assertFoundationWritesTheSame(text, [.sortedKeys, .withoutEscapingSlashes], file.path)
        }
    }

    /// The whole index is written from the chunks' entry blocks: over many blocks it is still
    /// every entry, in order, in one array.
    func testWholeSearchIndexOverManyBlocks() throws {
        let entries = (0..<3_000).map { n in
            SearchIndex.Entry(title: "サロン\(n)", url: "listings/s\(n)/", type: "居場所", detail: "毎週月曜",
                              name: "さろん\(n)", reading: "", text: String(repeating: "たいそう\(n)", count: n % 7 + 1))
        }
        let files = SearchIndex.files(entries)
        XCTAssertGreaterThan(files.filter { $0.path.hasPrefix("search/e/") }.count, 3)
        guard let whole = files.first(where: { $0.path == Route.searchIndex.path }), case .streamed(let produce) = whole.body else {
            return XCTFail("search/index.json is streamed")
        }
        let expected = "[" + SearchIndex.json(entries).map { String(decoding: $0, as: UTF8.self) }.joined(separator: ",") + "]\n"
        XCTAssertEqual(String(decoding: OutputFile.collect(produce), as: UTF8.self), expected)
        guard case .streamed(let none) = SearchIndex.files([])[0].body else { return XCTFail("empty index") }
        XCTAssertEqual(String(decoding: OutputFile.collect(none), as: UTF8.self), "[]\n")
    }

    /// JSON-LD escapes `/` (JSONEncoder's default, kept) and `<` (so it cannot close the script).
    func testJSONLD() throws {
        let content = Self.content
        for listing in content.listings {
            let text = StructuredData.listing(listing, content: content, districtName: "中央")
            XCTAssertFalse(text.contains("<"))
            let value = try JSONDecoder().decode(Value.self, from: Data(text.utf8))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let expected = String(decoding: try encoder.encode(value), as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
            XCTAssertEqual(text, expected, listing.id)
        }
    }
}
