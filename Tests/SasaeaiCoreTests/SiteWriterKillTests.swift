import Foundation
@testable import SasaeaiCore
import XCTest

/// No site lost: real builds (the `sasaeai` binary in its own process) are killed at random
/// moments and at each step of the swap (through `SASAEAI_TEST_FAULT`, see FaultInjection);
/// after every kill the output folder is exactly the previous site or the new one, and after
/// the next good build nothing is left beside it but the replaced site kept to stage into.
final class SiteWriterKillTests: XCTestCase {
    /// Two versions of the same content whose sites differ in files and bytes.
    private struct Scratch {
        let folder: URL
        var content: URL { folder.appendingPathComponent("content") }
        /// The output's own parent, so "nothing left behind" means exactly one entry.
        var parent: URL { folder.appendingPathComponent("out") }
        var output: URL { parent.appendingPathComponent("site") }

        init(listings: Int) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("sasaeai-kill-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try write("site.yml", TemporaryContent.siteYML)
            try write("districts/minami.md", TemporaryContent.district)
            try use(.a, listings: listings)
        }

        enum Variant { case a, b }

        func use(_ variant: Variant, listings: Int) throws {
            var rows = ["ID,名称,ふりがな,種別,地区,開催日時,会場,紹介"]
            for i in 0..<listings {
                let name = variant == .b && i % 7 == 0 ? "改 サロン\(i)" : "サロン\(i)"
                rows.append("s\(i),\(name),さろん\(i),サロン,南,毎週水曜 13:30〜15:30,公民館\(i % 13),お茶を飲みながら話す会です（\(i)）")
            }
            if variant == .b { rows.append("only-b,新しい会,あたらしいかい,サロン,南,毎月第2火曜 10:00〜12:00,集会所,") }
            try write("listings/salons.csv", rows.joined(separator: "\n") + "\n")
        }

        func breakContent() throws { try write("listings/broken.csv", "ID,名称\nbroken\n") }
        func repairContent() { try? FileManager.default.removeItem(at: content.appendingPathComponent("listings/broken.csv")) }

        func write(_ path: String, _ text: String) throws {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        var arguments: [String] {
            ["build", "--content", content.path, "--templates", Repository.templates.path, "--output", output.path,
             "--as-of", "2026-01-15", "--quiet"]
        }

        func tree() throws -> [String: Data] {
            FileManager.default.fileExists(atPath: output.path) ? try DeterminismTests.tree(output) : [:]
        }

        /// What is beside the site, but the site the last build replaced, which the next build
        /// stages into (`OutputPlace.previous`).
        func leftovers() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0 != "site" && $0 != ".site.sasaeai-previous" }.sorted()
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    private func build(_ scratch: Scratch, environment: [String: String] = [:]) throws -> CommandLineTool.Result {
        try CommandLineTool.run(scratch.arguments, environment: environment)
    }

    func testKillsAtRandomMomentsLeaveTheOldOrTheNewSite() throws {
        let listings = 200
        let scratch = try Scratch(listings: listings)
        defer { scratch.remove() }
        XCTAssertEqual(try build(scratch).status, 0)
        let treeA = try scratch.tree()
        try scratch.use(.b, listings: listings)
        let clock = Date()
        XCTAssertEqual(try build(scratch).status, 0)
        let duration = Date().timeIntervalSince(clock)
        let treeB = try scratch.tree()
        XCTAssertNotEqual(treeA, treeB)
        XCTAssertGreaterThan(treeA.count, listings)

        var generator = SystemRandomNumberGenerator()
        var current = treeB, currentIsB = true
        var outcomes = (old: 0, new: 0)
        // Twenty kills, or as many as fit in 30 s on a busy machine (at least five).
        let loop = Date()
        for kill in 0..<20 where kill < 5 || Date().timeIntervalSince(loop) < 30 {
            try scratch.use(currentIsB ? .a : .b, listings: listings)
            let target = currentIsB ? treeA : treeB
            let (process, out, err) = try CommandLineTool.start(scratch.arguments)
            // Anywhere from start-up to a little after a normal build would have finished.
            let delay = Double.random(in: 0...(duration * 1.1), using: &generator)
            usleep(UInt32(delay * 1_000_000))
            Glibc.kill(process.processIdentifier, SIGKILL)
            let result = CommandLineTool.finish(process, out, err)
            let tree = try scratch.tree()
            if tree == target {
                current = target
                currentIsB.toggle()
                outcomes.new += 1
            } else {
                XCTAssertTrue(tree == current, "kill \(kill) after \(delay) s (status \(result.status)): the site is neither the old nor the new one (\(tree.count) files)")
                outcomes.old += 1
            }
        }
        XCTAssertEqual(try build(scratch).status, 0)
        XCTAssertEqual(try scratch.leftovers(), [], "a good build removes what killed builds left")
        XCTAssertGreaterThanOrEqual(outcomes.old + outcomes.new, 5)
        print("random kills: \(outcomes.old) left the old site, \(outcomes.new) the new one; one build takes \(duration) s")
    }

