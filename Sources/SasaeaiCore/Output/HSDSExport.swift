import Foundation
import SasaeaiSchedule

/// Open Referral HSDS 3 (the Human Services Data Specification): services with their
/// locations and schedules, for aggregators of community services.
enum HSDSExport {
    struct Service: Encodable {
        let id: String
        let name: String
        let alternate_name: String
        let description: String?
        let url: String?
        let status: String
        let fees_description: String?
        let application_process: String?
        let schedules: [HSDSSchedule]
        let service_areas: [ServiceArea]
        let service_at_locations: [ServiceAtLocation]
        let phones: [Phone]
    }

    struct ServiceArea: Encodable { let id: String; let name: String }
    struct ServiceAtLocation: Encodable { let id: String; let location: Location }
    struct Location: Encodable {
        let id: String
        let location_type = "physical"
        let name: String?
        let latitude: Double?
        let longitude: Double?
        let addresses: [Address]
    }
    struct Address: Encodable {
        let id: String
        let address_1: String
        let city = ""
        let state_province = ""
        let postal_code = ""
        let country = "JP"
        let address_type = "physical"
    }
    struct Phone: Encodable { let id: String; let number: String }

    static func files(_ content: SiteContent, index: SiteIndex) -> [OutputFile] {
        let services = content.listings.map { listing -> Service in
            let id = listing.id
            let address = listing.address.map { [Address(id: "\(id)-address", address_1: $0)] } ?? []
            let location = Location(id: "\(id)-location", name: listing.venue, latitude: listing.coordinate?.latitude,
                                    longitude: listing.coordinate?.longitude, addresses: address)
            let status: String = switch listing.status {
            case .active: "active"
            case .paused: "inactive"
            case .ended: "defunct"
            }
            return Service(
                id: id, name: listing.name, alternate_name: listing.kana, description: listing.summary,
                url: content.config.baseURL.resolve(Route.listing(id).path), status: status,
                fees_description: listing.fee, application_process: listing.notes,
                schedules: listing.schedule?.hsds ?? [],
                service_areas: [ServiceArea(id: "\(id)-area", name: index.districtsByID[listing.districtID].map { content.districts[$0].name } ?? listing.districtID)],
                service_at_locations: listing.venue == nil && listing.address == nil && listing.coordinate == nil ? [] : [ServiceAtLocation(id: "\(id)-sal", location: location)],
                phones: listing.contact.map { [Phone(id: "\(id)-phone", number: $0)] } ?? [])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: (try? encoder.encode(services)) ?? Data("[]".utf8), as: UTF8.self) + "\n"
        return [OutputFile("data/hsds/services.json", text: json)]
    }
}
