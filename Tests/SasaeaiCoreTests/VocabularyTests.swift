import Foundation
import SasaeaiInput
@testable import SasaeaiCore
import XCTest

/// `split` skips Foundation's search where the bytes show it cannot match and splits scalars
/// where every character is one: it must give what the plain search and split gave.
final class VocabularyTests: XCTestCase {
    /// The implementation before the shortcuts, as the reference.
    private func reference(_ text: String, separatedNames: [String]) -> [String] {
        var rest = TextNormalization.normalize(text)
        var found: [(offset: Int, word: String)] = []
        for name in separatedNames {
            while let range = rest.range(of: name) {
                found.append((rest.distance(from: rest.startIndex, to: range.lowerBound), name))
                rest.replaceSubrange(range, with: String(repeating: "、", count: name.count))
            }
        }
        let pieces = rest.split(whereSeparator: Vocabulary.isSeparator)
        if found.isEmpty { return pieces.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        for piece in pieces {
            let word = piece.trimmingCharacters(in: .whitespaces)
            if !word.isEmpty { found.append((rest.distance(from: rest.startIndex, to: piece.startIndex), word)) }
        }
        return found.sorted { $0.offset < $1.offset }.map(\.word)
    }

    func testSplitIsTheSearchAndSplitItReplaced() {
        let names = ["運動・体操", "食事・会食", "居場所", "趣味・学び", "か\u{3099}く・しゅう", "Café・bar"]
        let vocabulary = Vocabulary(names.enumerated().map { (id: "v\($0.offset)", name: $0.element) })
        let separatedNames = names.filter { $0.contains(where: Vocabulary.isSeparator) }.sorted { $0.count > $1.count }
        let pieces = ["運動・体操", "食事", "・", "会食", "、", ",", "，", ";", "；", "/", "／", "\n", "\r\n", "\r", " ", "　", "居場所", "がく・しゅう",
                      "か\u{3099}く", "Cafe\u{301}・bar", "Café", "ｶﾞ", "ﾞ", "・\u{301}", "趣味・学び", "\u{FF9E}", "a", "\t"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(vocabulary.split(text), reference(text, separatedNames: separatedNames), text.debugDescription)
        }
    }

    func testCanonicalIDIsTheCharacterTest() {
        for text in ["AA0100000001", "salon-1", "Ａ１", "ab_c", "", "ｱ", "A\u{301}", "abc\r\n", "z9", "Z", "@", "[", "`", "{"] {
            let folded = TextNormalization.asciiFolded(text)
            let expected = folded.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) ? folded.lowercased() : folded
            XCTAssertEqual(ListingChecker.canonicalID(text), expected, text.debugDescription)
        }
    }

    func testColumnCaseNumbersAreTheirOrder() {
        XCTAssertEqual(ListingColumn.allCases.map(\.ordinal), Array(ListingColumn.allCases.indices))
        for column in ListingColumn.allCases {
            XCTAssertEqual(ListingSchema.kind(column), ListingSchema.field(column).kind)
        }
        XCTAssertEqual(ListingSchema.requiredKeys, ListingSchema.fields.filter(\.required).map(\.key))
    }
}
