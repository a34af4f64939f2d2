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
    public var coordinate: Coordinate?
    public var url: String?
    public var status: ListingStatus
    public var since: WrittenDate?
    public var until: WrittenDate?
    public var updated: WrittenDate?
    /// The other fields of the schema, checked, as written (trimmed). Keyed by field key
    /// (`ListingSchema`); a field left empty has no entry.
    public var texts: [String: String]
    public var extras: [ExtraField]
    /// Markdown from `listings/<id>.md`.
    public var body: String?
    public var source: SourceLocation

    /// Paused listings still appear in indexes (with a badge); ended ones do not.
    public var isListed: Bool { status != .ended }

    subscript(_ column: ListingColumn) -> String? { texts[column.rawValue] }

    /// Where to go: the venue with its building (方書), as residents read it.
    public var venue: String? {
        let parts = [texts[ListingColumn.venue.rawValue], texts[ListingColumn.building.rawValue]].compactMap { $0 }
        var unique: [String] = []
        for part in parts where !unique.contains(where: { $0.contains(part) }) { unique.append(part) }
        return unique.isEmpty ? nil : unique.joined(separator: "　")
    }
    public var address: String? { texts[ListingColumn.address.rawValue] }
    /// The fee as one text: the fee column, else the fees per age group and their note.
    public var fee: String? {
        if let fee = texts[ListingColumn.fee.rawValue] { return fee }
        let ages: [(ListingColumn, String)] = [(.feeInfant, "幼児"), (.feeElementary, "小学生"), (.feeJuniorHigh, "中学生"), (.feeHighSchool, "高校生"), (.feeAdult, "大人")]
        var parts = ages.compactMap { column, age in texts[column.rawValue].flatMap(FieldFormat.fee).map { "\(age) \($0)" } }
        if let note = texts[ListingColumn.feeNote.rawValue] { parts.append(note) }
        return parts.isEmpty ? nil : parts.joined(separator: "・")
    }
    public var capacity: String? { texts[ListingColumn.capacity.rawValue] }
    public var contact: String? { texts[ListingColumn.contact.rawValue] }
    public var summary: String? { texts[ListingColumn.summary.rawValue] }
    public var barrierFree: String? { texts[ListingColumn.barrierFree.rawValue] }
    public var transport: String? { texts[ListingColumn.transport.rawValue] }
    public var notes: String? { texts[ListingColumn.notes.rawValue] }
}

extension Listing {
    /// Whether the listing gets its own .ics: pages (Render) and the calendar files (Output)
    /// ask the model, so a page links only to a file that exists.
    var hasCalendar: Bool {
        status == .active && schedule?.kind == .structured && !(schedule?.rules.isEmpty ?? true)
    }
}
