import Foundation
@testable import SasaeaiCore
import SasaeaiInput
import SasaeaiSchedule
import XCTest

/// Each page family's typed data for the example town, encoded to JSON, against a committed
/// golden file: a change in what templates see shows as a reviewable diff. Set
/// `SASAEAI_UPDATE_GOLDEN=1` to rewrite the files after an intended change.
final class PageDataGoldenTests: XCTestCase {
    private static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    func testEveryPageFamilyMatchesItsGoldenData() throws {
        var options = BuildOptions()
        options.content = Folder(Repository.content.path)
        options.templates = Folder(Repository.templates.path)
        // A fixed date, so the calendars and the upcoming meetings do not move with the clock.
        options.asOf = LocalDate(year: 2025, month: 6, day: 1)
        let content = try XCTUnwrap(Builder.check(options).content)
        var diagnostics: [Diagnostic] = []
        let templates = try XCTUnwrap(TemplateSet.load(from: options.templates.url, displayPath: "templates", into: &diagnostics))
        var renderer = PageRenderer(content: content, index: SiteIndex(content), templates: templates,
                                    markdown: Markdown(allowsRawHTML: content.config.unsafeHTML))
        renderer.interactiveMap = true
        // One page of each family (the first), named by its route's family.
        var seen: Set<String> = []
        let specs = RoutePlanner.pages(for: content, index: renderer.index).filter { seen.insert(Self.family(of: $0)).inserted }
        XCTAssertGreaterThanOrEqual(specs.count, 17, "every family should have a page in the example town")
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let update = ProcessInfo.processInfo.environment["SASAEAI_UPDATE_GOLDEN"] == "1"
        for spec in specs {
            let (template, data) = renderer.pageData(spec, root: renderer.root(of: spec))
            let json = try encoder.encode(GoldenPage(template: template, data: data))
            let url = Self.golden.appendingPathComponent(Self.family(of: spec) + ".json")
            if update {
                try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
                try (json + Data("\n".utf8)).write(to: url)
                continue
            }
            let expected = try Data(contentsOf: url)
            XCTAssertEqual(String(decoding: json + Data("\n".utf8), as: UTF8.self), String(decoding: expected, as: UTF8.self),
                           "\(url.lastPathComponent) differs; SASAEAI_UPDATE_GOLDEN=1 rewrites it after an intended change")
        }
    }

    private static func family(of spec: PageSpec) -> String {
        switch spec {
        case .home: "home"
        case .districts: "districts"
        case .areas: "areas"
        case .district: "district"
        case .listings: "listings"
        case .listing: "listing"
        case .kind: "kind"
        case .category: "category"
        case .audience: "audience"
        case .weekday: "weekday"
        case .calendar: "calendar"
        case .week: "week"
        case .weekDistrict: "week-district"
        case .bulletins: "bulletins"
        case .bulletin: "bulletin"
        case .page: "page"
        case .map: "map"
        case .search: "search"
        case .notFound: "not-found"
        // Only a large town has these (none in the example town).
        case .calendarDistrict: "calendar-district"
        case .part(let spec, _): family(of: spec) + "-part"
        }
    }
}

/// The template's name beside its data, so a family moving to another template shows too.
private struct GoldenPage: Encodable {
    let template: String
    let data: any PageData
    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(template, forKey: .template)
        try container.encode(data, forKey: .data)
    }
    enum Keys: String, CodingKey { case template, data }
}
