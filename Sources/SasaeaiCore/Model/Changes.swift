import SasaeaiInput
import SasaeaiSchedule

/// What changed between two issues, read from the listings' own dates: a listing whose
/// `since` falls in the period is new; one whose `until` falls in it paused or ended; a listing
/// active again whose `updated` falls in it after an earlier `until` has resumed.
public struct Changes: Sendable {
    public var new: [Int] = []
    public var paused: [Int] = []
    public var resumed: [Int] = []
    public var ended: [Int] = []

    public var isEmpty: Bool { new.isEmpty && paused.isEmpty && resumed.isEmpty && ended.isEmpty }

    /// Changes after `start` (exclusive) up to `end` (inclusive), as indexes into `listings`.
    public init(_ listings: [Listing], after start: LocalDate?, through end: LocalDate) {
        func inPeriod(_ date: WrittenDate?) -> Bool {
            guard let day = date?.start else { return false }
            return day <= end && (start.map { day > $0 } ?? true)
        }
        for (i, listing) in listings.enumerated() {
            switch listing.status {
            case .active:
                if inPeriod(listing.since) {
                    new.append(i)
                } else if listing.until != nil, inPeriod(listing.updated) {
                    resumed.append(i)
                }
            case .paused where inPeriod(listing.until): paused.append(i)
            case .ended where inPeriod(listing.until): ended.append(i)
            default: break
            }
        }
    }
}
