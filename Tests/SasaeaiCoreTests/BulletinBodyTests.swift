@testable import SasaeaiCore
import XCTest

final class BulletinBodyTests: XCTestCase {
    func testMarkersAreReplacedInOrderAndOtherTextIsKept() {
        let html = "<h2>お知らせ</h2>\n<p>SASAEAI-EMBED-0-X</p>\n<p>SASAEAI-EMBED-x</p>\n<p>SASAEAI-EMBED-12-X</p>\n<p>SASAEAI-EMBED-3-Xyz</p>\n"
        let out = BulletinBody.substituteMarkers(in: html) { "[card \($0)]" }
        XCTAssertEqual(out, "<h2>お知らせ</h2>\n[card 0]\n<p>SASAEAI-EMBED-x</p>\n[card 12]\n<p>SASAEAI-EMBED-3-Xyz</p>\n")
    }

    func testManyEmbedsAreEachSubstitutedOnce() {
        let html = (0..<2_000).map { "<p>SASAEAI-EMBED-\($0)-X</p>\n" }.joined()
        var seen: [Int] = []
        let out = BulletinBody.substituteMarkers(in: html) { seen.append($0); return "<\($0)>" }
        XCTAssertEqual(seen, Array(0..<2_000))
        XCTAssertEqual(out, (0..<2_000).map { "<\($0)>\n" }.joined())
    }

    func testEmbedRangesPointAtTheirText() {
        let body = "前文 {{< stats >}}\n\n{{< listing \"a\" >}} と {{< calendar >}}\n"
        let embeds = Embed.scan(body, firstLine: 5)
        XCTAssertEqual(embeds.map { String(body[$0.range]) }, embeds.map(\.text))
        XCTAssertEqual(embeds.map(\.line), [5, 7, 7])
    }
}
