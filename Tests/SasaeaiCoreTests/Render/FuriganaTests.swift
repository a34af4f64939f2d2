@testable import SasaeaiCore
import XCTest

/// Ruby goes over kanji only, and only where the reading can be shared out one way.
final class FuriganaTests: XCTestCase {
    private func ruby(_ name: String, _ reading: String) -> [String] {
        Furigana.parts(name: name, reading: reading).map { part in part.reading.map { "\(part.text)(\($0))" } ?? part.text }
    }

    func testKanaAndLatinNamesGetNoRuby() {
        XCTAssertEqual(ruby("あさひサロン", "あさひさろん"), ["あさひサロン"])
        XCTAssertEqual(ruby("カフェ・ひだまり", "カフェヒダマリ"), ["カフェ・ひだまり"])
        XCTAssertEqual(ruby("Cafe ひだまり", "かふぇひだまり"), ["Cafe ひだまり"])
    }

    func testKanjiRunsTakeTheirShareOfTheReading() {
        XCTAssertEqual(ruby("いきいきサロン中央", "いきいきさろんちゅうおう"), ["いきいきサロン", "中央(ちゅうおう)"])
        XCTAssertEqual(ruby("ほっとサロン 西山", "ほっとさろんにしやま"), ["ほっとサロン ", "西山(にしやま)"])
        XCTAssertEqual(ruby("たんぽぽ子ども食堂", "たんぽぽこどもしょくどう"), ["たんぽぽ", "子(こ)", "ども", "食堂(しょくどう)"])
        XCTAssertEqual(ruby("北野子育てひろば「にこにこ」", "きたのこそだてひろばにこにこ"),
                       ["北野子育(きたのこそだ)", "てひろば「にこにこ」"])
        // A katakana reading is shown in hiragana over the kanji; 々 and ヶ belong to the kanji.
        XCTAssertEqual(ruby("ヒバリノコドモ食堂", "ヒバリノコドモショクドウ"), ["ヒバリノコドモ", "食堂(しょくどう)"])
        XCTAssertEqual(ruby("関ヶ原サロン", "せきがはらさろん"), ["関ヶ原(せきがはら)", "サロン"])
        XCTAssertEqual(ruby("寿サロン", "ことぶきさろん"), ["寿(ことぶき)", "サロン"])
    }

    func testAmbiguousOrUnalignableReadingsGoOverTheWholeName() {
        // 北野 could be きた or きたの: the reading goes over the whole name rather than guess.
        XCTAssertEqual(ruby("北野の会", "きたののかい"), ["北野の会(きたののかい)"])
        // Two kanji runs with only punctuation between (会 and 北野公園): 「かい」 could be split
        // 会(か)北野公園(い), which fits and is wrong.
        XCTAssertEqual(ruby("ラジオ体操の会（北野公園）", "ラジオたいそうのかい"), ["ラジオ体操の会（北野公園）(らじおたいそうのかい)"])
        // Latin next to kanji: where one ends in the reading is unknown.
        XCTAssertEqual(ruby("NPO法人ひだまり", "えぬぴーおーほうじんひだまり"), ["NPO法人ひだまり(えぬぴーおーほうじんひだまり)"])
    }

    func testOnlyTheFallbackIsMarkedWhole() {
        XCTAssertEqual(Furigana.parts(name: "北野の会", reading: "きたののかい").map(\.whole), [true])
        XCTAssertEqual(Furigana.parts(name: "緑苑サロン", reading: "りょくえんさろん").map(\.whole), [false, false])
    }

    func testAReadingThatIsNotKanaShowsNoRuby() {
        XCTAssertEqual(ruby("中央サロン", "中央サロン"), ["中央サロン"])
        XCTAssertEqual(ruby("中央サロン", ""), ["中央サロン"])
    }

    func testLongNamesStayFast() {
        let name = String(repeating: "山の", count: 40)
        let reading = String(repeating: "やまの", count: 40)
        // Each 山 must end before a の and take at least やま: one way, found without backtracking blow-up.
        let parts = Furigana.parts(name: name, reading: reading)
        XCTAssertEqual(parts.count, 80)
        XCTAssertEqual(Set(parts.compactMap(\.reading)), ["やま"])
    }
}
