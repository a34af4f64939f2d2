import Foundation
@testable import SasaeaiCore
import SasaeaiInput
import XCTest

/// What the theme relies on beyond the Mustache spec: syntax errors located as before (E401,
/// the positions swift-mustache reported for the same text), escaping on UTF-8 bytes, and a
/// name with no value here found in the values around.
final class TemplateEngineTests: XCTestCase {
    func testSyntaxErrorsAreLocatedByLineAndColumn() {
        let cases: [(String, TemplateParser.Failure, Int, Int)] = [
            ("a\n{{#x}}\nb", .expectedSectionEnd, 3, 2),
            ("a\n  x {{#x}}y{{/z}}", .sectionCloseNameIncorrect, 2, 15),
            ("line1\nline2 {{name\n", .overflow, 3, 1),
            ("{{{x}}\n", .unfinishedName, 1, 7),
            ("ok {{! never closed", .overflow, 1, 7),
            ("x {{<layout}}text{{name}}{{/layout}}", .illegalTokenInsideInheritSection, 1, 37),
            ("\r\nA{{#s}}{{/t}}", .sectionCloseNameIncorrect, 2, 12),
            ("{{index()}}", .unsupportedTag, 1, 12),
        ]
        for (text, failure, line, column) in cases {
            XCTAssertThrowsError(try TemplateParser.parse(text), text) { error in
                guard let error = error as? TemplateParser.SyntaxError else { return XCTFail("\(error)") }
                XCTAssertEqual(error.failure, failure, text)
                XCTAssertEqual([error.line, error.column], [line, column], text)
            }
        }
    }

    func testASyntaxErrorIsDiagnosedWithItsFileAndPosition() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sasaeai-templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("<p>\n  {{#paused}}休止中\n".utf8).write(to: folder.appendingPathComponent("home.mustache"))
        var diagnostics: [Diagnostic] = []
        XCTAssertNil(TemplateSet.load(from: folder, displayPath: "templates", into: &diagnostics))
        let syntax = diagnostics.filter { $0.code == DiagnosticCode.templateSyntax }
        XCTAssertEqual(syntax.count, 1)
        XCTAssertEqual(syntax.first?.location, SourceLocation(file: "templates/home.mustache", line: 3, column: 1))
        XCTAssertEqual(syntax.first?.message, "テンプレートの書き方に誤りがあります（expectedSectionEnd）")
    }

    func testEscapingWorksOnBytesAndKeepsOtherTextAsItIs() throws {
        var library = TemplateLibrary()
        library.register(try TemplateParser.parse("{{v}}|{{{v}}}"), named: "t")
        let text = "見守り<b>&\"サロン\"'s</b>🌸"
        XCTAssertEqual(library.render("t", Values(["v": .text(text)])),
                       "見守り&lt;b&gt;&amp;&quot;サロン&quot;&#39;s&lt;/b&gt;🌸|" + text)
    }

    func testANameWithNoValueHereIsLookedUpInTheValuesAround() throws {
        var library = TemplateLibrary()
        library.register(try TemplateParser.parse("{{#items}}{{name}}:{{title}};{{/items}}{{^missing}}none{{/missing}}"), named: "t")
        let items: [Values] = [Values(["name": .text("a")]), Values(["name": .text("b"), "title": .text("own")])]
        XCTAssertEqual(library.render("t", Values(["title": .text("outer"), "items": .list(items)])), "a:outer;b:own;none")
    }

    func testAStandalonePartialIsIndentedLineByLine() throws {
        var library = TemplateLibrary()
        library.register(try TemplateParser.parse("<li>{{x}}</li>\n<li>{{x}}</li>\n"), named: "item")
        library.register(try TemplateParser.parse("<ul>\n  {{>item}}\n</ul>\n"), named: "t")
        XCTAssertEqual(library.render("t", Values(["x": .int(7)])), "<ul>\n  <li>7</li>\n  <li>7</li>\n</ul>\n")
    }

    private struct Values: TemplateObject, TemplateValueConvertible {
        let fields: [String: TemplateValue]
        init(_ fields: [String: TemplateValue]) { self.fields = fields }
        func value(_ name: String) -> TemplateValue { fields[name] ?? .none }
    }
}
