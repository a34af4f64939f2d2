import SasaeaiInput
import XCTest

/// A diagnostic prints as a compiler's does, and its weight comes from its code.
final class DiagnosticTests: XCTestCase {
    func testPrintsTheStableCodeWithItsSeverity() {
        let error = Diagnostic(.badSetting, "base_url を直してください", at: SourceLocation(file: "content/site.yml", line: 2, column: 11))
        XCTAssertEqual(error.description, "content/site.yml:2:11: error[E014]: base_url を直してください")
        XCTAssertEqual(error.severity, .error)
        let warning = Diagnostic(.emptyTable, "表が空です", at: SourceLocation(file: "listings/new.csv"))
        XCTAssertEqual(warning.description, "listings/new.csv:1:1: warning[W004]: 表が空です")
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual("\(DiagnosticCode.duplicateFieldColumn)", "E043", "interpolation prints the code, not the Swift name")
    }

    /// Same place: ordered by the code's text, so errors (E…) come before warnings (W…).
    func testOrderAtOnePlaceFollowsTheCode() {
        let place = SourceLocation(file: "listings/empty.csv")
        let sorted = [Diagnostic(.emptyTable, "b", at: place), Diagnostic(.missingColumn, "a", at: place)].sorted()
        XCTAssertEqual(sorted.map(\.code), [.missingColumn, .emptyTable])
    }
}
