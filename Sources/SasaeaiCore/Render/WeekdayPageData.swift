
/// A weekday page: its listings by district, each card with its next meetings on that day.
struct WeekdayPageData: PageData {
    let title: String
    let dayName: String
    let count: Int
    let pager: PagerData?
    let districts: [DistrictGroup<DatedCard>]
    let weekHref: String
    let breadcrumbs: [Link]
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .title: .init(title)
        case .dayName: .init(dayName)
        case .count: .init(count)
        case .pager: .init(pager)
        case .districts: .init(districts)
        case .weekHref: .init(weekHref)
        case .breadcrumbs: .init(breadcrumbs)
        default: .none
        }
    }
}

/// A pre-rendered card (the same HTML as on every index page) and the dates beside it.
struct DatedCard: TemplateData {
    let cardHTML: String
    let next: [UpcomingMeeting]
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .cardHtml: .init(cardHTML)
        case .next: .init(next)
        case .hasNext: .init(!next.isEmpty)
        default: .none
        }
    }
}
