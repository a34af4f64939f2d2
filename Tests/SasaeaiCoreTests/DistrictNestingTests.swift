import Foundation
@testable import SasaeaiCore
import SasaeaiInput
import XCTest

/// `parent:` mistakes (Check/DistrictNesting): each reported where it is written, with what to do,
/// and the districts still form a tree for the rest of the check.
final class DistrictNestingTests: XCTestCase {
    private func district(_ name: String, order: Int, parent: String? = nil) -> String {
        "---\nname: \(name)\norder: \(order)\n" + (parent.map { "parent: \($0)\n" } ?? "") + "---\n\(name)の紹介です。\n"
    }

    private func check(_ files: [String: String]) throws -> (diagnostics: [Diagnostic], content: SiteContent?) {
        let scratch = try TemporaryContent(files.merging(["site.yml": TemporaryContent.siteYML]) { $1 })
        defer { scratch.remove() }
        let report = Builder.check(scratch.options())
        return (report.diagnostics, report.content)
    }

    func testAnUnknownParentIsReportedAtItsLineWithTheIDWhenTheNameWasWritten() throws {
        let (diagnostics, _) = try check([
            "districts/city.md": district("海風市", order: 1),
            "districts/chuo.md": district("中央", order: 2, parent: "海風市"),
            "districts/kita.md": district("北", order: 3, parent: "ctiy"),
        ])
        let found = diagnostics.filter { $0.code.rawValue == "E090" }
        XCTAssertEqual(found.map { "\(URL(fileURLWithPath: $0.location.file).lastPathComponent):\($0.location.line):\($0.location.column)" },
                       ["chuo.md:4:9", "kita.md:4:9"])
        XCTAssertTrue(found[0].message.contains("「海風市」の ID は city です"), found[0].message)
        XCTAssertTrue(found[1].message.contains("候補: city"), found[1].message)
        XCTAssertEqual(found.first?.severity, .error)
    }

