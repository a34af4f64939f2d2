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

    func testQuarterStartsInTheDefaultBulletinMonths() {
        let months = [5, 8, 11, 2]
        XCTAssertEqual(Quarters.start(of: YearMonthFixture.make(2025, 11), issueMonths: months).description, "2025-11")
        XCTAssertEqual(Quarters.start(of: YearMonthFixture.make(2026, 1), issueMonths: months).description, "2025-11")
        XCTAssertEqual(Quarters.start(of: YearMonthFixture.make(2026, 2), issueMonths: months).description, "2026-02")
        XCTAssertEqual(Quarters.start(of: YearMonthFixture.make(2026, 4), issueMonths: months).description, "2026-02")
    }

    func testQuarterFollowsTheCouncilsOwnMonths() {
        let months = [4, 7, 10, 1]
        XCTAssertEqual(Quarters.start(of: YearMonthFixture.make(2026, 1), issueMonths: months).description, "2026-01")
        XCTAssertEqual(Quarters.start(of: YearMonthFixture.make(2026, 3), issueMonths: months).description, "2026-01")
        XCTAssertEqual(Quarters.start(of: YearMonthFixture.make(2026, 4), issueMonths: months).description, "2026-04")
        XCTAssertEqual(Quarters.start(of: YearMonthFixture.make(2025, 12), issueMonths: months).description, "2025-10")
        let asOf = LocalDate(year: 2026, month: 5, day: 20)!
        XCTAssertEqual(Quarters.months(asOf: asOf, issueMonths: months).map(\.description),
                       ["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"])
        XCTAssertEqual(Quarters.months(asOf: asOf, issueMonths: [5, 8, 11, 2]).first?.description, "2026-05")
        // Uneven rhythms: a council issuing in April, September and December.
        XCTAssertEqual(Quarters.start(of: YearMonthFixture.make(2026, 8), issueMonths: [4, 9, 12]).description, "2026-04")
    }
}

import SasaeaiSchedule
enum YearMonthFixture {
    static func make(_ y: Int, _ m: Int) -> YearMonth { YearMonth(year: y, month: m)! }
}
