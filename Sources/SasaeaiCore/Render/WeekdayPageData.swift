import Mustache

/// A weekday page: its listings by district, each card with its next meetings on that day.
struct WeekdayPageData: PageData {
    let title: String
    let dayName: String
    let count: Int
    let pager: PagerData?
    let districts: [DistrictGroup<DatedCard>]
    let weekHref: String
    let breadcrumbs: [Link]
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "day_name": dayName
        case "count": count
        case "pager": pager
        case "districts": districts
        case "week_href": weekHref
        case "breadcrumbs": breadcrumbs
        default: nil
        }
    }
}

/// A pre-rendered card (the same HTML as on every index page) and the dates beside it.
struct DatedCard: TemplateData {
    let cardHTML: String
    let next: [UpcomingMeeting]
    func child(named key: String) -> Any? {
        switch key {
        case "card_html": cardHTML
        case "next": next
        case "has_next": !next.isEmpty
        default: nil
        }
    }
}
