import Mustache

/// The 「今週・来週」 page: the as-of week and the next, day by day, each meeting with its time,
/// name, place and link. The words (今週, 来週, 今日) are the template's.
struct WeekPageData: PageData {
    let title: String
    let weeks: [WeekBlock]
    /// The districts' own week pages, when the town's week is split.
    let parts: [DistrictLink]
    /// The first and last day shown, which the page's script compares with the browser's date.
    let first: String
    let last: String
    let lastLabel: String
    let calendarMonths: [Link]
    let weekdays: [WeekdayLink]
    let breadcrumbs: [Link]
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "weeks": weeks
        case "has_weeks": !weeks.isEmpty
        case "parts": parts
        case "has_parts": !parts.isEmpty
        case "breadcrumbs": breadcrumbs.isEmpty ? nil : breadcrumbs
        case "first": first
        case "last": last
        case "last_label": lastLabel
        case "calendar_months": calendarMonths
        case "weekdays": weekdays
        default: nil
        }
    }
}

struct WeekBlock: TemplateData {
    /// True for the week the as-of date falls in.
    let isThisWeek: Bool
    let firstLabel: String
    let lastLabel: String
    let anchor: String
    let days: [WeekDay]
    func child(named key: String) -> Any? {
        switch key {
        case "is_this_week": isThisWeek
        case "first_label": firstLabel
        case "last_label": lastLabel
        case "anchor": anchor
        case "days": days
        default: nil
        }
    }
}

/// One day of the week page; shown even without meetings, so a resident sees the day is free.
struct WeekDay: TemplateData {
    let label: String
    let datetime: String
    let anchor: String
    let weekend: Bool
    let holiday: String?
    let meetings: [WeekMeeting]
    func child(named key: String) -> Any? {
        switch key {
        case "label": label
        case "datetime": datetime
        case "anchor": anchor
        case "weekend": weekend
        case "holiday": holiday
        case "meetings": meetings
        case "has_meetings": !meetings.isEmpty
        default: nil
        }
    }
}

struct WeekMeeting: TemplateData {
    let time: String
    let name: String
    let href: String
    let venue: String?
    let district: String
    let moved: Bool
    func child(named key: String) -> Any? {
        switch key {
        case "time": time
        case "name": name
        case "href": href
        case "venue": venue
        case "district": district
        case "moved": moved
        default: nil
        }
    }
}
