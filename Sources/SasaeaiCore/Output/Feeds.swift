/// Atom feed of bulletins and the sitemap. Dates come from content, never from the clock,
/// so the same content always gives the same bytes.
enum Feeds {
    /// A feed reader wants what is new: the latest issues only, so the feed stays small
    /// whatever the number of issues (older ones are on the site).
    static let latestIssues = 10

    /// The issues the feed carries, newest first.
    static func carried(_ content: SiteContent) -> ArraySlice<Bulletin> {
        content.bulletins.prefix(latestIssues)
    }

    /// A bulletin as the feed carries it: a calendar embed would put a quarter of the whole
    /// town's meetings into every reader's feed (megabytes for a prefecture), so it becomes a
    /// link to the issue's page, where the calendar is.
    static func forFeed(_ bulletin: Bulletin, content: SiteContent) -> Bulletin {
        let embeds = Embed.scan(bulletin.body, firstLine: bulletin.bodyFirstLine).filter { $0.kind == .calendar }
        guard !embeds.isEmpty else { return bulletin }
        let link = "[この号の行事カレンダーを見る](\(content.config.baseURL.resolve(Route.bulletin(bulletin.month.description).path)))"
        let body = Embed.replacing(embeds, in: bulletin.body) { _ in link }
        var copy = bulletin
        copy.body = body
        return copy
    }

    /// `renderedBulletins`: the HTML of the `carried` issues by month.
    static func atom(_ content: SiteContent, renderedBulletins: [String: String]) -> String {
        let base = content.config.baseURL
        let updated = content.bulletins.first.map { "\($0.date)T00:00:00+09:00" } ?? "\(content.asOf)T00:00:00+09:00"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(content.config.language))">
          <title>\(XMLText.escape(content.config.title)) \(XMLText.escape(content.config.bulletinName))</title>
          <id>\(XMLText.escape(base.absolute))</id>
          <link rel="alternate" type="text/html" href="\(XMLText.escape(base.resolve(Route.bulletins.path)))"/>
          <link rel="self" type="application/atom+xml" href="\(XMLText.escape(base.resolve(Route.feed.path)))"/>
          <updated>\(updated)</updated>
          <author><name>\(XMLText.escape(content.config.publisher.name ?? content.config.title))</name></author>

        """
        for bulletin in carried(content) {
            let url = base.resolve(Route.bulletin(bulletin.month.description).path)
            xml += """
              <entry>
                <title>\(XMLText.escape(bulletin.title))</title>
                <id>\(XMLText.escape(url))</id>
                <link rel="alternate" type="text/html" href="\(XMLText.escape(url))"/>
                <updated>\(bulletin.date)T00:00:00+09:00</updated>
                <content type="html">\(XMLText.escape(renderedBulletins[bulletin.month.description] ?? ""))</content>
              </entry>

            """
        }
        return xml + "</feed>\n"
    }

    static func sitemap(_ content: SiteContent, routes: [Route]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for route in routes.sorted() where route != .notFound {
            xml += "  <url><loc>\(XMLText.escape(content.config.baseURL.resolve(route.path)))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
