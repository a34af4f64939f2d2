/// A listing's card is the same HTML on every index page at the same folder depth, and a town
/// shows each card on half a dozen pages (district, kind, categories, audiences, weekdays), so
/// cards are rendered once per depth before the pages, not once per page.
struct CardCache: Sendable {
    struct Key: Hashable, Sendable {
        let root: String
        let finder: Bool
    }

    private let html: [Key: [String]]

    /// The depths index pages live at: `districts/<id>/` and the like, and `listings/`.
    static let keys = [Key(root: "../../", finder: false), Key(root: "../", finder: true)]

    init(renderer: PageRenderer) {
        var html: [Key: [String]] = [:]
        for key in Self.keys {
            html[key] = ParallelMap.map(renderer.index.listed) { renderer.renderCard($0, root: key.root, finder: key.finder) }
        }
        self.html = html
    }

    /// The card for the listing at `position` in `SiteIndex.listed`, if it was pre-rendered.
    func card(position: Int, root: String, finder: Bool) -> String? {
        html[Key(root: root, finder: finder)]?[position]
    }
}
