import Foundation
import SasaeaiInput
import SasaeaiSchedule

/// Checks one raw listing against the schema, the site's vocabularies and districts. Every
/// problem in the row is reported (not just the first), and a listing with an error is not built.
struct ListingChecker {
    let districts: Vocabulary
    let categories: Vocabulary
    let audiences: Vocabulary
    /// Gives the year of schedules written as dates (7月2日(火)).
    var asOf: LocalDate?
    /// A district file's front matter could not be read (E012): its name and areas are unknown,
    /// so a listing that names no known district is not reported as well.
    var districtsIncomplete = false
    /// 町名 → district id, from the districts' `areas:`; places a row that has no 地区.
    var areas: [(name: String, districtID: String)] = [] {
        didSet { areaMatcher = AreaMatcher(areas.map { AreaMatcher.Area(name: $0.name, districtID: $0.districtID) }) }
    }

    /// `areas` folded once, longest first.
    private var areaMatcher = AreaMatcher([])

    init(districts: Vocabulary, categories: Vocabulary, audiences: Vocabulary, areas: [(name: String, districtID: String)] = [], asOf: LocalDate? = nil) {
        self.districts = districts
        self.categories = categories
        self.audiences = audiences
        self.areas = areas
        self.asOf = asOf
        areaMatcher = AreaMatcher(areas.map { AreaMatcher.Area(name: $0.name, districtID: $0.districtID) })
    }

    func check(_ raw: RawListing, into diagnostics: inout [Diagnostic]) -> Listing? {
        var failed = false
        func report(_ code: DiagnosticCode, _ message: String, _ column: ListingColumn) {
            if code.severity == .error { failed = true }
            diagnostics.append(Diagnostic(code, message, at: raw.values[column]?.location ?? raw.source))
        }
        let areaDistrict = raw.text(.district) == nil ? districtFromAreas(raw, report) : nil
        for key in ListingSchema.requiredKeys where raw.text(key) == nil {
            if key == .district, areaDistrict != nil || raw.text(.address) != nil && !areas.isEmpty { continue }
            let hint = key == .kind || key == .district ? "（表にない場合は、表と同じ名前の .yml の defaults: に書けます）" : ""
            report(.missingValue, "「\(key.label)」が空です。必ず書いてください\(hint)", key)
        }
        let id = raw.text(.id).map(Self.canonicalID) ?? ""
        if !id.isEmpty && !Slug.isValid(id) {
            report(.malformedID, "ID「\(id)」は使えません。半角の英小文字・数字・ハイフンで書いてください（例: minami-salon）", .id)
        }
        let kind = raw.text(.kind).flatMap { text -> ListingKind? in
            guard let kind = ListingKind(written: text) else {
                report(.unknownKind, "種別「\(text)」がわかりません。サロン・通いの場・支え合い（または salon / place / group）のどれかを書いてください", .kind)
                return nil
            }
            return kind
        }
        let districtID = raw.text(.district).flatMap { text -> String? in
            if let ids = districts.sharedName(text) {
                report(.sharedDistrictName, "「\(text)」という名前の地区が \(ids.count) つあります（\(ids.joined(separator: "、"))）。どの地区か、ID で書いてください", .district)
                return nil
            }
            guard let id = districts.resolve(text) else {
                if districtsIncomplete { return nil }
                report(.unknownDistrict, "地区「\(text)」がありません\(Suggestion.hint(for: text, in: districts.names))", .district)
                return nil
            }
            return id
        } ?? areaDistrict
        let categoryIDs = terms(.categories, in: categories, code: .unknownCategory, what: "分類", raw: raw, report: report)
        let audienceIDs = terms(.audience, in: audiences, code: .unknownAudience, what: "対象", raw: raw, report: report)

        var status = ListingStatus.active
        if let text = raw.text(.status) {
            if let parsed = ListingStatus(written: text) {
                status = parsed
            } else {
                report(.unknownStatus, "状態「\(text)」がわかりません。活動中・休止中・活動終了のどれかを書いてください", .status)
            }
        }
        let since = date(.since, raw, report)
        let until = date(.until, raw, report)
        let updated = date(.updated, raw, report)
        if let since, let until, until.start < since.start {
            report(.untilBeforeSince, "終了（\(until.iso)）が開始（\(since.iso)）より前です。日付を確かめてください", .until)
        }
        if status == .active, until != nil {
            report(.statusUntilMismatch, "終了日が書かれていますが状態が「活動中」です。休止・終了したなら状態を「休止中」か「活動終了」にしてください", .status)
        }
        if status == .ended, until == nil {
            report(.statusUntilMismatch, "状態が「活動終了」ですが終了日がありません。終了した年月を書いてください", .status)
        }
        let coordinate = self.coordinate(raw, report)
        var notAURL = false
        let url = raw.text(.url).flatMap { text -> String? in
            let folded = TextNormalization.asciiFolded(text)
            guard SafeURL.isWebURL(folded) else {
                if URLComponents(string: folded)?.scheme == nil {
                    // 「Instagram で検索」 or a URL missing its scheme (https//…, www.…): useful to
                    // residents as words, never as a link.
                    report(.urlAsText, "ホームページ「\(text)」は URL ではないため、リンクにせず文字のまま表示します。http:// か https:// で始まる URL にしてください", .url)
                    notAURL = true
                } else {
                    report(.badURL, "ホームページ「\(text)」はリンクにできません（\(SafeURL.problem(folded) ?? "")）。https://example.jp/ のような URL にしてください", .url)
                }
                return nil
            }
            return folded
        }
        var texts = self.texts(raw, report)
        if notAURL { texts[ListingColumn.url.rawValue] = raw.text(.url) }

        var schedule: Schedule?
        if let text = scheduleText(raw, since: since?.start) {
            // 開始 and 終了 go into the schedule itself, so no page or calendar can forget them.
            let result = ScheduleParser.parse(text, since: since?.start, until: until.map(Self.lastDay), asOf: asOf)
            schedule = result.schedule
            let column: ListingColumn = raw.text(.schedule) != nil ? .schedule
                : ListingTableReader.scheduleColumns.filter { raw.text($0) != nil }.min { (raw.values[$0]!.location) < (raw.values[$1]!.location) } ?? .schedule
            for warning in result.warnings {
                report(.scheduleNotUnderstood, warning, column)
            }
        }
        for column in [ListingColumn.notes, .summary] {
            guard let text = raw.text(column) else { continue }
            for clause in ScheduleMentions.find(in: text, schedule: raw.text(.schedule)) {
                report(.scheduleWordsElsewhere, "「\(column.label)」の「\(clause)」は開催日に関わりますが、カレンダーには入りません。開催日時の列に書いてください（例: 毎週水曜 10:00〜12:00（第5水曜は休み））", column)
            }
        }
        guard !failed, let kind, let districtID, let name = raw.text(.name), let kana = raw.text(.kana) else { return nil }
        return Listing(
            id: id, name: name, kana: TextNormalization.normalize(kana), kind: kind, districtID: districtID,
            categoryIDs: categoryIDs, audienceIDs: audienceIDs, schedule: schedule, coordinate: coordinate, url: url,
            status: status, since: since, until: until, updated: updated, texts: texts,
            extras: raw.extras.map { ExtraField(label: $0.label, value: $0.value.text) } + otherPlaces(raw, since: since?.start),
            body: raw.body, source: raw.source)
    }

