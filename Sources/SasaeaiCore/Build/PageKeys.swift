/// What each page is made from, as one digest, recorded in the site's manifest: a later build
/// that finds the same key for a page links the page from the previous site instead of rendering
/// it, so changing one listing renders the pages that show it and not the rest.
///
/// A key is everything outside the listings (the content and templates folders without
/// `listings/`, the options, the `sasaeai` binary), the shape of the listing set (which listings
/// exist, where, of what kind and status: it decides which pages exist and what they link), and
/// the digests of the listings the page reads (`PageRenderer.reads(_:)`).
struct PageKeys: Sendable {
    private let base: String
    private let listings: [String]
    private let everyListing: String

    /// nil when the inputs outside the listings cannot be fingerprinted reliably (see
    /// `InputFingerprint`): every page is then rendered.
    init?(_ content: SiteContent, inputsOutsideListings: String?) {
        guard let inputsOutsideListings else { return nil }
        listings = ParallelMap.map(content.listings) { StableDigest.of($0) }
        var base = StableDigest()
        base.add("sasaeai-page-keys-1")
        base.add(inputsOutsideListings)
        base.add(content.asOf.description)
        base.add(String(content.listings.count))
        for listing in content.listings {
            base.add(listing.id)
            base.add(listing.districtID)
            base.add(listing.kind.rawValue)
            base.add(listing.status.rawValue)
        }
        self.base = base.hex
        var all = StableDigest()
        for digest in listings { all.add(digest) }
        everyListing = all.hex
    }

    /// What the parts of one index share: the order of the whole index and what else it shows
    /// of every listing. Made once per index (at 100k, the listings index has 200 parts).
    func shared(_ reads: PageRenderer.Reads) -> String {
        var digest = StableDigest()
        digest.add(reads.order.map(String.init).joined(separator: ","))
        digest.add(reads.summary)
        return digest.hex
    }

    /// The key of a page that reads `reads` (nil: every listing), `shared` being
    /// `shared(reads)`. A split index's part is keyed by the order of the whole index (which
    /// listing sits where) and the content of the listings it shows, so an edit re-renders the
    /// part that shows the listing, not its siblings.
    func key(page path: String, reading reads: PageRenderer.Reads?, shared: String?) -> String {
        var digest = StableDigest()
        digest.add(base)
        digest.add(path)
        if let reads {
            digest.add(shared ?? self.shared(reads))
            for i in reads.shown { digest.add(listings[i]) }
        } else {
            digest.add(everyListing)
        }
        return digest.hex
    }
}
