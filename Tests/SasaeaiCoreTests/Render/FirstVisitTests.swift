import Foundation
@testable import SasaeaiCore
import SasaeaiInput
import XCTest

/// What a first-timer asks (予約, はじめての方, 主催, 参加費 by age) comes from the schema's fields,
/// stands above the other facts, and is not repeated among them.
final class FirstVisitTests: XCTestCase {
    private func example() throws -> (SiteContent, ListingView) {
        var options = BuildOptions()
        options.content = Folder(Repository.content.path)
        let content = try XCTUnwrap(Builder.check(options).content)
        return (content, ListingView(content: content, index: SiteIndex(content), markdown: Markdown(allowsRawHTML: false), labels: try Labels.repository()))
    }

    func testTheFirstTimerFieldsAreReadFromTablesAndPages() throws {
        let (content, view) = try example()
        // first_visit, booking and organiser written in listings/tanpopo-shokudo.md beside its table row.
        let tanpopo = try XCTUnwrap(content.listings.first { $0.id == "tanpopo-shokudo" })
        let visit = FirstVisit(tanpopo)
        XCTAssertEqual(visit.booking, "不要（18時から19時半のあいだに直接お越しください）")
        XCTAssertEqual(visit.welcome, "はじめての方も、子どもだけでも参加できます。見学だけでもどうぞ")
        XCTAssertEqual(visit.organiser, "たんぽぽの会（南原地区の有志）")
        guard case .text(let welcome) = view.card(tanpopo, root: "").value("welcome") else { return XCTFail("no welcome on the card") }
        XCTAssertEqual(welcome, visit.welcome)
        // The national layout's columns: 予約方法, 運営団体名, 参加費_幼児 … (0 reads 無料).
        let kitano = try XCTUnwrap(content.listings.first { $0.name == "北野みんな食堂" })
        let fees = FirstVisit(kitano)
        XCTAssertEqual([fees.booking, fees.organiser, fees.feeInfant, fees.feeElementary, fees.feeAdult],
                       ["不要", "北野団地自治会", "無料", "100円", "300円"])
        XCTAssertNil(fees.fee, "no 参加費 column: the fees per age group stand alone")
        XCTAssertFalse(fees.isEmpty)
        guard case .bool(true) = view.card(kitano, root: "").value("has_first_visit") else { return XCTFail("the card has no first-visit facts") }
    }

    func testTheFactsLeaveOutWhatTheBlockShows() throws {
        let (content, view) = try example()
        let kitano = try XCTUnwrap(content.listings.first { $0.name == "北野みんな食堂" })
        let labels = Set(view.facts(kitano).map(\.label))
        for column in FirstVisit.columns { XCTAssertFalse(labels.contains(column.label), column.label) }
        XCTAssertTrue(labels.contains(ListingColumn.venue.label), "the other facts stay")
        // Every first-timer field is a page field of the schema, so nothing is shown that the
        // schema keeps off residents' pages.
        for column in FirstVisit.columns { XCTAssertTrue(column.field.outputs.contains(.page), column.rawValue) }
    }
}