    func testAParentWrittenAsAListIsReported() throws {
        let (diagnostics, content) = try check([
            "districts/city.md": district("海風市", order: 1),
            "districts/town.md": district("山辺町", order: 2),
            "districts/chuo.md": district("中央", order: 3, parent: "[city, town]"),
        ])
        let found = diagnostics.filter { $0.code.rawValue == "E090" }
        XCTAssertEqual(found.map(\.location.line), [4], diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(found[0].message.contains("一つだけ"))
        XCTAssertNil(try XCTUnwrap(content).districts.first { $0.id == "chuo" }?.parent)
    }

    func testACycleIsReportedOnceAndCutSoTheDistrictsStillFormATree() throws {
        let (diagnostics, _) = try check([
            "districts/a.md": district("甲", order: 1, parent: "c"),
            "districts/b.md": district("乙", order: 2, parent: "a"),
            "districts/c.md": district("丙", order: 3, parent: "b"),
            "districts/self.md": district("自分", order: 4, parent: "self"),
        ])
        let cycles = diagnostics.filter { $0.code.rawValue == "E091" }
        XCTAssertEqual(cycles.count, 2, cycles.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(cycles[0].location.file.hasSuffix("districts/a.md") && cycles[0].location.line == 4)
        XCTAssertTrue(cycles[0].message.contains("甲 → 丙 → 乙 → 甲"), cycles[0].message)
        XCTAssertTrue(cycles[1].message.contains("自分 → 自分"), cycles[1].message)
    }

    func testNestingDeeperThanTheUsualFourLevelsIsAWarning() throws {
        let (diagnostics, content) = try check([
            "districts/l1.md": district("国", order: 1),
            "districts/l2.md": district("県", order: 2, parent: "l1"),
            "districts/l3.md": district("市", order: 3, parent: "l2"),
            "districts/l4.md": district("地区", order: 4, parent: "l3"),
            "districts/l5.md": district("班", order: 5, parent: "l4"),
        ])
        XCTAssertEqual(diagnostics.filter { $0.code.rawValue == "W092" }.map(\.location.line), [4])
        XCTAssertTrue(diagnostics.first { $0.code.rawValue == "W092" }!.message.contains("国 › 県 › 市 › 地区 › 班"))
        XCTAssertEqual(content?.districts.first { $0.id == "l5" }?.parent, "l4", "a warning keeps the parent")
    }

    /// A salon meets in one place: naming a municipality that has districts is most likely a
    /// missing district. A support group may serve the whole municipality, so it is not reported.
    func testASalonInAParentWithDistrictsIsAWarningButAGroupIsNot() throws {
        let table = "id,name,kana,kind,district\n"
            + "g1,見守りネット,みまもりねっと,group,city\n"
            + "s1,市のサロン,しのさろん,salon,city\n"
            + "s2,もう一つのサロン,もうひとつのさろん,place,city\n"
            + "s3,中央のサロン,ちゅうおうのさろん,salon,chuo\n"
        let (diagnostics, _) = try check([
            "districts/city.md": district("海風市", order: 1),
            "districts/chuo.md": district("中央", order: 2, parent: "city"),
            "listings/a.csv": table,
        ])
        let found = diagnostics.filter { $0.code.rawValue == "W093" }
        XCTAssertEqual(found.map(\.location.line), [3], found.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(found[0].message.contains("サロン・通いの場「市のサロン」ほか 1件の地区が「海風市」"), found[0].message)
        XCTAssertTrue(found[0].message.contains("中央"))
    }

    /// Two towns each have a 中央: the name alone would place a listing in either, so it is an
    /// error that names both ids; the id, or a name only one district has, is taken as written.
    func testANameTwoDistrictsShareMustBeWrittenAsAnID() throws {
        let table = "id,name,kana,kind,district\n"
            + "s1,サロン一,さろんいち,salon,中央\n"
            + "s2,サロン二,さろんに,salon,yamabe-chuo\n"
            + "s3,サロン三,さろんさん,salon,北\n"
        let (diagnostics, content) = try check([
            "districts/kaikaze.md": district("海風市", order: 1),
            "districts/yamabe.md": district("山辺町", order: 2),
            "districts/kaikaze-chuo.md": district("中央", order: 3, parent: "kaikaze"),
            "districts/kaikaze-kita.md": district("北", order: 4, parent: "kaikaze"),
            "districts/yamabe-chuo.md": district("中央", order: 5, parent: "yamabe"),
            "listings/a.csv": table,
        ])
        let found = diagnostics.filter { $0.code.rawValue == "E094" }
        XCTAssertEqual(found.map { "\($0.location.line):\($0.location.column)" }, ["2:5"], diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(found[0].message.contains("kaikaze-chuo、yamabe-chuo"), found[0].message)
        XCTAssertEqual(content?.listings.first { $0.id == "s2" }?.districtID, "yamabe-chuo")
        XCTAssertEqual(content?.listings.first { $0.id == "s3" }?.districtID, "kaikaze-kita")
    }

    /// A tree cut by an error is not the one meant: no W093 is judged from it.
    func testNoSalonWarningFromATreeCutByAnError() throws {
        let (diagnostics, _) = try check([
            "districts/city.md": district("海風市", order: 1, parent: "chuo"),
            "districts/chuo.md": district("中央", order: 2, parent: "city"),
            "listings/a.csv": "id,name,kana,kind,district\ns1,サロン,さろん,salon,chuo\ns2,サロン二,さろんに,salon,city\n",
        ])
        XCTAssertEqual(diagnostics.filter { $0.code.rawValue == "E091" }.count, 1)
        XCTAssertEqual(diagnostics.filter { $0.code.rawValue == "W093" }.count, 0, diagnostics.map(\.description).joined(separator: "\n"))
    }

    func testTheTreeCutsACycleEvenWithoutTheCheck() {
        func make(_ id: String, parent: String?) -> District {
            District(id: id, name: id, order: 0, body: "", source: SourceLocation(file: id), parent: parent)
        }
        let tree = DistrictTree([make("a", parent: "b"), make("b", parent: "a"), make("c", parent: "a"), make("d", parent: nil)])
        XCTAssertEqual(Set(tree.preorder), [0, 1, 2, 3], "every district once")
        XCTAssertEqual(tree.preorder.count, 4)
        XCTAssertEqual(tree.path(to: 2).last, 2)
        XCTAssertTrue(tree.isNested)
    }
}
