import Foundation
@testable import SasaeaiCore
import SasaeaiInput
import SasaeaiSchedule
import XCTest

/// Dates where people look (issue 11): the 「今週・来週」 page, a weekday page's next dates and
/// the month grid, all counted from the build's as-of date.
final class WeekPageTests: XCTestCase {
    private static let listings = """
    id,name,kana,kind,district,venue,schedule
    getsu,月曜サロン,げつようさろん,salon,minami,南集会所,毎週月曜 10:00〜12:00
    moku,木曜の会,もくようのかい,salon,minami,,毎週木曜 14:00〜15:00（祝日は休み）
    kayo,火曜ひろば,かようひろば,place,minami,南公民館,毎月第2・第4火曜 13:30〜15:00
    yokujitsu,月曜の体操,げつようのたいそう,place,minami,南公民館,毎週月曜 9:00〜10:00（祝日の場合は翌日）

    """

    private static let bulletin = """
    ---
    title: テスト町 情報誌 第1号
    number: 1
    date: 2025-11-14
    ---
    ごあいさつ。

    """

    private func scratch() throws -> TemporaryContent {
        try TemporaryContent([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            "listings/a.csv": Self.listings,
            "bulletins/2025-11.md": Self.bulletin,
        ])
    }

    private func renderer(_ scratch: TemporaryContent, asOf: LocalDate?) throws -> PageRenderer {
        var options = scratch.options()
        options.asOf = asOf
        let content = try XCTUnwrap(Builder.check(options).content)
        var diagnostics: [Diagnostic] = []
        let templates = try XCTUnwrap(TemplateSet.load(from: options.templates.url, displayPath: "templates", into: &diagnostics))
        return PageRenderer(content: content, index: SiteIndex(content), templates: templates, markdown: Markdown(allowsRawHTML: false))
    }

    func testWeeksBeginOnMondayAndRunAcrossTheYearEnd() {
        let asOf = LocalDate(year: 2026, month: 12, day: 31)!  // a Thursday
        let weeks = Weeks.days(asOf: asOf)
        XCTAssertEqual(weeks.count, 2)
        XCTAssertEqual(weeks[0].first, LocalDate(year: 2026, month: 12, day: 28))
        XCTAssertEqual(weeks[1].last, LocalDate(year: 2027, month: 1, day: 10))
        XCTAssertEqual(weeks.joined().map(\.weekday), Array(repeating: Weekday.allCases, count: 2).flatMap { $0 })
        XCTAssertTrue(weeks[0].contains(asOf))
        // A Monday starts its own week; a Sunday ends the week that began six days before.
        XCTAssertEqual(Weeks.monday(of: LocalDate(year: 2026, month: 2, day: 9)!), LocalDate(year: 2026, month: 2, day: 9))
        XCTAssertEqual(Weeks.monday(of: LocalDate(year: 2026, month: 3, day: 1)!), LocalDate(year: 2026, month: 2, day: 23))
    }

