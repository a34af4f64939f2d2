import Mustache

/// The paper edition's running masthead, shared by both printed documents.
struct MastheadData: Encodable {
    let siteTitle: String
    let bulletinName: String
    let publisherName: String?
    let publisherAddress: String?
    let publisherPhone: String?
    let publisherEmail: String?
    let siteURL: String
    /// The stylesheet, inlined so the PDF engine needs no file access.
    let css: String

    func child(named key: String) -> Any? {
        switch key {
        case "site_title": siteTitle
        case "bulletin_name": bulletinName
        case "publisher_name": publisherName
        case "publisher_address": publisherAddress
        case "publisher_phone": publisherPhone
        case "publisher_email": publisherEmail
        case "site_url": siteURL
        case "css": css
        default: nil
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
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "number": number
        case "date": date
        case "draft": draft
        case "body_html": bodyHTML
        default: masthead.child(named: key)
        }
    }
}

/// A listing on a district's printed sheet: the card, its address and this quarter's days.
struct PrintListing: TemplateData {
    let card: CardData
    let address: String?
    let upcoming: String?
    func child(named key: String) -> Any? {
        switch key {
        case "address": address
        case "upcoming": upcoming
        default: card.child(named: key)
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
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "district_name": districtName
        case "coordinator": coordinator
        case "date": date
        case "quarter": quarter
        case "listings": listings
        case "count": listings.count
        default: masthead.child(named: key)
        }
    }
}