    /// An ID of letters and digits only is a municipality's code (AA0100000001): its case
    /// carries nothing, and URLs are lowercase.
    static func canonicalID(_ text: String) -> String {
        let folded = TextNormalization.asciiFolded(text)
        // By bytes: an ASCII letter or digit is one byte, and any other byte is not one
        // (the test by Characters cost more than the rest of checking the ID).
        let lettersAndDigits = folded.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        return lettersAndDigits ? folded.lowercased() : folded
    }

    /// 開催日時 as written, else the national layout's schedule columns joined into one text.
    /// 開催日時特記事項 is free text: it joins the schedule only when the parser understands it
    /// (祝日は休み, 8月は休み); otherwise it stays a note shown beside the schedule, so a remark
    /// such as 「変更する場合があります」 does not cost the listing its meeting dates.
    /// The listing's own schedule and those of its 追加情報 sessions, as independent rules.
    func scheduleText(_ raw: RawListing, since: LocalDate? = nil) -> String? {
        let texts = ([raw] + raw.sessions).compactMap { sessionScheduleText($0, since: since) }
        return texts.isEmpty ? nil : texts.joined(separator: "／")
    }

    private func sessionScheduleText(_ raw: RawListing, since: LocalDate?) -> String? {
        if let text = raw.text(.schedule) { return text }
        var parts = ScheduleComposer.Parts(
            frequency: raw.text(.frequency), weekdays: raw.text(.weekdays), days: raw.text(.days),
            start: raw.text(.startTime), end: raw.text(.endTime), note: nil)
        guard let note = raw.text(.scheduleNote) else { return ScheduleComposer.compose(parts) }
        guard let main = ScheduleComposer.compose(parts) else { return note }
        // Published tables often repeat 開催日 in the note; it is already in the text.
        if main.contains(note) { return main }
        // Candidates, most complete first: the note joined to the rule; the rule alone; and,
        // when 開催日 is empty, the note read as 開催日 (月1回 + 水 + note 毎月第2水曜日). The one the
        // parser understands best wins; a tie keeps the earlier.
        var candidates: [String] = []
        var joined = parts
        joined.note = note
        if let text = ScheduleComposer.compose(joined) { candidates.append(text) }
        candidates.append(main)
        if parts.days == nil {
            parts.days = note
            parts.frequency = nil
            if let text = ScheduleComposer.compose(parts) { candidates.append(text) }
        }
        var best: (text: String, score: Int)?
        for text in candidates {
            let result = ScheduleParser.parse(text, since: since, asOf: asOf)
            let score = result.warnings.count * 2 + (result.schedule.rules.isEmpty ? 1 : 0)
            if best == nil || score < best!.score { best = (text, score) }
        }
        return best?.text ?? main
    }

