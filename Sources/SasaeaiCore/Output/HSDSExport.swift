import SasaeaiSchedule

/// Open Referral HSDS 3.0 (the Human Services Data Specification): services with their
/// locations and schedules, for aggregators of community services. Validated in `make test`
/// against the official compiled schema with format checks on (Tests/e2e/test_hsds.py).
///
/// Every id is a name-based UUID of the listing's public URL (plus a fragment per sub-object), so
/// ids are stable across builds and unique across towns whose exports a prefecture merges.
enum HSDSExport {
    struct Service {
        let id: String
        let name: String
        let alternate_name: String
        let description: String?
        let url: String
        let email: String?
        let status: String
        let fees_description: String?
        let application_process: String?
        let eligibility_description: String?
        let assured_date: String?
        let organization_id: String?
        let organization: Organization?
        let schedules: [Schedule]
        let service_areas: [ServiceArea]
        let service_at_locations: [ServiceAtLocation]
        let phones: [Phone]

        // Each type writes its keys in ascending order, as the published files always had them.
        func write(to json: inout JSONWriter) {
            json.beginObject()
            json.field("alternate_name", alternate_name)
            json.field("application_process", application_process)
            json.field("assured_date", assured_date)
            json.field("description", description)
            json.field("eligibility_description", eligibility_description)
            json.field("email", email)
            json.field("fees_description", fees_description)
            json.field("id", id)
            json.field("name", name)
            if let organization {
                json.key("organization")
                organization.write(to: &json)
            }
            json.field("organization_id", organization_id)
            json.key("phones")
            json.array(phones) { $1.write(to: &$0) }
            json.key("schedules")
            json.array(schedules) { $1.write(to: &$0) }
            json.key("service_areas")
            json.array(service_areas) { $1.write(to: &$0) }
            json.key("service_at_locations")
            json.array(service_at_locations) { $1.write(to: &$0) }
            json.field("status", status)
            json.field("url", url)
            json.endObject()
        }
    }

    /// An HSDS schedule: the recurrence from the schedule module, plus the ids and validity that
    /// only the listing knows. Written flat, as HSDS wants one object; where both give a
    /// validity, the recurrence's own stands.
    struct Schedule {
        let id: String
        let service_id: String
        let valid_from: String?
        let valid_to: String?
        let recurrence: HSDSSchedule

        func write(to json: inout JSONWriter) {
            json.beginObject()
            json.field("byday", recurrence.byday)
            json.field("bymonthday", recurrence.bymonthday)
            json.field("closes_at", recurrence.closes_at)
            json.field("count", recurrence.count)
            json.field("description", recurrence.description)
            json.field("dtstart", recurrence.dtstart)
            json.field("freq", recurrence.freq)
            json.field("id", id)
            json.field("interval", recurrence.interval)
            json.field("opens_at", recurrence.opens_at)
            json.field("service_id", service_id)
            json.field("timezone", recurrence.timezone)
            json.field("until", recurrence.until)
            json.field("valid_from", recurrence.valid_from ?? valid_from)
            json.field("valid_to", recurrence.valid_to ?? valid_to)
            json.field("wkst", recurrence.wkst)
            json.endObject()
        }
    }

    /// `description` is the district's path in a nested site (神奈川県 › 海風市 › 中央).
    struct ServiceArea {
        let id: String; let service_id: String; let name: String; var description: String? = nil

        func write(to json: inout JSONWriter) {
            json.beginObject()
            json.field("description", description)
            json.field("id", id)
            json.field("name", name)
            json.field("service_id", service_id)
            json.endObject()
        }
    }

    /// The group that runs the activity (運営団体名); HSDS requires a description, so it says whose it is.
    struct Organization {
        let id: String; let name: String; let description: String

        func write(to json: inout JSONWriter) {
            json.beginObject()
            json.field("description", description)
            json.field("id", id)
            json.field("name", name)
            json.endObject()
        }
    }

    struct Accessibility {
        let id: String; let location_id: String; let description: String

        func write(to json: inout JSONWriter) {
            json.beginObject()
            json.field("description", description)
            json.field("id", id)
            json.field("location_id", location_id)
            json.endObject()
        }
    }

    struct ServiceAtLocation {
        let id: String; let service_id: String; let location_id: String; let location: Location

        func write(to json: inout JSONWriter) {
            json.beginObject()
            json.field("id", id)
            json.key("location")
            location.write(to: &json)
            json.field("location_id", location_id)
            json.field("service_id", service_id)
            json.endObject()
        }
    }

    struct Location {
        let id: String
        let location_type = "physical"
        let name: String?
        let transportation: String?
        let latitude: Double?
        let longitude: Double?
        let addresses: [Address]
        let accessibility: [Accessibility]

        func write(to json: inout JSONWriter) {
            json.beginObject()
            json.key("accessibility")
            json.array(accessibility) { $1.write(to: &$0) }
            json.key("addresses")
            json.array(addresses) { $1.write(to: &$0) }
            json.field("id", id)
            json.field("latitude", latitude)
            json.field("location_type", location_type)
            json.field("longitude", longitude)
            json.field("name", name)
            json.field("transportation", transportation)
            json.endObject()
        }
    }

