import Foundation
import SasaeaiInput
import SasaeaiSchedule

/// The paper edition: one self-contained HTML document (styles inlined, no script, no site
/// navigation) for a paged-media engine to lay out on A4.
///
/// It is rendered from `templates/print/`: `print/bulletin` and `print/district` are the
/// documents, `print/print.css` their style, and a template under `print/partials/` takes the
/// place of the site's partial of the same name (a calendar laid out for paper, say), so the
/// embeds of a bulletin body come out in their paper form without a second renderer.
public enum PrintEdition {
    public enum Target: Sendable, Equatable {
        case bulletin(YearMonth)
        case district(String)
    }

    /// The document's HTML, or nil with an error saying why (unknown issue or district, broken templates).
    /// `contentDisplay` is the content folder as the user named it, for messages.
    public static func html(_ target: Target, content: SiteContent, templates folder: Folder, contentDisplay: String = "content",
                            into diagnostics: inout [Diagnostic]) -> String? {
        guard let site = TemplateSet.load(from: folder.url, displayPath: folder.display, into: &diagnostics) else { return nil }
        guard let css = try? String(contentsOf: folder.url.appendingPathComponent("print/print.css"), encoding: .utf8) else {
            diagnostics.append(Diagnostic(.missingTemplate, "紙の版のスタイル print/print.css がありません",
                                          at: SourceLocation(file: folder.display + "/print/print.css")))
            return nil
        }
        let templates = paper(site)
        for name in ["print/bulletin", "print/district"] where templates.library.template(named: name) == nil {
            diagnostics.append(Diagnostic(.missingTemplate, "テンプレート「\(name).mustache」がありません",
                                          at: SourceLocation(file: folder.display + "/" + name + ".mustache")))
            return nil
        }
        let index = SiteIndex(content)
        let renderer = PageRenderer(content: content, index: index, templates: templates,
                                    markdown: Markdown(allowsRawHTML: content.config.unsafeHTML))
        // Links point at the published site, never at a preview server: the PDF is handed out.
        let root = content.config.baseURL.absolute
        let masthead = masthead(content, css: css)
        switch target {
        case .bulletin(let month):
            guard let bulletin = content.bulletins.first(where: { $0.month == month }) else {
                let known = content.bulletins.map(\.month.description).joined(separator: "、")
                diagnostics.append(Diagnostic(.unknownPrintTarget,
                    "\(month) 号の会報がありません（あるのは \(known.isEmpty ? "なし" : known)）。下書きなら --drafts をつけてください",
                    at: SourceLocation(file: "\(contentDisplay)/bulletins/\(month).md")))
                return nil
            }
            return templates.render("print/bulletin", PrintBulletinData(
                masthead: masthead, title: bulletin.title, number: renderer.bulletinNumber(bulletin),
                date: templates.labels.text(.bulletinIssued, [.date: templates.labels.date(.day(bulletin.date))]), draft: bulletin.draft,
                bodyHTML: BulletinBody(renderer: renderer, root: root).html(bulletin)))
        case .district(let id):
            guard let position = index.districtsByID[id] else {
                diagnostics.append(Diagnostic(.unknownPrintTarget,
                    "地区「\(id)」がありません（あるのは \(content.districts.map(\.id).joined(separator: "、"))）",
                    at: SourceLocation(file: "\(contentDisplay)/districts/\(id).md")))
                return nil
            }
            return templates.render("print/district", districtView(content.districts[position], masthead: masthead, renderer: renderer, root: root))
        }
    }

    /// The site's templates with `print/partials/X` registered as `partials/X`.
    static func paper(_ site: TemplateSet) -> TemplateSet {
        var library = site.library
        let prefix = "print/partials/"
        for name in site.names where name.hasPrefix(prefix) {
            if let template = library.template(named: name) {
                library.register(template, named: "partials/" + name.dropFirst(prefix.count))
            }
        }
        return TemplateSet(library: library, folder: site.folder, assets: site.assets, labels: site.labels, names: site.names)
    }

    static func masthead(_ content: SiteContent, css: String) -> MastheadData {
        let publisher = content.config.publisher
        return MastheadData(siteTitle: content.config.title, bulletinName: content.config.bulletinName,
                            publisherName: publisher.name, publisherAddress: publisher.address,
                            publisherPhone: publisher.phone, publisherEmail: publisher.email,
                            siteURL: content.config.baseURL.absolute, css: css)
    }

    /// A district's listings for 民生委員 and home visits: each with when, where, fee, contact
    /// and its meeting days this quarter.
    static func districtView(_ district: District, masthead: MastheadData, renderer: PageRenderer, root: String) -> PrintDistrictData {
        let content = renderer.content
        let months = Array(Quarters.months(for: content).prefix(3))
        // A municipality's sheet (a district with districts below it) holds its districts' listings too;
        // each card names its own district.
        let members = (renderer.index.underDistrict[district.id] ?? []).filter { content.listings[$0].isListed }
        let listings = members.map { i -> PrintListing in
            let listing = content.listings[i]
            let days = renderer.calendars.upcoming(listing, from: content.asOf, months: months).map(\.label)
            return PrintListing(card: renderer.listings.card(listing, root: root), address: listing.address,
                                upcoming: days.isEmpty ? nil : days.joined(separator: "、"))
        }
        return PrintDistrictData(
            masthead: masthead,
            title: renderer.labels.text(.printDistrictTitle, [.district: district.name]),
            districtName: district.name,
            coordinator: district.coordinator,
            date: renderer.labels.text(.printAsOf, [.date: renderer.labels.date(.day(content.asOf))]),
            quarter: renderer.labels.text(.printQuarter, [.from: DateText.month(months[0]), .to: DateText.month(months[months.count - 1])]),
            listings: listings)
    }
}
