import Foundation
import SasaeaiInput

/// The site's own search index. Japanese has no spaces between words, so instead of a
/// word index (which needs a segmenter) every entry carries one normalised text and the page
/// matches query terms as substrings: 体操 is found inside いきいき体操クラブ, a reading typed in
/// katakana matches one written in hiragana, and ｻﾛﾝ matches サロン. `assets/search.js`
/// normalises queries with the same rules as `SearchIndex.fold`.
enum SearchIndex {
    struct Entry: Encodable {
        let title: String
        let url: String
        let type: String
        let detail: String
        let text: String

        enum CodingKeys: String, CodingKey {
            case title = "t", url = "u", type = "k", detail = "d", text = "x"
        }
    }

    /// NFKC (widths, half-width katakana), katakana → hiragana, lowercase, no spaces.
    static func fold(_ text: String) -> String {
        let compatible = text.precomposedStringWithCompatibilityMapping.lowercased()
        var out = String.UnicodeScalarView()
        for scalar in TextNormalization.hiragana(compatible).unicodeScalars where !scalar.properties.isWhitespace {
            out.append(scalar)
        }
        return String(out)
    }

    static func entries(_ content: SiteContent, index: SiteIndex, bulletinText: (Bulletin) -> String) -> [Entry] {
        var entries: [Entry] = []
        for i in index.listed {
            let listing = content.listings[i]
            let district = index.districtsByID[listing.districtID].map { content.districts[$0].name } ?? ""
            let terms = listing.categoryIDs.compactMap { index.categoryNames[$0] } + listing.audienceIDs.compactMap { index.audienceNames[$0] }
            let haystack = [listing.name, listing.kana, listing.kind.name, district, listing.schedule?.text, listing.body].compactMap { $0 }
                + terms + searchedTexts(listing)
            entries.append(Entry(
                title: listing.name, url: Route.listing(listing.id).path, type: listing.kind.name,
                detail: [district, listing.schedule?.text, listing.venue].compactMap { $0 }.joined(separator: "・"),
                text: fold(haystack.joined(separator: " "))))
        }
        for bulletin in content.bulletins {
            entries.append(Entry(title: bulletin.title, url: Route.bulletin(bulletin.month.description).path,
                                 type: content.config.bulletinName, detail: "\(bulletin.date.year)年\(bulletin.date.month)月",
                                 text: fold(bulletin.title + " " + bulletinText(bulletin))))
        }
        for page in content.pages {
            entries.append(Entry(title: page.title, url: Route.page(page.slug).path, type: "ページ", detail: "",
                                 text: fold(page.title + " " + page.body)))
        }
        return entries
    }

    /// The values of the schema's searched text fields (venue, address, summary, organiser …).
    static func searchedTexts(_ listing: Listing) -> [String] {
        ListingSchema.fields.filter { $0.outputs.contains(.search) }.compactMap { field in
            guard let text = listing[field.key], let shown = FieldFormat.display(field, text) else { return nil }
            // A flag that is set is found by its name (フードパントリー), not by 「あり」.
            return field.kind == .flag ? field.label : shown.value
        }
    }

    static func json(_ entries: [Entry]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(entries)) ?? Data("[]".utf8), as: UTF8.self) + "\n"
    }
}
