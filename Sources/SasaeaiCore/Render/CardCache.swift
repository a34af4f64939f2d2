/// A listing's card is the same HTML on every index page at the same folder depth, and a town
/// shows each card on half a dozen pages (district, kind, categories, audiences, weekdays), so
/// cards are rendered once per depth before the pages, not once per page.
struct CardCache: Sendable {
    struct Key: Hashable, Sendable {
        let root: String
        let finder: Bool
    }

    private let html: [Key: [String]]
    /// Each listed listing's card texts by id, also used by the listing and map pages.
    let texts: [String: CardTexts]

    /// The depths index pages live at: `districts/<id>/` and the like, and `listings/`.
    static let keys = [Key(root: "../../", finder: false), Key(root: "../", finder: true)]

    init(renderer: PageRenderer) {
        let view = renderer.listings
        let listed = renderer.index.listed
        let texts = ParallelMap.map(listed) { view.texts(renderer.content.listings[$0], forFinder: true) }
        self.texts = Dictionary(uniqueKeysWithValues: zip(listed.map { renderer.content.listings[$0].id }, texts))
        var withTexts = renderer
        withTexts.cards = CardCache(texts: self.texts)
        let renderer = withTexts
        var html: [Key: [String]] = [:]
        for key in Self.keys {
            html[key] = ParallelMap.map(renderer.index.listed) { renderer.renderCard($0, root: key.root, finder: key.finder) }
        }
        self.html = html
    }

    private init(texts: [String: CardTexts]) {
        html = [:]
        self.texts = texts
    }

    /// The card for the listing at `position` in `SiteIndex.listed`, if it was pre-rendered.
    func card(position: Int, root: String, finder: Bool) -> String? {
        html[Key(root: root, finder: finder)]?[position]
    }
}
