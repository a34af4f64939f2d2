import SasaeaiSchedule

/// schema.org JSON-LD for listing pages, so search engines and the prefecture's aggregators
/// can read where, when and for whom. Salons and places are recurring Events; groups are
/// Organizations.
enum StructuredData {
    /// Keys in ascending order and `/` escaped, as the pages have always had them; `<` escaped
    /// because inside <script> it could close the element.
    private static let style = JSONWriter.Style(escapesSlashes: true, escapesLessThan: true)

    static func listing(_ listing: Listing, content: SiteContent, districtName: String) -> String {
        var json = JSONWriter(style, reservingCapacity: 1_024)
        json.beginObject()
        json.field("@context", "https://schema.org")
        if listing.kind == .group {
            json.field("@type", "Organization")
            json.field("areaServed", districtName)
            json.field("description", listing.summary)
            json.field("name", listing.name)
            json.field("telephone", listing.contact)
            json.field("url", content.config.baseURL.resolve(Route.listing(listing.id).path))
        } else {
            let status: String = switch listing.status {
            case .active: "https://schema.org/EventScheduled"
            case .paused: "https://schema.org/EventPostponed"
            case .ended: "https://schema.org/EventCancelled"
            }
            json.field("@type", "Event")
            json.field("description", listing.summary)
            json.field("eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode")
            if let schedules = listing.schedule?.schemaOrg {
                json.key("eventSchedule")
                json.array(schedules) { $1.write(to: &$0) }
            }
            json.field("eventStatus", status)
            json.field("isAccessibleForFree", listing.fee.map { $0.contains("無料") })
            json.key("location")
            writePlace(of: listing, districtName: districtName, to: &json)
            json.field("name", listing.name)
            if let publisher = content.config.publisher.name {
                json.key("organizer")
                json.beginObject()
                json.field("@type", "Organization")
                json.field("name", publisher)
                json.endObject()
            }
            json.field("url", content.config.baseURL.resolve(Route.listing(listing.id).path))
        }
        json.endObject()
        return json.finish()
    }

    private static func writePlace(of listing: Listing, districtName: String, to json: inout JSONWriter) {
        json.beginObject()
        json.field("@type", "Place")
        if let address = listing.address {
            json.key("address")
            json.beginObject()
            json.field("@type", "PostalAddress")
            json.field("addressCountry", "JP")
            json.field("streetAddress", address)
            json.endObject()
        }
        if let coordinate = listing.coordinate {
            json.key("geo")
            json.beginObject()
            json.field("@type", "GeoCoordinates")
            json.field("latitude", coordinate.latitude)
            json.field("longitude", coordinate.longitude)
            json.endObject()
        }
        json.field("name", listing.venue ?? districtName)
        json.endObject()
    }
}

extension SchemaOrgSchedule {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("@type", type)
        json.field("byDay", byDay)
        json.field("byMonth", byMonth)
        json.field("byMonthDay", byMonthDay)
        json.field("byMonthWeek", byMonthWeek)
        json.field("endDate", endDate)
        json.field("endTime", endTime)
        json.field("repeatFrequency", repeatFrequency)
        json.field("scheduleTimezone", scheduleTimezone)
        json.field("startDate", startDate)
        json.field("startTime", startTime)
        json.endObject()
    }
}
