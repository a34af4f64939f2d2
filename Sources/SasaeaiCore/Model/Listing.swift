import SasaeaiInput
import SasaeaiSchedule

/// A field kept from a column Sasaeai does not know: shown on the listing's page as is.
public struct ExtraField: Sendable, Hashable {
    public let label: String
    public let value: String
}

/// One salon, place or group, checked: every value here is valid and public.
/// Private columns never reach this type, which is how they never reach the output.
public struct Listing: Sendable {
    public let id: String
    public var name: String
    public var kana: String
    public var kind: ListingKind
    public var districtID: String
    public var categoryIDs: [String]
    public var audienceIDs: [String]
    public var schedule: Schedule?
    public var venue: String?
    public var address: String?
    public var coordinate: Coordinate?
    public var fee: String?
    public var capacity: String?
    public var contact: String?
    public var url: String?
    public var status: ListingStatus
    public var since: WrittenDate?
    public var until: WrittenDate?
    public var updated: WrittenDate?
    public var summary: String?
    public var barrierFree: String?
    public var transport: String?
    public var notes: String?
    public var extras: [ExtraField]
    /// Markdown from `listings/<id>.md`.
    public var body: String?
    public var source: SourceLocation

    /// Paused listings still appear in indexes (with a badge); ended ones do not.
    public var isListed: Bool { status != .ended }
}
