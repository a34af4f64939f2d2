import Mustache
import SasaeaiSchedule

/// What the base layout needs on every page.
struct LayoutData: TemplateData {
    let root: String
    let lang: String
    let siteTitle: String
    let canonical: String
    let feedHref: String
    let assetRoot: String
    let bulletinName: String
    /// The date the site's dates are counted from: pages that show dates say 「○年○月○日現在」.
    let asOf: DateLabel
    /// Pre-rendered (ChromeCache): the same for every page of one depth and section.
    let siteHeader: String
    let siteFooter: String
    func child(named key: String) -> Any? {
        switch key {
        case "root": root
        case "lang": lang
        case "site_title": siteTitle
        case "canonical": canonical
        case "feed_href": feedHref
        case "asset_root": assetRoot
        case "bulletin_name": bulletinName
        case "as_of": asOf
        case "site_header": siteHeader
        case "site_footer": siteFooter
        default: nil
        }
    }
}

/// A page family's data inside the layout: the page's own names come first, as a page
/// may override a layout name.
struct PageContext<Body: PageData>: TemplateData {
    let body: Body
    let layout: LayoutData
    func child(named key: String) -> Any? {
        if key == "has_breadcrumbs" { return !body.breadcrumbs.isEmpty }
        return body.child(named: key) ?? layout.child(named: key)
    }
}

/// A page family's own data; `breadcrumbs` are the links above its title, none on top pages.
protocol PageData: TemplateData {
    var breadcrumbs: [Link] { get }
}

extension PageData {
    var breadcrumbs: [Link] { [] }
}

/// The site header. The navigation's words and order are the template's
/// (partials/site-header); Swift supplies where each section lives and which one is current.
struct HeaderData: TemplateData {
    let root: String
    let siteTitle: String
    let bulletinName: String
    let section: Section
    /// Each section's address, by the section's name (`districts`, `listings`…).
    let hrefs: [Section: String]
    func child(named key: String) -> Any? {
        switch key {
        case "root": root
        case "site_title": siteTitle
        case "bulletin_name": bulletinName
        case "href": SectionLookup { hrefs[$0] }
        case "current": SectionLookup { $0 == section ? true : nil }
        default: nil
        }
    }
}

/// `{{href.districts}}`, `{{#current.map}}`: a lookup keyed by a section's name.
struct SectionLookup: MustacheParent {
    let value: (Section) -> Any?
    init(_ value: @escaping (Section) -> Any?) { self.value = value }
    func child(named key: String) -> Any? { Section(rawValue: key).flatMap(value) }
}

struct FooterData: TemplateData {
    let root: String
    let feedHref: String
    let footerPages: [TitledLink]
    let publisherName: String?
    let publisherAddress: String?
    let publisherPhone: String?
    let publisherTel: String?
    let publisherEmail: String?
    let publisherURL: String?
    let bulletinName: String
    func child(named key: String) -> Any? {
        switch key {
        case "root": root
        case "feed_href": feedHref
        case "footer_pages": footerPages
        case "publisher_name": publisherName
        case "publisher_address": publisherAddress
        case "publisher_phone": publisherPhone
        case "publisher_tel": publisherTel
        case "publisher_email": publisherEmail
        case "publisher_url": publisherURL
        case "bulletin_name": bulletinName
        default: nil
        }
    }
}

/// A date as a page reads it (2026年2月13日) and as `<time datetime>` gives it (2026-02-13).
struct DateLabel: TemplateData {
    let label: String
    let datetime: String
    init(_ date: LocalDate) {
        label = DateText.date(date)
        datetime = date.description
    }
    func child(named key: String) -> Any? {
        switch key {
        case "label": label
        case "datetime": datetime
        default: nil
        }
    }
}
