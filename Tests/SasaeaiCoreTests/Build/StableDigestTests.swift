import XCTest
import SasaeaiInput
import SasaeaiSchedule
@testable import SasaeaiCore

final class StableDigestTests: XCTestCase {
    private func listing(_ change: (inout Listing) -> Void = { _ in }) -> Listing {
        var listing = Listing(id: "s1", name: "いきいきサロン", kana: "いきいきさろん", kind: .salon, districtID: "d1",
                              categoryIDs: ["undo"], audienceIDs: ["koreisha"], schedule: nil,
                              coordinate: Coordinate(latitude: 35.1, longitude: 139.2), url: "https://example.jp/",
                              status: .active, since: .fiscalYear(2016), until: nil, updated: .day(LocalDate(year: 2026, month: 4, day: 1)!),
                              texts: ["venue": "公民館"], extras: [ExtraField(label: "備考2", value: "x")], body: "本文",
                              source: SourceLocation(file: "listings/a.csv", line: 2))
        change(&listing)
        return listing
    }

    /// The hand-written digest of a listing must cover every stored property: a property added
    /// to `Listing` later fails here until the digest adds it too.
    func testTheListingDigestNamesEveryStoredProperty() {
        let labels = Mirror(reflecting: listing()).children.compactMap(\.label)
        XCTAssertEqual(labels, StableDigest.listingProperties)
    }

    func testEveryPropertyOfAListingChangesItsDigest() {
        let base = StableDigest.of(listing())
        XCTAssertEqual(base, StableDigest.of(listing()), "the same listing, the same digest")
        let changes: [(String, (inout Listing) -> Void)] = [
            ("name", { $0.name = "いきいき" }), ("kana", { $0.kana = "いき" }), ("kind", { $0.kind = .group }),
            ("district", { $0.districtID = "d2" }), ("categories", { $0.categoryIDs = [] }),
            ("audience", { $0.audienceIDs = ["kodomo"] }),
            ("schedule", { $0.schedule = ScheduleParser.parse("毎週月曜日", since: nil).schedule }),
            ("coordinate", { $0.coordinate = Coordinate(latitude: 35.1, longitude: 139.3) }), ("url", { $0.url = nil }),
            ("status", { $0.status = .paused }), ("since: 年度 and 4月 share an ISO text", { $0.since = .month(YearMonth(year: 2016, month: 4)!) }),
            ("until", { $0.until = .year(2030) }), ("updated", { $0.updated = nil }), ("texts", { $0.texts["venue"] = "集会所" }),
            ("extras", { $0.extras = [] }), ("body", { $0.body = nil }),
            ("source", { $0.source = SourceLocation(file: "listings/a.csv", line: 3) }),
        ]
        for (what, change) in changes {
            XCTAssertNotEqual(StableDigest.of(listing(change)), base, what)
        }
    }
}
