import XCTest
@testable import SasaeaiInput

final class FrontMatterTests: XCTestCase {
    func testSplitsYAMLAndBody() {
        let split = FrontMatter.split("---\nname: 中新田\nkana: なかにいだ\n---\n# 中新田\n本文\n")
        XCTAssertEqual(split.yaml, "name: 中新田\nkana: なかにいだ")
        XCTAssertEqual(split.yamlFirstLine, 2)
        XCTAssertEqual(split.body, "# 中新田\n本文\n")
        XCTAssertEqual(split.bodyFirstLine, 5)
    }

    func testCRLFAndDotsClosing() {
        let split = FrontMatter.split("---\r\ntitle: 第12号\r\n...\r\n本文\r\n")
        XCTAssertEqual(split.yaml, "title: 第12号")
        XCTAssertEqual(split.body, "本文\r\n")
        XCTAssertEqual(split.bodyFirstLine, 4)
    }

    func testYAMLErrorLineMapsToFileLine() {
        // The bad line is YAML line 3, which is file line yamlFirstLine + 3 - 1 = 4.
        let text = "---\r\na: 1\r\nb: 2\r\nc: : bad\r\n---\r\n"
        let split = FrontMatter.split(text)
        let yamlLines = split.yaml!.components(separatedBy: "\n")
        XCTAssertEqual(yamlLines[2], "c: : bad")
        let fileLines = text.components(separatedBy: "\r\n")
        XCTAssertEqual(fileLines[split.yamlFirstLine + 3 - 1 - 1], "c: : bad")
    }

    func testNoFrontMatter() {
        for text in ["# 見出し\n---\nx: 1\n---\n", "", "----\n", " ---\n", "--- x\n"] {
            let split = FrontMatter.split(text)
            XCTAssertNil(split.yaml, text.debugDescription)
            XCTAssertEqual(split.body, text)
            XCTAssertEqual(split.bodyFirstLine, 1)
        }
    }

    func testBOMAndTrailingSpacesOnFences() {
        let split = FrontMatter.split("\u{FEFF}---  \nid: a\n---\t\nbody")
        XCTAssertEqual(split.yaml, "id: a")
        XCTAssertEqual(split.body, "body")
        XCTAssertEqual(split.bodyFirstLine, 4)
    }

    func testEmptyFrontMatterIsPresentButEmpty() {
        let split = FrontMatter.split("---\n---\n本文")
        XCTAssertEqual(split.yaml, "")
        XCTAssertEqual(split.body, "本文")
        XCTAssertEqual(split.bodyFirstLine, 3)
    }

    func testUnclosedFrontMatterIsAllYAML() {
        let split = FrontMatter.split("---\nid: a\nname: サロン\n")
        XCTAssertEqual(split.yaml, "id: a\nname: サロン")
        XCTAssertEqual(split.body, "")
        XCTAssertEqual(split.bodyFirstLine, 4)
    }

    func testOnlyTheFirstClosingFenceCloses() {
        let split = FrontMatter.split("---\na: 1\n---\ntext\n---\nmore\n")
        XCTAssertEqual(split.yaml, "a: 1")
        XCTAssertEqual(split.body, "text\n---\nmore\n")
    }
}
