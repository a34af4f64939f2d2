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
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .root: .init(root)
        case .lang: .init(lang)
        case .siteTitle: .init(siteTitle)
        case .canonical: .init(canonical)
        case .feedHref: .init(feedHref)
        case .assetRoot: .init(assetRoot)
        case .bulletinName: .init(bulletinName)
        case .asOf: .init(asOf)
        case .siteHeader: .init(siteHeader)
        case .siteFooter: .init(siteFooter)
        default: .none
        }
    }
}

/// A page family's data inside the layout: the page's own names come first, as a page
/// may override a layout name.
struct PageContext<Body: PageData>: TemplateData {
    let body: Body
    let layout: LayoutData
    func value(_ key: TemplateKey) -> TemplateValue {
        if key == .hasBreadcrumbs { return .init(!body.breadcrumbs.isEmpty) }
        let own = body.value(key)
        if case .none = own { return layout.value(key) }
        return own
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
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .root: .init(root)
        case .siteTitle: .init(siteTitle)
        case .bulletinName: .init(bulletinName)
        case .href: .object(SectionLookup { .init(hrefs[$0]) })
        case .current: .object(SectionLookup { .init($0 == section ? true : nil) })
        default: .none
        }
    }
}

/// `{{href.districts}}`, `{{#current.map}}`: a lookup keyed by a section's name.
struct SectionLookup: KeyedTemplateObject {
    let lookup: (Section) -> TemplateValue
    init(_ lookup: @escaping (Section) -> TemplateValue) { self.lookup = lookup }
    func value(_ key: TemplateKey) -> TemplateValue { Section(rawValue: key.rawValue).map(lookup) ?? .none }
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
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .root: .init(root)
        case .feedHref: .init(feedHref)
        case .footerPages: .init(footerPages)
        case .publisherName: .init(publisherName)
        case .publisherAddress: .init(publisherAddress)
        case .publisherPhone: .init(publisherPhone)
        case .publisherTel: .init(publisherTel)
        case .publisherEmail: .init(publisherEmail)
        case .publisherUrl: .init(publisherURL)
        case .bulletinName: .init(bulletinName)
        default: .none
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
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .label: .init(label)
        case .datetime: .init(datetime)
        default: .none
        }
    }
}
