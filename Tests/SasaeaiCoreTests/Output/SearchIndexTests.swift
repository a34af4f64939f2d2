import Foundation
@testable import SasaeaiCore
import SasaeaiInput
import SasaeaiSchedule
import XCTest

/// The words residents type (issue 11) and the split index a phone downloads piece by piece.
final class SearchIndexTests: XCTestCase {
    func testFoldMakesWeekdayWordsAlike() {
        XCTAssertEqual(SearchFolding.fold("金曜日"), "金曜")
        XCTAssertEqual(SearchFolding.fold("毎週 金曜日 10時"), "毎週金曜10時")
        XCTAssertEqual(SearchFolding.fold("日曜日"), "日曜")
        XCTAssertEqual(SearchFolding.fold("ｺｳﾐﾝｶﾝ"), "こうみんかん")
        XCTAssertEqual(SearchFolding.fold("スロープ　ＡＢＣ"), "すろーぷabc")
        // 日 not after 曜 stays: 15日, 日曜.
        XCTAssertEqual(SearchFolding.fold("毎月15日"), "毎月15日")
    }

    /// The fold skips NFKC for text NFKC leaves alone: whatever the text, the result is the
    /// one NFKC would give.
    func testFoldSkipsNormalizationOnlyWhereItChangesNothing() {
        func reference(_ text: String) -> String {
            var out = String.UnicodeScalarView()
            var previous: Unicode.Scalar = " "
            let compatible = text.precomposedStringWithCompatibilityMapping.lowercased()
            for scalar in TextNormalization.hiragana(compatible).unicodeScalars where !scalar.properties.isWhitespace {
                if scalar == "日" && previous == "曜" { continue }
                out.append(scalar)
                previous = scalar
            }
            return String(out)
        }
        let pieces = ["サロン", "ｻﾛﾝ", "が", "か\u{3099}", "①", "㈱", "Ａ", "abc", "ABC", "「体操」", "〜", "・", "々", "ヿ", "ゟ",
                      "\u{3000}", "曜日", "金", "ヴ", "ヷ", "ｶﾞ", "Ⅻ", "ﾟ", "é", "e\u{301}", "'", "〒",
                      " ", "曜", "日", "ヽヾ", "ヺ", "XYZ", "ー", "\t", "ァヶ", "〔〛", "ゝ", "9時", "〜", "・", "１０：００～", "ＡＢＣｘｙｚ", "（月）", "　", "ヿ", "〝"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 1...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(SearchFolding.fold(text), reference(text), text)
        }
    }

    func testTimeWordsComeFromTheParsedSchedule() {
        let morning = ScheduleParser.parse("第2・第4金曜 10:00〜11:30", since: nil).schedule
        XCTAssertEqual(Set(SearchIndex.timeWords(morning)), ["金曜", "午前"])
        let evening = ScheduleParser.parse("毎週水曜 18:00〜19:30", since: nil).schedule
        XCTAssertTrue(Set(SearchIndex.timeWords(evening)).isSuperset(of: ["水曜", "夜", "夕方"]))
        XCTAssertFalse(SearchIndex.timeWords(evening).contains("午前"))
        let afternoon = ScheduleParser.parse("毎週月・木曜日 13時〜15時", since: nil).schedule
        XCTAssertEqual(Set(SearchIndex.timeWords(afternoon)), ["月曜", "木曜", "午後"])
        XCTAssertEqual(SearchIndex.timeWords(nil), [])
    }

    func testReadingsAreAddedOnlyWhereTheWordOccurs() {
        XCTAssertTrue(SearchFolding.foldWithReadings("中央公民館 和室").hasSuffix("こうみんかん"))
        XCTAssertFalse(SearchFolding.foldWithReadings("北野集会所").contains("こうみんかん"))
        XCTAssertTrue(SearchFolding.foldWithReadings("参加費 無料").contains("むりょう"))
    }

