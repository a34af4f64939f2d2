@testable import SasaeaiCore
import XCTest

final class GojuonTests: XCTestCase {
    func testKatakanaSortsWithHiragana() {
        let readings = ["さくらサロン", "アオバ", "いきいき", "カフェ", "がっこう", "きずな", "わかば", "ラッキー", "はなみずき", "ばんざい"]
        let sorted = readings.sorted { Gojuon.sortKey($0) < Gojuon.sortKey($1) }
        // がっこう (か・っ→つ) comes before カフェ (か・ふ): voicing and small kana are ignored first.
        XCTAssertEqual(sorted, ["アオバ", "いきいき", "がっこう", "カフェ", "きずな", "さくらサロン", "はなみずき", "ばんざい", "ラッキー", "わかば"])
    }

    func testRows() {
        XCTAssertEqual(Gojuon.row(of: "アオバ"), "あ")
        XCTAssertEqual(Gojuon.row(of: "がっこう"), "か")
        XCTAssertEqual(Gojuon.row(of: "ぱんだ"), "は")
        XCTAssertEqual(Gojuon.row(of: "ゆうゆう"), "や")
        XCTAssertEqual(Gojuon.row(of: "ん"), "わ")
        XCTAssertEqual(Gojuon.row(of: "ABC"), Gojuon.other)
    }
}
