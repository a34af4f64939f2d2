import Foundation
@testable import SasaeaiCore
import SasaeaiInput
import XCTest

/// Builds the example town in `content/` like `make site` does and inspects the result.
final class ExampleSiteTests: XCTestCase {
    /// Built once for all the tests of this class: the build is the expensive part.
    private static let built: (TemporaryContent, BuildReport) = {
        let scratch = try! TemporaryContent([:])
        return (scratch, Builder.build(scratch.options(content: Repository.content)))
    }()
    private static var scratch: TemporaryContent { built.0 }
    private static var report: BuildReport { built.1 }

    override class func tearDown() {
        scratch.remove()
        super.tearDown()
    }

    private var site: TemporaryContent { Self.scratch }

    private func page(_ path: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do { return try site.read(path) } catch {
            XCTFail("missing \(path)", file: file, line: line)
            return ""
        }
    }

    func testBuildsWithoutErrors() {
        let errors = Self.report.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.description), [])
        XCTAssertGreaterThan(Self.report.files, 100)
    }

    func testEveryPageFamilyExists() throws {
        let content = try XCTUnwrap(Self.report.content)
        for path in ["index.html", "districts/index.html", "listings/index.html", "bulletins/index.html", "404.html",
                     "feed.xml", "sitemap.xml", "kinds/salon/index.html", "kinds/place/index.html", "kinds/group/index.html",
                     "data/listings.json", "data/listings.csv", "data/listings.geojson", "assets/style.css"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(path).path), path)
        }
        for district in content.districts {
            XCTAssertTrue(page("districts/\(district.id)/index.html").contains(district.name))
        }
        for listing in content.listings {
            XCTAssertTrue(page("listings/\(listing.id)/index.html").contains("<h1>"), listing.id)
        }
        for term in content.config.categories {
            XCTAssertFalse(page("categories/\(term.id)/index.html").isEmpty)
        }
        for term in content.config.audiences {
            XCTAssertFalse(page("audiences/\(term.id)/index.html").isEmpty)
        }
        for bulletin in content.bulletins {
            XCTAssertTrue(page("bulletins/\(bulletin.month)/index.html").contains(bulletin.title))
        }
        for extra in content.pages {
            XCTAssertTrue(page("pages/\(extra.slug)/index.html").contains(extra.title))
        }
        XCTAssertGreaterThanOrEqual(content.listings.count, 40)
        XCTAssertEqual(content.bulletins.count, 4)
    }

    func testListingsIndexIsInGojuonOrderWithJumps() throws {
        let content = try XCTUnwrap(Self.report.content)
        let html = page("listings/index.html")
        let listed = content.listings.filter { $0.status != .ended }
        var last = html.startIndex
        for listing in listed {
            let range = try XCTUnwrap(html.range(of: "href=\"../listings/\(listing.id)/\"", range: last..<html.endIndex), "\(listing.id) out of order")
            last = range.upperBound
        }
        XCTAssertTrue(html.contains("href=\"#gyo-0\""), "jump to あ行")
        for ended in content.listings where ended.status == .ended {
            XCTAssertFalse(html.contains("listings/\(ended.id)/"), "ended \(ended.id) must leave the index")
            XCTAssertTrue(page("listings/\(ended.id)/index.html").contains("終了しました"), "ended page says so")
        }
    }

    func testPausedListingsAreMarked() throws {
        let content = try XCTUnwrap(Self.report.content)
        let paused = try XCTUnwrap(content.listings.first { $0.status == .paused })
        XCTAssertTrue(page("districts/\(paused.districtID)/index.html").contains("休止中"))
        XCTAssertTrue(page("listings/\(paused.id)/index.html").contains("休止中"))
    }

    func testBulletinEmbedsListingCard() throws {
        let content = try XCTUnwrap(Self.report.content)
        let bulletin = try XCTUnwrap(content.bulletins.first { $0.body.contains("{{< listing") })
        let html = page("bulletins/\(bulletin.month)/index.html")
        XCTAssertFalse(html.contains("{{&lt;"), "embed left unexpanded")
        XCTAssertFalse(html.contains("{{<"), "embed left unexpanded")
        XCTAssertTrue(html.contains("class=\"card card-"), "listing card embedded")
        XCTAssertTrue(html.contains("href=\"../../listings/"), "card links to the listing")
    }

    func testCalendarChangesAndStatsEmbeds() throws {
        // The 2025-11 issue: two new listings, one ended, one paused since 2025-08 (see content/).
        let html = page("bulletins/2025-11/index.html")
        XCTAssertTrue(html.contains("embed-calendar"))
        XCTAssertTrue(html.contains("2025年11月") && html.contains("2026年1月"), "the issue's quarter")
        XCTAssertTrue(html.contains("新しく始まった活動"))
        XCTAssertTrue(html.contains("よりあい所 ほたる"))
        XCTAssertTrue(html.contains("終了した活動"))
        XCTAssertTrue(html.contains("地区・種類ごとの活動数"))
        XCTAssertTrue(html.contains("分類ごとの活動数"))
        let content = try XCTUnwrap(Self.report.content)
        XCTAssertTrue(html.contains("<td>\(Statistics(content).total)</td></tr></tfoot>"), "total of listed listings")
    }

    func testAbsoluteURLsStartWithBaseURL() throws {
        let base = "https://example.org/sasaeai/"
        XCTAssertTrue(page("index.html").contains("<link rel=\"canonical\" href=\"\(base)\">"))
        let feed = page("feed.xml")
        XCTAssertTrue(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"\(base)feed.xml\"/>"))
        let sitemap = page("sitemap.xml")
        let locs = sitemap.components(separatedBy: "<loc>").dropFirst().map { $0.components(separatedBy: "</loc>")[0] }
        XCTAssertFalse(locs.isEmpty)
        XCTAssertTrue(locs.allSatisfy { $0.hasPrefix(base) }, "sitemap URLs start with base_url")
        XCTAssertTrue(page("404.html").contains("href=\"/sasaeai/assets/style.css\""), "404 links work at any depth")
    }

    func testOnlyLinkableFieldsAreLinks() throws {
        // A field without a link must not pick up the listing's own URL from the outer context.
        let content = try XCTUnwrap(Self.report.content)
        for listing in content.listings {
            let html = page("listings/\(listing.id)/index.html")
            XCTAssertFalse(html.contains("<dd><a href=\"../../listings/\(listing.id)/\">"), listing.id)
        }
    }

    func testPhoneNumbersBecomeTelLinks() {
        XCTAssertTrue(page("index.html").contains("href=\"tel:"))
    }

    func testPrivateColumnsNeverReachOutput() throws {
        // Every value of every private column of the example tables is searched for in every output file.
        var secrets: Set<String> = []
        let tables = try FileManager.default.contentsOfDirectory(atPath: Repository.content.appendingPathComponent("listings").path)
        for name in tables where name.hasSuffix(".tsv") || name.hasSuffix(".csv") {
            let data = try Data(contentsOf: Repository.content.appendingPathComponent("listings/\(name)"))
            let text = try TextDecoding.decode(data).get().text
            let (table, _) = DelimitedTable.parse(text, delimiter: name.hasSuffix(".tsv") ? .tab : .comma, file: name)
            let privateColumns = Set(table.header.filter { ListingColumn.classify(header: $0.value) == .private }.map(\.column))
            for row in table.rows {
                for cell in row.cells where privateColumns.contains(cell.column) && cell.value.count >= 4 {
                    secrets.insert(cell.value)
                }
            }
        }
        XCTAssertFalse(secrets.isEmpty, "the example content has private values")
        for (path, data) in try DeterminismTests.tree(site.output) {
            let text = String(decoding: data, as: UTF8.self)
            for secret in secrets {
                XCTAssertFalse(text.contains(secret), "\(secret) leaked into \(path)")
            }
        }
    }
}