    private func entry(_ text: String) -> SearchIndex.Entry {
        SearchIndex.Entry(title: text, url: "u/\(text)/", type: "k", detail: "", name: SearchFolding.fold(text), reading: "",
                          text: SearchFolding.foldWithReadings(text))
    }

    /// Decodes the split files as search.js does and checks that the candidates of every query
    /// hold every entry whose text contains it (nothing is missed), and that blocks keep order.
    func testChunksFindEveryEntryHoldingTheQuery() throws {
        // Long texts, so that the entries need several blocks.
        let texts = (0..<150).map { i in ["いきいきサロン", "中央公民館", "金曜 午前", "むりょう", "スロープあり"][i % 5] + "\(i)"
            + String(repeating: "のんびり", count: 100) }
        let entries = texts.map(entry)
        let files = Dictionary(uniqueKeysWithValues: SearchChunks(entries).files.map { ($0.path, $0.text) })
        struct Manifest: Decodable { let entries: Int; let blocks: [Int]; let chunks: [String] }
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(files["manifest.json"]!.utf8))
        XCTAssertEqual(manifest.entries, 150)
        XCTAssertEqual(manifest.blocks.first, 0)
        XCTAssertEqual(files.keys.filter { $0.hasPrefix("e/") }.count, manifest.blocks.count)

        let chunks = try files.keys.filter { $0.hasPrefix("c/") }.map { path in
            try JSONDecoder().decode([String: PostingList].self, from: Data(files[path]!.utf8))
        }
        XCTAssertEqual(chunks.count, manifest.chunks.count)
        func postings(_ key: String) throws -> [Int] {
            chunks.compactMap { $0[key] }.first?.numbers ?? []
        }
        for query in ["金", "金曜", "こうみんかん", "公民館", "むりょう", "さろん", "12", "ろーぷあ", "ない"] {
            let folded = SearchFolding.fold(query)
            let scalars = Array(folded.unicodeScalars)
            let keys = scalars.count == 1 ? [folded] : (0..<scalars.count - 1).map { String(scalars[$0]) + String(scalars[$0 + 1]) }
            var candidates = Set(try postings(keys[0]))
            for key in keys.dropFirst() { candidates.formIntersection(try postings(key)) }
            let expected = Set(entries.indices.filter { entries[$0].text.contains(folded) })
            XCTAssertTrue(candidates.isSuperset(of: expected), query)
            XCTAssertFalse(expected.isEmpty && query != "ない", query)
        }
        // Every entry is in the block the manifest names, in order, and blocks stay small.
        var titles: [String?] = []
        for i in manifest.blocks.indices {
            let text = files["e/\(i).json"]!
            XCTAssertLessThanOrEqual(text.utf8.count, SearchChunks.blockBytes + 1_000)
            let block = try JSONDecoder().decode([[String: AnyDecodable]].self, from: Data(text.utf8))
            let end = i + 1 < manifest.blocks.count ? manifest.blocks[i + 1] : manifest.entries
            XCTAssertEqual(block.count, end - manifest.blocks[i])
            titles += block.map { $0["t"]?.text }
        }
        XCTAssertEqual(titles, texts)
    }
}

/// A posting list as search.js reads it: gaps, or "b" + a base64 bitmap.
private struct PostingList: Decodable {
    let numbers: [Int]
    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let bits = try? container.decode(String.self) {
            let bytes = [UInt8](Data(base64Encoded: String(bits.dropFirst()))!)
            numbers = bytes.indices.flatMap { i in (0..<8).filter { bytes[i] & (1 << $0) != 0 }.map { i * 8 + $0 } }
        } else {
            var n = 0
            numbers = try container.decode([Int].self).map { n += $0; return n }
        }
    }
}

/// Reads one JSON value of any type, keeping strings.
private struct AnyDecodable: Decodable {
    let text: String?
    init(from decoder: Decoder) throws {
        text = try? decoder.singleValueContainer().decode(String.self)
    }
}
