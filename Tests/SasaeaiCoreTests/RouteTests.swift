@testable import SasaeaiCore
import XCTest

final class RouteTests: XCTestCase {
    func testFilesAndRelativeRoots() {
        XCTAssertEqual(Route.home.file, "index.html")
        XCTAssertEqual(Route.home.root, "")
        XCTAssertEqual(Route.listing("a").file, "listings/a/index.html")
        XCTAssertEqual(Route.listing("a").root, "../../")
        XCTAssertEqual(Route.listingCalendar("a").root, "../../")
        XCTAssertEqual(Route.feed.root, "")
    }

    func testBaseURLKeepsItsPath() {
        let base = BaseURL("https://example.org/sasaeai")!
        XCTAssertEqual(base.absolute, "https://example.org/sasaeai/")
        XCTAssertEqual(base.path, "/sasaeai/")
        XCTAssertEqual(base.resolve("feed.xml"), "https://example.org/sasaeai/feed.xml")
        XCTAssertNil(BaseURL("javascript:alert(1)"))
    }

    func testQuarterStartsInBulletinMonths() {
        XCTAssertEqual(RoutePlanner.quarterStart(of: YearMonthFixture.make(2025, 11)).description, "2025-11")
        XCTAssertEqual(RoutePlanner.quarterStart(of: YearMonthFixture.make(2026, 1)).description, "2025-11")
        XCTAssertEqual(RoutePlanner.quarterStart(of: YearMonthFixture.make(2026, 2)).description, "2026-02")
        XCTAssertEqual(RoutePlanner.quarterStart(of: YearMonthFixture.make(2026, 4)).description, "2026-02")
    }
}

import SasaeaiSchedule
enum YearMonthFixture {
    static func make(_ y: Int, _ m: Int) -> YearMonth { YearMonth(year: y, month: m)! }
}
