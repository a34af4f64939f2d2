/// Stable diagnostic codes. Each is documented in docs/diagnostics.md; never renumber one,
/// because coordinators' notes and other tools refer to them.
enum Codes {
    // Files and YAML
    static let unreadableFile = "E011"
    static let yamlSyntax = "E012"
    static let missingSetting = "E013"
    static let badSetting = "E014"
    static let unknownSetting = "W015"
    static let badFileName = "E016"
    static let missingContentFolder = "E017"
    static let outputFailed = "E018"

    // Listings
    static let missingColumn = "E101"
    static let missingValue = "E102"
    static let duplicateID = "E103"
    static let unknownDistrict = "E104"
    static let unknownKind = "E105"
    static let unknownCategory = "E106"
    static let unknownAudience = "E107"
    static let malformedID = "E108"
    static let badDate = "E109"
    static let untilBeforeSince = "E110"
    static let badURL = "E111"
    static let halfCoordinate = "E112"
    static let coordinateOutOfRange = "E113"
    static let outsideJapan = "W114"
    static let unknownStatus = "E115"
    static let statusUntilMismatch = "W116"
    static let unknownFrontMatterKey = "W117"
    /// 「第5水曜はお休み」 in 備考 or 紹介: no calendar reads it there.
    static let scheduleWordsElsewhere = "W120"

    // Schedules
    static let scheduleNotUnderstood = "W201"

    // Bulletins and pages
    static let bulletinDateMismatch = "E302"
    static let duplicateBulletin = "E303"
    static let unknownEmbedListing = "E304"
    static let unknownEmbed = "W305"
    static let missingTitle = "E306"
    static let markdownTable = "W307"

    // Templates
    static let templateSyntax = "E401"
    static let missingTemplate = "E402"
}
