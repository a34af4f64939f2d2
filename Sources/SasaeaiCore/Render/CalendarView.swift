import SasaeaiSchedule

/// Template contexts for calendars: the month pages, the bulletin's quarter and a listing's
/// next meetings.
struct CalendarView {
    let content: SiteContent
    let index: SiteIndex

    /// Every day that has meetings (or is a holiday), with the meetings grouped by district.
    func days(_ calendar: MeetingCalendar, root: String) -> [[String: Any]] {
        calendar.days.compactMap { day -> [String: Any]? in
            let holiday = JapaneseHolidays.name(of: day.date)
            guard !day.entries.isEmpty || holiday != nil else { return nil }
            var groups: [String: [[String: Any]]] = [:]
            for entry in day.entries {
                let listing = content.listings[entry.listing]
                var item: [String: Any] = ["name": listing.name, "href": root + Route.listing(listing.id).path,
                                           "time": DateText.span(entry.meeting)]
                item["moved"] = entry.meeting.moved
                groups[listing.districtID, default: []].append(item)
            }
            let districts = content.districts.compactMap { d -> [String: Any]? in
                groups[d.id].map { ["name": d.name, "meetings": $0] }
            }
            var view: [String: Any] = ["label": DateText.day(day.date), "datetime": day.date.description,
                                       "districts": districts, "weekend": day.date.weekday >= .saturday]
            view["holiday"] = holiday
            return view
        }
    }

    /// The bulletin embed: per month, per district, each listing with the days it meets.
    /// One line per listing keeps a quarter on a printed A4 page. Month headings link to the
    /// month pages in `linking` (older issues' months have no page any more).
    func quarter(_ months: [YearMonth], linking: Set<YearMonth>, root: String) -> [String: Any] {
        let monthViews = months.map { month -> [String: Any] in
            let calendar = MeetingCalendar(content, listed: index.listed, month: month)
            let dates = calendar.datesByListing
            let districts = content.districts.compactMap { district -> [String: Any]? in
                let rows = (index.byDistrict[district.id] ?? []).compactMap { i -> [String: Any]? in
                    guard let days = dates[i], !days.isEmpty else { return nil }
                    let listing = content.listings[i]
                    return ["name": listing.name, "href": root + Route.listing(listing.id).path,
                            "days": days.map { "\($0.day)" }.joined(separator: "・") + "日"]
                }
                return rows.isEmpty ? nil : ["name": district.name, "rows": rows]
            }
            return compact(["label": DateText.month(month), "districts": districts,
                            "month_href": linking.contains(month) ? root + Route.calendar(month.description).path : nil])
        }
        return ["months": monthViews]
    }

    /// A listing's meetings from `from` through the end of the quarter after it.
    func upcoming(_ listing: Listing, from: LocalDate, months: [YearMonth]) -> [[String: Any]] {
        guard let schedule = listing.schedule, listing.status == .active else { return [] }
        return months.flatMap { schedule.meetings(in: $0) }
            .filter { $0.date >= from }
            .prefix(12)
            .map { meeting in
                var view: [String: Any] = ["label": DateText.day(meeting.date), "datetime": meeting.date.description,
                                           "time": DateText.span(meeting)]
                view["holiday"] = meeting.holiday
                view["moved"] = meeting.moved
                return view
            }
    }
}
