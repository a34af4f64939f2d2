import Foundation
import XCTest
@testable import SasaeaiSchedule

/// The one-pass folding gives exactly what the search-and-replace it replaced gave, on every
/// real schedule text of the corpus, every cell and line of the example content, and the edge
/// cases of line ends, full-width forms and combining marks.
final class ScheduleTextFoldingTests: XCTestCase {
    /// The previous implementation, kept here as the reference: NFKC, then one Foundation
    /// replacement per symbol.
    static func reference(_ text: String) -> String {
        var s = text.precomposedStringWithCompatibilityMapping
        for dash in ["~", "∼", "〜", "-", "−", "–", "—", "―", "‐", "⁓", "〰"] { s = s.replacingOccurrences(of: dash, with: "〜") }
        s = s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for bracket in ["(", ")", "[", "]", "「", "」", "【", "】", "『", "』", "〔", "〕", "<", ">", "《", "》", "\t", "　", "※", "★", "☆", "●", "○", "◎", "■", "□", "◆", "◇", "▲", "△", "*", "\""] {
            s = s.replacingOccurrences(of: bracket, with: " ")
        }
        s = s.replacingOccurrences(of: "：", with: ":")
        s = ScheduleTextFolding.convertKanjiNumbers(s)
        s = ScheduleTextFolding.convertProlongedDashes(s)
        s = ScheduleTextFolding.convertSlashDates(s)
        return s
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every field of the corpus and every line and cell of the example content's text files.
    static func samples() throws -> [String] {
        var samples: [String] = []
        let corpus = try String(contentsOf: RealScheduleCorpusTests.fixture, encoding: .utf8)
        for line in corpus.split(separator: "\n") {
            samples += line.split(separator: "\t").map { RealScheduleCorpusTests.unescape(String($0)) }
        }
        let content = repository.appendingPathComponent("content")
        let files = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)!
        for case let url as URL in files where ["md", "tsv", "csv", "yml"].contains(url.pathExtension) {
            let text = try String(contentsOf: url, encoding: .utf8)
            samples.append(text)
            for line in text.split(separator: "\n") {
                samples.append(String(line))
                samples += line.split(whereSeparator: { $0 == "," || $0 == "\t" }).map(String.init)
            }
        }
        return samples
    }

    func testSameAsTheReplacementsOnCorpusAndExampleContent() throws {
        let samples = try Self.samples()
        XCTAssertGreaterThan(samples.count, 3000)
        for sample in samples {
            XCTAssertEqual(ScheduleTextFolding.normalize(sample), Self.reference(sample), sample)
        }
    }

    func testSameAsTheReplacementsOnEdgeCases() {
        let cases = [
            "", "毎週水曜\r\n10:00-12:00", "a\r\r\nb\rc\n\r", "\r\n\r\n", "毎月第二火曜　１０：００～１２：００",
            "（第１・第３）木曜【午前】", "ｻﾛﾝ 毎週月曜 10時ー12時", "10:00ー12:00 一日中 十五日", "12/29〜1/3 休み",
            "e\u{301}-(\u{301}x)", "〜\u{3099}", "〰\u{FE0F}-\u{FE0E}", "★☆●○◎■□◆◇▲△*\"※", "《第2》〔第4〕『金』<水>", "1−2–3—4―5‐6⁓7〰8∼9~0",
            "👨‍👩‍👧 毎週土曜 9:00〜", "\t毎週\t金曜\t", "㈪ ① ⑫月 ㍻", "ＡＢＣ－ＤＥＦ",
        ]
        for sample in cases {
            XCTAssertEqual(ScheduleTextFolding.normalize(sample), Self.reference(sample), sample.debugDescription)
        }
    }
}
