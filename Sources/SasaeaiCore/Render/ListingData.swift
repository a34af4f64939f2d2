import Mustache

/// What a listing card shows. Values are plain text (Mustache escapes them); the only HTML is
/// `summaryHTML`, produced by cmark from record text (RecordMarkdown, always escaped).
struct CardData: TemplateData {
    let id: String
    let href: String
    let name: String
    let kana: String
    let kind: String
    let kindName: String
    let districtName: String
    let districtHref: String
    let paused: Bool
    let ended: Bool
    let statusName: String
    let rubyNames: Bool
    /// The name in pieces, each kanji run with its reading (Furigana): what ruby is set over.
    let nameParts: [RubyPart]
    let schedule: String?
    let venue: String?
    let fee: String?
    let contact: String?
    let tel: String?
    let summaryHTML: String?
    let categories: [NamedLink]
    let audiences: [NamedLink]
    /// Booking, first-timers, organiser and fees: near the top of the page and on the card.
    let firstVisit: FirstVisit
    /// What the listings page's finder filters on; nil elsewhere.
    let finder: FinderData?

    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "href": href
        case "name": name
        case "kana": kana
        case "kind": kind
        case "kind_name": kindName
        case "district_name": districtName
        case "district_href": districtHref
        case "paused": paused
        case "ended": ended
        case "status_name": statusName
        case "ruby_names": rubyNames
        case "name_parts": nameParts
        case "schedule": schedule
        case "venue": venue
        case "fee": fee
        case "contact": contact
        case "tel": tel
        case "summary_html": summaryHTML
        case "categories": categories
        case "has_categories": !categories.isEmpty
        case "audiences": audiences
        case "has_audiences": !audiences.isEmpty
        case "finder": finder == nil ? nil : true
        case "district": finder?.district
        case "weekday_slugs": finder?.weekdaySlugs
        case "audience_ids": finder?.audienceIDs
        case "search_text": finder?.searchText
        default: firstVisit.child(named: key)
        }
    }
}

struct FinderData: Encodable {
    let district: String
    let weekdaySlugs: String
    let audienceIDs: String
    let searchText: String
}

/// One line of a listing's facts.
struct Fact: TemplateData {
    let label: String
    let value: String
    let link: String?
    func child(named key: String) -> Any? {
        switch key {
        case "label": label
        case "value": value
        case "link": link
        default: nil
        }
    }
}

/// One of a listing's next meetings.
struct UpcomingMeeting: TemplateData {
    let label: String
    let datetime: String
    let time: String
    let holiday: String?
    let moved: Bool
    func child(named key: String) -> Any? {
        switch key {
        case "label": label
        case "datetime": datetime
        case "time": time
        case "holiday": holiday
        case "moved": moved
        default: nil
        }
    }
}

/// A listing's own page: the card's values, every public field, its next meetings and map.
struct ListingPageData: PageData {
    let title: String
    let card: CardData
    let fields: [Fact]
    let bodyHTML: String?
    let address: String?
    let lat: String?
    let lon: String?
    let calendarHref: String?
    let endedDate: String?
    let upcoming: [UpcomingMeeting]
    /// JSON-LD, already serialised for the script element.
    let jsonLD: String
    let map: MapData?
    let breadcrumbs: [Link]

    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "fields": fields
        case "body_html": bodyHTML
        case "address": address
        case "lat": lat
        case "lon": lon
        case "calendar_href": calendarHref
        case "ended_date": endedDate
        case "upcoming": upcoming
        case "has_upcoming": !upcoming.isEmpty
        case "json_ld": jsonLD
        case "map": map
        case "breadcrumbs": breadcrumbs
        default: card.child(named: key)
        }
    }
}
