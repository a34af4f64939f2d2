/// Every stable diagnostic code, from reading a file (E001–E010, E019, E025, W004–W019) to
/// checking its content (E011 and up). The raw value is what `check` prints and what
/// coordinators' notes and other tools refer to, so a raw value is never renumbered: a problem
/// whose meaning or weight changes gets a new code. Each is documented, with its weight, in
/// docs/diagnostics-input.md (reading) or docs/diagnostics.md (content); a test checks both.
public enum DiagnosticCode: String, CaseIterable, Sendable, CustomStringConvertible {
    // Reading a file, before its content is understood (SasaeaiInput).
    case undecodable = "E001"
    case unterminatedQuote = "E002"
    case duplicateHeader = "E003"
    /// Was printed as `warning[E004]` before the code carried its weight.
    case emptyTable = "W004"
    /// Was printed as `warning[E005]`.
    case valueWithoutHeader = "W005"
    /// Was printed as `warning[E006]`.
    case textAfterQuote = "W006"

    // Quoting, control characters and workbooks (issues 8 and 9). The numbers 011–018 are the
    // content's, so these use 007–010 and 019.
    case quoteSwallowsCells = "E007"
    case controlCharacters = "W008"
    case notAWorkbook = "E009"
    case mergedCellRepeated = "W010"
    case damagedWorkbook = "E019"
    /// Shares its number with E019 (damagedWorkbook); both predate the rule that numbers are unique.
    case formulaWithoutValue = "W019"
    /// A row with fewer fields than the header in a table with private columns (issue 8).
    case shortRowWithPrivateColumns = "E025"

    // Files and YAML
    case unreadableFile = "E011"
    case yamlSyntax = "E012"
    case missingSetting = "E013"
    case badSetting = "E014"
    case unknownSetting = "W015"
    case badFileName = "E016"
    case missingContentFolder = "E017"
    case outputFailed = "E018"

    // site.yml values that reach pages (E020–E029 / W020–W029)
    case badLanguage = "E020"
    case languageNotJapanese = "W021"
    case badPublisherURL = "E022"
    case badPublisherEmail = "E023"
    case badTileURL = "E024"

    // Listings
    case missingColumn = "E101"
    case missingValue = "E102"
    case duplicateID = "E103"
    case unknownDistrict = "E104"
    case unknownKind = "E105"
    case unknownCategory = "E106"
    case unknownAudience = "E107"
    case malformedID = "E108"
    case badDate = "E109"
    case untilBeforeSince = "E110"
    case badURL = "E111"
    case halfCoordinate = "E112"
    case coordinateOutOfRange = "E113"
    case outsideJapan = "W114"
    case unknownStatus = "E115"
    case statusUntilMismatch = "W116"
    case unknownFrontMatterKey = "W117"
    /// 「第5水曜はお休み」 in 備考 or 紹介: no calendar reads it there.
    case scheduleWordsElsewhere = "W120"

    // Schedules
    case scheduleNotUnderstood = "W201"

    // Bulletins and pages
    case bulletinDateMismatch = "E302"
    case duplicateBulletin = "E303"
    case unknownEmbedListing = "E304"
    case unknownEmbed = "W305"
    case missingTitle = "E306"
    case badBulletinNumber = "E308"
    case markdownTable = "W307"

    // Templates
    case templateSyntax = "E401"
    case missingTemplate = "E402"

    // Files that are not used, and why (nothing in content/ is skipped without a word)
    case unreadableFolder = "E030"
    case staticLinkNotFollowed = "W031"
    case nestedFolderIgnored = "W032"
    case dotFileIgnored = "W033"
    case excelLockFile = "W034"
    case unusedFileType = "W035"
    case badBulletinPDFPath = "E037"
    case missingBulletinPDF = "E038"

    // The field schema: headers, sidecars, derived values (helper "schema", E040–E069 / W040–W069)
    case overlayDiffers = "W040"
    case unknownSidecarKey = "W041"
    case unknownSidecarField = "E042"
    /// Two columns for one field (`団体名` and `名称`); E003 is one header written twice.
    case duplicateFieldColumn = "E043"
    case nearMissHeader = "W044"
    case unnamedColumn = "W045"
    case noScheduleColumn = "W046"
    case derivedID = "W047"
    case orphanSidecar = "W048"
    case unreadListingFile = "W049"
    case noAreaMatch = "E050"
    case ambiguousArea = "E051"
    case unknownFrequency = "W052"
    case badEmail = "E053"
    case badImageURL = "E054"
    case sidecarShape = "E055"
    case nestedFrontMatter = "W056"
    case unreadSheet = "W057"
    case readingFromName = "W058"
    case urlAsText = "W059"
    case additionalInfoTable = "W060"
    case badCount = "E061"

    // History snapshots, `sasaeai changes` and the paper edition (E070–E089 / W070–W089).
    case badSnapshot = "E070"
    case historyFileName = "W071"
    case noSnapshot = "E072"
    case printEngineMissing = "E073"
    case printFailed = "E074"
    case unknownPrintTarget = "E075"
    case historyNotWritten = "W076"

    // Districts that nest: `parent:` in districts/*.md (helper "nest", E090–E099 / W090–W099).
    case unknownParentDistrict = "E090"
    case districtCycle = "E091"
    case deepDistrictNesting = "W092"
    case venueListingInParentDistrict = "W093"
    /// A listing's 地区 names a district by a name that several districts have (two towns' 中央).
    case sharedDistrictName = "E094"

    // The theme's labels: `templates/labels.yml` (helper "labels", E250–E259 / W250–W259).
    /// labels.yml is not YAML, not a mapping, has a key twice, or a label that is not text.
    case labelsSyntax = "E250"
    /// A label the pages need is not in labels.yml (or labels.yml is missing).
    case missingLabel = "E251"
    /// labels.yml has a key no page uses (a typo of one that is then missing, or an old key).
    case unknownLabel = "E252"
    /// A label shows `{name}` that it is not given.
    case unknownLabelPlaceholder = "E253"
    /// A label has a `{` that is not closed by `}`.
    case unclosedLabelPlaceholder = "E254"

    /// The letter says the weight, so a code cannot be printed as an error one time and as a
    /// warning another: `E…` stops the build, `W…` only with `--strict`.
    public var severity: Severity {
        rawValue.hasPrefix("W") ? .warning : .error
    }

    /// The stable code (`E014`), not the case's Swift name, wherever a code is interpolated.
    public var description: String { rawValue }
}
