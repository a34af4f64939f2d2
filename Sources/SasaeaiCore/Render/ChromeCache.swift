/// The site header (with its navigation) and footer are the same on every page of one folder
/// depth and section, so they are rendered once for each and pasted into the pages.
struct ChromeCache: Sendable {
    private let headers: [String: String]
    private let footers: [String: String]

    init(renderer: PageRenderer, pages: [PageSpec]) {
        var headers: [String: String] = [:]
        var footers: [String: String] = [:]
        for spec in pages {
            let root = renderer.root(of: spec)
            let section = renderer.section(of: spec)
            let key = root + "\u{0}" + section.rawValue
            if headers[key] == nil { headers[key] = renderer.renderHeader(root: root, section: section) }
            if footers[root] == nil { footers[root] = renderer.renderFooter(root: root) }
        }
        self.headers = headers
        self.footers = footers
    }

    func header(root: String, section: Section) -> String? { headers[root + "\u{0}" + section.rawValue] }
    func footer(root: String) -> String? { footers[root] }
}