    /// Each step of the swap, killed on purpose: before the exchange the old site stays, after
    /// it the new one is there; the next build cleans up either way.
    func testKillsBetweenTheStepsOfTheSwap() throws {
        let scratch = try Scratch(listings: 40)
        defer { scratch.remove() }
        XCTAssertEqual(try build(scratch).status, 0)
        let treeA = try scratch.tree()
        try scratch.use(.b, listings: 40)
        for point in ["after-lock", "while-staging", "after-staging", "after-exchange"] {
            let result = try build(scratch, environment: ["SASAEAI_TEST_FAULT": point])
            XCTAssertEqual(result.status, 137, "\(point): the fault hook did not fire")
            let tree = try scratch.tree()
            if point == "after-exchange" {
                XCTAssertNotEqual(tree, treeA, point)
                XCTAssertNotEqual(try scratch.leftovers(), [], "\(point): the old site waits for deletion")
            } else {
                XCTAssertEqual(tree, treeA, "\(point): the old site must be intact")
            }
            // A failed build finds the previous site and says so; it also clears the leftovers.
            try scratch.breakContent()
            let failed = try build(scratch)
            XCTAssertEqual(failed.status, 1)
            XCTAssertTrue(failed.stderr.contains("前のサイトはそのままです"), failed.stderr)
            XCTAssertEqual(try scratch.leftovers(), [], "\(point): leftovers after the next build")
            scratch.repairContent()
            XCTAssertEqual(try build(scratch).status, 0)
            let treeB = try scratch.tree()
            XCTAssertNotEqual(treeB, treeA)
            // Back to A for the next point.
            try scratch.use(.a, listings: 40)
            XCTAssertEqual(try build(scratch).status, 0)
            XCTAssertEqual(try scratch.tree(), treeA)
            try scratch.use(.b, listings: 40)
        }
    }

    /// Where folders cannot be exchanged, the two-rename fallback: killed between the renames
    /// the output is missing, and the next build, even one that fails, puts the old site back.
    func testFallbackSwapIsRepairedByTheNextBuild() throws {
        let scratch = try Scratch(listings: 40)
        defer { scratch.remove() }
        XCTAssertEqual(try build(scratch).status, 0)
        let treeA = try scratch.tree()
        try scratch.use(.b, listings: 40)
        XCTAssertEqual(try build(scratch, environment: ["SASAEAI_TEST_FAULT": "no-exchange,after-aside"]).status, 137)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.output.path))
        try scratch.breakContent()
        let failed = try build(scratch)
        XCTAssertEqual(failed.status, 1)
        XCTAssertEqual(try scratch.tree(), treeA, "the old site is back")
        XCTAssertTrue(failed.stderr.contains("前のサイトはそのままです"), failed.stderr)
        scratch.repairContent()
        XCTAssertEqual(try build(scratch, environment: ["SASAEAI_TEST_FAULT": "no-exchange"]).status, 0)
        XCTAssertNotEqual(try scratch.tree(), treeA)
        XCTAssertEqual(try scratch.leftovers(), [])
    }

    func testFailedFirstBuildDoesNotClaimAPreviousSite() throws {
        let scratch = try Scratch(listings: 3)
        defer { scratch.remove() }
        try scratch.breakContent()
        let failed = try build(scratch)
        XCTAssertEqual(failed.status, 1)
        XCTAssertFalse(failed.stderr.contains("そのまま"), failed.stderr)
        XCTAssertTrue(failed.stderr.contains("まだサイトがありません"), failed.stderr)
    }

    /// Two builds at once into the same place take turns: both succeed, the site is one of
    /// them, whole, and nothing is left.
    func testConcurrentBuildsDoNotClobberEachOther() throws {
        let scratch = try Scratch(listings: 300)
        defer { scratch.remove() }
        XCTAssertEqual(try build(scratch).status, 0)
        let treeA = try scratch.tree()
        let first = try CommandLineTool.start(scratch.arguments)
        let second = try CommandLineTool.start(scratch.arguments)
        XCTAssertEqual(CommandLineTool.finish(first.0, first.1, first.2).status, 0)
        XCTAssertEqual(CommandLineTool.finish(second.0, second.1, second.2).status, 0)
        XCTAssertEqual(try scratch.tree(), treeA)
        XCTAssertEqual(try scratch.leftovers(), [])
    }

    /// Leftovers of versions that named their folders by process id are removed too.
    func testRemovesLegacyLeftovers() throws {
        let scratch = try Scratch(listings: 3)
        defer { scratch.remove() }
        for name in [".site.tmp-1234", ".site.old-99"] {
            try FileManager.default.createDirectory(at: scratch.parent.appendingPathComponent(name + "/listings"), withIntermediateDirectories: true)
        }
        try Data().write(to: scratch.parent.appendingPathComponent(".site.tmp-notapid"))
        XCTAssertEqual(try build(scratch).status, 0)
        XCTAssertEqual(try scratch.leftovers(), [".site.tmp-notapid"], "only names a build made are removed")
    }
}

