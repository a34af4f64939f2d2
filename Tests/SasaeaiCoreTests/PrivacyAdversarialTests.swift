import Foundation
import SasaeaiCore
import XCTest

/// SPEC §7, tried as an attacker and a clumsy user would (issue 8): tables whose private
/// columns hold unique markers are mutated — stray quotes at many positions, encodings, line
/// ends, private headers written in other ways — and real sites are built from them. A build
/// that fails is fine; a marker in any output file is a leak.
final class PrivacyAdversarialTests: XCTestCase {
    private let publicHeader = ["id", "name", "kana", "kind", "district", "summary", "contact"]

    /// Rows of fictional listings; the private cell of row r is `PRIVMARK<r>Z鍵は会長宅`.
    private func rows(privateHeader: String) -> [[String]] {
        var rows = [publicHeader + [privateHeader]]
        let names = ["ひだまりサロン", "さくら体操", "栄町こども食堂", "みなみ囲碁クラブ", "ほっと茶屋"]
        for (r, name) in names.enumerated() {
            rows.append(["s0\(r)", name, "さろん", "salon", "minami", "毎週水曜のお茶会です", "0270-11-000\(r)", "PRIVMARK\(r)Z鍵は会長宅"])
        }
        return rows
    }

    /// Written as Excel writes CSV: quotes only where needed.
    private func csv(_ rows: [[String]], separator: String = ",", lineEnd: String = "\r\n") -> String {
        rows.map { $0.map { cell in
            cell.contains(separator) || cell.contains("\"") || cell.contains("\n") ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }.joined(separator: separator) }.joined(separator: lineEnd) + lineEnd
    }