    /// 追加情報 sessions held somewhere else than the listing: where, and when.
    private func otherPlaces(_ raw: RawListing, since: LocalDate?) -> [ExtraField] {
        func place(_ r: RawListing) -> String { [r.text(.building), r.text(.address)].compactMap { $0 }.joined(separator: "　") }
        let places = raw.sessions.compactMap { session -> String? in
            let there = place(session)
            guard !there.isEmpty, there != place(raw) else { return nil }
            return there + (sessionScheduleText(session, since: since).map { "（\($0)）" } ?? "")
        }
        // One field, so every export (one column, one key) keeps all of them.
        return places.isEmpty ? [] : [ExtraField(label: "ほかの会場", value: places.joined(separator: "／"))]
    }

    /// Every other field's text, checked by its kind. Fields with typed homes (kind, district,
    /// dates …) and the coordinate pair are not repeated here.
    private func texts(_ raw: RawListing, _ report: (DiagnosticCode, String, ListingColumn) -> Void) -> [String: String] {
        // Not reserved for every value: the dictionary stays with the listing, and room for
        // the fields that are not kept cost 50 MB at 100k listings.
        var texts: [String: String] = [:]
        // The row's own values, not every field of the schema: most fields are empty.
        for (key, value) in raw.values where !value.text.isEmpty {
            let text = value.text
            switch ListingSchema.kind(key) {
            case .id, .kana, .listingKind, .district, .vocabulary, .status, .date, .url, .latitude, .longitude, .coordinatePair, .dropped:
                continue
            case .frequency:
                if ListingSchema.frequencyLabel(text) == nil {
                    report(.unknownFrequency, "開催頻度「\(text)」は 1〜8 のコードではありません（\(ListingSchema.frequencies.map { "\($0.code): \($0.label)" }.joined(separator: "、"))）。そのまま表示します", key)
                }
            case .email:
                if !FieldFormat.isEmail(TextNormalization.asciiFolded(text)) {
                    report(.badEmail, "「\(key.label)」の「\(text)」はメールアドレスの形ではありません（例: info@example.org）", key)
                    continue
                }
            case .image:
                if !SafeURL.isWebURL(TextNormalization.asciiFolded(text)) {
                    report(.badImageURL, "「\(key.label)」の「\(text)」は http:// か https:// で始まる画像の URL にしてください", key)
                    continue
                }
            case .count:
                guard let count = FieldFormat.count(text) else {
                    report(.badCount, "「\(key.label)」の「\(text)」は数として読めません。0 以上の整数を書いてください（例: 107、243回）。わからなければ空にしてください", key)
                    continue
                }
                texts[key.rawValue] = String(count)
                continue
            case .text, .number, .schedule, .weekdays, .schedulePart, .fee, .phone, .flag, .code:
                break
            }
            if key == .name { continue }
            texts[key.rawValue] = text
        }
        return texts
    }

    /// The district whose `areas` name a 町 in the address: the longest name wins, so 本町 is not
    /// taken for 中本町; two districts claiming the same longest name is an error.
    private func districtFromAreas(_ raw: RawListing, _ report: (DiagnosticCode, String, ListingColumn) -> Void) -> String? {
        guard let address = raw.text(.address), !areas.isEmpty else { return nil }
        let best = areaMatcher.areas(in: address)
        switch best.count {
        case 0:
            if districtsIncomplete { return nil }
            report(.noAreaMatch, "地区が空で、住所「\(address)」はどの地区の areas（町名）にも当たりません。地区を書くか、地区のファイルの areas: に町名を加えてください", .address)
            return nil
        case 1:
            return best[0].districtID
        default:
            report(.ambiguousArea, "地区が空で、住所「\(address)」の町名「\(best[0].name)」は複数の地区（\(best.map(\.districtID).joined(separator: "、"))）の areas にあります。地区を書いてください", .address)
            return nil
        }
    }

