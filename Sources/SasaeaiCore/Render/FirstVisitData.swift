/// What a first-timer asks before going (issue 11): is booking needed, may I just come and look,
/// who runs it, what it costs for whom. The theme labels each value (予約, はじめての方 …); the
/// values are the coordinator's words, fees read as FieldFormat shows them (0 → 無料).
struct FirstVisit: TemplateData, Equatable {
    var booking: String?
    var bookingNote: String?
    var welcome: String?
    var organiser: String?
    /// The 参加費 column as written; the fees per age group come from the national layout.
    var fee: String?
    var feeInfant: String?
    var feeElementary: String?
    var feeJuniorHigh: String?
    var feeHighSchool: String?
    var feeAdult: String?
    var feeNote: String?

    init(_ listing: Listing) {
        booking = listing[.booking]
        bookingNote = listing[.bookingNote]
        welcome = listing[.firstVisit]
        organiser = listing[.organiser]
        fee = listing[.fee].flatMap(FieldFormat.fee)
        feeInfant = listing[.feeInfant].flatMap(FieldFormat.fee)
        feeElementary = listing[.feeElementary].flatMap(FieldFormat.fee)
        feeJuniorHigh = listing[.feeJuniorHigh].flatMap(FieldFormat.fee)
        feeHighSchool = listing[.feeHighSchool].flatMap(FieldFormat.fee)
        feeAdult = listing[.feeAdult].flatMap(FieldFormat.fee)
        feeNote = listing[.feeNote]
    }

    /// The fields this block shows, which the page's list of facts leaves out.
    static let columns: Set<ListingColumn> = [
        .booking, .bookingNote, .firstVisit, .organiser, .fee, .feeInfant, .feeElementary, .feeJuniorHigh,
        .feeHighSchool, .feeAdult, .feeNote,
    ]

    var isEmpty: Bool {
        [booking, bookingNote, welcome, organiser, fee, feeInfant, feeElementary, feeJuniorHigh, feeHighSchool, feeAdult, feeNote]
            .allSatisfy { $0 == nil }
    }

    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .hasFirstVisit: .init(!isEmpty)
        case .booking: .init(booking)
        case .bookingNote: .init(bookingNote)
        case .welcome: .init(welcome)
        case .organiser: .init(organiser)
        case .feeColumn: .init(fee)
        case .feeInfant: .init(feeInfant)
        case .feeElementary: .init(feeElementary)
        case .feeJuniorHigh: .init(feeJuniorHigh)
        case .feeHighSchool: .init(feeHighSchool)
        case .feeAdult: .init(feeAdult)
        case .feeNote: .init(feeNote)
        default: .none
        }
    }
}