    func testWeekPageGroupsMeetingsByDayAcrossMonthAndYearWithHolidays() throws {
        let scratch = try scratch()
        defer { scratch.remove() }
        // 2025-12-31 is a Wednesday: the page runs from Monday 12/29 to Sunday 2026-01-11.
        let renderer = try renderer(scratch, asOf: LocalDate(year: 2025, month: 12, day: 31))
        let page = renderer.week(root: "../")
        XCTAssertEqual(page.first, "2025-12-29")
        XCTAssertEqual(page.last, "2026-01-11")
        XCTAssertEqual(page.weeks.map(\.isThisWeek), [true, false])
        let days = page.weeks.flatMap(\.days)
        XCTAssertEqual(days.count, 14)
        func names(_ date: String) -> [String] { days.first { $0.datetime == date }?.meetings.map(\.name) ?? ["missing"] }
        XCTAssertEqual(names("2025-12-29"), ["月曜の体操", "月曜サロン"], "in time order")
        // 元日 is a Thursday: 木曜の会 rests (祝日は休み) and the day says which holiday it is.
        XCTAssertEqual(names("2026-01-01"), [])
        XCTAssertEqual(days.first { $0.datetime == "2026-01-01" }?.holiday, "元日")
        XCTAssertEqual(names("2026-01-08"), ["木曜の会"])
        XCTAssertEqual(names("2026-01-13"), ["missing"], "only two weeks")
        // The second 火曜 of January, in the second week.
        XCTAssertEqual(names("2026-01-06"), [])
        XCTAssertEqual(names("2026-01-05"), ["月曜の体操", "月曜サロン"])
        let meeting = try XCTUnwrap(days.first { $0.datetime == "2025-12-29" }?.meetings.last)
        XCTAssertEqual(meeting.time, "10:00〜12:00")
        XCTAssertEqual(meeting.venue, "南集会所")
        XCTAssertEqual(meeting.district, "南")
        XCTAssertEqual(meeting.href, "../listings/getsu/")
        // The month pages the weeks fall in, as far as the site has them.
        XCTAssertEqual(page.calendarMonths.map(\.href), ["../calendar/2025-12/", "../calendar/2026-01/"])
    }

    func testNextDatesCountFromTheAsOfDateNotFromTheLastBulletin() throws {
        let scratch = try scratch()
        defer { scratch.remove() }
        // Without --as-of the newest bulletin (2025-11-14) is the as-of date…
        let byBulletin = try renderer(scratch, asOf: nil).weekday(.tuesday, root: "../../")
        XCTAssertEqual(byBulletin.districts.first?.listings.first?.next.map(\.datetime), ["2025-11-25", "2025-12-09", "2025-12-23"])
        // …and a build for 2026-01-13 counts from that day, which itself counts (第2火曜).
        let page = try renderer(scratch, asOf: LocalDate(year: 2026, month: 1, day: 13)).weekday(.tuesday, root: "../../")
        let card = try XCTUnwrap(page.districts.first?.listings.first)
        XCTAssertEqual(card.next.map(\.datetime), ["2026-01-13", "2026-01-27", "2026-02-10"])
        XCTAssertEqual(card.next.first?.label, "1月13日（火）")
        XCTAssertTrue(shownText(card.cardHTML).contains("火曜ひろば"))
        // Only that weekday's dates: the Monday page shows 月曜サロン's Mondays.
        let monday = try renderer(scratch, asOf: LocalDate(year: 2026, month: 1, day: 13)).weekday(.monday, root: "../../")
        XCTAssertEqual(monday.districts.first?.listings.first?.next.map(\.datetime), ["2026-01-19", "2026-01-26", "2026-02-02"])
        // 成人の日 (Monday 2026-01-12) moves 月曜の体操 to Tuesday: still one of its Monday dates.
        let moved = try renderer(scratch, asOf: LocalDate(year: 2026, month: 1, day: 5)).weekday(.monday, root: "../../")
        let movedCard = try XCTUnwrap(moved.districts.first?.listings.first { shownText($0.cardHTML).contains("月曜の体操") })
        XCTAssertEqual(movedCard.next.map(\.datetime), ["2026-01-05", "2026-01-13", "2026-01-19"])
        XCTAssertEqual(movedCard.next.map(\.moved), [false, true, false])
        let plain = try XCTUnwrap(moved.districts.first?.listings.first { shownText($0.cardHTML).contains("月曜サロン") })
        XCTAssertEqual(plain.next.map(\.datetime), ["2026-01-05", "2026-01-12", "2026-01-19"], "no holiday rule: it meets on 成人の日")
    }

