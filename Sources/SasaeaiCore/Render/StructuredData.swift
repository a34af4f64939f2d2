import Foundation
import SasaeaiSchedule

/// schema.org JSON-LD for listing pages, so search engines and the prefecture's aggregators
/// can read where, when and for whom. Salons and places are recurring Events; groups are
/// Organizations.
enum StructuredData {
    private struct Thing: Encodable {
        let context = "https://schema.org"
        let type: String
        let name: String
        let url: String
        let description: String?
        // Event
        let location: Place?
        let eventAttendanceMode: String?
        let eventStatus: String?
        let eventSchedule: [SchemaOrgSchedule]?
        let isAccessibleForFree: Bool?
        let organizer: Organizer?
        // Organization
        let areaServed: String?
        let telephone: String?

        enum CodingKeys: String, CodingKey {
            case context = "@context", type = "@type"
            case name, url, description, location, eventAttendanceMode, eventStatus, eventSchedule, isAccessibleForFree, organizer, areaServed, telephone
        }
    }

    private struct Place: Encodable {
        let type = "Place"
        let name: String
        let address: Address?
        let geo: Geo?
        enum CodingKeys: String, CodingKey { case type = "@type", name, address, geo }
    }

    private struct Address: Encodable {
        let type = "PostalAddress"
        let streetAddress: String
        let addressCountry = "JP"
        enum CodingKeys: String, CodingKey { case type = "@type", streetAddress, addressCountry }
    }

    private struct Geo: Encodable {
        let type = "GeoCoordinates"
        let latitude: Double
        let longitude: Double
        enum CodingKeys: String, CodingKey { case type = "@type", latitude, longitude }
    }

    private struct Organizer: Encodable {
        let type = "Organization"
        let name: String
        enum CodingKeys: String, CodingKey { case type = "@type", name }
    }

    static func listing(_ listing: Listing, content: SiteContent, districtName: String) -> String {
        let isEvent = listing.kind != .group
        let status: String = switch listing.status {
        case .active: "https://schema.org/EventScheduled"
        case .paused: "https://schema.org/EventPostponed"
        case .ended: "https://schema.org/EventCancelled"
        }
        let place = Place(name: listing.venue ?? districtName,
                          address: listing.address.map { Address(streetAddress: $0) },
                          geo: listing.coordinate.map { Geo(latitude: $0.latitude, longitude: $0.longitude) })
        let thing = Thing(
            type: isEvent ? "Event" : "Organization",
            name: listing.name,
            url: content.config.baseURL.resolve(Route.listing(listing.id).path),
            description: listing.summary,
            location: isEvent ? place : nil,
            eventAttendanceMode: isEvent ? "https://schema.org/OfflineEventAttendanceMode" : nil,
            eventStatus: isEvent ? status : nil,
            eventSchedule: isEvent ? listing.schedule?.schemaOrg : nil,
            isAccessibleForFree: isEvent ? listing.fee.map { $0.contains("無料") } : nil,
            organizer: isEvent ? content.config.publisher.name.map(Organizer.init) : nil,
            areaServed: isEvent ? nil : districtName,
            telephone: isEvent ? nil : listing.contact)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(thing)) ?? Data("{}".utf8)
        // Inside <script>, "<" could close the element: keep it escaped (on the bytes: a
        // Foundation search over the whole text cost as much as the encoding).
        var escaped: [UInt8] = []
        escaped.reserveCapacity(json.count)
        for byte in json {
            if byte == UInt8(ascii: "<") { escaped.append(contentsOf: "\\u003c".utf8) } else { escaped.append(byte) }
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}
