import Foundation
import XCTest

/// Every stable code is documented, with an example and the fix, where coordinators look.
final class DiagnosticCodesTests: XCTestCase {
    func testEveryCodeIsDocumented() throws {
        let pairs = [("Sources/SasaeaiCore/Check/Codes.swift", "docs/diagnostics.md"),
                     ("Sources/SasaeaiInput/InputCodes.swift", "docs/diagnostics-input.md")]
        for (source, doc) in pairs {
            let code = try String(contentsOf: Repository.root.appendingPathComponent(source), encoding: .utf8)
            let docs = try String(contentsOf: Repository.root.appendingPathComponent(doc), encoding: .utf8)
            let codes = code.matches(of: /"([EW][0-9]{3})"/).map { String($0.1) }
            XCTAssertFalse(codes.isEmpty, source)
            XCTAssertEqual(Set(codes).count, codes.count, "a code is used twice in \(source)")
            for c in codes {
                XCTAssertTrue(docs.contains(c), "\(c) from \(source) is not documented in \(doc)")
            }
        }
    }
}