    /// Builds a site from the table bytes: whether it built, and the output files holding a marker.
    private func leaks(_ table: Data, name: String = "a.csv") throws -> (built: Bool, files: [String]) {
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
        ])
        defer { scratch.remove() }
        let listings = scratch.content.appendingPathComponent("listings")
        try FileManager.default.createDirectory(at: listings, withIntermediateDirectories: true)
        try table.write(to: listings.appendingPathComponent(name))
        let report = Builder.build(scratch.options())
        guard FileManager.default.fileExists(atPath: scratch.output.path) else { return (false, []) }
        var found: [String] = []
        for (path, data) in try DeterminismTests.tree(scratch.output) {
            // Markers are ASCII, so they show in UTF-8 output and in any JSON escaping of it.
            if data.range(of: Data("PRIVMARK".utf8)) != nil { found.append(path) }
        }
        return (!report.failed(strict: false), found.sorted())
    }

    /// Stray quotes: one `"` opening at the start of a cell, a second at the end of a cell
    /// k cells later (k = 0 closes in the same cell, crossing row ends for larger k), and a
    /// lone `"` with no partner.
    private func strayQuoteMutations(_ rows: [[String]]) -> [(String, String)] {
        let width = rows[0].count
        var mutations: [(String, String)] = []
        let positions = [(1, 5), (1, 0), (2, 3), (1, 7), (3, 6)]
        for (row, column) in positions {
            for distance in [0, 1, 2, width - 1, width, width + 3, 2 * width] {
                var cells = rows.map { $0 }
                let closing = row * width + column + distance
                let closeRow = closing / width, closeColumn = closing % width
                guard closeRow < cells.count else { continue }
                cells[row][column] = "\"" + cells[row][column]
                cells[closeRow][closeColumn] += "\""
                // Written raw (not re-quoted): the quotes are the user's typing, not Excel's.
                let text = cells.map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
                mutations.append(("open \(row):\(column) close +\(distance)", text))
            }
            var cells = rows.map { $0 }
            cells[row][column] = "\"" + cells[row][column]
            mutations.append(("lone \(row):\(column)", cells.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"))
        }
        return mutations
    }

    private func assertNoLeak(privateHeader: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let table = rows(privateHeader: privateHeader)
        // (name, bytes, file name, whether the build must succeed)
        var cases: [(String, Data, String, Bool)] = []
        let clean = csv(table)
        cases.append(("clean UTF-8", Data(clean.utf8), "a.csv", true))
        cases.append(("UTF-8 BOM", Data([0xEF, 0xBB, 0xBF]) + Data(clean.utf8), "a.csv", true))
        var utf16 = Data([0xFF, 0xFE])
        for unit in csv(table, separator: "\t").utf16 { utf16.append(UInt8(unit & 0xFF)); utf16.append(UInt8(unit >> 8)) }
        cases.append(("UTF-16LE tab (Excel Unicode text)", utf16, "a.txt", true))
        let cp932 = try XCTUnwrap(clean.data(using: .shiftJIS))
        cases.append(("CP932", cp932, "a.csv", true))
        for lineEnd in ["\n", "\r"] { cases.append(("line end \(lineEnd.debugDescription)", Data(csv(table, lineEnd: lineEnd).utf8), "a.csv", true)) }
        // Header spelled with spaces around it, as typed in a cell.
        var padded = table
        padded[0][7] = "  " + privateHeader + "　"
        cases.append(("padded header", Data(csv(padded).utf8), "a.csv", true))
        for (name, text) in strayQuoteMutations(table) { cases.append((name, Data(text.utf8), "a.csv", false)) }
        var failedBuilds = 0
        for (name, bytes, fileName, mustBuild) in cases {
            let (built, leaked) = try leaks(bytes, name: fileName)
            XCTAssertEqual(leaked, [], "header \(privateHeader), \(name): private value in output", file: file, line: line)
            // Unmutated tables must really build, or finding no marker would prove nothing.
            if mustBuild { XCTAssertTrue(built, "header \(privateHeader), \(name): did not build", file: file, line: line) }
            if !built { failedBuilds += 1 }
        }
        // Most stray-quote cases must be refused (E007), not read into shifted columns.
        XCTAssertGreaterThan(failedBuilds, cases.count / 2, file: file, line: line)
    }

    func testUnderscoreMemo() throws { try assertNoLeak(privateHeader: "_memo") }

    func testHikokaiMemo() throws { try assertNoLeak(privateHeader: "非公開メモ") }

    func testFullWidthUnderscoreMemo() throws { try assertNoLeak(privateHeader: "＿メモ") }

    /// Issue 8 case 4: headers are matched ignoring spaces, so the private prefix must be too.
    func testHikokaiWithASpaceInside() throws { try assertNoLeak(privateHeader: "非 公開メモ") }

    func testHikokaiWithAFullWidthSpaceInside() throws { try assertNoLeak(privateHeader: "非　公開メモ") }

    /// The issue's own case end to end: the build must fail, and the two swallowed listings'
    /// memos must not be on any page.
    func testIssueCaseFailsTheBuildAndPublishesNothing() throws {
        let text = "id,name,kana,kind,district,summary,contact,_memo\r\n" +
            "s01,ひだまりサロン,ひだまり,salon,minami,\"毎週水曜のお茶会です,0270-11-1111,PRIVMARK1 直通（内線のため非公開）\r\n" +
            "s02,さくら体操,さくら,salon,minami,ラジオ体操,0270-11-2222,PRIVMARK2 鍵は自治会長宅で借りる\r\n" +
            "s03,栄町こども食堂,さかえ,salon,minami,月2回です\",0270-11-4444,PRIVMARK3\r\n"
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            "listings/a.csv": text,
        ])
        defer { scratch.remove() }
        let report = Builder.build(scratch.options())
        XCTAssertTrue(report.failed(strict: false))
        let e007 = report.diagnostics.first { $0.code.rawValue == "E007" }
        XCTAssertEqual(e007?.location.line, 2)
        XCTAssertEqual(e007?.location.column, 6)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.output.path), "no site from a failed first build")
    }

    /// A row split in two by a line break in a value that lost its quotes (or by two stray
    /// quotes, the privacy fuzzer's find): the second half's memo sits under a public header.
    /// With a private column in the table, a short row is refused (E025), so the build fails
    /// and no marker is in any file; without one, short rows are read as before.
    func testARowSplitInTwoNeverMovesAMemoIntoAPublicColumn() throws {
        let header = "id,name,kana,kind,district,summary,_memo\r\n"
        let unquoted = header + "s01,ひだまり,ひだまり,salon,minami,一行目\r\n二行目,PRIVMARK1\r\n"
        let fuzzed = "id\tname\tkana\tkind\tdistrict\tsummary\t_memo\n" +
            "s01\t\"ひだまり\"\tひだまり\tsalon\tminami\t\"v0\tあ\"\t\"PRIVMARK0\"\n" +
            "s02\tさくら\tさくら\tsalon\tminami\t\"v1\"\n\"い\"\t\"PRIVMARK1\"\n"
        for (name, text) in [("a.csv", unquoted), ("a.tsv", fuzzed)] {
            let result = try leaks(Data(text.utf8), name: name)
            XCTAssertFalse(result.built, name)
            XCTAssertEqual(result.files, [], name)
        }
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            "listings/a.csv": unquoted,
        ])
        defer { scratch.remove() }
        let e025 = Builder.check(scratch.options()).diagnostics.filter { $0.code.rawValue == "E025" }
        XCTAssertEqual(e025.map(\.location.line), [2], "the first half is short already; reading stops there")
        // No private column: a hand-written short row is read (its missing cells are empty).
        let plain = "id,name,kana,kind,district,summary,contact\r\ns01,ひだまり,ひだまり,salon,minami\r\n"
        let open = try leaks(Data(plain.utf8))
        XCTAssertTrue(open.built)
    }
}
