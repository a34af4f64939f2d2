@testable import SasaeaiCore
import SasaeaiInput
import XCTest

/// Issue 13 item 8: the council's yearly figures summed by district × kind.
final class StatisticsTests: XCTestCase {
    func testCountsAreReadAsCoordinatorsWriteThem() {
        XCTAssertEqual(FieldFormat.count("243回"), 243)
        XCTAssertEqual(FieldFormat.count("１０７名"), 107)
        XCTAssertEqual(FieldFormat.count("1,234"), 1234)
        XCTAssertEqual(FieldFormat.count("0"), 0)
        XCTAssertNil(FieldFormat.count("約40"))
        XCTAssertNil(FieldFormat.count("10〜20"))
        XCTAssertNil(FieldFormat.count("-3"))
        XCTAssertNil(FieldFormat.count("回"))
    }

    func testFiguresAreSummedByDistrictAndKind() throws {
        let scratch = try TemporaryContent.exampleCopy()
        defer { scratch.remove() }
        let report = Builder.check(scratch.options())
        let content = try XCTUnwrap(report.content)
        let stats = Statistics(content)
        XCTAssertEqual(stats.reportedFigures, [.sessions, .participants, .volunteers])
        // Independently of Statistics: sum the column over listed listings of each district.
        for figure in ReportFigure.allCases {
            for row in stats.rows {
                let expected = content.listings.filter { $0.isListed && $0.districtID == row.districtID }
                    .compactMap { $0[figure.column].flatMap(Int.init) }.reduce(0, +)
                XCTAssertEqual(row.figureTotal(figure), expected, "\(figure) \(row.districtID)")
            }
        }
        XCTAssertGreaterThan(stats.figureTotals(.participants).reduce(0, +), 0)
    }

    func testAnUnreadableCountIsAnErrorAtItsCell() throws {
        let scratch = try TemporaryContent.exampleCopy()
        defer { scratch.remove() }
        try scratch.edit("listings/salons.tsv", replacing: "\t48回\t40\t4名\t", with: "\t48回\t約40\t4名\t")
        let errors = Builder.check(scratch.options()).diagnostics.filter { $0.code == DiagnosticCode.badCount }
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors[0].message.contains("約40"))
        XCTAssertEqual(errors[0].location.line, 2)
    }
}

/// The `{{< stats >}}` embed draws each reported figure as bars and keeps its table.
final class StatsEmbedTests: XCTestCase {
    func testFiguresAreDrawnAndTabulated() throws {
        let scratch = try TemporaryContent.exampleCopy()
        defer { scratch.remove() }
        let report = Builder.build(scratch.options())
        XCTAssertFalse(report.failed(strict: false), report.diagnostics.map(\.description).joined(separator: "\n"))
        let content = try XCTUnwrap(report.content)
        let stats = Statistics(content)
        let page = try scratch.read("bulletins/2026-02/index.html")
        for figure in stats.reportedFigures {
            XCTAssertTrue(page.contains("<figcaption>\(figure.label)"), figure.label)
            XCTAssertTrue(page.contains("<caption>\(figure.label)の表</caption>"), figure.label)
            XCTAssertTrue(page.contains("<td>\(stats.figureTotals(figure).reduce(0, +))</td></tr></tfoot>"), figure.label)
        }
        // The district with the largest total fills the width; bars are never wider.
        let widths = page.matches(of: /<rect x="(\d+)" y="0" width="(\d+)"/).map { Int($0.1)! + Int($0.2)! }
        XCTAssertFalse(widths.isEmpty)
        XCTAssertLessThanOrEqual(widths.max()!, 1000 + ListingKind.allCases.count)
        XCTAssertGreaterThanOrEqual(widths.max()!, 990)
    }
}
