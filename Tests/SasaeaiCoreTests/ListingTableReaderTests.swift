@testable import SasaeaiCore
import SasaeaiInput
import XCTest

final class ListingTableReaderTests: XCTestCase {
    func testJapaneseAndCanonicalHeadersAndPrivateColumns() {
        XCTAssertEqual(ListingColumn.classify(header: "ふりがな"), .column(.kana))
        XCTAssertEqual(ListingColumn.classify(header: "フリガナ"), .column(.kana))
        XCTAssertEqual(ListingColumn.classify(header: "名称_カナ"), .column(.kana))
        XCTAssertEqual(ListingColumn.classify(header: " 開催 日時 "), .column(.schedule))
        XCTAssertEqual(ListingColumn.classify(header: "ＵＲＬ"), .column(.url))
        XCTAssertEqual(ListingColumn.classify(header: "barrier_free"), .column(.barrierFree))
        XCTAssertEqual(ListingColumn.classify(header: "_memo"), .private)
        XCTAssertEqual(ListingColumn.classify(header: "非公開_連絡先"), .private)
        XCTAssertEqual(ListingColumn.classify(header: "持ち物"), .extra("持ち物"))
    }

    func testRowsKeepLocationsAndDropPrivateValues() {
        let (table, problems) = DelimitedTable.parse("ID\t名称\tふりがな\t種別\t地区\t_memo\t持ち物\na\tA\tえー\tsalon\tminami\tsecret\t上履き\n", delimiter: .tab, file: "t.tsv")
        XCTAssertEqual(problems, [])
        var diagnostics: [Diagnostic] = []
        let raws = ListingTableReader.read(table, file: "t.tsv", into: &diagnostics)
        XCTAssertEqual(raws.count, 1)
        XCTAssertEqual(raws[0].values[.district]?.location, SourceLocation(file: "t.tsv", line: 2, column: 5))
        XCTAssertEqual(raws[0].extras.map(\.label), ["持ち物"])
        XCTAssertFalse(raws[0].values.values.contains { $0.text == "secret" })
    }

    func testKindWords() {
        XCTAssertEqual(ListingKind(written: "ふれあいいきいきサロン"), .salon)
        XCTAssertEqual(ListingKind(written: "子ども食堂"), .place)
        XCTAssertEqual(ListingKind(written: "通いの場"), .place)
        XCTAssertEqual(ListingKind(written: "生活支援"), .group)
        XCTAssertEqual(ListingKind(written: "GROUP"), .group)
        XCTAssertNil(ListingKind(written: "カラオケ"))
    }
}
