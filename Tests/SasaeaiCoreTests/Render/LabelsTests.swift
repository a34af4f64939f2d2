import Foundation
@testable import SasaeaiCore
import SasaeaiInput
import SasaeaiSchedule
import XCTest

/// The theme's labels (templates/labels.yml): filled in one pass, every mistake in the file
/// named with its place and code, and a relabelled copy of the theme changes the pages with
/// no Swift touched.
final class LabelsTests: XCTestCase {
    private let file = "templates/labels.yml"

    private func theme() throws -> String {
        try String(contentsOf: Repository.templates.appendingPathComponent(Labels.fileName), encoding: .utf8)
    }

    /// The theme's labels.yml with `old` replaced; fails when `old` is not there, so no test
    /// passes by changing nothing.
    private func theme(replacing old: String, with new: String) throws -> String {
        let text = try theme()
        XCTAssertTrue(text.contains(old), old)
        return text.replacingOccurrences(of: old, with: new)
    }

    private func read(_ text: String) -> (Labels?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let labels = Labels.read(text, file: file, into: &diagnostics)
        return (labels, diagnostics)
    }

    func testTheThemeHasEveryLabelAndEachFillsItsValues() throws {
        let labels = try Labels.repository()
        XCTAssertEqual(labels.partTitle("一覧（五十音順）", part: 3), "一覧（五十音順）（3ページ目）")
        XCTAssertEqual(labels.partTitle("一覧（五十音順）", part: 1), "一覧（五十音順）")
        XCTAssertEqual(labels.text(.categoryTitle, [.name: "居場所"]), "分類: 居場所")
        XCTAssertEqual(labels.date(.day(LocalDate(year: 2026, month: 4, day: 1)!)), "2026年4月1日")
        XCTAssertEqual(labels.date(.fiscalYear(2016)), "2016年度")
        XCTAssertEqual(labels[.districtsTitle], "地区から探す")
    }

    func testALabelIsCutAtItsPlaceholdersAndBracesCanBeWritten() {
        XCTAssertEqual(try Labels.pieces(of: "{title}（{part}ページ目）", for: .partTitle).get(),
                       [.value(.title), .text("（"), .value(.part), .text("ページ目）")])
        XCTAssertEqual(try Labels.pieces(of: "{{name}} は {name}}", for: .categoryTitle).get(),
                       [.text("{name} は "), .value(.name), .text("}")])
        XCTAssertEqual(try Labels.pieces(of: "", for: .searchTitle).get(), [.text("")])
        XCTAssertEqual(Labels.pieces(of: "{title}（{page}）", for: .partTitle), .failure(.unknownPlaceholder("page")))
        XCTAssertEqual(Labels.pieces(of: "検索 {name}", for: .searchTitle), .failure(.unknownPlaceholder("name")))
        XCTAssertEqual(Labels.pieces(of: "分類: {name", for: .categoryTitle), .failure(.unclosedPlaceholder))
        XCTAssertEqual(Labels.pieces(of: "分類: {na{name}", for: .categoryTitle), .failure(.unclosedPlaceholder))
    }

