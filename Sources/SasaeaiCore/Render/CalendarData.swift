/// One meeting on a month page's day.
struct DayMeeting: TemplateData {
    let name: String
    let href: String
    let time: String
    let moved: Bool
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .name: .init(name)
        case .href: .init(href)
        case .time: .init(time)
        case .moved: .init(moved)
        default: .none
        }
    }
}

struct DayDistrict: TemplateData {
    let name: String
    let meetings: [DayMeeting]
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .name: .init(name)
        case .meetings: .init(meetings)
        default: .none
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
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .label: .init(label)
        case .datetime: .init(datetime)
        case .month: .init(month)
        case .day: .init(day)
        case .weekday: .init(weekday)
        case .districts: .init(districts)
        case .weekend: .init(weekend)
        case .holiday: .init(holiday)
        case .column: .init(column)
        case .empty: .init(districts.isEmpty && holiday == nil)
        default: .none
        }
    }
}

/// The bulletin's quarter embed: per month, per district, each listing with its days.
struct QuarterData: TemplateData {
    let months: [QuarterMonth]
    func value(_ key: TemplateKey) -> TemplateValue { key == .months ? .init(months) : .none }
}

struct QuarterMonth: TemplateData {
    let label: String
    let districts: [QuarterDistrict]
    let monthHref: String?
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .label: .init(label)
        case .districts: .init(districts)
        case .monthHref: .init(monthHref)
        default: .none
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
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .name: .init(name)
        case .rows: .init(rows)
        case .hasRows: .init(!rows.isEmpty)
        case .count: .init(count)
        case .summaryHref: .init(summaryHref)
        default: .none
        }
    }
}

struct QuarterRow: TemplateData {
    let name: String
    let href: String
    let days: String
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .name: .init(name)
        case .href: .init(href)
        case .days: .init(days)
        default: .none
        }
    }
}
