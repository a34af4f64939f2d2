/// A bulletin's Markdown with its embeds. Each embed is swapped for a placeholder paragraph
/// before cmark runs, so Markdown around it keeps its structure, then replaced by its HTML.
struct BulletinBody {
    let renderer: PageRenderer
    let root: String

    func html(_ bulletin: Bulletin) -> String {
        let embeds = Embed.scan(bulletin.body, firstLine: bulletin.bodyFirstLine)
        var text = bulletin.body
        var replacements: [(String, String)] = []
        for (n, embed) in embeds.enumerated() {
            let marker = "SASAEAI-EMBED-\(n)-X"
            if let range = text.range(of: embed.text) {
                text.replaceSubrange(range, with: "\n\n\(marker)\n\n")
            }
            replacements.append((marker, html(of: embed, in: bulletin)))
        }
        var html = renderer.markdown.html(text)
        for (marker, embedded) in replacements {
            html = html.replacingOccurrences(of: "<p>\(marker)</p>", with: embedded)
        }
        return html
    }

    private func html(of embed: Embed, in bulletin: Bulletin) -> String {
        switch embed.kind {
        case .listing(let id):
            guard let i = renderer.index.listingsByID[id] else { return "" }
            let card = renderer.listings.card(renderer.content.listings[i], root: root)
            return renderer.templates.render("partials/listing-card", card)
        case .calendar, .changes, .stats, .unknown:
            return ""
        }
    }
}

import Foundation
