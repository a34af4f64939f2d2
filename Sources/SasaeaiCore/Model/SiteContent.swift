import Foundation
import SasaeaiSchedule

/// The whole content, checked and ordered: what every later stage reads.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    /// In `order`, then id.
    public var districts: [District]
    /// All listings including ended ones, in 五十音順 of their reading.
    public var listings: [Listing]
    /// Newest first; drafts only when asked for.
    public var bulletins: [Bulletin]
    public var pages: [Page]
    public var staticFiles: [String]
    /// `content/static/`, where those files are copied from.
    public var staticRoot: URL
    /// The date "this quarter" and "new since" are computed from.
    public var asOf: LocalDate
    /// `content/history/`: the listings as published with each issue.
    public var history: [YearMonth: ListingSnapshot] = [:]
}
