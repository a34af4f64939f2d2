import Foundation
import XCTest
@testable import SasaeaiSchedule

/// The switches stand in for the White_Space property and Foundation's character sets when a
/// cell is trimmed: they must agree with them on every scalar, or a cell would keep (or lose)
/// a space that Foundation's trimming treats otherwise (this Foundation trims U+200B, which
/// is not White_Space).
final class TextTrimmingTests: XCTestCase {
    private func scalars() -> [Unicode.Scalar] {
        (UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init)
    }

    func testWhitespaceIsTheProperty() {
        for scalar in scalars() {
            XCTAssertEqual(TextTrimming.isWhitespace(scalar), scalar.properties.isWhitespace, "U+\(String(scalar.value, radix: 16))")
        }
    }

    func testSetsAreFoundations() {
        let both = CharacterSet.whitespacesAndNewlines, spaces = CharacterSet.whitespaces
        for scalar in scalars() {
            XCTAssertEqual(TextTrimming.inWhitespacesAndNewlines(scalar), both.contains(scalar), "U+\(String(scalar.value, radix: 16))")
            XCTAssertEqual(TextTrimming.inWhitespaces(scalar), spaces.contains(scalar), "U+\(String(scalar.value, radix: 16))")
        }
    }

    func testTrimmedIsFoundationsTrimming() {
        let samples = ["", " ", "　サロン　", "\u{85}a\u{2028}", "a\u{A0}", "\u{200B}a", "a\u{200B}", "\u{200C}a", "\ta b\n", "水曜", "\u{3000}", "x\u{1680}", " \r\n "]
        for text in samples {
            XCTAssertEqual(TextTrimming.trimmed(text), text.trimmingCharacters(in: .whitespacesAndNewlines), text.debugDescription)
            XCTAssertEqual(TextTrimming.trimmed(text, newlines: false), text.trimmingCharacters(in: .whitespaces), text.debugDescription)
            XCTAssertEqual(TextTrimming.trimmed(Substring(text), newlines: false), text.trimmingCharacters(in: .whitespaces), text.debugDescription)
        }
    }

    /// The byte test at the ends decides only when nothing can be trimmed: random texts with
    /// every member of the sets and their byte neighbours at either end.
    func testTrimmedOnRandomEnds() {
        let members = (UInt32(0)...0x3001).compactMap(Unicode.Scalar.init).filter { TextTrimming.inWhitespacesAndNewlines($0) }.map(String.init)
        let others = ["a", "あ", "ア", "〜", "、", "\u{3001}", "\u{3041}", "\u{1681}", "\u{2060}", "\u{2100}", "é", "\u{C3}", "中", "😀", "\u{86}", "\u{9F}", "\u{A1}", "e\u{301}"]
        let pieces = members + others
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(TextTrimming.trimmed(text), text.trimmingCharacters(in: .whitespacesAndNewlines), text.debugDescription)
            XCTAssertEqual(TextTrimming.trimmed(text, newlines: false), text.trimmingCharacters(in: .whitespaces), text.debugDescription)
        }
    }
}
