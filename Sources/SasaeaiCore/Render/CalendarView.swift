import SasaeaiSchedule

/// Template data for calendars: the month pages, the bulletin's quarter and a listing's
/// next meetings.
struct CalendarView {
    let content: SiteContent
    let index: SiteIndex
    let meetings: MeetingTable

    /// Every day of the month, with the meetings grouped by district.
    func days(_ calendar: MeetingCalendar, root: String) -> [CalendarDay] {
        calendar.days.map { day in
            let districts = byDistrict(day.entries) { entry in
                DayMeeting(name: content.listings[entry.listing].name, href: root + Route.listing(content.listings[entry.listing].id).path,
                           time: DateText.span(entry.meeting), moved: entry.meeting.moved)
            }
            return CalendarDay(label: DateText.day(day.date), datetime: day.date.description, month: day.date.month, day: day.date.day,
                               weekday: day.date.weekday.kanji, districts: districts,
                               weekend: day.date.weekday >= .saturday, holiday: meetings.holiday(on: day.date),
                               column: day.date.day == 1 ? Weeks.leadingBlanks(of: calendar.month) + 1 : nil)
        }
    }

    /// The day's meetings under their districts, in the districts' order. Listings are read
    /// field by field where they lie (here and below): a copy of a whole `Listing` retains
    /// each of its many fields, and the two page threads contend on those counts.
    private func byDistrict(_ entries: [MeetingCalendar.Entry], _ item: (MeetingCalendar.Entry) -> DayMeeting) -> [DayDistrict] {
        guard !entries.isEmpty else { return [] }
        var groups: [Int: [DayMeeting]] = [:]
        for entry in entries {
            guard let district = index.districtsByID[content.listings[entry.listing].districtID] else { continue }
            groups[district, default: []].append(item(entry))
        }
        return groups.keys.sorted().map { DayDistrict(name: content.districts[$0].name, meetings: groups[$0]!) }
    }

    /// The as-of week and the next, every day with its meetings in time order (a day's
    /// meetings are not split by district: a resident asks what is on, then where).
    func weeks(asOf: LocalDate, listed: [Int], root: String, districtName: (Listing) -> String) -> [WeekBlock] {
        let weeks = Weeks.days(asOf: asOf)
        guard let first = weeks.first?.first, let last = weeks.last?.last else { return [] }
        let days = Dictionary(MeetingCalendar.days(meetings, listed: listed, from: first, through: last).map { ($0.date, $0.entries) },
                              uniquingKeysWith: { a, _ in a })
        return weeks.enumerated().map { number, dates in
            WeekBlock(isThisWeek: number == 0, firstLabel: DateText.day(dates[0]), lastLabel: DateText.day(dates[6]),
                      anchor: "week-\(number + 1)",
                      days: dates.map { date in
                          let shown = (days[date] ?? []).map { entry in
                              let listing = content.listings[entry.listing]
                              return WeekMeeting(time: DateText.span(entry.meeting), name: listing.name,
                                                 href: root + Route.listing(listing.id).path, venue: listing.venue,
                                                 district: districtName(listing), moved: entry.meeting.moved)
                          }
                          return WeekDay(label: DateText.day(date), datetime: date.description, anchor: "d-\(date)",
                                         weekend: date.weekday >= .saturday, holiday: meetings.holiday(on: date), meetings: shown)
                      })
        }
    }

    /// The bulletin embed: per month, per district, each listing with the days it meets.
    /// One line per listing keeps a quarter on a printed A4 page. Month headings link to the
    /// month pages in `linking` (older issues' months have no page any more).
    func quarter(_ months: [YearMonth], linking: Set<YearMonth>, root: String) -> QuarterData {
        guard let first = months.min()?.firstDay, let last = months.max()?.lastDay else { return QuarterData(months: []) }
        // A large town's quarter would fill a book: each district then gets one line
        // with how many places meet, linking its own month page.
        let summary = RoutePlanner.splitsByDistrict(index)
        // Each listing's days of each month, from one look at its meetings over the quarter (an
        // older issue's quarter is expanded here, the only page that shows it). A meeting moved
        // onto a day another rule gives is still one day.
        let slots = Dictionary(months.enumerated().map { ($1, $0) }, uniquingKeysWith: min)
        var days = Array(repeating: [Int: [Int]](), count: months.count)
        for i in index.listed {
            var previous: (slot: Int, day: Int)?
            for meeting in meetings.meetings(of: i, from: first, through: last) {
                guard let slot = slots[meeting.date.yearMonth], previous.map({ $0 != (slot, meeting.date.day) }) ?? true else { continue }
                days[slot][i, default: []].append(meeting.date.day)
                previous = (slot, meeting.date.day)
            }
        }
        return QuarterData(months: months.map { month in
            let meets = days[slots[month]!]
            let districts = content.districts.compactMap { district -> QuarterDistrict? in
                let members = index.byDistrict[district.id] ?? []
                // A summary line only counts: no row text is made for it.
                guard !summary else {
                    let count = members.count { meets[$0] != nil }
                    guard count > 0 else { return nil }
                    return QuarterDistrict(name: district.name, rows: [], count: count,
                                           summaryHref: linking.contains(month) ? root + Route.calendar(month.description).path + district.id + "/" : nil)
                }
                let rows = members.compactMap { i -> QuarterRow? in
                    guard let days = meets[i] else { return nil }
                    return QuarterRow(name: content.listings[i].name, href: root + Route.listing(content.listings[i].id).path,
                                      days: days.map(String.init).joined(separator: "・") + "日")
                }
                guard !rows.isEmpty else { return nil }
                return QuarterDistrict(name: district.name, rows: rows, count: rows.count, summaryHref: nil)
            }
            return QuarterMonth(label: DateText.month(month), districts: districts,
                                monthHref: linking.contains(month) ? root + Route.calendar(month.description).path : nil)
        })
    }

    /// A listing's meetings from `from` through the end of the quarter after it (the months the
    /// calendars cover), at most `limit`; only those of `weekday` when one is given.
    func upcoming(_ listing: Listing, from: LocalDate, months: [YearMonth], on weekday: Weekday? = nil,
                  limit: Int = 12) -> [UpcomingMeeting] {
        guard let schedule = listing.schedule, listing.status == .active, let last = months.last?.lastDay, from <= last else { return [] }
        // A meeting a holiday moved (祝日の場合は翌日) still belongs to its weekday's list when that
        // weekday is the only day any rule gives; otherwise which day it left is unknown here.
        let movedAreThatDays = weekday.map { day in
            schedule.weekdays == [day] && schedule.rules.allSatisfy {
                switch $0.frequency {
                case .weekly, .monthlyByWeekday: true
                case .monthlyByDay, .dates: false
                }
            }
        } ?? false
        guard let i = index.listingsByID[listing.id] else { return [] }
        return meetings.meetings(of: i, from: from, through: last)
            .filter { weekday == nil || $0.date.weekday == weekday || $0.moved && movedAreThatDays }
            .prefix(limit)
            .map { UpcomingMeeting(label: DateText.day($0.date), datetime: $0.date.description, time: DateText.span($0),
                                   holiday: $0.holiday, moved: $0.moved) }
    }
}
