import Foundation
import SasaeaiInput

/// Open data for other systems: JSON, CSV and GeoJSON (RFC 7946) of every public listing,
/// with every field the schema marks for data. Built from `Listing`, which holds no private
/// column, so nothing private can leak here.
enum DataExport {
    enum Value: Encodable, Equatable {
        case text(String)
        case number(Double)
        case list([String])

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .number(let number): try container.encode(number)
            case .list(let list): try container.encode(list)
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
    struct Record: Encodable {
        let id: String
        let lat: Double?
        let lon: Double?
        let ended: Bool
        var values: [String: Value]
        var extras: [ExtraField]

        struct Key: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (key, value) in values { try container.encode(value, forKey: Key(stringValue: key)) }
            if !extras.isEmpty {
                try container.encode(Dictionary(extras.map { ($0.label, $0.value) }, uniquingKeysWith: { $1 }), forKey: Key(stringValue: "extras"))
            }
        }
    }

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
        let dataFields = ListingSchema.fields.filter { $0.outputs.contains(.data) }
        return content.listings.map { listing in
            var values: [String: Value] = [:]
            for field in dataFields {
                values[field.key.rawValue] = value(field, of: listing)
            }
            values["district_name"] = .text(index.districtsByID[listing.districtID].map { content.districts[$0].name } ?? "")
            // A nested site's listings say which districts they lie in, the top first (prefecture,
            // municipality, district), so a portal can filter or count by any level; a flat
            // town's records stay as they were.
            if index.districtTree.isNested, let position = index.districtsByID[listing.districtID] {
                let path = index.districtTree.path(to: position).map { content.districts[$0] }
                values["district_path"] = .list(path.map(\.id))
                values["district_path_names"] = .list(path.map(\.name))
            }
            values["rrules"] = .list(listing.schedule?.rules.compactMap(\.rrule) ?? [])
            values["page"] = .text(content.config.baseURL.resolve(Route.listing(listing.id).path))
            return Record(id: listing.id, lat: listing.coordinate?.latitude, lon: listing.coordinate?.longitude,
                          ended: listing.status == .ended, values: values, extras: listing.extras)
        }
    }

    static func json(_ records: [Record]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(records)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// The CSV's columns: the national layout's, in its order and with its names, so a city's
    /// open-data portal takes the file as it is; then Sasaeai's own fields under their Japanese
    /// headers, so the file reads back into the same listings.
    static let csvFields: [ListingField] = {
        let national = ListingSchema.nationalLayout.map(ListingSchema.field)
        let own = ListingSchema.fields.filter { $0.outputs.contains(.data) && $0.national == nil }
        return national + own
    }()

    static func csv(_ records: [Record]) -> String {
        var extraLabels: [String] = []
        for record in records {
            for extra in record.extras where !extraLabels.contains(extra.label) { extraLabels.append(extra.label) }
        }
        let header = csvFields.map(\.csvHeader) + extraLabels
        var lines = [header.map(csvCell).joined(separator: ",")]
        for record in records {
            var cells = csvFields.map { record.values[$0.key.rawValue]?.cell ?? "" }
            cells += extraLabels.map { label in record.extras.first { $0.label == label }?.value ?? "" }
            lines.append(cells.map(csvCell).joined(separator: ","))
        }
        // CRLF and a BOM so Excel opens the Japanese text correctly.
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func csvCell(_ text: String) -> String {
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

    static func geoJSON(_ records: [Record]) -> String {
        struct Geometry: Encodable { let type = "Point"; let coordinates: [Double] }
        struct Feature: Encodable { let type = "Feature"; let id: String; let geometry: Geometry; let properties: Record }
        struct Collection: Encodable { let type = "FeatureCollection"; let features: [Feature] }
        let features = records.compactMap { r -> Feature? in
            guard let lat = r.lat, let lon = r.lon, !r.ended else { return nil }
            return Feature(id: r.id, geometry: Geometry(coordinates: [lon, lat]), properties: r)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(Collection(features: features))) ?? Data(), as: UTF8.self) + "\n"
    }
}