    /// The last day 終了 covers: 2026年3月 ends on the 31st, 令和7年度 on 31 March 2026.
    static func lastDay(_ date: WrittenDate) -> LocalDate {
        switch date {
        case .day(let day): day
        case .month(let month): month.lastDay
        case .year(let year): LocalDate(year: year, month: 12, day: 31)!
        case .fiscalYear(let year): LocalDate(year: year + 1, month: 3, day: 31)!
        }
    }

    private func terms(_ column: ListingColumn, in vocabulary: Vocabulary, code: DiagnosticCode, what: String, raw: RawListing,
                       report: (DiagnosticCode, String, ListingColumn) -> Void) -> [String] {
        guard let text = raw.text(column) else { return [] }
        var ids: [String] = []
        for word in vocabulary.split(text) {
            if let id = vocabulary.resolve(word) {
                if !ids.contains(id) { ids.append(id) }
            } else {
                report(code, "\(what)「\(word)」は site.yml にありません\(Suggestion.hint(for: word, in: vocabulary.names))。site.yml に加えるか、書き方を合わせてください", column)
            }
        }
        return ids
    }

    private func date(_ column: ListingColumn, _ raw: RawListing, _ report: (DiagnosticCode, String, ListingColumn) -> Void) -> WrittenDate? {
        guard let text = raw.text(column) else { return nil }
        switch JapaneseDateParser.parse(text) {
        case .success(let date):
            return date
        case .failure(.impossible):
            report(.badDate, "「\(column.label)」の日付「\(text)」は存在しません。月と日を確かめてください", column)
        case .failure(.unreadable):
            report(.badDate, "「\(column.label)」の「\(text)」を日付として読めません。2024-04、2024年4月、令和6年4月 のように書いてください", column)
        }
        return nil
    }

    /// Two numbers in one cell (`36.395, 139.33`, as copied from a map) in 緯度 or 緯度経度.
    static func pair(_ text: String) -> (String, String)? {
        let parts = TextNormalization.asciiFolded(text).split(whereSeparator: { ",、， \t".contains($0) }).map(String.init)
        guard parts.count == 2, Double(parts[0]) != nil, Double(parts[1]) != nil else { return nil }
        return (parts[0], parts[1])
    }

    private func coordinate(_ raw: RawListing, _ report: (DiagnosticCode, String, ListingColumn) -> Void) -> Coordinate? {
        var latText = raw.text(.lat).map(TextNormalization.asciiFolded)
        var lonText = raw.text(.lon).map(TextNormalization.asciiFolded)
        var latColumn = ListingColumn.lat
        if latText == nil, lonText == nil, let both = raw.text(.coordinates) {
            guard let (lat, lon) = Self.pair(both) else {
                report(.coordinateOutOfRange, "緯度経度「\(both)」は「36.40, 139.34」のように緯度と経度をコンマで区切って書いてください", .coordinates)
                return nil
            }
            (latText, lonText, latColumn) = (lat, lon, .coordinates)
        } else if let text = latText, lonText == nil, let (lat, lon) = Self.pair(text) {
            (latText, lonText) = (lat, lon)
        }
        switch (latText, lonText) {
        case (nil, nil):
            return nil
        case (.some, nil):
            report(.halfCoordinate, "緯度だけがあり経度がありません。両方書くか、両方空けてください", .lat)
            return nil
        case (nil, .some):
            report(.halfCoordinate, "経度だけがあり緯度がありません。両方書くか、両方空けてください", .lon)
            return nil
        case let (latText?, lonText?):
            guard let lat = Double(latText), (-90...90).contains(lat) else {
                report(.coordinateOutOfRange, "緯度「\(latText)」は -90〜90 の数で書いてください（例: 36.40）", latColumn)
                return nil
            }
            guard let lon = Double(lonText), (-180...180).contains(lon) else {
                report(.coordinateOutOfRange, "経度「\(lonText)」は -180〜180 の数で書いてください（例: 139.34）", latColumn == .lat ? .lon : latColumn)
                return nil
            }
            let coordinate = Coordinate(latitude: lat, longitude: lon)
            if !coordinate.isInJapan {
                report(.outsideJapan, "緯度 \(lat)・経度 \(lon) は日本の外です。緯度と経度が入れ替わっていないか確かめてください", latColumn)
            }
            return coordinate
        }
    }
}
