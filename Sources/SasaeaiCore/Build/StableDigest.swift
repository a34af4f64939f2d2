import SasaeaiInput
import SasaeaiSchedule

/// A 128-bit FNV-1a digest of values that is the same in every process, unlike `Hasher`
/// (seeded per process) — what a page's inputs are remembered by between builds.
///
/// `add(value:)` walks any value's stored properties by reflection, so a property added to a
/// model type later is part of the digest with no change here: a page can never be kept
/// because its digest forgot what it shows. Dictionaries and sets are added in an order of their
/// own (the digests of their entries, sorted), since their iteration order changes per process.
/// Not for security: a coordinator's own content is not an adversary of their build.
struct StableDigest {
    private static let prime: UInt128 = (1 << 88) | 0x13B
    private var state: UInt128 = 0x6C62_272E_07BB_0142_62B8_2175_6295_C58D

    mutating func add(bytes: some Sequence<UInt8>) {
        for byte in bytes {
            state = (state ^ UInt128(byte)) &* Self.prime
        }
    }

    /// Text ends with a byte UTF-8 never holds, so "ab"+"c" and "a"+"bc" differ.
    mutating func add(_ text: String) {
        add(bytes: text.utf8)
        add(bytes: CollectionOfOne(0xFF))
    }

    mutating func add(_ digest: StableDigest) {
        add(digest.hex)
    }

    mutating func add(value: Any) {
        // The common leaves first: reflecting on every string and number is what made the
        // digest of a 10,000-listing town cost a second and a half.
        switch value {
        case let text as String: add(text)
        case let number as Int: add(String(number))
        case let flag as Bool: add(flag ? "true" : "false")
        case let number as Double: add(number.description)
        case let listing as Listing: add(listing: listing)
        case let schedule as Schedule:
            // A schedule is parsed from its text, its 開始/終了 and the as-of date (part of every
            // page's key): those are what it is, and reflecting on its rules cost most of a digest.
            add("Schedule")
            add(schedule.text)
            add(schedule.since?.description ?? "-")
            add(schedule.until?.description ?? "-")
        case let texts as [String]:
            add(String(texts.count))
            for text in texts { add(text) }
        case let fields as [String: String]:
            // Listings keep their fields in one: sorted keys instead of one sub-digest per entry.
            add(String(fields.count))
            for key in fields.keys.sorted() {
                add(key)
                add(fields[key]!)
            }
        default: add(reflecting: value)
        }
    }

    /// The stored properties of `Listing`, in the order `add(listing:)` adds them. Reflecting on
    /// every listing cost most of a 10,000-listing town's page keys; a test compares this list
    /// with the type's own properties, so one added later cannot be left out of the digest.
    static let listingProperties = ["id", "name", "kana", "kind", "districtID", "categoryIDs", "audienceIDs",
                                    "schedule", "coordinate", "url", "status", "since", "until", "updated",
                                    "texts", "extras", "body", "source"]

    private mutating func add(listing: Listing) {
        add("Listing")
        for text in [listing.id, listing.name, listing.kana, listing.kind.rawValue, listing.districtID] { add(text) }
        add(value: listing.categoryIDs)
        add(value: listing.audienceIDs)
        if let schedule = listing.schedule { add(value: schedule) } else { add("-") }
        if let coordinate = listing.coordinate {
            add(coordinate.latitude.description)
            add(coordinate.longitude.description)
        } else {
            add("-")
        }
        add(listing.url ?? "-")
        add(listing.status.rawValue)
        for date in [listing.since, listing.until, listing.updated] { add(date.map(Self.written) ?? "-") }
        add(value: listing.texts)
        add(String(listing.extras.count))
        for extra in listing.extras {
            add(extra.label)
            add(extra.value)
        }
        add(listing.body ?? "-")
        add(listing.source.file)
        add(listing.source.sheet ?? "-")
        add(String(listing.source.line))
        add(String(listing.source.column))
    }

    /// The form as well as the date: 2016年度 and 2016年4月 share their ISO text.
    private static func written(_ date: WrittenDate) -> String {
        switch date {
        case .day: "d" + date.iso
        case .month: "m" + date.iso
        case .year: "y" + date.iso
        case .fiscalYear: "f" + date.iso
        }
    }

    /// Structure is told by the property labels and counts; a type name is added only where the
    /// same place could hold values of different types (an enum's cases, an existential).
    private mutating func add(reflecting value: Any) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary?, .set?:
            let entries = mirror.children.map { child -> String in
                var entry = StableDigest()
                entry.add(value: child.value)
                return entry.hex
            }
            add(String(entries.count))
            for entry in entries.sorted() { add(entry) }
        case .struct?, .tuple?, .collection?, .class?, .optional?, .enum? where !mirror.children.isEmpty:
            if mirror.displayStyle == .enum || mirror.displayStyle == .class { add(String(describing: mirror.subjectType)) }
            add(String(mirror.children.count))
            for child in mirror.children {
                add(child.label ?? "-")
                add(value: child.value)
            }
            var superclass = mirror.superclassMirror
            while let parent = superclass {
                for child in parent.children {
                    add(child.label ?? "-")
                    add(value: child.value)
                }
                superclass = parent.superclassMirror
            }
        default:
            // A case without payload, an empty optional, a value of a type without parts.
            add(String(describing: mirror.subjectType))
            add(String(describing: value))
        }
    }

    var hex: String {
        let high = String(UInt64(truncatingIfNeeded: state >> 64), radix: 16)
        let low = String(UInt64(truncatingIfNeeded: state), radix: 16)
        return String(repeating: "0", count: 16 - high.count) + high + String(repeating: "0", count: 16 - low.count) + low
    }

    static func of(_ value: Any) -> String {
        var digest = StableDigest()
        digest.add(value: value)
        return digest.hex
    }
}
