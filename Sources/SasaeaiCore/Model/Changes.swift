import SasaeaiInput
import SasaeaiSchedule

/// What changed between two issues: listings new, resumed, paused, ended and removed, and the
/// fields edited in the listings that stayed.
///
/// Read from two snapshots when the earlier issue has one (content/history/): then an edited
/// weekday, venue or fee and a deleted row show. Without one, only the listings' own dates can
/// tell: a `since` in the period is new, an `until` in it paused or ended, an `updated` in it
/// after an earlier `until` resumed.
public struct Changes: Sendable {
    public struct FieldChange: Sendable, Equatable {
        /// The field's key in data/listings.json (schedule, venue, fee …).
        public let key: String
        /// Its Japanese name (開催日時, 会場, 参加費 …).
        public let label: String
        public let before: String?
        public let after: String?
    }

    public struct Edited: Sendable {
        public let listing: ListingSnapshot.Entry
        public let fields: [FieldChange]
    }

    public enum Basis: Sendable, Equatable {
        /// Between the snapshot of this issue and a later one (or the listings now).
        case snapshot(YearMonth)
        /// From the listings' dates, after this day (nil: from the beginning).
        case dates(LocalDate?)
    }

    public var basis: Basis
    public var new: [ListingSnapshot.Entry] = []
    public var resumed: [ListingSnapshot.Entry] = []
    public var paused: [ListingSnapshot.Entry] = []
    public var ended: [ListingSnapshot.Entry] = []
    public var removed: [ListingSnapshot.Entry] = []
    public var edited: [Edited] = []

    public var isEmpty: Bool {
        new.isEmpty && resumed.isEmpty && paused.isEmpty && ended.isEmpty && removed.isEmpty && edited.isEmpty
    }

    /// The listings by what happened to them, in the order an issue tells it.
    public var groups: [(key: String, label: String, entries: [ListingSnapshot.Entry])] {
        [("new", "新しく始まった活動", new), ("resumed", "再開した活動", resumed), ("paused", "休止した活動", paused),
         ("ended", "終了した活動", ended), ("removed", "掲載を終えた活動", removed)]
    }

    public static let editedLabel = "内容が変わった活動"

    /// Fields a coordinator wants to see changed (`sasaeai changes`) but a resident does not
    /// (the bulletin): a map pin moved a few metres, a reading corrected.
    public static let notForResidents: Set<String> = ["lat", "lon", "kana"]

    /// Fields that are not the listing's own content: derived (rrules, district_name, the page
    /// URL that moves with base_url) or what the status groups already say.
    static let ignoredFields: Set<String> = ["page", "rrules", "district_name", "district_path", "district_path_names", "status", "since", "until", "updated"]

    /// Between the snapshot of `month` and `later`.
    public init(from old: ListingSnapshot, of month: YearMonth, to later: ListingSnapshot) {
        basis = .snapshot(month)
        let before = Dictionary(old.entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Set(later.entries.map(\.id))
        // A field only one side knows came or went with the field schema (a new column of the
        // spreadsheet), not with an edit: it would otherwise show every listing as changed.
        let shared = old.fieldKeys.intersection(later.fieldKeys)
        for entry in later.entries {
            guard let previous = before[entry.id] else {
                if entry.status != ListingStatus.ended.rawValue { new.append(entry) }
                continue
            }
            switch (previous.status, entry.status) {
            case let (was, now) where was == now: break
            case (_, ListingStatus.ended.rawValue): ended.append(entry)
            case (_, ListingStatus.paused.rawValue): paused.append(entry)
            case (_, ListingStatus.active.rawValue): resumed.append(entry)
            default: break
            }
            // An ended listing's other fields no longer matter to anyone.
            guard entry.status != ListingStatus.ended.rawValue else { continue }
            let fields = Self.fieldChanges(from: previous, to: entry).filter { shared.contains($0.key) }
            if !fields.isEmpty { edited.append(Edited(listing: entry, fields: fields)) }
        }
        // A row deleted after the listing had ended was told as ended in its own issue.
        removed = old.entries.filter { !after.contains($0.id) && $0.status != ListingStatus.ended.rawValue }
    }

    /// From the listings' dates: changes after `start` (exclusive) up to `end` (inclusive).
    /// `current` is the snapshot of `listings` (same order), which the result is told in.
    public init(_ listings: [Listing], current: ListingSnapshot, after start: LocalDate?, through end: LocalDate) {
        basis = .dates(start)
        let entries = Dictionary(current.entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func inPeriod(_ date: WrittenDate?) -> Bool {
            guard let day = date?.start else { return false }
            return day <= end && (start.map { day > $0 } ?? true)
        }
        for listing in listings {
            guard let entry = entries[listing.id] else { continue }
            switch listing.status {
            case .active:
                if inPeriod(listing.since) {
                    new.append(entry)
                } else if listing.until != nil, inPeriod(listing.updated) {
                    resumed.append(entry)
                }
            case .paused where inPeriod(listing.until): paused.append(entry)
            case .ended where inPeriod(listing.until): ended.append(entry)
            default: break
            }
        }
    }

    static func fieldChanges(from old: ListingSnapshot.Entry, to new: ListingSnapshot.Entry) -> [FieldChange] {
        let keys = Set(old.fields.keys).union(new.fields.keys).subtracting(ignoredFields)
        return keys.sorted { order($0) < order($1) }.compactMap { key in
            let before = old.fields[key], after = new.fields[key]
            guard before != after else { return nil }
            return FieldChange(key: key, label: label(key), before: before, after: after)
        }
    }

    /// The column's Japanese name from the field schema; an unknown key is shown as it is.
    static func label(_ key: String) -> String {
        ListingColumn(rawValue: key)?.label ?? key
    }

    /// Fields in the order of the spreadsheet's columns, unknown ones after them by name.
    private static func order(_ key: String) -> (Int, String) {
        (ListingColumn.allCases.firstIndex { $0.rawValue == key } ?? Int.max, key)
    }
}

extension Changes {
    /// What issue `position` of `content.bulletins` (newest first) reports: from the previous
    /// issue's snapshot to this issue's own, or to the listings now when neither it nor a later
    /// issue has one (the issue being written, or just published). Otherwise from the dates: an
    /// old issue is never told in today's listings.
    public static func forIssue(at position: Int, in content: SiteContent, current: ListingSnapshot) -> Changes {
        let bulletin = content.bulletins[position]
        let previous = content.bulletins.dropFirst(position + 1).first
        let laterRecorded = content.bulletins[..<position].contains { content.history[$0.month] != nil }
        if let previous, let old = content.history[previous.month],
           let new = content.history[bulletin.month] ?? (laterRecorded ? nil : current) {
            return Changes(from: old, of: previous.month, to: new)
        }
        return Changes(content.listings, current: current, after: previous?.date, through: bulletin.date)
    }

    /// What changed since issue `month` up to the listings now (`sasaeai changes --since`).
    /// Nil when that issue has no snapshot: the caller says so.
    public static func since(_ month: YearMonth, in content: SiteContent, current: ListingSnapshot) -> Changes? {
        content.history[month].map { Changes(from: $0, of: month, to: current) }
    }
}
