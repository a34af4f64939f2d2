import Foundation
@testable import SasaeaiCore
import SasaeaiSchedule
import XCTest

/// The meetings expanded once per build answer every page's question as expanding the
/// listing's schedule for that question would.
final class MeetingTableTests: XCTestCase {
    private static let listings = """
    id,name,kana,kind,district,schedule,status
    getsu,月曜サロン,げつようさろん,salon,minami,毎週月・火 10:00〜12:00（祝日の場合は翌日）,活動中
    moku,木曜の会,もくようのかい,salon,minami,毎週木曜 14:00〜15:00（祝日は休み）,活動中
    kayo,火曜ひろば,かようひろば,place,minami,毎月第2・第4火曜 13:30〜15:00（8月は休み）,活動中
    juugo,十五日の会,じゅうごにちのかい,place,minami,毎月15日 10:00〜（土日の場合は翌月曜）,活動中
    yasumi,休んでいる会,やすんでいるかい,place,minami,毎週水曜 10:00〜12:00,休止中
    fuki,不定期の会,ふていきのかい,place,minami,不定期,活動中

    """

    private static let bulletin = """
    ---
    title: テスト町 情報誌 第1号
    number: 1
    date: 2025-11-14
    ---
    ごあいさつ。

    """

    private func content() throws -> (SiteContent, TemporaryContent) {
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML,
            "districts/minami.md": TemporaryContent.district,
            "listings/a.csv": Self.listings,
            "bulletins/2025-11.md": Self.bulletin,
        ])
        var options = scratch.options()
        options.asOf = LocalDate(year: 2025, month: 12, day: 31)
        return (try XCTUnwrap(Builder.check(options).content), scratch)
    }

    func testWindowHoldsTheCalendarsTheWeeksAndAYearOfICalendar() throws {
        let (content, scratch) = try content()
        defer { scratch.remove() }
        let (first, last) = MeetingTable.window(of: content)
        let months = Quarters.months(for: content)
        XCTAssertLessThanOrEqual(first, months[0].firstDay)
        XCTAssertLessThanOrEqual(first, Weeks.monday(of: content.asOf))
        XCTAssertGreaterThanOrEqual(last, months.last!.lastDay)
        XCTAssertEqual(last, content.asOf.adding(days: 365))
    }

    func testEveryWindowAnswersAsTheListingsOwnExpansion() throws {
        let (content, scratch) = try content()
        defer { scratch.remove() }
        let table = MeetingTable(content)
        let unexpanded = MeetingTable.unexpanded(content)
        // Inside the table, straddling its ends, and far before it (an old issue's quarter).
        let windows = [(table.first, table.last), (table.first.adding(days: -20), table.first.adding(days: 40)),
                       (table.last.adding(days: -10), table.last.adding(days: 30)),
                       (LocalDate(year: 2023, month: 4, day: 1)!, LocalDate(year: 2023, month: 6, day: 30)!)]
            + (0..<14).map { content.asOf.yearMonth.adding(months: $0 - 1) }.map { ($0.firstDay, $0.lastDay) }
        var seen = 0
        for (i, listing) in content.listings.enumerated() {
            for (start, end) in windows {
                let expected = listing.status == .active ? listing.schedule?.meetings(from: start, through: end) ?? [] : []
                XCTAssertEqual(table.meetings(of: i, from: start, through: end), expected, "\(listing.id) \(start)…\(end)")
                XCTAssertEqual(unexpanded.meetings(of: i, from: start, through: end), expected, "\(listing.id) \(start)…\(end)")
                seen += expected.count
            }
        }
        XCTAssertGreaterThan(seen, 300)
        XCTAssertNil(table.expansion(of: content.listings.firstIndex { $0.id == "yasumi" }!), "a paused listing publishes no dates")
        XCTAssertNil(table.expansion(of: content.listings.firstIndex { $0.id == "fuki" }!))
    }

    func testMonthCalendarListsEachDaysMeetingsByTimeThenReading() throws {
        let (content, scratch) = try content()
        defer { scratch.remove() }
        let index = SiteIndex(content)
        let month = YearMonth(year: 2026, month: 1)!
        let calendar = MeetingCalendar(MeetingTable(content), listed: index.listed, month: month)
        XCTAssertEqual(calendar.days.map(\.date), month.days)
        func ids(_ day: Int) -> [String] { calendar.days[day - 1].entries.map { content.listings[$0.listing].id } }
        // 01-13 is the second Tuesday: 月曜サロン at 10:00 before 火曜ひろば at 13:30; 成人の日 (01-12) moves 月曜サロン's Monday onto it.
        XCTAssertEqual(ids(13), ["getsu", "kayo"])
        XCTAssertEqual(calendar.days[12].entries.first?.meeting.moved, false)
        XCTAssertEqual(ids(12), [])
        // 01-15 is a Thursday: 十五日の会 (10:00) before 木曜の会 (14:00); 元日 rests 木曜の会.
        XCTAssertEqual(ids(15), ["juugo", "moku"])
        XCTAssertEqual(ids(1), [])
        XCTAssertFalse(calendar.days.contains { $0.entries.contains { content.listings[$0.listing].id == "yasumi" } })
    }
}
