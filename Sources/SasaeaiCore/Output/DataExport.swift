import Foundation
import SasaeaiInput

/// Open data for other systems: JSON, CSV and GeoJSON (RFC 7946) of every public listing,
/// with every field the schema marks for data. Built from `Listing`, which holds no private
/// column, so nothing private can leak here.
enum DataExport {
    enum Value: Equatable {
        case text(String)
        case number(Double)
        case list([String])

        func write(to json: inout JSONWriter) {
            switch self {
            case .text(let text): json.string(text)
            case .number(let number): json.double(number)
            case .list(let list):
                json.beginArray()
                for item in list { json.string(item) }
                json.endArray()
            }
        }

        /// As a CSV cell that the table reader reads back to the same value.
        var cell: String {
            switch self {
            case .text(let text): text
            case .number(let number): String(number)
            case .list(let list): list.joined(separator: "、")
            }
        }
    }

    /// One listing's public fields by key (`ListingSchema` keys, plus `district_name`, `rrules`
    /// and `page`, and in a nested site `district_path` and `district_path_names`); empty
    /// fields are absent.
    struct Record {
        let id: String
        let lat: Double?
        let lon: Double?
        let ended: Bool
        /// By their key's place in `DataExport.jsonKeys` (no hashing per field and record).
        var slots: [Value?]
        var extras: [ExtraField]

        /// The present values by key.
        var values: [String: Value] {
            var values: [String: Value] = [:]
            for (key, value) in zip(DataExport.jsonKeys, slots) { values[key] = value }
            return values
        }

        /// The keys in the order JSON readers have always had them (ascending UTF-8), `extras`
        /// among them.
        func write(to json: inout JSONWriter) {
            json.beginObject()
            for (slot, key) in DataExport.jsonKeys.enumerated() {
                if slot == DataExport.extrasSlot {
                    writeExtras(to: &json)
                } else if let value = slots[slot] {
                    json.key(key)
                    value.write(to: &json)
                }
            }
            json.endObject()
        }

