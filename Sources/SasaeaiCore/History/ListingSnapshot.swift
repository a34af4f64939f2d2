import Foundation
import SasaeaiSchedule

/// The listings as published with one issue, `content/history/<YYYY-MM>.json`.
///
/// The file is exactly the open data of `data/listings.json` at that time, so it follows the
/// listing field schema without a type of its own: a new public column appears in snapshots
/// (and in the changes between them) with no change here. Reading works on that JSON shape only
/// (an array of objects with an `id`), each field kept as the text a resident would read.
public struct ListingSnapshot: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let id: String
        /// Every public field with a value, as display text (lists joined with 、).
        public let fields: [String: String]

        public var name: String { fields["name"] ?? id }
        public var status: String { fields["status"] ?? ListingStatus.active.rawValue }
        public var districtName: String { fields["district_name"] ?? fields["district"] ?? "" }
        public var kindName: String { fields["kind"].flatMap { ListingKind(rawValue: $0)?.name } ?? fields["kind"] ?? "" }
    }

    /// In the order of the file (五十音順, as the site lists them).
    public let entries: [Entry]

    /// Every field some listing has a value for: what the field schema held when it was taken.
    public var fieldKeys: Set<String> { entries.reduce(into: []) { $0.formUnion($1.fields.keys) } }

    public struct Malformed: Error, CustomStringConvertible {
        public let description: String
    }

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Parses a snapshot file (or `data/listings.json`).
    public init(json text: String) throws {
        do {
            entries = try SnapshotJSON.entries(text)
        } catch let failure as SnapshotJSON.Failure {
            throw Malformed(description: failure.reason)
        }
    }

    /// The snapshot file's text for the listings as they are now: the same bytes as `data/listings.json`.
    static func json(of content: SiteContent) -> String {
        DataExport.json(DataExport.records(content, index: SiteIndex(content)))
    }

    /// The listings as they are now: what reading `json(of:)` back gives, taken from the
    /// export's records directly (writing and re-reading the whole town's JSON cost more than
    /// a second at 10,000 listings).
    public static func current(_ content: SiteContent) -> ListingSnapshot {
        current(content, index: SiteIndex(content))
    }

    static func current(_ content: SiteContent, index: SiteIndex) -> ListingSnapshot {
        ListingSnapshot(entries: DataExport.records(content, index: index).map { record in
            Entry(id: record.id, fields: record.values.compactMapValues { value in
                let text = switch value {
                case .text(let text): text
                case .list(let list): list.joined(separator: "、")
                case .number(let number): NSNumber(value: number).stringValue
                }
                return text.isEmpty ? nil : text
            })
        })
    }
}
