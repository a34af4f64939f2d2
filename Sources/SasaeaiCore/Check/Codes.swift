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
    static let badBulletinNumber = "E308"
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
    static let badCount = "E061"
}

// History snapshots, `sasaeai changes` and the paper edition (E070–E089 / W070–W089).
extension Codes {
    static let badSnapshot = "E070"
    static let historyFileName = "W071"
    static let noSnapshot = "E072"
    static let printEngineMissing = "E073"
    static let printFailed = "E074"
    static let unknownPrintTarget = "E075"
    static let historyNotWritten = "W076"
}

// Districts that nest: `parent:` in districts/*.md (helper "nest", E090–E099 / W090–W099).
extension Codes {
    static let unknownParentDistrict = "E090"
    static let districtCycle = "E091"
    static let deepDistrictNesting = "W092"
    static let venueListingInParentDistrict = "W093"
    /// A listing's 地区 names a district by a name that several districts have (two towns' 中央).
    static let sharedDistrictName = "E094"
}

// The theme's labels: `templates/labels.yml` (helper "labels", E250–E259 / W250–W259).
extension Codes {
    /// labels.yml is not YAML, not a mapping, has a key twice, or a label that is not text.
    static let labelsSyntax = "E250"
    /// A label the pages need is not in labels.yml (or labels.yml is missing).
    static let missingLabel = "E251"
    /// labels.yml has a key no page uses (a typo of one that is then missing, or an old key).
    static let unknownLabel = "E252"
    /// A label shows `{name}` that it is not given.
    static let unknownLabelPlaceholder = "E253"
    /// A label has a `{` that is not closed by `}`.
    static let unclosedLabelPlaceholder = "E254"
}
