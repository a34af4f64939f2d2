import XCTest
@testable import SasaeaiSchedule

/// The byte tests stand in for comparing Characters with "0" and "9" as Strings.
final class CharacterDigitTests: XCTestCase {
    func testDigitTestsAreTheStringComparison() {
        var samples: [Character] = ["0", "5", "9", "/", ":", "a", "０", "９", "あ", "日", "\r\n", "\n", "0\u{301}", "9\u{301}", "5\u{20E3}", "a\u{301}", "\u{0}", "~"]
        samples += (UInt32(0)...0x3100).compactMap(Unicode.Scalar.init).map(Character.init)
        for c in samples {
            XCTAssertEqual(c.isASCIIDigit, c >= "0" && c <= "9", String(c).debugDescription)
            XCTAssertEqual(c.asciiDigitValue, c >= "0" && c <= "9" ? Int(String(c)) : nil, String(c).debugDescription)
        }
    }

    func testChunksOfOneRuleIsTheRule() {
        for text in ["毎週水曜 13:30〜15:30", "第2・第4火曜日 10:00-12:00", "", "月1回"] {
            XCTAssertEqual(ScheduleParser.chunks(text), text.isEmpty ? [] : [text])
        }
        XCTAssertEqual(ScheduleParser.chunks("毎週水曜／第2土曜"), ["毎週水曜／第2土曜"], "a full-width slash is folded before chunks")
        XCTAssertEqual(ScheduleParser.chunks("毎週水曜/第2土曜;毎日\n10時"), ["毎週水曜", "第2土曜", "毎日 10時"])
    }
}
