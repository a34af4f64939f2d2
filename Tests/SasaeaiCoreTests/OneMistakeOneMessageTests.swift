@testable import SasaeaiCore
import SasaeaiInput
import XCTest

/// Issue 13 item 9: one mistake gives one message, at the line of the mistake, in Japanese.
final class OneMistakeOneMessageTests: XCTestCase {
    private func diagnostics(after change: (TemporaryContent) throws -> Void) throws -> [Diagnostic] {
        let scratch = try TemporaryContent.exampleCopy()
        defer { scratch.remove() }
        try change(scratch)
        return Builder.check(scratch.options()).diagnostics.filter { $0.severity == .error }
    }

    func testAMissingRequiredColumnIsOneError() throws {
        let errors = try diagnostics { scratch in
            // The 名称 header renamed away: the table is refused; its listings/<id>.md files and
            // the bulletin embeds of its rows must not add errors of their own.
            try scratch.edit("listings/salons.tsv", replacing: "ID\t名称\t", with: "ID\tなまえ\t")
        }
        XCTAssertEqual(errors.map(\.code), [DiagnosticCode.missingColumn], errors.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(errors[0].message.contains("「名称」"))
    }

    func testAYAMLMistakeIsReportedAtItsLineOnceInJapanese() throws {
        let errors = try diagnostics { scratch in
            try scratch.edit("bulletins/2025-11.md", replacing: "number: 14\n", with: "number: 14: 号\n")
        }
        XCTAssertEqual(errors.count, 1, errors.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(errors[0].code, DiagnosticCode.yamlSyntax)
        XCTAssertEqual(errors[0].location.line, 3)
        XCTAssertTrue(errors[0].message.contains("コロン"), errors[0].message)
        XCTAssertFalse(errors[0].message.contains("mapping values"), "libyaml's English stays out")
    }

    func testAnUnclosedQuoteIsReportedWhereItOpens() throws {
        let errors = try diagnostics { scratch in
            try scratch.edit("districts/chuo.md", replacing: "name: 中央\n", with: "name: \"中央\n")
        }
        // One error, on the line of the open quote, and no listing reported for naming 中央.
        XCTAssertEqual(errors.map(\.code), [DiagnosticCode.yamlSyntax], errors.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(errors[0].location.line, 2)
        XCTAssertTrue(errors[0].message.contains("引用符"), errors[0].message)
    }

    func testProblemsAreTranslated() {
        let cases: [(String, String)] = [
            ("title: a: b\n", "コロン"),
            ("title: \"abc\nnumber: 1\n", "引用符"),
            ("list: [a, b\nnext: 1\n", "[ ]"),
            ("title: @x\n", "特別な文字"),
        ]
        for (yaml, words) in cases {
            var diagnostics: [Diagnostic] = []
            XCTAssertNil(YAMLFields.parse(yaml, file: "x.md", firstLine: 2, into: &diagnostics))
            XCTAssertEqual(diagnostics.count, 1)
            XCTAssertTrue(diagnostics[0].message.contains(words), "\(yaml): \(diagnostics[0].message)")
            XCTAssertGreaterThanOrEqual(diagnostics[0].location.line, 2)
        }
    }
}