    struct Address {
        let id: String
        let location_id: String
        let address_1: String
        let address_2: String?
        // Japanese addresses are written whole in 住所; the national layout's 市区町村名 and
        // 都道府県 fill the split HSDS requires when the table has them.
        let city: String
        let state_province: String
        let postal_code = ""
        let country = "JP"
        let address_type = "physical"

        func write(to json: inout JSONWriter) {
            json.beginObject()
            json.field("address_1", address_1)
            json.field("address_2", address_2)
            json.field("address_type", address_type)
            json.field("city", city)
            json.field("country", country)
            json.field("id", id)
            json.field("location_id", location_id)
            json.field("postal_code", postal_code)
            json.field("state_province", state_province)
            json.endObject()
        }
    }

    struct Phone {
        let id: String; let service_id: String; let number: String; let description: String?

        func write(to json: inout JSONWriter) {
            json.beginObject()
            json.field("description", description)
            json.field("id", id)
            json.field("number", number)
            json.field("service_id", service_id)
            json.endObject()
        }
    }

    /// Made by the writer, concurrently with the pages.
    static func files(_ content: SiteContent, index: SiteIndex) -> [OutputFile] {
        [OutputFile("data/hsds/services.json", streaming: { emit in
            // About 2 KB a listing: written a batch at a time, so a nation's file is never held.
            var json = JSONWriter(JSONWriter.Style(pretty: true), reservingCapacity: batch * 2_500)
            json.beginArray()
            for start in stride(from: 0, to: content.listings.count, by: batch) {
                // Each batch's services on all cores (eight name-based UUIDs each), then written in order.
                let listings = content.listings[start..<min(start + batch, content.listings.count)]
                for service in ParallelMap.map(Array(listings), { service(for: $0, content: content, index: index) }) {
                    service.write(to: &json)
                }
                json.drain(to: emit)
            }
            json.endArray()
            json.drain(appending: "\n", to: emit)
        })]
    }

    /// Listings per piece of the streamed services file.
    private static let batch = 2_048

    static func service(for listing: Listing, content: SiteContent, index: SiteIndex) -> Service {
        let url = content.config.baseURL.resolve(Route.listing(listing.id).path)
        func id(_ part: String) -> String { NameBasedUUID.string(part.isEmpty ? url : url + "#" + part) }
        let serviceID = id("")
        let locationID = id("location")
        let address = listing.address.map {
            [Address(id: id("address"), location_id: locationID, address_1: $0, address_2: listing[.building],
                    city: listing[.municipality] ?? "", state_province: listing[.prefecture] ?? "")]
        } ?? []
        let location = Location(id: locationID, name: listing[.venue], transportation: listing.transport,
                                latitude: listing.coordinate?.latitude, longitude: listing.coordinate?.longitude,
                                addresses: address,
                                accessibility: listing.barrierFree.map { [Accessibility(id: id("accessibility"), location_id: locationID, description: $0)] } ?? [])
        let status: String = switch listing.status {
        case .active: "active"
        case .paused: "temporarily closed"
        case .ended: "defunct"
        }
        let schedules = (listing.schedule?.hsds ?? []).enumerated().map { offset, recurrence in
            Schedule(id: id("schedule-\(offset + 1)"), service_id: serviceID, valid_from: listing.since?.start.description,
                     valid_to: listing.until?.start.description, recurrence: recurrence)
        }
        let area = index.districtsByID[listing.districtID].map { content.districts[$0].name } ?? listing.districtID
        let areaPath = index.districtTree.isNested ? index.districtsByID[listing.districtID].map {
            index.districtTree.path(to: $0).map { content.districts[$0].name }.joined(separator: " › ")
        } : nil
        let hasLocation = listing.venue != nil || listing.address != nil || listing.coordinate != nil
        let phones = [(ListingColumn.contact, ListingColumn.contactNote, "phone"), (.phone2, .phone2Note, "phone-2")].compactMap { number, note, part in
            listing[number].map { Phone(id: id(part), service_id: serviceID, number: $0, description: listing[note]) }
        }
        // HSDS has no field for capacity or free notes: they go to the description people read.
        let description = joined(listing.summary, listing.capacity.map { "定員: \($0)" }, listing.notes)
        // One organiser runs several activities: its id comes from its name, not the listing.
        let organization = listing[.organiser].map { name in
            Organization(id: NameBasedUUID.string(content.config.baseURL.absolute + "#organization:" + name), name: name,
                         description: "\(name)（\(content.config.title)に掲載の活動を運営）")
        }
        return Service(
            id: serviceID, name: listing.name, alternate_name: listing.kana,
            description: description,
            url: url, email: listing[.email], status: status, fees_description: listing.fee,
            application_process: joined(listing[.booking], listing[.bookingNote]),
            eligibility_description: listing[.audienceNote], assured_date: listing.updated?.start.description,
            organization_id: organization?.id, organization: organization,
            schedules: schedules,
            service_areas: [ServiceArea(id: id("area"), service_id: serviceID, name: area, description: areaPath)],
            service_at_locations: hasLocation ? [ServiceAtLocation(id: id("service-at-location"), service_id: serviceID, location_id: locationID, location: location)] : [],
            phones: phones)
    }

    private static func joined(_ parts: String?...) -> String? {
        let present = parts.compactMap { $0 }
        return present.isEmpty ? nil : present.joined(separator: "\n")
    }
}
