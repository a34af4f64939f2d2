
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
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .title: .init(title)
        case .weeks: .init(weeks)
        case .hasWeeks: .init(!weeks.isEmpty)
        case .parts: .init(parts)
        case .hasParts: .init(!parts.isEmpty)
        case .breadcrumbs: .init(breadcrumbs.isEmpty ? nil : breadcrumbs)
        case .first: .init(first)
        case .last: .init(last)
        case .lastLabel: .init(lastLabel)
        case .calendarMonths: .init(calendarMonths)
        case .weekdays: .init(weekdays)
        default: .none
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
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .isThisWeek: .init(isThisWeek)
        case .firstLabel: .init(firstLabel)
        case .lastLabel: .init(lastLabel)
        case .anchor: .init(anchor)
        case .days: .init(days)
        default: .none
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
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .label: .init(label)
        case .datetime: .init(datetime)
        case .anchor: .init(anchor)
        case .weekend: .init(weekend)
        case .holiday: .init(holiday)
        case .meetings: .init(meetings)
        case .hasMeetings: .init(!meetings.isEmpty)
        default: .none
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
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .time: .init(time)
        case .name: .init(name)
        case .href: .init(href)
        case .venue: .init(venue)
        case .district: .init(district)
        case .moved: .init(moved)
        default: .none
        }
    }
}
