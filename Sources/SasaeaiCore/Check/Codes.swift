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

    // The field schema: headers, sidecars, derived values (helper "schema", E040–E069 / W040–W069)
    static let overlayDiffers = "W040"
    static let unknownSidecarKey = "W041"
    static let unknownSidecarField = "E042"
    static let duplicateHeader = "E043"
    static let nearMissHeader = "W044"
    static let unnamedColumn = "W045"
    static let noScheduleColumn = "W046"
    static let derivedID = "W047"
    static let orphanSidecar = "W048"
    static let unreadListingFile = "W049"
    static let noAreaMatch = "E050"
    static let ambiguousArea = "E051"
    static let unknownFrequency = "W052"
    static let badEmail = "E053"
    static let badImageURL = "E054"
    static let sidecarShape = "E055"
    static let nestedFrontMatter = "W056"
    static let unreadSheet = "W057"
    static let readingFromName = "W058"
    static let urlAsText = "W059"
    static let additionalInfoTable = "W060"
}
