@testable import SasaeaiCore
import XCTest

/// The CSV export writes most cells straight from their UTF-8; whatever the text, the cell is
/// the one the general rule (`DataExport.csvCell`) gives.
final class CSVCellTests: XCTestCase {
    func testByteCellsEqualTheGeneralRule() {
        let pieces = ["サロン", "a", ",", "\"", "\r\n", "\n", "\r", "=", "+", "-", "@", "1", "0.5", "-3", "=SUM(A1)", "「体操」",
                      "e\u{301}", "\"\u{301}", "-\u{301}", " ", "、", "100円"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var out: [UInt8] = []
            DataExport.appendCSVCell(text, to: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), DataExport.csvCell(text), text)
        }
    }
}
