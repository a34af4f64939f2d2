import Synchronization

/// A listing's card is the same HTML on every index page at the same folder depth, and a town
/// shows each card on half a dozen pages (district, kind, categories, audiences, weekdays), so
/// each card is rendered once per depth, not once per page; its costly texts (`CardTexts`) are
/// worked out once per listing and shared with the listing and map pages. Both are made when a
/// page first asks for them: a rebuild that keeps most pages from the previous site makes only
/// the cards of the pages it renders.
final class CardCache: Sendable {
    struct Key: Hashable, Sendable {
        let root: String
        let finder: Bool
    }

    /// The depth index pages live at: `districts/<id>/` and the like. The listings index's
    /// cards (with the finder's data) each appear on one page only, so none is kept: at
    /// 100,000 listings they were 200 MB held for nothing.
    static let keys = [Key(root: "../../", finder: false)]

    /// One depth's cards by position in `SiteIndex.listed`, nil until rendered.
    private final class Slots: Sendable {
        let cards: Mutex<[String?]>
        init(count: Int) { cards = Mutex([String?](repeating: nil, count: count)) }
    }

    /// Renders without this cache: what a card or its texts are made from.
    private let renderer: PageRenderer
    private let html: [Key: Slots]
    private let texts = Mutex<[String: CardTexts]>([:])

    init(renderer: PageRenderer) {
        self.renderer = renderer
        html = Dictionary(uniqueKeysWithValues: Self.keys.map { ($0, Slots(count: renderer.index.listed.count)) })
    }

    /// The card for the listing at `position` in `SiteIndex.listed`, if this depth is cached.
    /// Two threads asking for the same new card may both render it; they get the same bytes.
    func card(position: Int, root: String, finder: Bool, with cached: PageRenderer) -> String? {
        guard let slots = html[Key(root: root, finder: finder)] else { return nil }
        if let known = slots.cards.withLock({ $0[position] }) { return known }
        let made = cached.renderCard(cached.index.listed[position], root: root, finder: finder)
        slots.cards.withLock { $0[position] = made }
        return made
    }

    /// A listing's card texts, with the finder's text (a superset of what any card shows).
    func texts(of listing: Listing) -> CardTexts {
        if let known = texts.withLock({ $0[listing.id] }) { return known }
        let made = renderer.listings.texts(listing, forFinder: true)
        texts.withLock { $0[listing.id] = made }
        return made
    }
}
