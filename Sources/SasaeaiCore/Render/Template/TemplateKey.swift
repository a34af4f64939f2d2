/// Every name the theme's templates look up in Sasaeai's page data (`{{title}}`,
/// `{{#name_parts}}`), resolved once when a template is parsed. Page data answers with a
/// switch over these cases, a jump table, where a switch over Strings compared a name
/// with each case in turn on every lookup (a listing page's layout names went through some
/// fifty comparisons before reaching the layout). A name no case spells (a theme's own
/// name, or the paper edition's) is looked up by its text instead (`TemplateObject`).
enum TemplateKey: String, Sendable {
    case address
    case after
    case anchor
    case areas
    case areasHref = "areas_href"
    case asOf = "as_of"
    case assetRoot = "asset_root"
    case attribution
    case audienceIds = "audience_ids"
    case audiences
    case before
    case bodyHtml = "body_html"
    case booking
    case bookingNote = "booking_note"
    case bounds
    case breadcrumbs
    case bulletinName = "bulletin_name"
    case bulletins
    case byDistrictPages = "by_district_pages"
    case calendar
    case calendarHref = "calendar_href"
    case calendarMonths = "calendar_months"
    case canonical
    case cardHtml = "card_html"
    case categories
    case children
    case column
    case contact
    case coordinator
    case count
    case counts
    case current
    case date
    case datetime
    case day
    case dayName = "day_name"
    case days
    case description
    case district
    case districtHref = "district_href"
    case districtName = "district_name"
    case districts
    case districtsHref = "districts_href"
    case empty
    case ended
    case endedDate = "ended_date"
    case fee
    case feeAdult = "fee_adult"
    case feeColumn = "fee_column"
    case feeElementary = "fee_elementary"
    case feeHighSchool = "fee_high_school"
    case feeInfant = "fee_infant"
    case feeJuniorHigh = "fee_junior_high"
    case feeNote = "fee_note"
    case feedHref = "feed_href"
    case fields
    case figures
    case finder
    case first
    case firstLabel = "first_label"
    case footerPages = "footer_pages"
    case geojson
    case groups
    case hasAreas = "has_areas"
    case hasAudiences = "has_audiences"
    case hasBreadcrumbs = "has_breadcrumbs"
    case hasCategories = "has_categories"
    case hasChildren = "has_children"
    case hasCoordinates = "has_coordinates"
    case hasDays = "has_days"
    case hasFields = "has_fields"
    case hasFirstVisit = "has_first_visit"
    case hasListings = "has_listings"
    case hasMeetings = "has_meetings"
    case hasNext = "has_next"
    case hasParts = "has_parts"
    case hasReading = "has_reading"
    case hasRows = "has_rows"
    case hasUpcoming = "has_upcoming"
    case hasWeeks = "has_weeks"
    case holiday
    case home
    case href
    case id
    case isGroup = "is_group"
    case isHome = "is_home"
    case isPlace = "is_place"
    case isSalon = "is_salon"
    case isThisWeek = "is_this_week"
    case jsonLd = "json_ld"
    case jumps
    case kana
    case key
    case kind
    case kindName = "kind_name"
    case kinds
    case label
    case lang
    case last
    case lastLabel = "last_label"
    case lat
    case latestBulletin = "latest_bulletin"
    case lead
    case link
    case listing
    case listingCount = "listing_count"
    case listings
    case lon
    case map
    case mapHref = "map_href"
    case meetings
    case month
    case monthHref = "month_href"
    case months
    case moved
    case name
    case nameParts = "name_parts"
    case next
    case number
    case organiser
    case ownCount = "own_count"
    case pager
    case pages
    case parts
    case paused
    case pdfHref = "pdf_href"
    case present
    case previous
    case publisherAddress = "publisher_address"
    case publisherEmail = "publisher_email"
    case publisherName = "publisher_name"
    case publisherPhone = "publisher_phone"
    case publisherTel = "publisher_tel"
    case publisherUrl = "publisher_url"
    case reading
    case root
    case rows
    case rubyNames = "ruby_names"
    case schedule
    case search
    case searchText = "search_text"
    case segments
    case siteFooter = "site_footer"
    case siteHeader = "site_header"
    case siteTitle = "site_title"
    case slug
    case small
    case statusName = "status_name"
    case summaryHref = "summary_href"
    case summaryHtml = "summary_html"
    case tel
    case text
    case tiles
    case time
    case title
    case total
    case totals
    case upcoming
    case value
    case venue
    case weekHref = "week_href"
    case weekday
    case weekdaySlugs = "weekday_slugs"
    case weekdays
    case weekend
    case weeks
    case welcome
    case whole
    case width
    case x
    case zoom
}
