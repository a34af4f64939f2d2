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
}
