import Foundation
import SasaeaiSchedule

/// Open Referral HSDS 3.0 (the Human Services Data Specification): services with their
/// locations and schedules, for aggregators of community services. Validated in `make test`
/// against the official compiled schema with format checks on (Tests/e2e/test_hsds.py).
///
/// Every id is a name-based UUID of the listing's public URL (plus a fragment per sub-object), so
/// ids are stable across builds and unique across towns whose exports a prefecture merges.
enum HSDSExport {
    struct Service: Encodable {
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
    }

    /// An HSDS schedule: the recurrence from the schedule module, plus the ids and validity that
    /// only the listing knows. Encoded flat, as HSDS wants one object.
    struct Schedule: Encodable {
        let id: String
        let service_id: String
        let valid_from: String?
        let valid_to: String?
        let recurrence: HSDSSchedule

        enum CodingKeys: String, CodingKey { case id, service_id, valid_from, valid_to }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(service_id, forKey: .service_id)
            try container.encodeIfPresent(valid_from, forKey: .valid_from)
            try container.encodeIfPresent(valid_to, forKey: .valid_to)
            try recurrence.encode(to: encoder)
        }
    }

    /// `description` is the district's path in a nested site (神奈川県 › 海風市 › 中央).
    struct ServiceArea: Encodable { let id: String; let service_id: String; let name: String; var description: String? = nil }
    /// The group that runs the activity (運営団体名); HSDS requires a description, so it says whose it is.
    struct Organization: Encodable { let id: String; let name: String; let description: String }
    struct Accessibility: Encodable { let id: String; let location_id: String; let description: String }
    struct ServiceAtLocation: Encodable { let id: String; let service_id: String; let location_id: String; let location: Location }
    struct Location: Encodable {
        let id: String
        let location_type = "physical"
        let name: String?
        let transportation: String?
        let latitude: Double?
        let longitude: Double?
        let addresses: [Address]
        let accessibility: [Accessibility]
    }
    struct Address: Encodable {
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
    }
    struct Phone: Encodable { let id: String; let service_id: String; let number: String; let description: String? }

    /// Made by the writer, concurrently with the pages.
    static func files(_ content: SiteContent, index: SiteIndex) -> [OutputFile] {
        [OutputFile("data/hsds/services.json") {
            let services = content.listings.map { service(for: $0, content: content, index: index) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: (try? encoder.encode(services)) ?? Data("[]".utf8), as: UTF8.self) + "\n"
        }]
    }

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
