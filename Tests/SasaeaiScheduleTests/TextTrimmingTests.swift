import Foundation
import XCTest
@testable import SasaeaiSchedule

/// The switches stand in for Foundation's character sets and the White_Space property when a
/// cell is trimmed: they must agree with them on every scalar, or a cell would keep (or lose)
/// a space that Foundation's trimming treats otherwise.
final class TextTrimmingTests: XCTestCase {
    private func scalars() -> [Unicode.Scalar] {
        (UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init)
    }

    func testWhitespaceIsFoundationsSetAndTheProperty() {
        let set = CharacterSet.whitespacesAndNewlines
        for scalar in scalars() {
            XCTAssertEqual(TextTrimming.isWhitespace(scalar), set.contains(scalar), "U+\(String(scalar.value, radix: 16))")
            XCTAssertEqual(TextTrimming.isWhitespace(scalar), scalar.properties.isWhitespace, "U+\(String(scalar.value, radix: 16))")
        }
    }

    func testSpaceIsFoundationsSet() {
        let set = CharacterSet.whitespaces
        for scalar in scalars() {
            XCTAssertEqual(TextTrimming.isSpace(scalar), set.contains(scalar), "U+\(String(scalar.value, radix: 16))")
        }
    }

    func testTrimmedIsFoundationsTrimming() {
        let samples = ["", " ", "　サロン　", "\u{85}a\u{2028}", "a\u{A0}", "\u{200B}a", "\ta b\n", "水曜", "\u{3000}", "x\u{1680}", " \r\n "]
        for text in samples {
            XCTAssertEqual(TextTrimming.trimmed(text), text.trimmingCharacters(in: .whitespacesAndNewlines), text.debugDescription)
            XCTAssertEqual(TextTrimming.trimmed(text, newlines: false), text.trimmingCharacters(in: .whitespaces), text.debugDescription)
        }
    }
}
