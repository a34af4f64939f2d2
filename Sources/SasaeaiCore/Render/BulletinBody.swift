/// A bulletin's Markdown with its embeds. Each embed is swapped for a placeholder paragraph
/// before cmark runs, so Markdown around it keeps its structure, then replaced by its HTML.
struct BulletinBody {
    let renderer: PageRenderer
    let root: String

    /// Linear in the body's length whatever the number of embeds: the embeds are cut out in one
    /// pass over the Markdown and their HTML put back in one pass over cmark's output.
    func html(_ bulletin: Bulletin) -> String {
        let body = bulletin.body
        let embeds = Embed.scan(body, firstLine: bulletin.bodyFirstLine)
        var text = ""
        text.reserveCapacity(body.utf8.count + embeds.count * 32)
        var cursor = body.startIndex
        for (n, embed) in embeds.enumerated() {
            text += body[cursor..<embed.range.lowerBound]
            text += "\n\n\(Self.markerPrefix)\(n)\(Self.markerSuffix)\n\n"
            cursor = embed.range.upperBound
        }
        text += body[cursor...]
        let markdown = renderer.markdown.html(text)
        guard !embeds.isEmpty else { return markdown }
        return Self.substituteMarkers(in: markdown) { html(of: embeds[$0], in: bulletin) }
    }

    private static let markerPrefix = "SASAEAI-EMBED-"
    private static let markerSuffix = "-X"

    /// Replaces each `<p>SASAEAI-EMBED-n-X</p>` that cmark made of a marker with `replacement(n)`,
    /// scanning the HTML once.
    static func substituteMarkers(in html: String, replacement: (Int) -> String) -> String {
        let open = "<p>" + markerPrefix, close = markerSuffix + "</p>"
        var result = ""
        result.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let start = rest.range(of: open) {
            let digits = rest[start.upperBound...].prefix { $0.isASCII && $0.isNumber }
            guard let n = Int(digits), rest[digits.endIndex...].hasPrefix(close) else {
                result += rest[..<start.upperBound]
                rest = rest[start.upperBound...]
                continue
            }
            result += rest[..<start.lowerBound]
            result += replacement(n)
            rest = rest[rest.index(digits.endIndex, offsetBy: close.count)...]
        }
        result += rest
        return result
    }

    private func html(of embed: Embed, in bulletin: Bulletin) -> String {
        switch embed.kind {
        case .listing(let id):
            guard let i = renderer.index.listingsByID[id] else { return "" }
            return renderer.cardHTML(i, root: root)
        case .stats:
            return renderer.templates.render("partials/stats", statsView())
        case .changes:
            return renderer.templates.render("partials/changes", changesView(for: bulletin))
        case .calendar:
            let linked = Set(Quarters.months(for: content))
            return renderer.templates.render("partials/quarter-calendar", renderer.calendars.quarter(bulletin.quarter, linking: linked, root: root))
        case .unknown:
            return ""
        }
    }
}

import Foundation

extension BulletinBody {
    private var content: SiteContent { renderer.content }

    func statsView() -> StatsData {
        let stats = Statistics(content)
        return StatsData(
            kinds: ListingKind.allCases.map { IDName(id: $0.rawValue, name: $0.name) },
            rows: stats.rows.map { row in
                StatsRow(name: row.districtName, href: root + Route.district(row.districtID).path,
                         counts: row.byKind.map(CountCell.init), total: row.total)
            },
            totals: stats.kindTotals.map(CountCell.init),
            categories: stats.categories.map { CategoryCount(name: $0.term.name, href: root + Route.category($0.term.id).path, count: $0.count) },
            total: stats.total,
            figures: stats.reportedFigures.map { FigureChart($0, stats: stats) })
    }

    /// Changes since the previous issue (bulletins are newest first).
    func changesView(for bulletin: Bulletin) -> ChangesData {
        let position = content.bulletins.firstIndex { $0.month == bulletin.month } ?? 0
        let changes = renderer.issueChanges?.value[position]
            ?? Changes.forIssue(at: position, in: content, current: ListingSnapshot.current(content, index: renderer.index))
        return Self.changesView(changes, content: content, index: renderer.index, labels: renderer.labels, root: root)
    }

    /// Shared by the site and the paper edition. A listing still in the content links to its
    /// page; a removed one is named only.
    static func changesView(_ changes: Changes, content: SiteContent, index: SiteIndex, labels: Labels, root: String) -> ChangesData {
        let none = labels[.changeNone]
        func item(_ entry: ListingSnapshot.Entry, fields: [ChangedField] = []) -> ChangedListing {
            ChangedListing(name: entry.name, districtName: entry.districtName, kindName: entry.kindName,
                           href: index.listingsByID[entry.id] != nil ? root + Route.listing(entry.id).path : nil, fields: fields)
        }
        var groups = changes.groups.filter { !$0.entries.isEmpty }.map { ChangeGroup(label: $0.label, listings: $0.entries.map { item($0) }) }
        let edited = changes.edited.compactMap { edited -> ChangedListing? in
            let fields = edited.fields.filter { !Changes.notForResidents.contains($0.key) }
            guard !fields.isEmpty else { return nil }
            return item(edited.listing, fields: fields.map { ChangedField(label: $0.label, before: $0.before ?? none, after: $0.after ?? none) })
        }
        if !edited.isEmpty { groups.append(ChangeGroup(label: Changes.editedLabel, listings: edited)) }
        return ChangesData(groups: groups)
    }
}
