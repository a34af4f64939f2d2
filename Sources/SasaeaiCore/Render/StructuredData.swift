import Foundation
import SasaeaiSchedule

/// schema.org JSON-LD for listing pages, so search engines and the prefecture's aggregators
/// can read where, when and for whom. Salons and places are recurring Events; groups are
/// Organizations.
enum StructuredData {
    static func listing(_ listing: Listing, content: SiteContent, districtName: String) -> String {
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "name": listing.name,
            "url": content.config.baseURL.resolve(Route.listing(listing.id).path),
        ]
        if let summary = listing.summary { object["description"] = summary }
        var place: [String: Any] = ["@type": "Place", "name": listing.venue ?? districtName]
        if let address = listing.address {
            place["address"] = ["@type": "PostalAddress", "streetAddress": address, "addressCountry": "JP"]
        }
        if let c = listing.coordinate {
            place["geo"] = ["@type": "GeoCoordinates", "latitude": c.latitude, "longitude": c.longitude]
        }
        if listing.kind == .group {
            object["@type"] = "Organization"
            object["areaServed"] = districtName
            if let contact = listing.contact { object["telephone"] = contact }
        } else {
            object["@type"] = "Event"
            object["location"] = place
            object["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
            object["eventStatus"] = listing.status == .active ? "https://schema.org/EventScheduled" : listing.status == .paused ? "https://schema.org/EventPostponed" : "https://schema.org/EventCancelled"
            if let schedule = listing.schedule, let encoded = try? JSONSerialization.jsonObject(with: JSONEncoder().encode(schedule.schemaOrg)) {
                object["eventSchedule"] = encoded
            }
            if let fee = listing.fee { object["isAccessibleForFree"] = fee.contains("無料") }
            if let publisher = content.config.publisher.name { object["organizer"] = ["@type": "Organization", "name": publisher] }
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        // Inside <script>, "<" could close the element: keep it escaped.
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }
}
