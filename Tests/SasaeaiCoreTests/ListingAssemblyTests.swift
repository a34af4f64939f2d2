import Foundation
import SasaeaiInput
@testable import SasaeaiCore
import XCTest

/// The read stage hands on finished raw listings: sessions joined, `.md` files overlaid,
/// duplicate IDs refused, whatever order the tables and files come in.
final class ListingAssemblyTests: XCTestCase {
    private func read(_ tables: [ListingTable], documents: [MarkdownDocument] = []) -> (listings: [RawListing], ids: Set<String>, codes: [String]) {
        var tables = tables
        var diagnostics: [Diagnostic] = []
        var listings: [RawListing] = []
        let ids = ListingAssembly.read(&tables, documents: documents, into: &diagnostics) { listings.append($0) }
        XCTAssertTrue(tables.isEmpty, "every table is taken over")
        return (listings, ids, diagnostics.sorted().map { "\($0.location.line):\($0.code)" })
    }

    private func table(_ file: String, _ text: String) -> ListingTable {
        ListingTable(file: file, rows: .text(text, .comma), sidecar: TableSidecar())
    }

    func testSessionsJoinTheirRowWhicheverTableComesFirst() {
        let main = table("listings/z_main.csv", "ID,名称,住所,開催曜日,開催日\nAA01,みんな食堂,大田区1-1,土,第1\nAA01,にばんめ,大田区5-5,月,第2\nAA02,ふたつめ,大田区3-3,水,第1\n")
        let sessions = table("listings/a_tsuika.csv", "ID,住所,開催曜日,開催日\nAA01,大田区2-2,水,第3\nAA77,大田区9-9,金,第1\n")
        for order in [[main, sessions], [sessions, main]] {
            let result = read(order)
            XCTAssertEqual(result.listings.map { $0.text(.id) }, ["AA01", "AA02"], "rows in table order, the duplicate refused")
            XCTAssertEqual(result.listings[0].sessions.map { $0.text(.address) }, ["大田区2-2"])
            XCTAssertEqual(result.listings[1].sessions.count, 0)
            XCTAssertEqual(result.ids, ["aa01", "aa02"])
            // a_tsuika.csv:3 names no row; z_main.csv: no readings (line 2), AA01 twice (line 3).
            XCTAssertEqual(result.codes, ["3:\(DiagnosticCode.additionalInfoTable)", "2:\(DiagnosticCode.readingFromName)", "3:\(DiagnosticCode.duplicateID)"])
        }
    }

    func testFilesOverlayTheirRowOrStandAlone() {
        var ignored: [Diagnostic] = []
        let overlay = MarkdownDocument.parse("---\nname: みんなの食堂\n---\n本文\n", file: "listings/aa01.md", stem: "aa01", into: &ignored)
        let own = MarkdownDocument.parse("---\nname: ひとりだち\nkana: ひとりだち\n---\n", file: "listings/solo.md", stem: "solo", into: &ignored)
        let result = read([table("listings/main.csv", "ID,名称\nAA01,みんな食堂\n")], documents: [overlay, own])
        XCTAssertEqual(result.listings.map { $0.text(.name) }, ["みんなの食堂", "ひとりだち"], "the row overlaid, then the file of its own")
        XCTAssertEqual(result.listings[0].body?.trimmingCharacters(in: .whitespacesAndNewlines), "本文")
        XCTAssertEqual(result.listings[0].source.file, "listings/main.csv")
        XCTAssertEqual(result.ids, ["aa01", "solo"])
        // aa01.md:2 differs from the table; main.csv has no schedule column and no readings.
        XCTAssertEqual(result.codes, ["2:\(DiagnosticCode.overlayDiffers)", "1:\(DiagnosticCode.noScheduleColumn)", "2:\(DiagnosticCode.readingFromName)"])
    }

    func testWithheldRowsAreNotHandedOnButKeepTheirID() {
        // No 名称 column (and 種別, so not a 追加情報 table): the table is withheld, its IDs still known.
        let result = read([table("listings/main.csv", "ID,種別,住所\nAA01,サロン,大田区1-1\n")])
        XCTAssertEqual(result.listings.count, 0)
        XCTAssertEqual(result.ids, ["aa01"])
        XCTAssertEqual(result.codes, ["1:\(DiagnosticCode.missingColumn)"])
    }
}
