import Foundation
import SasaeaiInput

/// Open data for other systems: JSON, CSV and GeoJSON (RFC 7946) of every public listing.
/// Built from `Listing`, which holds no private column, so nothing private can leak here.
enum DataExport {
    struct Record: Encodable {
        let id: String
        let name: String
        let kana: String
        let kind: String
        let district: String
        let districtName: String
        let categories: [String]
        let audience: [String]
        let schedule: String?
        let rrules: [String]
        let venue: String?
        let address: String?
        let lat: Double?
        let lon: Double?
        let fee: String?
        let capacity: String?
        let contact: String?
        let url: String?
        let status: String
        let since: String?
        let until: String?
        let updated: String?
        let summary: String?
        let page: String

        enum CodingKeys: String, CodingKey {
            case id, name, kana, kind, district
            case districtName = "district_name"
            case categories, audience, schedule, rrules, venue, address, lat, lon, fee, capacity, contact, url, status, since, until, updated, summary, page
        }
    }

    static func records(_ content: SiteContent, index: SiteIndex) -> [Record] {
        content.listings.map { listing in
            Record(
                id: listing.id, name: listing.name, kana: listing.kana, kind: listing.kind.rawValue,
                district: listing.districtID,
                districtName: index.districtsByID[listing.districtID].map { content.districts[$0].name } ?? "",
                categories: listing.categoryIDs, audience: listing.audienceIDs,
                schedule: listing.schedule?.text, rrules: listing.schedule?.rules.compactMap(\.rrule) ?? [],
                venue: listing.venue, address: listing.address,
                lat: listing.coordinate?.latitude, lon: listing.coordinate?.longitude,
                fee: listing.fee, capacity: listing.capacity, contact: listing.contact, url: listing.url,
                status: listing.status.rawValue, since: listing.since?.iso, until: listing.until?.iso,
                updated: listing.updated?.iso, summary: listing.summary,
                page: content.config.baseURL.resolve(Route.listing(listing.id).path))
        }
    }

    static func json(_ records: [Record]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(records)) ?? Data(), as: UTF8.self) + "\n"
    }

    static func csv(_ records: [Record]) -> String {
        let header = ["id", "name", "kana", "kind", "district", "district_name", "categories", "audience", "schedule", "venue", "address", "lat", "lon", "fee", "capacity", "contact", "url", "status", "since", "until", "updated", "page"]
        var lines = [header.joined(separator: ",")]
        for r in records {
            let cells: [String?] = [r.id, r.name, r.kana, r.kind, r.district, r.districtName, r.categories.joined(separator: ";"), r.audience.joined(separator: ";"), r.schedule, r.venue, r.address, r.lat.map { String($0) }, r.lon.map { String($0) }, r.fee, r.capacity, r.contact, r.url, r.status, r.since, r.until, r.updated, r.page]
            lines.append(cells.map { csvCell($0 ?? "") }.joined(separator: ","))
        }
        // CRLF and a BOM so Excel opens the Japanese text correctly.
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func csvCell(_ text: String) -> String {
        // A leading = + - @ would run as a formula in Excel: keep it text.
        var value = text
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        if value.contains(where: { ",\"\r\n".contains($0) }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    static func geoJSON(_ records: [Record]) -> String {
        struct Geometry: Encodable { let type = "Point"; let coordinates: [Double] }
        struct Feature: Encodable { let type = "Feature"; let id: String; let geometry: Geometry; let properties: Record }
        struct Collection: Encodable { let type = "FeatureCollection"; let features: [Feature] }
        let features = records.compactMap { r -> Feature? in
            guard let lat = r.lat, let lon = r.lon, r.status != ListingStatus.ended.rawValue else { return nil }
            return Feature(id: r.id, geometry: Geometry(coordinates: [lon, lat]), properties: r)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(Collection(features: features))) ?? Data(), as: UTF8.self) + "\n"
    }
}
