import Foundation
@testable import SasaeaiCore
import SasaeaiInput
import XCTest

extension Labels {
    /// The labels of the repository's theme (templates/labels.yml), for tests that render
    /// without loading the whole theme.
    static func repository(file: StaticString = #filePath, line: UInt = #line) throws -> Labels {
        var diagnostics: [Diagnostic] = []
        let labels = Labels.load(from: Repository.templates, displayPath: "templates", into: &diagnostics)
        XCTAssertEqual(diagnostics, [], file: file, line: line)
        return try XCTUnwrap(labels, file: file, line: line)
    }
}
