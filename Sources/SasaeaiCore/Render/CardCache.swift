import Synchronization

/// A listing's card is the same HTML on every index page at the same folder depth, and a town
/// shows each card on half a dozen pages (district, kind, categories, audiences, weekdays), so
/// each card is rendered once per depth, not once per page. Cards are rendered when a page
/// first asks for them: a rebuild that keeps most pages from the previous site renders only the
/// cards of the pages it makes.
final class CardCache: Sendable {
    struct Key: Hashable, Sendable {
        let root: String
        let finder: Bool
    }

    /// The depths index pages live at: `districts/<id>/` and the like, and `listings/`.
    static let keys = [Key(root: "../../", finder: false), Key(root: "../", finder: true)]

    /// One depth's cards by position in `SiteIndex.listed`, nil until rendered.
    private final class Slots: Sendable {
        let cards: Mutex<[String?]>
        init(count: Int) { cards = Mutex([String?](repeating: nil, count: count)) }
    }

    private let renderer: PageRenderer
    private let html: [Key: Slots]

    init(renderer: PageRenderer) {
        self.renderer = renderer
        html = Dictionary(uniqueKeysWithValues: Self.keys.map { ($0, Slots(count: renderer.index.listed.count)) })
    }

    /// The card for the listing at `position` in `SiteIndex.listed`, if this depth is cached.
    /// Two threads asking for the same new card may both render it; they get the same bytes.
    func card(position: Int, root: String, finder: Bool) -> String? {
        guard let slots = html[Key(root: root, finder: finder)] else { return nil }
        if let cached = slots.cards.withLock({ $0[position] }) { return cached }
        let made = renderer.renderCard(renderer.index.listed[position], root: root, finder: finder)
        slots.cards.withLock { $0[position] = made }
        return made
    }
}
