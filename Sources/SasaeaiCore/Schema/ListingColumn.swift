import Foundation
import SasaeaiInput

/// The canonical key of a listing field. Everything else about a field (headers, label, how it
/// is read, where it goes) is in `ListingSchema.fields`, the one table that drives the reader,
/// the checker, the page, search and every export.
enum ListingColumn: String, CaseIterable, Sendable, Hashable {
    case id, number, name, kana, kind, district, categories, audience
    case schedule, frequency, weekdays, days
    case startTime = "start_time", endTime = "end_time", scheduleNote = "schedule_note"
    case venue, building, address, lat, lon, coordinates
    case fee, feeInfant = "fee_infant", feeElementary = "fee_elementary", feeJuniorHigh = "fee_junior_high"
    case feeHighSchool = "fee_high_school", feeAdult = "fee_adult", feeNote = "fee_note"
    case audienceNote = "audience_note", capacity, booking, bookingNote = "booking_note", firstVisit = "first_visit"
    case contact, contactNote = "contact_note", phone2, phone2Note = "phone2_note", phoneExtension = "extension", fax
    case email, emailNote = "email_note", email2, email2Note = "email2_note"
    case url, organiser, corporateNumber = "corporate_number", purpose, support
    case foodPantry = "food_pantry", takeout, schoolDistrict = "school_district", network
    case image, imageLicence = "image_licence"
    case municipalityCode = "municipality_code", prefecture, municipality
    case status, since, until, updated, summary
    case barrierFree = "barrier_free"
    case transport, notes, extraInfoNumber = "extra_info_number"
    case participants, volunteers, sessionsPerYear = "sessions_per_year"

    var field: ListingField { ListingSchema.field(self) }
    var label: String { field.label }

    // Without these, `Hashable` and `==` come from `RawRepresentable` and hash and compare the
    // raw String: every `values[column]` of every cell then costs a String hash (a fifth of
    // checking a row). The case's own number means the same and costs one byte.
    var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
    static func == (lhs: ListingColumn, rhs: ListingColumn) -> Bool { lhs.ordinal == rhs.ordinal }
    func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
}

/// What a header means: a known field, a private column, or an extra public field.
enum HeaderMeaning: Hashable {
    case column(ListingColumn)
    case `private`
    case extra(String)
}

extension ListingColumn {
    /// Headers are matched ignoring spaces, width and case (`TextNormalization.matchKey`), and
    /// the private prefixes are tested on the same folded text, so `非 公開メモ` and `＿メモ`
    /// are private exactly as `非公開メモ` and `_メモ` are.
    static func classify(header: String, columns: [String: ListingColumn] = [:]) -> HeaderMeaning {
        // A second byte-order mark (a file saved twice with one) sticks to the first header.
        let trimmed = header.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}\u{200B}")))
        let key = TextNormalization.matchKey(trimmed)
        if ListingSchema.isPrivate(folded: key) { return .private }
        if let column = columns[key] ?? ListingSchema.byHeader[key] { return .column(column) }
        return .extra(trimmed)
    }
}
