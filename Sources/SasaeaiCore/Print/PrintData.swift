/// The paper edition's running masthead, shared by both printed documents.
struct MastheadData: TemplateObject, Encodable {
    let siteTitle: String
    let bulletinName: String
    let publisherName: String?
    let publisherAddress: String?
    let publisherPhone: String?
    let publisherEmail: String?
    let siteURL: String
    /// The stylesheet, inlined so the PDF engine needs no file access.
    let css: String

    func value(_ key: String) -> TemplateValue {
        switch key {
        case "site_title": .init(siteTitle)
        case "bulletin_name": .init(bulletinName)
        case "publisher_name": .init(publisherName)
        case "publisher_address": .init(publisherAddress)
        case "publisher_phone": .init(publisherPhone)
        case "publisher_email": .init(publisherEmail)
        case "site_url": .init(siteURL)
        case "css": .init(css)
        default: .none
        }
    }
}

/// One issue on paper (templates/print/bulletin.mustache).
struct PrintBulletinData: TemplateData {
    let masthead: MastheadData
    let title: String
    let number: String?
    let date: String
    let draft: Bool
    let bodyHTML: String
    func value(_ key: String) -> TemplateValue {
        switch key {
        case "title": .init(title)
        case "number": .init(number)
        case "date": .init(date)
        case "draft": .init(draft)
        case "body_html": .init(bodyHTML)
        default: masthead.value(key)
        }
    }
}

/// A listing on a district's printed sheet: the card, its address and this quarter's days.
struct PrintListing: TemplateData {
    let card: CardData
    let address: String?
    let upcoming: String?
    func value(_ key: String) -> TemplateValue {
        switch key {
        case "address": .init(address)
        case "upcoming": .init(upcoming)
        default: card.value(key)
        }
    }
}

/// A district's listings on paper (templates/print/district.mustache).
struct PrintDistrictData: TemplateData {
    let masthead: MastheadData
    let title: String
    let districtName: String
    let coordinator: String?
    let date: String
    let quarter: String
    let listings: [PrintListing]
    func value(_ key: String) -> TemplateValue {
        switch key {
        case "title": .init(title)
        case "district_name": .init(districtName)
        case "coordinator": .init(coordinator)
        case "date": .init(date)
        case "quarter": .init(quarter)
        case "listings": .init(listings)
        case "count": .init(listings.count)
        default: masthead.value(key)
        }
    }
}
