import Foundation
import SasaeaiInput
import SasaeaiSchedule

/// The site's own search index. Japanese has no spaces between words, so instead of a
/// word index (which needs a segmenter) every entry carries normalised texts and the page
/// matches query terms as substrings: 体操 is found inside いきいき体操クラブ, a reading typed in
/// katakana matches one written in hiragana, and ｻﾛﾝ matches サロン. `assets/fold.js`
/// normalises queries with the same rules as `SearchFolding.fold` (an e2e test compares them).
///
/// Residents type words that the tables do not contain (金曜日 for 「毎週金曜」, 午前 for
/// 「10:00〜」, むりょう, the 町名 they live in), so each listing's text also carries words
/// derived from its parsed fields: weekdays, parts of day, its district's reading and 町名,
/// 無料, and readings of common facility words.
enum SearchIndex {
    struct Entry {
        let title: String
        let url: String
        let type: String
        let detail: String
        /// Folded name and reading: a match there ranks first.
        let name: String
        let reading: String
        /// Folded text of every searched field, the name and reading included.
        let text: String
        var district: String? = nil
        var days: String? = nil
        var paused: Bool? = nil

        /// One-letter keys keep the index small; `assets/search.js` reads them.
        func write(to json: inout JSONWriter) {
            json.beginObject()
            json.field("d", detail)
            json.field("g", district)
            json.field("k", type)
            json.field("n", name)
            json.field("p", paused)
            json.field("r", reading)
            json.field("t", title)
            json.field("u", url)
            json.field("w", days)
            json.field("x", text)
            json.endObject()
        }
    }

    /// Words a resident may type for a meeting time: the weekday (金曜) and the part of day,
    /// from the parsed schedule rather than from how the table happens to write it.
    static func timeWords(_ schedule: Schedule?) -> [String] {
        guard let schedule else { return [] }
        var words = schedule.weekdays.map { $0.kanji + "曜" }
        for rule in schedule.rules {
            if let part = rule.part {
                words.append(part.rawValue)
                if part == .earlyMorning { words.append(PartOfDay.morning.rawValue) }
                if part == .evening { words.append(PartOfDay.night.rawValue) }
            }
            if let start = rule.start {
                switch start.hour {
                case ..<12: words.append(PartOfDay.morning.rawValue)
                case 12..<17: words.append(PartOfDay.afternoon.rawValue)
                default: words += [PartOfDay.evening.rawValue, PartOfDay.night.rawValue]
                }
                if (11...12).contains(start.hour) { words.append(PartOfDay.noon.rawValue) }
            }
        }
        return words
    }

    /// The schema's fields each listing's entry reads, picked out once.
    private static let feeFields = ListingSchema.fields.filter { $0.kind == .fee }
    private static let searchedFields = ListingSchema.fields.filter { $0.outputs.contains(.search) }

    /// 無料 when any fee says so or is 0 円.
    static func isFree(_ listing: Listing) -> Bool {
        feeFields.contains { field in
            guard let fee = listing[field.key].map(SearchFolding.fold) else { return false }
            return fee.contains("無料") || fee == "0" || fee == "0円"
        }
    }

    static func entries(_ content: SiteContent, index: SiteIndex, labels: Labels, bulletinText: (Bulletin) -> String) -> [Entry] {
        // Listings on all cores: folding every listing's text is most of the index's cost.
        var entries = ParallelMap.map(index.listed) { i -> Entry in
            let listing = content.listings[i]
            let district = index.districtsByID[listing.districtID].map { content.districts[$0] }
            let terms = listing.categoryIDs.compactMap { index.categoryNames[$0] } + listing.audienceIDs.compactMap { index.audienceNames[$0] }
            let weekdays = listing.schedule?.weekdays ?? []
            var haystack = [listing.name, listing.kana, listing.kind.name, district?.name, district?.kana, listing.schedule?.text, listing.body]
                .compactMap { $0 } + (district?.areas ?? []) + (district?.areaKana.values.sorted() ?? []) + terms + searchedTexts(listing)
                + timeWords(listing.schedule)
            // In a nested site the municipality's and prefecture's names find their districts' listings.
            if let position = index.districtsByID[listing.districtID] {
                for above in index.districtTree.ancestors[position] { haystack += [content.districts[above].name, content.districts[above].kana].compactMap { $0 } }
            }
            if isFree(listing) { haystack.append("無料") }
            var entry = Entry(
                title: listing.name, url: Route.listing(listing.id).path, type: listing.kind.name,
                detail: [listing.schedule?.text, listing.venue].compactMap { $0 }.joined(separator: "・"),
                name: SearchFolding.fold(listing.name), reading: SearchFolding.fold(listing.kana), text: SearchFolding.foldWithReadings(haystack.joined(separator: " ")))
            entry.district = district?.name
            entry.days = weekdays.isEmpty ? nil : weekdays.map { $0.kanji + "曜" }.joined(separator: "・")
            entry.paused = listing.status == .paused ? true : nil
            return entry
        }
        for bulletin in content.bulletins {
            entries.append(Entry(title: bulletin.title, url: Route.bulletin(bulletin.month.description).path,
                                 type: content.config.bulletinName, detail: labels.date(.month(YearMonth(year: bulletin.date.year, month: bulletin.date.month)!)),
                                 name: SearchFolding.fold(bulletin.title), reading: "", text: SearchFolding.foldWithReadings(bulletin.title + " " + bulletinText(bulletin))))
        }
        for page in content.pages {
            entries.append(Entry(title: page.title, url: Route.page(page.slug).path, type: labels[.searchPageType], detail: "",
                                 name: SearchFolding.fold(page.title), reading: "", text: SearchFolding.foldWithReadings(page.title + " " + page.body)))
        }
        return entries
    }

    /// The values of the schema's searched text fields (venue, address, summary, organiser …).
    static func searchedTexts(_ listing: Listing) -> [String] {
        searchedFields.compactMap { field in
            guard let text = listing[field.key], let shown = FieldFormat.display(field, text) else { return nil }
            // A flag that is set is found by its name (フードパントリー), not by 「あり」.
            return field.kind == .flag ? field.label : shown.value
        }
    }

    /// The written form of each entry, shared by the whole index and the chunks' blocks.
    static func json(_ entries: [Entry]) -> [[UInt8]] {
        entries.map { entry in
            var json = JSONWriter(reservingCapacity: entry.text.utf8.count + 256)
            entry.write(to: &json)
            return json.bytes
        }
    }

    /// The whole index (for other tools) and its split form for phones (`SearchChunks`).
    static func files(_ entries: [Entry]) -> [OutputFile] {
        let chunks = SearchChunks(entries)
        let blocks = chunks.entryBlocks
        // The whole index is the blocks' entries in one array, written from them rather than
        // held a second time (45 MB at 100,000 listings): each block is `[…]` and a newline.
        let whole = OutputFile(Route.searchIndex.path, streaming: { emit in
            func emitASCII(_ text: StaticString) {
                emit(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
            }
            emitASCII("[")
            for (i, block) in blocks.enumerated() {
                if i > 0 { emitASCII(",") }
                var block = block
                block.withUTF8 { emit(UnsafeBufferPointer(rebasing: $0[1..<($0.count - 2)])) }
            }
            emitASCII("]\n")
        })
        return [whole] + chunks.files.map { OutputFile("search/" + $0.path, text: $0.text) }
    }
}
