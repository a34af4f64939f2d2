@testable import SasaeaiCore
import XCTest

final class HexTests: XCTestCase {
    func testTwoLowercaseDigitsPerByte() {
        XCTAssertEqual(Hex.string([0x00, 0x0F, 0xA5, 0xFF, 0x10]), "000fa5ff10")
        XCTAssertEqual(Hex.string([]), "")
        for byte in UInt8.min...UInt8.max {
            XCTAssertEqual(Hex.string([byte]), String(format: "%02x", byte))
        }
    }
}
