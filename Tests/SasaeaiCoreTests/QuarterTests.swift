import Foundation
@testable import SasaeaiCore
import SasaeaiSchedule
import XCTest

/// 「今期」 follows the council's own issue months (site.yml bulletin.months).
final class QuarterTests: XCTestCase {
    private func calendarPages(months: String?) throws -> [String] {
        let scratch = try TemporaryContent.exampleCopy()
        defer { scratch.remove() }
        if let months {
            try scratch.edit("site.yml", replacing: "months: [5, 8, 11, 2]", with: "months: \(months)")
        }
        let report = Builder.build(scratch.options())
        XCTAssertEqual(report.diagnostics.map(\.description), [])
        let folder = scratch.output.appendingPathComponent("calendar")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func testBothRhythmsGetTheirOwnQuarter() throws {
        // The newest issue is dated 2026-02-13: the as-of date.
        XCTAssertEqual(try calendarPages(months: nil), ["2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07"])
        XCTAssertEqual(try calendarPages(months: "[4, 7, 10, 1]"), ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"])
    }
}
