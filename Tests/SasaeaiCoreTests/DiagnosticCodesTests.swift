import Foundation
import SasaeaiInput
import XCTest

/// Every stable code is documented, with an example, its weight and the fix, where coordinators
/// look; no documented weight contradicts the code; no code is left over.
final class DiagnosticCodesTests: XCTestCase {
    private static let docs = ["docs/diagnostics.md", "docs/diagnostics-input.md"]

    /// A documented code is a table row that starts with the code and shows it printed
    /// (`error[E014]` or `warning[W015]`); the input table also has a 重さ column. Rows that
    /// merely mention a code (the table of former codes) are not documentation of it.
    private func documentedSeverities() throws -> [String: [String]] {
        var found: [String: [String]] = [:]
        for doc in Self.docs {
            let text = try String(contentsOf: Repository.root.appendingPathComponent(doc), encoding: .utf8)
            for line in text.split(separator: "\n") {
                guard let row = line.firstMatch(of: /^\| ([EW][0-9]{3}) \|/) else { continue }
                let code = String(row.1)
                let printed = line.matches(of: /(error|warning)\[([EW][0-9]{3})\]/).filter { $0.2 == code }.map { String($0.1) }
                guard !printed.isEmpty else { continue }
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                let weight = cells.count > 1 && ["error", "warning"].contains(cells[1]) ? [cells[1]] : []
                found[code, default: []] += printed + weight
            }
        }
        return found
    }

    func testEveryCodeIsDocumentedWithItsSeverity() throws {
        let documented = try documentedSeverities()
        for code in DiagnosticCode.allCases {
            let severities = try XCTUnwrap(documented[code.rawValue], "\(code) is not documented in \(Self.docs)")
            XCTAssertEqual(Set(severities), [code.severity.rawValue], "\(code.rawValue) is documented as \(severities)")
        }
    }

    func testEveryDocumentedCodeExists() throws {
        let known = Set(DiagnosticCode.allCases.map(\.rawValue))
        XCTAssertEqual(Set(try documentedSeverities().keys).subtracting(known), [], "documented, but no such DiagnosticCode")
    }

    /// An example anywhere in the docs (the Japanese guides too) prints the code with its weight.
    func testEveryPrintedExampleHasTheCodesSeverity() throws {
        let folders = ["docs", "docs/ja"]
        var files = ["README.md"]
        for folder in folders {
            let names = try FileManager.default.contentsOfDirectory(atPath: Repository.root.appendingPathComponent(folder).path)
            files += names.filter { $0.hasSuffix(".md") }.map { "\(folder)/\($0)" }
        }
        var checked = 0
        for file in files {
            let text = try String(contentsOf: Repository.root.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: /(error|warning)\[([EW][0-9]{3})\]/) {
                checked += 1
                let code = DiagnosticCode(rawValue: String(match.2))
                XCTAssertNotNil(code, "\(file) prints \(match.0), which is no code")
                XCTAssertEqual(code?.severity.rawValue, String(match.1), "\(file) prints \(match.0)")
            }
        }
        XCTAssertGreaterThan(checked, DiagnosticCode.allCases.count)
    }

    /// The letter is the weight, and a number names one problem. E019 and W019 shared a number
    /// before this was checked; renumbering either would break coordinators' notes.
    func testCodesAreLetterAndUniqueNumber() {
        let grandfathered: Set<String> = ["019"]
        var seen: [String: DiagnosticCode] = [:]
        for code in DiagnosticCode.allCases {
            XCTAssertNotNil(code.rawValue.wholeMatch(of: /[EW][0-9]{3}/), code.rawValue)
            XCTAssertEqual(code.severity, code.rawValue.hasPrefix("E") ? .error : .warning, code.rawValue)
            let number = String(code.rawValue.dropFirst())
            if let other = seen[number], !grandfathered.contains(number) {
                XCTFail("\(code.rawValue) and \(other.rawValue) share a number")
            }
            seen[number] = code
        }
    }

    /// A code no diagnostic is made with is either dead or made some way this test cannot see;
    /// both need a look. Codes are made as `Diagnostic(.x, …)`, through ListingChecker's
    /// `report(.x, …)`, or handed on as `code: .x` (a default: `DiagnosticCode = .x`). Swift
    /// names are read from the enum's file, since a case prints as its code.
    func testEveryCodeIsUsedInSources() throws {
        let sources = Repository.root.appendingPathComponent("Sources")
        let declaration = try String(contentsOf: sources.appendingPathComponent("SasaeaiInput/DiagnosticCode.swift"), encoding: .utf8)
        let names = Dictionary(uniqueKeysWithValues: declaration.matches(of: /case ([a-zA-Z]+) = "([EW][0-9]{3})"/).map { (String($0.2), String($0.1)) })
        XCTAssertEqual(Set(names.keys), Set(DiagnosticCode.allCases.map(\.rawValue)))
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var used: Set<String> = []
        for case let url as URL in enumerator where url.pathExtension == "swift" && url.lastPathComponent != "DiagnosticCode.swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: /(?:Diagnostic\(|report\(|code: |DiagnosticCode = )\.([a-zA-Z]+)\b/) {
                used.insert(String(match.1))
            }
        }
        for (code, name) in names.sorted(by: { $0.key < $1.key }) {
            XCTAssertTrue(used.contains(name), "\(code) (\(name)) is never used in Sources")
        }
    }
}
