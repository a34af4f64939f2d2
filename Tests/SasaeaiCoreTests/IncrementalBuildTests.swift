import Foundation
@testable import SasaeaiCore
import SasaeaiSchedule
import XCTest

/// A rebuild into an existing site gives exactly the site a fresh build gives, writes only the
/// files whose bytes changed (the others keep their inode: linked, not rewritten), and the
/// site is the same whatever the number of threads.
final class IncrementalBuildTests: XCTestCase {
    private func inodes(_ root: URL) throws -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            var info = stat()
            XCTAssertEqual(lstat(url.path, &info), 0)
            result[String(url.path.dropFirst(root.path.count))] = UInt64(info.st_ino)
        }
        return result
    }

    /// The site in `output` is byte for byte what a fresh build with `options` makes elsewhere.
    private func assertIsAFreshBuild(_ output: URL, _ options: BuildOptions, _ what: String = "",
                                     file: StaticString = #filePath, line: UInt = #line) throws {
        let fresh = try TemporaryContent([:])
        defer { fresh.remove() }
        var full = options
        full.output = Folder(fresh.output.path)
        XCTAssertFalse(Builder.build(full).failed(strict: false), what, file: file, line: line)
        let built = try DeterminismTests.tree(output), expected = try DeterminismTests.tree(fresh.output)
        XCTAssertEqual(built.keys.sorted(), expected.keys.sorted(), what, file: file, line: line)
        for (path, bytes) in expected where built[path] != bytes {
            XCTFail("\(what) \(path) differs from a full build", file: file, line: line)
        }
    }

    func testRebuildAfterEditsEqualsAFullBuildAndKeepsUnchangedFiles() throws {
        let scratch = try TemporaryContent.exampleCopy()
        defer { scratch.remove() }
        var options = scratch.options()
        options.asOf = LocalDate(year: 2026, month: 1, day: 15)!
        XCTAssertFalse(Builder.build(options).failed(strict: false))
        let before = try inodes(scratch.output)

        // Nothing changed: every file stays the very same file.
        XCTAssertFalse(Builder.build(options).failed(strict: false))
        XCTAssertEqual(try inodes(scratch.output), before)

        // One listing renamed: its page is rewritten, most files do not show it and stay.
        try scratch.edit("listings/salons.tsv", replacing: "あさひサロン", with: "あさひサロン（新）")
        XCTAssertFalse(Builder.build(options).failed(strict: false))
        let after = try inodes(scratch.output)
        XCTAssertNotEqual(after["/listings/asahi-salon/index.html"], before["/listings/asahi-salon/index.html"])
        let kept = after.filter { before[$0.key] == $0.value }.count
        XCTAssertGreaterThan(kept, after.count / 2)

        // One page gone (every page's navigation changes), one page changed.
        try FileManager.default.removeItem(at: scratch.content.appendingPathComponent("pages/accessibility.md"))
        try scratch.edit("pages/about.md", replacing: "の", with: "の、")
        XCTAssertFalse(Builder.build(options).failed(strict: false))
        XCTAssertLessThan(try inodes(scratch.output).count, after.count)

        try assertIsAFreshBuild(scratch.output, options)
    }

    /// The site a build replaces is kept beside the output and the next build stages into it:
    /// the folders of a site two edits later are the very folders of the first, not made again,
    /// and the site is still what a fresh build makes.
    func testRebuildsReuseTheReplacedSitesFolders() throws {
        let scratch = try TemporaryContent.exampleCopy()
        defer { scratch.remove() }
        var options = scratch.options()
        options.asOf = LocalDate(year: 2026, month: 1, day: 15)!
        XCTAssertFalse(Builder.build(options).failed(strict: false))
        func folderInode(_ path: String) -> UInt64 {
            var info = stat()
            XCTAssertEqual(lstat(scratch.output.appendingPathComponent(path).path, &info), 0, path)
            return UInt64(info.st_ino)
        }
        let before = folderInode("listings/asahi-salon")
        try scratch.edit("listings/salons.tsv", replacing: "あさひサロン", with: "あさひサロン（新）")
        XCTAssertFalse(Builder.build(options).failed(strict: false))
        XCTAssertNotEqual(folderInode("listings/asahi-salon"), before, "the other of the two sites")
        try scratch.edit("listings/salons.tsv", replacing: "あさひサロン（新）", with: "あさひサロン（新2）")
        XCTAssertFalse(Builder.build(options).failed(strict: false))
        XCTAssertEqual(folderInode("listings/asahi-salon"), before, "the first site's folder, reused")

        try assertIsAFreshBuild(scratch.output, options)
    }

    /// Whatever the kept folder holds (a link where a page goes, a file where a folder goes, a
    /// folder where a page goes, stray files), the build stages a clean site into it and never
    /// writes through a link.
    func testWhateverThePreviousFolderHoldsTheSiteIsClean() throws {
        let scratch = try TemporaryContent.exampleCopy()
        defer { scratch.remove() }
        var options = scratch.options()
        options.asOf = LocalDate(year: 2026, month: 1, day: 15)!
        let previous = scratch.output.deletingLastPathComponent().appendingPathComponent(".site.sasaeai-previous")
        let outside = scratch.folder.appendingPathComponent("outside.txt")
        try Data("outside".utf8).write(to: outside)
        let fm = FileManager.default
        try fm.createDirectory(at: previous.appendingPathComponent("listings/asahi-salon"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(at: previous.appendingPathComponent("listings/asahi-salon/index.html"), withDestinationURL: outside)
        try Data("not a folder".utf8).write(to: previous.appendingPathComponent("districts"))
        try fm.createDirectory(at: previous.appendingPathComponent("index.html"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(at: previous.appendingPathComponent("map"), withDestinationURL: scratch.folder)
        try Data("stray".utf8).write(to: previous.appendingPathComponent("stray.html"))

        XCTAssertFalse(Builder.build(options).failed(strict: false))
        XCTAssertEqual(try String(contentsOf: outside, encoding: .utf8), "outside", "nothing written through a link")
        try assertIsAFreshBuild(scratch.output, options)
    }

    /// A municipality's map opens on the pins of the listings in its districts, which its page
    /// does not list: moving one of them re-renders the municipality's page (and the rebuilt
    /// site is a fresh build's), while its siblings are kept.
    func testMovingAPinInAChildDistrictRedrawsTheParentsMap() throws {
        let scratch = try TemporaryContent([:])
        defer { scratch.remove() }
        try FileManager.default.createDirectory(at: scratch.folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: NestedDistrictsTests.fixture, to: scratch.content)
        var options = scratch.options()
        options.asOf = LocalDate(year: 2026, month: 11, day: 25)!
        XCTAssertFalse(Builder.build(options).failed(strict: false))
        let before = try inodes(scratch.output)
        try scratch.edit("listings/kayoi.csv", replacing: "35.3500,139.5200", with: "35.3900,139.5200")
        XCTAssertFalse(Builder.build(options).failed(strict: false))
        let after = try inodes(scratch.output)
        XCTAssertNotEqual(after["/districts/kaikaze/index.html"], before["/districts/kaikaze/index.html"], "the parent's map moved")
        XCTAssertEqual(after["/districts/yamabe/index.html"], before["/districts/yamabe/index.html"], "another municipality kept")

        try assertIsAFreshBuild(scratch.output, options)
    }

    /// With nothing changed, a build that had nothing to say keeps the site without reading the
    /// content again (no content in its report); one that warned reads it again and warns again,
    /// so a rebuild never hides a warning.
    func testANoOpRebuildSkipsTheContentOnlyWhenTheLastBuildWasClean() throws {
        let scratch = try TemporaryContent.exampleCopy()
        defer { scratch.remove() }
        var options = scratch.options()
        options.asOf = LocalDate(year: 2026, month: 1, day: 15)!
        let first = Builder.build(options)
        XCTAssertEqual(first.diagnostics, [])
        let again = Builder.build(options)
        XCTAssertNil(again.content, "the clean site kept as it is, unread")
        XCTAssertEqual(again.files, first.files)

        try scratch.edit("listings/salons.tsv", replacing: "第2・第4火曜日 10:00-12:00（祝日の場合は翌日）", with: "気が向いたとき")
        let warned = Builder.build(options)
        XCTAssertFalse(warned.failed(strict: false))
        XCTAssertFalse(warned.diagnostics.isEmpty)
        let warnedAgain = Builder.build(options)
        XCTAssertNotNil(warnedAgain.content)
        XCTAssertEqual(warnedAgain.diagnostics, warned.diagnostics, "the same warnings, every build")
    }

    /// Each kind of edit a coordinator makes, one at a time: the rebuild renders only the pages
    /// whose listings changed (the rest are kept by their key, unrendered), and the site is
    /// byte for byte what a fresh build of the same content gives.
    func testAnEditRendersOnlyWhatShowsItAndEqualsAFullBuild() throws {
        let scratch = try TemporaryContent.exampleCopy()
        defer { scratch.remove() }
        var options = scratch.options()
        options.asOf = LocalDate(year: 2026, month: 1, day: 15)!
        let first = Builder.build(options)
        XCTAssertFalse(first.failed(strict: false))
        XCTAssertEqual(first.keptPages, 0)
        let listingPages = try inodes(scratch.output).keys.filter { $0.hasPrefix("/listings/") && $0.hasSuffix("/index.html") }.count

        let edits: [(String, () throws -> Void, Bool)] = [
            ("a venue", { try scratch.edit("listings/salons.tsv", replacing: "旭町集会所", with: "旭町集会所（二階）") }, true),
            ("a schedule", { try scratch.edit("listings/salons.tsv", replacing: "第2・第4火曜日 10:00-12:00", with: "第1・第3火曜日 10:00-12:00") }, true),
            ("a name", { try scratch.edit("listings/salons.tsv", replacing: "あさひサロン\t", with: "あさひサロン旭\t") }, true),
            ("a district", { try scratch.edit("listings/groups.csv", replacing: "きたのかいものささえあいたい,支え合い,kita", with: "きたのかいものささえあいたい,支え合い,minami") }, false),
            ("an overlay", { try scratch.edit("listings/hotto-salon-nishiyama.md", replacing: "の", with: "の、") }, true),
            ("a sidecar default", { try scratch.edit("listings/kodomo-shokudo.yml", replacing: "audience: [子ども, 多世代]", with: "audience: [子ども]") }, true),
            ("a district's text", { try scratch.edit("districts/kita.md", replacing: "の", with: "の、") }, false),
            // Without a centre, a district's map opens on its listings' pins: moving one pin
            // changes that district's page, and only its pages.
            ("a district's centre taken out", { try scratch.edit("districts/kita.md", replacing: "center: [36.4205, 139.3440]\n", with: "") }, false),
            ("a pin in a district without centre", { try scratch.edit("listings/salons.tsv", replacing: "36.4259\t139.354", with: "36.4300\t139.354") }, true),
        ]
        for (what, edit, keepsMost) in edits {
            try edit()
            let report = Builder.build(options)
            XCTAssertFalse(report.failed(strict: false), what)
            if keepsMost {
                XCTAssertGreaterThan(report.keptPages, listingPages / 2, "\(what): \(report.keptPages) pages kept")
            }
            try assertIsAFreshBuild(scratch.output, options, what + ":")
        }
    }

    func testSiteIsTheSameWhateverTheThreadCount() throws {
        let one = try TemporaryContent([:])
        let many = try TemporaryContent([:])
        defer { one.remove(); many.remove() }
        var options = one.options(content: Repository.content)
        options.asOf = LocalDate(year: 2026, month: 1, day: 15)!
        options.threads = 1
        XCTAssertFalse(Builder.build(options).failed(strict: false))
        options.output = Folder(many.output.path)
        options.threads = 7
        XCTAssertFalse(Builder.build(options).failed(strict: false))
        let a = try DeterminismTests.tree(one.output), b = try DeterminismTests.tree(many.output)
        XCTAssertGreaterThan(a.count, 50)
        XCTAssertEqual(a.keys.sorted(), b.keys.sorted())
        for (path, bytes) in a { XCTAssertEqual(b[path], bytes, path) }
    }
    /// Same inputs, but the site was changed by hand: the rebuild puts back what a build makes.
    func testSiteChangedByHandIsRepairedByARebuildWithTheSameInputs() throws {
        let scratch = try TemporaryContent([:])
        defer { scratch.remove() }
        var options = scratch.options(content: Repository.content)
        options.asOf = LocalDate(year: 2026, month: 1, day: 15)!
        XCTAssertFalse(Builder.build(options).failed(strict: false))
        let built = try DeterminismTests.tree(scratch.output)
        XCTAssertNotNil(built["/" + SiteManifest.name])

        let page = scratch.output.appendingPathComponent("index.html")
        try Data("changed by hand".utf8).write(to: page)
        try FileManager.default.removeItem(at: scratch.output.appendingPathComponent("feed.xml"))
        try Data("extra".utf8).write(to: scratch.output.appendingPathComponent("extra.txt"))
        XCTAssertFalse(Builder.build(options).failed(strict: false))
        XCTAssertEqual(try DeterminismTests.tree(scratch.output), built)
    }

    func testManifestReadsBackWhatItWrites() {
        let manifest = SiteManifest(inputs: "abc", files: [
            "index.html": .init(size: 12, key: "0123456789abcdef0123456789abcdef"),
            "listings/a/index.html": .init(size: 0, key: nil),
            "データ/x.json": .init(size: 3, key: nil),
        ])
        XCTAssertEqual(SiteManifest(manifest.text), manifest)
        XCTAssertNil(SiteManifest("not a manifest\n"))
    }
}
