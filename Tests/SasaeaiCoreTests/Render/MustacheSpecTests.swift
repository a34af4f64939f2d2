import Foundation
@testable import SasaeaiCore
import XCTest

/// The template engine against the official Mustache spec (Fixtures/mustache-spec, see its
/// README for the source and licence): every test of each file, by name.
final class MustacheSpecTests: XCTestCase {
    private static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/mustache-spec")

    func testInterpolation() throws { try run("interpolation") }
    func testSections() throws { try run("sections") }
    func testInvertedSections() throws { try run("inverted") }
    func testPartials() throws { try run("partials") }
    func testComments() throws { try run("comments") }
    func testInheritance() throws { try run("~inheritance") }
    func testDelimiters() throws { try run("delimiters") }

    private struct SpecFile: Decodable {
        let tests: [SpecTest]
    }

    private struct SpecTest: Decodable {
        let name: String
        let data: JSONValue
        let template: String
        let partials: [String: String]?
        let expected: String
    }

    private func run(_ file: String) throws {
        let spec = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: Self.folder.appendingPathComponent(file + ".json")))
        XCTAssertFalse(spec.tests.isEmpty)
        for test in spec.tests {
            var library = TemplateLibrary()
            do {
                for (name, text) in test.partials ?? [:] { library.register(try TemplateParser.parse(text), named: name) }
                library.register(try TemplateParser.parse(test.template), named: "test")
            } catch {
                XCTFail("\(file): \(test.name): does not parse: \(error)")
                continue
            }
            let rendered = library.render("test", root: test.data.templateValue)
            if Self.unmet.contains(test.name) {
                XCTAssertNotEqual(rendered, test.expected, "\(file): \(test.name) now passes: take it off `unmet`")
            } else {
                XCTAssertEqual(rendered, test.expected, "\(file): \(test.name)")
            }
        }
    }

    /// Blocks take the indentation of their tag, not of their default content, as in
    /// swift-mustache (which skipped the same two tests): the theme's output stayed the same.
    private static let unmet: Set = ["Intrinsic indentation", "Nested block reindentation"]
}

/// A JSON value as template data: objects answer their keys, null is no value, numbers show as
/// JSON writes them.
private indirect enum JSONValue: Decodable, TemplateValueConvertible, TemplateObject {
    case null, bool(Bool), number(String), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            self = .number(String(number))
        } else if let number = try? container.decode(Double.self) {
            self = .number(String(number))
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let list = try? container.decode([JSONValue].self) {
            self = .array(list)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    var templateValue: TemplateValue {
        switch self {
        case .null: .none
        case .bool(let flag): .bool(flag)
        case .number(let text), .string(let text): .text(text)
        case .array(let list): .list(list)
        case .object: .object(self)
        }
    }

    func value(_ name: String) -> TemplateValue {
        guard case .object(let fields) = self else { return .none }
        return fields[name]?.templateValue ?? .none
    }
}