/// The output folder as a symbolic link (`site -> /var/www/…`): the link stays, its target gets
/// the site.
final class SiteWriterLinkTests: XCTestCase {
    func testSymlinkedOutputIsWrittenThrough() throws {
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            "listings/a.csv": "ID,名称,ふりがな,種別,地区\none,ひとつめ,ひとつめ,サロン,南\n",
        ])
        defer { scratch.remove() }
        let www = scratch.folder.appendingPathComponent("var/www")
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        let target = www.appendingPathComponent("sasaeai")
        // A relative link, made before the first build: its target does not exist yet.
        try FileManager.default.createSymbolicLink(atPath: scratch.output.path, withDestinationPath: "var/www/sasaeai")
        for name in ["ひとつめ", "ふたつめ"] {
            try Data("ID,名称,ふりがな,種別,地区\none,\(name),ひとつめ,サロン,南\n".utf8)
                .write(to: scratch.content.appendingPathComponent("listings/a.csv"))
            let report = Builder.build(scratch.options())
            XCTAssertFalse(report.failed(strict: false), report.diagnostics.map(\.description).joined(separator: "\n"))
            XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.output.path), "var/www/sasaeai", "the link stays")
            XCTAssertTrue(try String(contentsOf: target.appendingPathComponent("listings/one/index.html"), encoding: .utf8).contains(name))
            let beside = try FileManager.default.contentsOfDirectory(atPath: www.path).sorted()
            XCTAssertEqual(beside, name == "ひとつめ" ? ["sasaeai"] : [".sasaeai.sasaeai-previous", "sasaeai"],
                           "nothing beside the target but the site it replaced, kept to stage into")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path).sorted(), ["content", "site", "var"])
    }

    func testOutputErrorsAreJapaneseWithWhatToDo() throws {
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
        ])
        defer { scratch.remove() }
        // A file where a folder of the output path should be.
        try Data("x".utf8).write(to: scratch.folder.appendingPathComponent("file"))
        var options = scratch.options()
        options.output = Folder(scratch.folder.appendingPathComponent("file/site").path)
        let report = Builder.build(options)
        let message = report.diagnostics.first { $0.code.rawValue == "E018" }?.message ?? ""
        XCTAssertTrue(message.contains("フォルダではなくファイル"), message)
        XCTAssertFalse(message.contains("The operation"), message)
        // Causes a test cannot provoke as root on a shared machine, through the same mapping.
        XCTAssertTrue(OutputError("ファイルを書き込めませんでした", path: "site/a", errno: EACCES).description.contains("権限がありません"))
        XCTAssertTrue(OutputError("ファイルを書き込めませんでした", path: "site/a", errno: ENOSPC).description.contains("ディスクの空き"))
        XCTAssertTrue(OutputError("x", path: "p", error: CocoaError(.fileWriteOutOfSpace)).description.contains("ディスクの空き"))
    }
}