        private func writeExtras(to json: inout JSONWriter) {
            guard !extras.isEmpty else { return }
            // A label given twice keeps its last value.
            var byLabel: [String: String] = [:]
            for extra in extras { byLabel[extra.label] = extra.value }
            json.key(DataExport.extrasKey)
            json.beginObject()
            for label in byLabel.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                json.key(label)
                json.string(byLabel[label]!)
            }
            json.endObject()
        }
    }

    private static let extrasKey = "extras"
    private static let districtNameKey = "district_name", districtPathKey = "district_path",
                       districtPathNamesKey = "district_path_names", rrulesKey = "rrules", pageKey = "page"
    private static let dataFields = ListingSchema.fields.filter { $0.outputs.contains(.data) }

    /// Every key a record can hold, in the JSON's order.
    private static let jsonKeys: [String] = (dataFields.map(\.key.rawValue)
        + [districtNameKey, districtPathKey, districtPathNamesKey, rrulesKey, pageKey, extrasKey])
        .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    private static let positions = Dictionary(uniqueKeysWithValues: jsonKeys.enumerated().map { ($1, $0) })
    private static let extrasSlot = positions[extrasKey]!
    private static let dataFieldSlots = dataFields.map { ($0, positions[$0.key.rawValue]!) }
    private static let districtNameSlot = positions[districtNameKey]!, districtPathSlot = positions[districtPathKey]!,
                       districtPathNamesSlot = positions[districtPathNamesKey]!, rrulesSlot = positions[rrulesKey]!, pageSlot = positions[pageKey]!

    /// A field's public value, typed: numbers stay numbers, lists stay lists.
    static func value(_ field: ListingField, of listing: Listing) -> Value? {
        switch field.key {
        case .id: return .text(listing.id)
        case .name: return .text(listing.name)
        case .kana: return .text(listing.kana)
        case .kind: return .text(listing.kind.rawValue)
        case .district: return .text(listing.districtID)
        case .categories: return listing.categoryIDs.isEmpty ? nil : .list(listing.categoryIDs)
        case .audience: return listing.audienceIDs.isEmpty ? nil : .list(listing.audienceIDs)
        case .schedule: return listing.schedule.map { .text($0.text) }
        case .lat: return listing.coordinate.map { .number($0.latitude) }
        case .lon: return listing.coordinate.map { .number($0.longitude) }
        case .url: return listing.url.map(Value.text)
        // The venue as residents read it (with its 方書), as the page and the finder show it.
        case .venue: return listing.venue.map(Value.text)
        case .status: return .text(listing.status.rawValue)
        case .since: return listing.since.map { .text($0.iso) }
        case .until: return listing.until.map { .text($0.iso) }
        case .updated: return listing.updated.map { .text($0.iso) }
        default: return listing[field.key].map(Value.text)
        }
    }

    static func records(_ content: SiteContent, index: SiteIndex) -> [Record] {
        content.listings.map { listing in
            var slots = [Value?](repeating: nil, count: jsonKeys.count)
            for (field, slot) in dataFieldSlots {
                slots[slot] = value(field, of: listing)
            }
            slots[districtNameSlot] = .text(index.districtsByID[listing.districtID].map { content.districts[$0].name } ?? "")
            // A nested site's listings say which districts they lie in, the top first (prefecture,
            // municipality, district), so a portal can filter or count by any level; a flat
            // town's records stay as they were.
            if index.districtTree.isNested, let position = index.districtsByID[listing.districtID] {
                let path = index.districtTree.path(to: position).map { content.districts[$0] }
                slots[districtPathSlot] = .list(path.map(\.id))
                slots[districtPathNamesSlot] = .list(path.map(\.name))
            }
            slots[rrulesSlot] = .list(listing.schedule?.rules.compactMap(\.rrule) ?? [])
            slots[pageSlot] = .text(content.config.baseURL.resolve(Route.listing(listing.id).path))
            return Record(id: listing.id, lat: listing.coordinate?.latitude, lon: listing.coordinate?.longitude,
                          ended: listing.status == .ended, slots: slots, extras: listing.extras)
        }
    }

    static func json(_ records: [Record]) -> String {
        String(decoding: OutputFile.collect { writeJSON(records, to: $0) }, as: UTF8.self)
    }

    /// listings.json, handed to `emit` in pieces (see `OutputFile.init(_:streaming:)`).
    static func writeJSON(_ records: [Record], to emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        var json = JSONWriter(JSONWriter.Style(pretty: true), reservingCapacity: piece * 1_500)
        json.beginArray()
        for (n, record) in records.enumerated() {
            record.write(to: &json)
            if n % piece == piece - 1 { json.drain(to: emit) }
        }
        json.endArray()
        json.drain(appending: "\n", to: emit)
    }

    /// Records per piece of a streamed export.
    private static let piece = 1_024

    /// The CSV's columns: the national layout's, in its order and with its names, so a city's
    /// open-data portal takes the file as it is; then Sasaeai's own fields under their Japanese
    /// headers, so the file reads back into the same listings.
    static let csvFields: [ListingField] = {
        let national = ListingSchema.nationalLayout.map(ListingSchema.field)
        let own = ListingSchema.fields.filter { $0.outputs.contains(.data) && $0.national == nil }
        return national + own
    }()

    static func csv(_ records: [Record]) -> String {
        String(decoding: OutputFile.collect { writeCSV(records, to: $0) }, as: UTF8.self)
    }

    static func writeCSV(_ records: [Record], to emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        var extraLabels: [String] = []
        for record in records {
            for extra in record.extras where !extraLabels.contains(extra.label) { extraLabels.append(extra.label) }
        }
        // CRLF and a BOM so Excel opens the Japanese text correctly.
        var out: [UInt8] = Array("\u{FEFF}".utf8)
        func line(_ cells: [String]) {
            for (i, cell) in cells.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendCSVCell(cell, to: &out)
            }
            out.append(contentsOf: [0x0D, 0x0A])
        }
        line(csvFields.map(\.csvHeader) + extraLabels)
        let csvSlots = csvFields.map { positions[$0.key.rawValue] }
        for (n, record) in records.enumerated() {
            line(csvSlots.map { slot in slot.flatMap { record.slots[$0]?.cell } ?? "" }
                 + extraLabels.map { label in record.extras.first { $0.label == label }?.value ?? "" })
            if n % piece == piece - 1 {
                out.withUnsafeBufferPointer(emit)
                out.removeAll(keepingCapacity: true)
            }
        }
        out.withUnsafeBufferPointer(emit)
    }

    /// `csvCell` on UTF-8, without building Strings, for the cells it leaves as they are or only
    /// wraps in quotes: most cells. One that starts like a formula or holds a quote goes the
    /// general way.
    static func appendCSVCell(_ text: String, to out: inout [UInt8]) {
        var text = text
        let handled = text.withUTF8 { utf8 -> Bool in
            if let first = utf8.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@")].contains(first) {
                return false
            }
            var wraps = false
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") { return false }
                if byte == UInt8(ascii: ",") || byte == 0x0D || byte == 0x0A { wraps = true }
            }
            if wraps { out.append(UInt8(ascii: "\"")) }
            out.append(contentsOf: utf8)
            if wraps { out.append(UInt8(ascii: "\"")) }
            return true
        }
        if !handled { out.append(contentsOf: csvCell(text).utf8) }
    }

    static func csvCell(_ text: String) -> String {
        // A leading = + - @ would run as a formula in Excel: keep it text. A lone dash (a fee
        // that does not apply) and numbers are not formulas.
        var value = text
        if let first = value.first, "=+-@".contains(first), value.count > 1, Double(value) == nil { value = "'" + value }
        // By scalars: "\r\n" is one Character in Swift, so a Character test would miss a lone
        // line break and split the record.
        if value.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    /// A FeatureCollection of the points of listings not ended, each with its record as properties.
    static func geoJSON(_ records: [Record]) -> String {
        String(decoding: OutputFile.collect { writeGeoJSON(records, to: $0) }, as: UTF8.self)
    }

    static func writeGeoJSON(_ records: [Record], to emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        var json = JSONWriter(reservingCapacity: piece * 1_200)
        json.beginObject()
        json.key("features")
        json.beginArray()
        for (n, record) in records.enumerated() {
            if n % piece == piece - 1 { json.drain(to: emit) }
            guard let lat = record.lat, let lon = record.lon, !record.ended else { continue }
            json.beginObject()
            json.key("geometry")
            json.beginObject()
            json.key("coordinates")
            json.beginArray()
            json.double(lon)
            json.double(lat)
            json.endArray()
            json.field("type", "Point")
            json.endObject()
            json.field("id", record.id)
            json.key("properties")
            record.write(to: &json)
            json.field("type", "Feature")
            json.endObject()
        }
        json.endArray()
        json.field("type", "FeatureCollection")
        json.endObject()
        json.drain(appending: "\n", to: emit)
    }
}
