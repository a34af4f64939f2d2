import Mustache

/// One meeting on a month page's day.
struct DayMeeting: TemplateData {
    let name: String
    let href: String
    let time: String
    let moved: Bool
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href
        case "time": time
        case "moved": moved
        default: nil
        }
    }
}

struct DayDistrict: TemplateData {
    let name: String
    let meetings: [DayMeeting]
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "meetings": meetings
        default: nil
        }
    }
}

/// A day of the month page, the meetings by district. Every day is there, so wide screens can
/// lay the month out as a grid of weeks; phones show only the days with meetings or a holiday.
struct CalendarDay: TemplateData {
    let label: String
    let datetime: String
    let month: Int
    let day: Int
    let weekday: String
    let districts: [DayDistrict]
    let weekend: Bool
    let holiday: String?
    /// The grid column (1 = Monday) of the month's first day, so the weeks line up; nil after it.
    let column: Int?
    func child(named key: String) -> Any? {
        switch key {
        case "label": label
        case "datetime": datetime
        case "month": month
        case "day": day
        case "weekday": weekday
        case "districts": districts
        case "weekend": weekend
        case "holiday": holiday
        case "column": column
        case "empty": districts.isEmpty && holiday == nil
        default: nil
        }
    }
}

/// The bulletin's quarter embed: per month, per district, each listing with its days.
struct QuarterData: TemplateData {
    let months: [QuarterMonth]
    func child(named key: String) -> Any? { key == "months" ? months : nil }
}

struct QuarterMonth: TemplateData {
    let label: String
    let districts: [QuarterDistrict]
    let monthHref: String?
    func child(named key: String) -> Any? {
        switch key {
        case "label": label
        case "districts": districts
        case "month_href": monthHref
        default: nil
        }
    }
}

struct QuarterDistrict: TemplateData {
    let name: String
    /// Each listing with its days; empty in a large town's summary.
    let rows: [QuarterRow]
    /// How many places meet that month.
    let count: Int
    /// The district's month page, in a large town's summary.
    let summaryHref: String?
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "rows": rows
        case "has_rows": !rows.isEmpty
        case "count": count
        case "summary_href": summaryHref
        default: nil
        }
    }
}

struct QuarterRow: TemplateData {
    let name: String
    let href: String
    let days: String
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href
        case "days": days
        default: nil
        }
    }
}
