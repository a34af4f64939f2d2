import Foundation
import SasaeaiInput
@testable import SasaeaiCore
import XCTest

/// Tables stream through the checker row by row; what adds to a row (追加情報 sessions,
/// `listings/<id>.md`) must reach it whatever order the files come in.
final class ListingCollectorTests: XCTestCase {
    private func summary(_ report: BuildReport) -> [String] {
        report.diagnostics.map { "\(($0.location.file as NSString).lastPathComponent):\($0.location.line):\($0.location.column):\($0.code)" }
    }

    func testSessionTableSortedBeforeItsMainTableStillJoins() throws {
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            // a_… sorts before z_…: the sessions are in hand before their listing's row is read.
            "listings/a_tsuika.csv": "ID,住所,開催曜日,開催日\nAA01,大田区2-2,水,第3\nAA77,大田区9-9,金,第1\n",
            "listings/z_main.csv": "ID,名称,名称_カナ,住所,開催曜日,開催日\nAA01,みんな食堂,ミンナショクドウ,大田区1-1,土,第1\nAA01,にばんめ,ニバンメ,大田区5-5,月,第2\n",
            "listings/z_main.yml": "defaults: { kind: place, district: minami }\n",
            "listings/aa01.md": "---\nname: みんなの食堂\n---\n本文\n",
        ])
        defer { scratch.remove() }
        let report = Builder.check(scratch.options())
        XCTAssertEqual(summary(report).sorted(), [
            "a_tsuika.csv:3:1:W060",   // AA77 names no listing
            "aa01.md:2:7:W040",        // the file's name differs from the table's
            "z_main.csv:3:1:E103",     // AA01 twice: the second row is refused, the first kept
        ].sorted())
        let duplicate = try XCTUnwrap(report.diagnostics.first { $0.code.rawValue == "E103" })
        XCTAssertTrue(duplicate.message.contains("最初は \(scratch.content.path)/listings/z_main.csv:2:1）"), duplicate.message)
        let listings = try XCTUnwrap(report.content?.listings)
        XCTAssertEqual(listings.map(\.id), ["aa01"])
        XCTAssertEqual(listings.first?.name, "みんなの食堂")
        XCTAssertEqual(listings.first?.body?.trimmingCharacters(in: .whitespacesAndNewlines), "本文")
        XCTAssertEqual(listings.first?.schedule?.rules.map(\.rrule), ["FREQ=MONTHLY;BYDAY=1SA,3WE"], "the session joined")
    }

    func testListingsComeOutInGojuonOrderWhateverTheRowOrder() throws {
        var listings = ["ん", "あ", "か", "あ", "さ"].enumerated().map { index, kana in
            Listing(id: "id\(4 - index)", name: kana, kana: kana, kind: .salon, districtID: "d", categoryIDs: [], audienceIDs: [],
                    schedule: nil, coordinate: nil, url: nil, status: .active, since: nil, until: nil, updated: nil, texts: [:],
                    extras: [], body: nil, source: SourceLocation(file: "t.csv", line: index + 2))
        }
        ListingCollector.sort(&listings)
        XCTAssertEqual(listings.map(\.kana), ["あ", "あ", "か", "さ", "ん"])
        XCTAssertEqual(listings.map(\.id), ["id1", "id3", "id2", "id0", "id4"], "equal readings by ID")
    }

    /// The sort compares most keys byte by byte: the order must be `String`'s on every pair,
    /// also for readings a byte order would get wrong (combining marks, ヷ, Hangul, compatibility
    /// ideographs, half-width kana, which go the String way).
    func testSortKeyOrderIsStringOrder() {
        let pieces = ["あ", "か", "が", "か\u{3099}", "ヷ", "わ\u{3099}", "ア", "ｱ", "ぁ", "ん", "ー", "一", "﨑", "崎", "가", "e\u{301}", "é",
                      "a", "B", "0", "", " ", "\u{0}", "ゔ", "う\u{3099}", "ｶﾞ", "中央", "〜"]
        var generator = SystemRandomNumberGenerator()
        var samples: [(kana: String, id: String)] = []
        for _ in 0..<400 {
            let kana = (0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let id = (0..<Int.random(in: 0...2, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            samples.append((kana, id))
        }
        let keys = samples.map { sample in
            SortKey(Listing(id: sample.id, name: sample.kana, kana: sample.kana, kind: .salon, districtID: "d", categoryIDs: [], audienceIDs: [],
                            schedule: nil, coordinate: nil, url: nil, status: .active, since: nil, until: nil, updated: nil, texts: [:],
                            extras: [], body: nil, source: SourceLocation(file: "t.csv")))
        }
        for a in keys.indices {
            for b in keys.indices {
                let expected = (keys[a].key, keys[a].id) < (keys[b].key, keys[b].id)
                XCTAssertEqual(keys[a] < keys[b], expected, "\(samples[a]) < \(samples[b])")
            }
        }
    }
}
