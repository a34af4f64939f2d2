import Foundation
import SasaeaiInput
import SasaeaiSchedule

/// Checks one raw listing against the site's vocabularies and districts. Every problem in the
/// row is reported (not just the first), and a listing with an error is not built.
struct ListingChecker {
    let districts: Vocabulary
    let categories: Vocabulary
    let audiences: Vocabulary

    func check(_ raw: RawListing, into diagnostics: inout [Diagnostic]) -> Listing? {
        var failed = false
        func report(_ severity: Severity, _ code: String, _ message: String, _ column: ListingColumn) {
            if severity == .error { failed = true }
            diagnostics.append(Diagnostic(severity, code, message, at: raw.values[column]?.location ?? raw.source))
        }
        for column in ListingColumn.required where raw.text(column) == nil {
            report(.error, Codes.missingValue, "「\(column.label)」が空です。必ず書いてください", column)
        }
        let id = raw.text(.id).map(TextNormalization.asciiFolded) ?? ""
        if !id.isEmpty && !Slug.isValid(id) {
            report(.error, Codes.malformedID, "ID「\(id)」は使えません。半角の英小文字・数字・ハイフンで書いてください（例: minami-salon）", .id)
        }
        let kind = raw.text(.kind).flatMap { text -> ListingKind? in
            guard let kind = ListingKind(written: text) else {
                report(.error, Codes.unknownKind, "種別「\(text)」がわかりません。サロン・通いの場・支え合い（または salon / place / group）のどれかを書いてください", .kind)
                return nil
            }
            return kind
        }
        let districtID = raw.text(.district).flatMap { text -> String? in
            guard let id = districts.resolve(text) else {
                report(.error, Codes.unknownDistrict, "地区「\(text)」がありません\(Suggestion.hint(for: text, in: districts.names))", .district)
                return nil
            }
            return id
        }
        let categoryIDs = terms(.categories, in: categories, code: Codes.unknownCategory, what: "分類", raw: raw, report: report)
        let audienceIDs = terms(.audience, in: audiences, code: Codes.unknownAudience, what: "対象", raw: raw, report: report)

        var status = ListingStatus.active
        if let text = raw.text(.status) {
            if let parsed = ListingStatus(written: text) {
                status = parsed
            } else {
                report(.error, Codes.unknownStatus, "状態「\(text)」がわかりません。活動中・休止中・活動終了のどれかを書いてください", .status)
            }
        }
        let since = date(.since, raw, report)
        let until = date(.until, raw, report)
        let updated = date(.updated, raw, report)
        if let since, let until, until.start < since.start {
            report(.error, Codes.untilBeforeSince, "終了（\(until.iso)）が開始（\(since.iso)）より前です。日付を確かめてください", .until)
        }
        if status == .active, until != nil {
            report(.warning, Codes.statusUntilMismatch, "終了日が書かれていますが状態が「活動中」です。休止・終了したなら状態を「休止中」か「活動終了」にしてください", .status)
        }
        if status == .ended, until == nil {
            report(.warning, Codes.statusUntilMismatch, "状態が「活動終了」ですが終了日がありません。終了した年月を書いてください", .status)
        }
        let coordinate = self.coordinate(raw, report)
        let url = raw.text(.url).flatMap { text -> String? in
            let folded = TextNormalization.asciiFolded(text)
            guard SafeURL.isWebURL(folded) else {
                report(.error, Codes.badURL, "ホームページ「\(text)」はリンクにできません（\(SafeURL.problem(folded) ?? "")）。https://example.jp/ のような URL にしてください", .url)
                return nil
            }
            return folded
        }

        var schedule: Schedule?
        if let text = raw.text(.schedule) {
            let sinceDay = since?.start
            let result = ScheduleParser.parse(text, since: sinceDay)
            schedule = result.schedule
            for warning in result.warnings {
                report(.warning, Codes.scheduleNotUnderstood, warning, .schedule)
            }
        }
        guard !failed, let kind, let districtID, let name = raw.text(.name), let kana = raw.text(.kana) else { return nil }
        return Listing(
            id: id, name: name, kana: TextNormalization.normalize(kana), kind: kind, districtID: districtID,
            categoryIDs: categoryIDs, audienceIDs: audienceIDs, schedule: schedule,
            venue: raw.text(.venue), address: raw.text(.address), coordinate: coordinate,
            fee: raw.text(.fee), capacity: raw.text(.capacity), contact: raw.text(.contact), url: url,
            status: status, since: since, until: until, updated: updated,
            summary: raw.text(.summary), barrierFree: raw.text(.barrierFree), transport: raw.text(.transport),
            notes: raw.text(.notes),
            extras: raw.extras.map { ExtraField(label: $0.label, value: $0.value.text) },
            body: raw.body, source: raw.source)
    }

    private func terms(_ column: ListingColumn, in vocabulary: Vocabulary, code: String, what: String, raw: RawListing,
                       report: (Severity, String, String, ListingColumn) -> Void) -> [String] {
        guard let text = raw.text(column) else { return [] }
        var ids: [String] = []
        for word in vocabulary.split(text) {
            if let id = vocabulary.resolve(word) {
                if !ids.contains(id) { ids.append(id) }
            } else {
                report(.error, code, "\(what)「\(word)」は site.yml にありません\(Suggestion.hint(for: word, in: vocabulary.names))。site.yml に加えるか、書き方を合わせてください", column)
            }
        }
        return ids
    }

    private func date(_ column: ListingColumn, _ raw: RawListing, _ report: (Severity, String, String, ListingColumn) -> Void) -> WrittenDate? {
        guard let text = raw.text(column) else { return nil }
        switch JapaneseDateParser.parse(text) {
        case .success(let date):
            return date
        case .failure(.impossible):
            report(.error, Codes.badDate, "「\(column.label)」の日付「\(text)」は存在しません。月と日を確かめてください", column)
        case .failure(.unreadable):
            report(.error, Codes.badDate, "「\(column.label)」の「\(text)」を日付として読めません。2024-04、2024年4月、令和6年4月 のように書いてください", column)
        }
        return nil
    }

    private func coordinate(_ raw: RawListing, _ report: (Severity, String, String, ListingColumn) -> Void) -> Coordinate? {
        let latText = raw.text(.lat).map(TextNormalization.asciiFolded)
        let lonText = raw.text(.lon).map(TextNormalization.asciiFolded)
        switch (latText, lonText) {
        case (nil, nil):
            return nil
        case (.some, nil):
            report(.error, Codes.halfCoordinate, "緯度だけがあり経度がありません。両方書くか、両方空けてください", .lat)
            return nil
        case (nil, .some):
            report(.error, Codes.halfCoordinate, "経度だけがあり緯度がありません。両方書くか、両方空けてください", .lon)
            return nil
        case let (latText?, lonText?):
            guard let lat = Double(latText), (-90...90).contains(lat) else {
                report(.error, Codes.coordinateOutOfRange, "緯度「\(latText)」は -90〜90 の数で書いてください（例: 36.40）", .lat)
                return nil
            }
            guard let lon = Double(lonText), (-180...180).contains(lon) else {
                report(.error, Codes.coordinateOutOfRange, "経度「\(lonText)」は -180〜180 の数で書いてください（例: 139.34）", .lon)
                return nil
            }
            let coordinate = Coordinate(latitude: lat, longitude: lon)
            if !coordinate.isInJapan {
                report(.warning, Codes.outsideJapan, "緯度 \(lat)・経度 \(lon) は日本の外です。緯度と経度が入れ替わっていないか確かめてください", .lat)
            }
            return coordinate
        }
    }
}
