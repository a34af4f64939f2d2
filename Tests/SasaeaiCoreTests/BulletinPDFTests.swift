import Foundation
@testable import SasaeaiCore
import SasaeaiInput
import XCTest

final class BulletinPDFTests: XCTestCase {
    private let at = SourceLocation(file: "content/bulletins/2025-11.md", line: 5, column: 6)
    private let files = ["bulletins/2025-11.pdf", "images/logo.png"]

    func testPlainPathInsideStaticIsAccepted() {
        XCTAssertNil(BulletinPDF.check("bulletins/2025-11.pdf", at: at, staticFiles: files))
    }

    func testSchemesAbsoluteAndClimbingPathsAreRefused() {
        for value in ["../../https://evil.example/x.pdf", "https://evil.example/x.pdf", "javascript:alert(1)", "//evil.example/x.pdf",
                      "/etc/passwd", "bulletins/../../x.pdf", "./bulletins/2025-11.pdf", "bulletins//2025-11.pdf",
                      "bulletins\\2025-11.pdf", "bulletins/2025-11.pdf?x=1", "bulletins/2025-11.pdf#p2"] {
            let problem = BulletinPDF.check(value, at: at, staticFiles: files)
            XCTAssertEqual(problem?.code.rawValue, "E037", value)
            XCTAssertEqual(problem?.severity, .error, value)
            XCTAssertEqual(problem?.location, at, value)
        }
    }

    func testMissingFileIsAnErrorWithAHint() {
        let missing = BulletinPDF.check("bulletins/2025-12.pdf", at: at, staticFiles: files)
        XCTAssertEqual(missing?.code.rawValue, "E038")
        XCTAssertTrue(missing?.message.contains("bulletins/2025-11.pdf") == true, missing?.message ?? "")
        let prefixed = BulletinPDF.check("static/bulletins/2025-11.pdf", at: at, staticFiles: files)
        XCTAssertEqual(prefixed?.code.rawValue, "E038")
        XCTAssertTrue(prefixed?.message.contains("pdf: bulletins/2025-11.pdf") == true, prefixed?.message ?? "")
    }

    func testBuildChecksThePDFAtItsLine() throws {
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            "listings/a.csv": "id,name,kana,kind,district\nminami-salon,南サロン,みなみさろん,salon,minami\n",
            "bulletins/2025-11.md": "---\ntitle: 第1号\ndate: 2025-11-01\npdf: bulletins/2025-11.pdf\n---\n本文\n",
        ])
        defer { scratch.remove() }
        let report = Builder.build(scratch.options())
        XCTAssertTrue(report.failed(strict: false))
        let problem = try XCTUnwrap(report.diagnostics.first { $0.code.rawValue == "E038" })
        XCTAssertEqual(problem.location.line, 4)
        XCTAssertTrue(problem.location.file.hasSuffix("bulletins/2025-11.md"))

        try FileManager.default.createDirectory(at: scratch.content.appendingPathComponent("static/bulletins"), withIntermediateDirectories: true)
        try Data("%PDF".utf8).write(to: scratch.content.appendingPathComponent("static/bulletins/2025-11.pdf"))
        let fixed = Builder.build(scratch.options())
        XCTAssertFalse(fixed.failed(strict: false), fixed.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(try scratch.read("bulletins/2025-11/index.html").contains("bulletins/2025-11.pdf"))
    }
}