    func testAMissingLabelIsNamedWithTheValuesItTakes() throws {
        let (labels, diagnostics) = read(try theme(replacing: "part.title: \"{title}（{part}ページ目）\"\n", with: ""))
        XCTAssertNil(labels)
        XCTAssertEqual(diagnostics.map(\.code), [DiagnosticCode.missingLabel])
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: file))
        XCTAssertEqual(diagnostics.first?.message, "ラベル「part.title」がありません。「part.title: \"…\"」の行を書き足してください（{title}・{part} が使えます）")
    }

    func testAMissingFileIsOneErrorNotOnePerLabel() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sasaeai-labels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var diagnostics: [Diagnostic] = []
        XCTAssertNil(Labels.load(from: folder, displayPath: "mytheme", into: &diagnostics))
        XCTAssertEqual(diagnostics.map(\.code), [DiagnosticCode.missingLabel])
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "mytheme/labels.yml"))
    }

    func testAnUnknownKeyIsNamedAtItsLineWithTheNearestKey() throws {
        let text = try theme(replacing: "districts.title:", with: "district.title:")
        let line = try XCTUnwrap(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("district.title:") }) + 1
        let (labels, diagnostics) = read(text)
        XCTAssertNil(labels)
        // The misspelt key is unknown, and so the key it should have been is missing.
        XCTAssertEqual(diagnostics.map(\.code), [DiagnosticCode.unknownLabel, DiagnosticCode.missingLabel])
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: file, line: line, column: 17))
        XCTAssertEqual(diagnostics.first?.message, "「district.title」というラベルはありません（候補: districts.title）。キーの綴りを直すか、その行を消してください")
        XCTAssertTrue(diagnostics[1].message.contains("「districts.title」"), diagnostics[1].message)
    }

    func testAPlaceholderTheLabelDoesNotTakeIsNamed() throws {
        let text = try theme(replacing: "category.title: \"分類: {name}\"", with: "category.title: \"分類: {nam}\"")
        let (labels, diagnostics) = read(text)
        XCTAssertNil(labels)
        XCTAssertEqual(diagnostics.map(\.code), [DiagnosticCode.unknownLabelPlaceholder])
        XCTAssertEqual(diagnostics.first?.location.line, line(of: "category.title:", in: text))
        XCTAssertEqual(diagnostics.first?.message, "ラベル「category.title」の {nam} には何も入りません。入れられるのは {name} です（候補: {name}）。{ を文字として出すときは {{ と書いてください")

        let none = read(try theme(replacing: "search.title: \"検索\"", with: "search.title: \"{name}を検索\"")).1
        XCTAssertEqual(none.map(\.code), [DiagnosticCode.unknownLabelPlaceholder])
        XCTAssertTrue(none.first?.message.contains("このラベルには値が入りません。{name} を消してください") == true, none.first?.message ?? "")
    }

    func testAnUnclosedPlaceholderIsNamed() throws {
        let text = try theme(replacing: "weekday.link: \"{weekday}曜日\"", with: "weekday.link: \"{weekday曜日\"")
        let (labels, diagnostics) = read(text)
        XCTAssertNil(labels)
        XCTAssertEqual(diagnostics.map(\.code), [DiagnosticCode.unclosedLabelPlaceholder])
        XCTAssertEqual(diagnostics.first?.location.line, line(of: "weekday.link:", in: text))
    }

    func testYAMLMistakesAreLocatedWithTheThemesCode() throws {
        let colon = try theme(replacing: "search.title: \"検索\"", with: "search.title: 検索: さがす")
        let syntax = read(colon).1
        XCTAssertEqual(syntax.map(\.code), [DiagnosticCode.labelsSyntax])
        XCTAssertEqual(syntax.first?.location.line, line(of: "search.title:", in: colon))
        XCTAssertTrue(syntax.first?.message.hasPrefix("YAML: 値の中にコロン") == true, syntax.first?.message ?? "")

        let list = try theme(replacing: "search.title: \"検索\"", with: "search.title: [検索, さがす]")
        let shape = read(list).1
        XCTAssertEqual(shape.map(\.code), [DiagnosticCode.labelsSyntax])
        XCTAssertEqual(shape.first?.location.line, line(of: "search.title:", in: list))
        XCTAssertEqual(shape.first?.message, "ラベル「search.title」は一つの文で書いてください（例: search.title: \"…\"）")

        let twice = try theme() + "search.title: \"さがす\"\n"
        XCTAssertEqual(read(twice).1.map(\.code), [DiagnosticCode.labelsSyntax])
    }

    func testBrokenLabelsStopTheTemplatesFromLoading() throws {
        let folder = try copyOfTheme()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(try theme(replacing: "map.title:", with: "maps.title:").utf8).write(to: folder.appendingPathComponent(Labels.fileName))
        var diagnostics: [Diagnostic] = []
        XCTAssertNil(TemplateSet.load(from: folder, displayPath: "templates", into: &diagnostics))
        XCTAssertEqual(diagnostics.map(\.code), [DiagnosticCode.unknownLabel, DiagnosticCode.missingLabel])
    }

    /// Restyling and relabelling need no Swift: a copy of templates/ with labels changed gives
    /// pages with the new words, and no page keeps the old ones.
    func testARelabelledThemeChangesThePages() throws {
        let folder = try copyOfTheme()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = try theme(replacing: "map.title: \"地図から探す\"", with: "map.title: \"地図でさがす\"")
        text = text.replacingOccurrences(of: "category.title: \"分類: {name}\"", with: "category.title: \"{name}の活動\"")
        text = text.replacingOccurrences(of: "listing.image_licence: \"（ライセンス: {licence}）\"", with: "listing.image_licence: \"［利用条件 {licence}］\"")
        try Data(text.utf8).write(to: folder.appendingPathComponent(Labels.fileName))
        let scratch = try TemporaryContent.exampleCopy()
        defer { scratch.remove() }
        try scratch.edit("listings/tanpopo-shokudo.md", replacing: "booking: 不要",
                         with: "image: https://example.org/tanpopo.jpg\nimage_licence: CC BY 4.0\nbooking: 不要")
        var options = scratch.options()
        options.templates = Folder(folder.path)
        let report = Builder.build(options)
        XCTAssertFalse(report.failed(strict: false), report.diagnostics.map(\.description).joined(separator: "\n"))
        let map = try scratch.read("map/index.html")
        XCTAssertTrue(map.contains("<title>地図でさがす | "), map)
        XCTAssertFalse(map.contains("<title>地図から探す"))
        let content = try XCTUnwrap(Builder.check(options).content)
        let id = try XCTUnwrap(content.listings.lazy.flatMap(\.categoryIDs).first)
        let name = try XCTUnwrap(SiteIndex(content).categoryNames[id])
        let page = try scratch.read(Route.category(id).path + "index.html")
        XCTAssertTrue(page.contains("<title>\(name)の活動 | "), page)
        XCTAssertFalse(page.contains("分類: \(name)"))
        let listing = try scratch.read("listings/tanpopo-shokudo/index.html")
        XCTAssertTrue(listing.contains("［利用条件 CC BY 4.0］"), listing)
        XCTAssertFalse(listing.contains("ライセンス:"))
    }

    private func copyOfTheme() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sasaeai-theme-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Repository.templates, to: folder)
        return folder
    }

    private func line(of prefix: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(prefix) }.map { $0 + 1 }
    }
}
