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

    // site.yml values that reach pages (E020–E029 / W020–W029)
    static let badLanguage = "E020"
    static let languageNotJapanese = "W021"
    static let badPublisherURL = "E022"
    static let badPublisherEmail = "E023"
    static let badTileURL = "E024"

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

    // Files that are not used, and why (nothing in content/ is skipped without a word)
    static let unreadableFolder = "E030"
    static let staticLinkNotFollowed = "W031"
    static let nestedFolderIgnored = "W032"
    static let dotFileIgnored = "W033"
    static let excelLockFile = "W034"
    static let unusedFileType = "W035"
    static let badBulletinPDFPath = "E037"
    static let missingBulletinPDF = "E038"
}