    func testMonthGridHasEveryDayAndStartsInItsWeekdayColumn() throws {
        let scratch = try scratch()
        defer { scratch.remove() }
        let renderer = try renderer(scratch, asOf: LocalDate(year: 2026, month: 2, day: 13))
        let month = YearMonth(year: 2026, month: 2)!
        let days = renderer.calendar(month, root: "../../").days
        XCTAssertEqual(days.count, 28)
        // 2026-02-01 is a Sunday: the seventh column; the other days follow in the grid.
        XCTAssertEqual(days.map(\.column), [7] + Array(repeating: nil, count: 27))
        XCTAssertEqual(days[10].holiday, "建国記念の日")
        XCTAssertEqual(days[1].districts.first?.meetings.map(\.name), ["月曜の体操", "月曜サロン"], "2月2日 is a Monday")
        // A day with nothing on is still there (the grid's cell), with no meetings.
        XCTAssertEqual(days[6].datetime, "2026-02-07")
        XCTAssertTrue(days[6].districts.isEmpty)
        XCTAssertNil(days[6].holiday)
        XCTAssertEqual(Weeks.leadingBlanks(of: YearMonth(year: 2026, month: 6)!), 0, "June 2026 begins on a Monday")
    }

    func testALargeTownGetsOneWeekPagePerDistrict() throws {
        var table = "id,name,kana,kind,district,schedule\n"
        for i in 0...RoutePlanner.cardsPerPage {
            table += "s\(i),サロン\(i),さろん\(i),salon,\(i % 2 == 0 ? "minami" : "kita"),毎週水曜 10:00〜12:00\n"
        }
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            "districts/kita.md": "---\nname: 北\nkana: きた\norder: 2\n---\n",
            "listings/a.csv": table,
        ])
        defer { scratch.remove() }
        let renderer = try renderer(scratch, asOf: LocalDate(year: 2026, month: 1, day: 14))
        let pages = RoutePlanner.pages(for: renderer.content, index: renderer.index)
        let weekPages = pages.filter { if case .weekDistrict = $0 { true } else { false } }
        XCTAssertEqual(weekPages.map { RoutePlanner.route(of: $0, in: renderer.content).path }.sorted(), ["week/kita/", "week/minami/"])
        // The town's page lists no meetings, only the districts' pages, each with its own meetings.
        let town = renderer.week(root: "../")
        XCTAssertTrue(town.weeks.isEmpty)
        XCTAssertEqual(town.parts.map(\.href).sorted(), ["../week/kita/", "../week/minami/"])
        let minami = try XCTUnwrap(renderer.content.districts.first { $0.id == "minami" })
        let page = renderer.week(district: minami, root: "../../")
        let wednesday = try XCTUnwrap(page.weeks.first?.days.first { $0.datetime == "2026-01-14" })
        XCTAssertEqual(wednesday.meetings.count, RoutePlanner.cardsPerPage / 2 + 1)
        XCTAssertEqual(Set(wednesday.meetings.map(\.district)), ["南"])
        XCTAssertEqual(page.breadcrumbs.map(\.href), ["../../week/"])
        // As pages: the town's links the districts', which show the days.
        var options = scratch.options()
        options.asOf = LocalDate(year: 2026, month: 1, day: 14)
        XCTAssertEqual(Builder.build(options).diagnostics.filter { $0.severity == .error }.map(\.description), [])
        let townHTML = try scratch.read("week/index.html")
        XCTAssertTrue(townHTML.contains("href=\"../week/minami/\""))
        XCTAssertFalse(townHTML.contains("week-day"))
        XCTAssertTrue(try scratch.read("week/minami/index.html").contains("id=\"d-2026-01-14\""))
    }

    func testPagesWithDatesSayTheAsOfDate() throws {
        let scratch = try scratch()
        defer { scratch.remove() }
        var options = scratch.options()
        options.asOf = LocalDate(year: 2026, month: 1, day: 13)
        let report = Builder.build(options)
        XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }.map(\.description), [])
        for page in ["index.html", "week/index.html", "weekdays/tue/index.html", "calendar/2026-01/index.html", "listings/kayo/index.html"] {
            XCTAssertTrue(try scratch.read(page).contains("<time datetime=\"2026-01-13\">2026年1月13日</time>現在"), page)
        }
        // Home and the weekday pages lead to the week page.
        XCTAssertTrue(try scratch.read("index.html").contains("href=\"week/\""))
        XCTAssertTrue(try scratch.read("weekdays/mon/index.html").contains("href=\"../../week/\""))
    }
}
