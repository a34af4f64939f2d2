import XCTest
@testable import SasaeaiInput

final class NormalizationTests: XCTestCase {
    func testHalfWidthKatakanaBecomesFullWidth() {
        XCTAssertEqual(TextNormalization.normalize("ｻﾛﾝ"), "サロン")
        XCTAssertEqual(TextNormalization.normalize("ｶﾞｷﾞｸﾞ ﾊﾟﾋﾟﾌﾟ ｳﾞ ﾜﾞ"), "ガギグ パピプ ヴ ヷ")
        XCTAssertEqual(TextNormalization.normalize("ﾎﾟｯﾎﾟｰ｡｢ｲｷｲｷ｣､ｻﾛﾝ･ｶﾌｪ"), "ポッポー。「イキイキ」、サロン・カフェ")
        // A mark that cannot combine stays as a visible spacing mark.
        XCTAssertEqual(TextNormalization.normalize("ｱﾞ"), "ア゛")
        XCTAssertEqual(TextNormalization.normalize("ﾟ"), "゜")
    }

    func testNormalizeComposesAndLeavesOtherWidthsAlone() {
        XCTAssertEqual(TextNormalization.normalize("さ\u{3099}ろん").unicodeScalars.map(\.value), [0x3056, 0x308D, 0x3093])
        XCTAssertEqual(TextNormalization.normalize("１０：００〜１２：００～"), "１０：００〜１２：００～")
        XCTAssertEqual(TextNormalization.normalize("Salon ABC"), "Salon ABC")
    }

    func testAsciiFoldedForNumbersTimesAndIds() {
        XCTAssertEqual(TextNormalization.asciiFolded("１０：００"), "10:00")
        XCTAssertEqual(TextNormalization.asciiFolded("３６．４０"), "36.40")
        XCTAssertEqual(TextNormalization.asciiFolded("２０２４／４／１"), "2024/4/1")
        XCTAssertEqual(TextNormalization.asciiFolded("ｍｉｎａｍｉ－ｓａｌｏｎ"), "minami-salon")
        XCTAssertEqual(TextNormalization.asciiFolded("１，０００"), "1,000")
        XCTAssertEqual(TextNormalization.asciiFolded("−３６．４"), "-36.4")
        XCTAssertEqual(TextNormalization.asciiFolded("０２７０ー１１ー００００"), "0270-11-0000")
        XCTAssertEqual(TextNormalization.asciiFolded("令和６年"), "令和6年")
    }

    func testAsciiFoldedKeepsKanaLongVowelOutsideNumbers() {
        XCTAssertEqual(TextNormalization.asciiFolded("サーモン"), "サーモン")
        XCTAssertEqual(TextNormalization.asciiFolded("〜"), "〜")
    }

    func testMatchKeyIgnoresWidthSpacesAndCaseAndTreatsWaveDashesAlike() {
        XCTAssertEqual(TextNormalization.matchKey(" 名 称 "), "名称")
        XCTAssertEqual(TextNormalization.matchKey("名\u{3000}称"), "名称")
        XCTAssertEqual(TextNormalization.matchKey("ＵＲＬ"), "url")
        XCTAssertEqual(TextNormalization.matchKey("ﾌﾘｶﾞﾅ"), TextNormalization.matchKey("フリガナ"))
        XCTAssertEqual(TextNormalization.matchKey("10時〜12時"), TextNormalization.matchKey("10時～12時"))
        XCTAssertEqual(TextNormalization.matchKey("10時〜12時"), TextNormalization.matchKey("10時~12時"))
        XCTAssertNotEqual(TextNormalization.matchKey("ふりがな"), TextNormalization.matchKey("フリガナ"))
    }

    func testHiragana() {
        XCTAssertEqual(TextNormalization.hiragana("サロン"), "さろん")
        XCTAssertEqual(TextNormalization.hiragana("ヴァイオリン"), "ゔぁいおりん")
        XCTAssertEqual(TextNormalization.hiragana("コーヒー"), "こーひー")
        XCTAssertEqual(TextNormalization.hiragana("ヵヶヽヾ"), "ゕゖゝゞ")
        XCTAssertEqual(TextNormalization.hiragana("ｶﾞｯｺｳ"), "がっこう")
        XCTAssertEqual(TextNormalization.hiragana("ヷ").unicodeScalars.map(\.value), [0x308F, 0x3099])
        XCTAssertEqual(TextNormalization.hiragana("ABC 漢字・ひらがな"), "ABC 漢字・ひらがな")
    }
}
