@testable import SasaeaiCore
import XCTest

/// The readings added for common words are found whether the text spells them composed (the
/// byte search) or decomposed (the canonical-equivalence search).
final class SearchReadingsTests: XCTestCase {
    func testCommonWordsGetTheirReadings() {
        let folded = SearchFolding.foldWithReadings("中央公民館で体操")
        XCTAssertTrue(folded.hasSuffix("こうみんかんたいそう"), folded)
        XCTAssertFalse(SearchFolding.foldWithReadings("公民の時間").contains("こうみんかん"))
    }

    func testADecomposedSpellingIsFoundToo() {
        // と + combining voiced mark: canonically the same as ど.
        let folded = SearchFolding.foldWithReadings("子と\u{3099}も食堂")
        XCTAssertTrue(folded.hasSuffix("こどもしょくどう"), folded)
    }
}
