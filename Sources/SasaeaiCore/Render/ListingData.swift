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

    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .id: .init(id)
        case .href: .init(href)
        case .name: .init(name)
        case .kana: .init(kana)
        case .kind: .init(kind)
        case .kindName: .init(kindName)
        case .districtName: .init(districtName)
        case .districtHref: .init(districtHref)
        case .paused: .init(paused)
        case .ended: .init(ended)
        case .statusName: .init(statusName)
        case .rubyNames: .init(rubyNames)
        case .nameParts: .init(nameParts)
        case .schedule: .init(schedule)
        case .venue: .init(venue)
        case .fee: .init(fee)
        case .contact: .init(contact)
        case .tel: .init(tel)
        case .summaryHtml: .init(summaryHTML)
        case .categories: .init(categories)
        case .hasCategories: .init(!categories.isEmpty)
        case .audiences: .init(audiences)
        case .hasAudiences: .init(!audiences.isEmpty)
        case .finder: .init(finder == nil ? nil : true)
        case .district: .init(finder?.district)
        case .weekdaySlugs: .init(finder?.weekdaySlugs)
        case .audienceIds: .init(finder?.audienceIDs)
        case .searchText: .init(finder?.searchText)
        default: firstVisit.value(key)
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
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .label: .init(label)
        case .value: .init(value)
        case .link: .init(link)
        default: .none
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
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .label: .init(label)
        case .datetime: .init(datetime)
        case .time: .init(time)
        case .holiday: .init(holiday)
        case .moved: .init(moved)
        default: .none
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

    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .title: .init(title)
        case .fields: .init(fields)
        case .bodyHtml: .init(bodyHTML)
        case .address: .init(address)
        case .lat: .init(lat)
        case .lon: .init(lon)
        case .calendarHref: .init(calendarHref)
        case .endedDate: .init(endedDate)
        case .upcoming: .init(upcoming)
        case .hasUpcoming: .init(!upcoming.isEmpty)
        case .jsonLd: .init(jsonLD)
        case .map: .init(map)
        case .breadcrumbs: .init(breadcrumbs)
        default: card.value(key)
        }
    }
}
