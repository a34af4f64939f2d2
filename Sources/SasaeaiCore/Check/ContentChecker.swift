import SasaeaiInput
import SasaeaiSchedule

/// The check stage: raw files in, a consistent `SiteContent` out, every problem reported.
struct ContentChecker {
    var includeDrafts = false
    var asOf: LocalDate?

    /// Takes the files over: each table's text is let go as soon as its rows have been read.
    func check(_ files: consuming ContentFiles, into diagnostics: inout [Diagnostic]) -> SiteContent? {
        guard let siteFields = files.site, let config = SiteConfig.read(siteFields, into: &diagnostics) else {
            return nil
        }
        let (districts, nestingHeld) = checkDistricts(files.districts, into: &diagnostics)
        // The bulletins come first: the newest one gives the as-of date, which gives the year of
        // schedules written as dates (7月2日(火)). Diagnostics are sorted afterwards anyway.
        let bulletins = checkBulletins(files.bulletins, staticFiles: files.staticFiles, into: &diagnostics)
        let published = bulletins.filter { includeDrafts || !$0.draft }
        // The as-of comes from published issues even when drafts are shown, so a preview with
        // a draft computes 「今期」 exactly as the published site will.
        let asOf = self.asOf ?? bulletins.first { !$0.draft }?.date ?? LocalDate(year: 2000, month: 1, day: 1)!
        var checker = ListingChecker(
            districts: Vocabulary(districts.map { ($0.id, $0.name) }),
            categories: Vocabulary(config.categories.map { ($0.id, $0.name) }),
            audiences: Vocabulary(config.audiences.map { ($0.id, $0.name) }),
            areas: districts.flatMap { district in district.areas.map { (name: $0, districtID: district.id) } },
            asOf: asOf)
        checker.districtsIncomplete = files.districts.contains(where: \.frontMatterFailed)
        let (listings, writtenIDs) = checkListings(&files.tables, documents: files.listingDocuments, checker: checker, into: &diagnostics)
        if nestingHeld { DistrictNesting.venueListingsInParents(districts, listings, into: &diagnostics) }
        let pages = checkPages(files.pages, into: &diagnostics)
        for (documents, known) in [(files.districts, Self.districtKeys), (files.bulletins, Self.bulletinKeys), (files.pages, Self.pageKeys)] {
            for document in documents {
                for key in document.fields?.keys ?? [] where !known.contains(key) {
                    diagnostics.append(Diagnostic(.unknownFrontMatterKey, "前付けの「\(key)」は使われません。綴りを確かめてください（使える項目: \(known.sorted().joined(separator: ", "))）", at: document.fields![key]!.location))
                }
            }
        }
        for document in files.bulletins + files.pages + files.districts + files.listingDocuments {
            for line in Self.tableLines(document.body, firstLine: document.bodyFirstLine) {
                diagnostics.append(Diagnostic(.markdownTable, "表（| で区切った行）はそのまま文字で表示されます。箇条書き（- 日にち　内容）に書き換えてください", at: SourceLocation(file: document.file, line: line)))
            }
        }
        // Embeds are checked against every ID written, not only the listings that passed: a row
        // with its own error is already reported there, and a second error here would mislead.
        let knownIDs = writtenIDs
        for bulletin in bulletins {
            for embed in Embed.scan(bulletin.body, firstLine: bulletin.bodyFirstLine) {
                switch embed.kind {
                case .listing(let id) where !knownIDs.contains(id):
                    diagnostics.append(Diagnostic(.unknownEmbedListing, "埋め込みの ID「\(id)」の情報がありません\(Suggestion.hint(for: id, in: knownIDs.sorted()))", at: SourceLocation(file: bulletin.source.file, line: embed.line, column: embed.column)))
                case .unknown(let name):
                    diagnostics.append(Diagnostic(.unknownEmbed, "「{{< \(name) >}}」は使えません（使えるもの: listing, calendar, changes, stats）", at: SourceLocation(file: bulletin.source.file, line: embed.line, column: embed.column)))
                default: break
                }
            }
        }
        return SiteContent(config: config, districts: districts, listings: listings, bulletins: published,
                           pages: pages, staticFiles: files.staticFiles, staticRoot: files.staticRoot, asOf: asOf)
    }

    /// The districts in order, and whether their `parent:`s all held (DistrictNesting).
    private func checkDistricts(_ documents: [MarkdownDocument], into diagnostics: inout [Diagnostic]) -> ([District], Bool) {
        var districts: [District] = []
        var parents: [String: (text: String, location: SourceLocation)] = [:]
        for document in documents {
            guard Self.hasSlugName(document, what: "地区", example: "minami.md", into: &diagnostics) else { continue }
            if document.frontMatterFailed {
                // Already reported (E012). The build stops on that error; the district still
                // counts as existing, so listings that name it are not reported as well.
                districts.append(District(id: document.stem, name: document.stem, kana: nil, order: Int.max, center: nil,
                                          coordinator: nil, areas: [], body: "", source: document.location))
                continue
            }
            guard let fields = document.fields, let name = fields.string("name") else {
                diagnostics.append(Diagnostic(.missingTitle, "地区の名前（name）を前付けに書いてください", at: document.location))
                continue
            }
            // 本町（ほんまち）: the name is matched against addresses, the reading sorts the 町名 index.
            let areas = (fields.list("areas") ?? []).flatMap { Vocabulary.separators($0) }.map(AreaName.parse)
            districts.append(District(
                id: document.stem, name: name, kana: fields.string("kana"),
                order: Self.order(fields),
                center: coordinate(fields["center"]?.node.sequence?.compactMap(\.float)),
                coordinator: fields.string("coordinator"),
                areas: areas.map(\.name),
                areaKana: Dictionary(areas.compactMap { area in area.kana.map { (area.name, $0) } }, uniquingKeysWith: { first, _ in first }),
                body: document.body, source: document.location))
            if let parent = fields.string("parent"), let location = fields["parent"]?.location {
                parents[document.stem] = (parent, location)
            } else if let field = fields["parent"], field.node.scalar == nil {
                // A list or a mapping: a district lies in one district only.
                diagnostics.append(Diagnostic(.unknownParentDistrict, "地区「\(name)」の parent は、上の地区の ID を一つだけ書いてください（例: parent: kaikaze）", at: field.location))
            }
        }
        districts.sort { ($0.order, $0.id) < ($1.order, $1.id) }
        let held = DistrictNesting.resolve(&districts, written: parents, into: &diagnostics)
        return (districts, held)
    }

    private func coordinate(_ pair: [Double]?) -> Coordinate? {
        guard let pair, pair.count == 2 else { return nil }
        return Coordinate(latitude: pair[0], longitude: pair[1])
    }

    /// The checked listings in 五十音順, and every ID written in the content. The read stage
    /// hands on each listing finished (`ListingAssembly`), and it is checked while the next
    /// ones are read.
    private func checkListings(_ tables: inout [ListingTable], documents: [MarkdownDocument], checker: ListingChecker,
                               into diagnostics: inout [Diagnostic]) -> ([Listing], Set<String>) {
        var collector = ListingCollector(checker: checker)
        let writtenIDs = ListingAssembly.read(&tables, documents: documents, into: &diagnostics) { collector.add($0) }
        let listings = collector.finish()
        diagnostics += collector.diagnostics
        return (listings, writtenIDs)
    }

    private func checkBulletins(_ documents: [MarkdownDocument], staticFiles: [String], into diagnostics: inout [Diagnostic]) -> [Bulletin] {
        var bulletins: [Bulletin] = []
        var seen: [YearMonth: SourceLocation] = [:]
        for document in documents {
            guard let month = Self.bulletinMonth(document.stem) else {
                diagnostics.append(Diagnostic(.badFileName, "会報のファイル名「\(document.stem).md」は 年-月 の形にしてください（例: 2025-11.md）", at: document.location))
                continue
            }
            if let first = seen[month] {
                diagnostics.append(Diagnostic(.duplicateBulletin, "\(month.year)年\(month.month)月号が二つあります（もう一つは \(first.file)）", at: document.location))
                continue
            }
            seen[month] = document.location
            let fields = document.fields
            guard let title = fields?.string("title") else {
                diagnostics.append(Diagnostic(.missingTitle, "会報の題名（title）を前付けに書いてください", at: document.location))
                continue
            }
            var date = month.firstDay
            if let text = fields?.string("date"), let location = fields?["date"]?.location {
                switch JapaneseDateParser.parse(text) {
                case .success(.day(let day)) where day.yearMonth == month:
                    date = day
                case .success(.day(let day)):
                    diagnostics.append(Diagnostic(.bulletinDateMismatch, "発行日 \(day) がファイル名の \(month) と合いません。どちらかを直してください", at: location))
                default:
                    diagnostics.append(Diagnostic(.badDate, "発行日「\(text)」を日付として読めません。2025-11-01 のように書いてください", at: location))
                }
            }
            let number = fields?.string("number").flatMap { Int(TextNormalization.asciiFolded($0).filter(\.isNumber)) }
            if let text = fields?.string("number"), number == nil, let location = fields?["number"]?.location {
                diagnostics.append(Diagnostic(.badBulletinNumber, "号数（number）の「\(text)」は数として読めません。16 のように号の数字を書いてください（「第16号」も可）", at: location))
            }
            if let pdf = fields?.string("pdf"), let location = fields?["pdf"]?.location,
               let problem = BulletinPDF.check(pdf, at: location, staticFiles: staticFiles) {
                diagnostics.append(problem)
            }
            let draft = fields?["draft"]?.node.bool ?? false
            // Drafts are built only for previews (or `--drafts`); the mark is in the title so
            // every page, list, feed and search entry that shows the issue says so.
            bulletins.append(Bulletin(month: month, title: draft ? "【下書き】" + title : title, number: number, date: date, pdf: fields?.string("pdf"),
                                      draft: draft, body: document.body, source: document.location, bodyFirstLine: document.bodyFirstLine))
        }
        return bulletins.sorted { $0.month > $1.month }
    }

    /// cmark renders CommonMark, which has no tables: a pipe table would appear as raw text.
    /// Returns the line of each table's header row.
    static func tableLines(_ body: String, firstLine: Int) -> [Int] {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        var found: [Int] = []
        for i in lines.indices.dropLast() where lines[i].hasPrefix("|") {
            let next = lines[i + 1].trimmingCharacters(in: .whitespaces)
            if next.hasPrefix("|"), next.allSatisfy({ "|-: ".contains($0) }), next.contains("-") {
                found.append(firstLine + i)
            }
        }
        return found
    }

    /// `2025-11`, also written `2025-1` or with full-width digits, as coordinators do; two such
    /// names can then mean the same month, which is reported.
    static func bulletinMonth(_ stem: String) -> YearMonth? {
        let parts = TextNormalization.asciiFolded(stem).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
              let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        return YearMonth(year: year, month: month)
    }

    static let districtKeys: Set<String> = ["name", "kana", "order", "center", "coordinator", "areas", "parent"]
    static let bulletinKeys: Set<String> = ["title", "number", "date", "pdf", "draft"]
    static let pageKeys: Set<String> = ["title", "order"]

    /// District and page file names become URLs, so they must be slugs.
    private static func hasSlugName(_ document: MarkdownDocument, what: String, example: String, into diagnostics: inout [Diagnostic]) -> Bool {
        if Slug.isValid(document.stem) { return true }
        diagnostics.append(Diagnostic(.badFileName, "\(what)のファイル名「\(document.stem).md」は半角英小文字で付けてください（例: \(example)）", at: document.location))
        return false
    }

    /// `order` in front matter; unordered files come last.
    private static func order(_ fields: YAMLFields) -> Int {
        fields.string("order").flatMap { Int(TextNormalization.asciiFolded($0)) } ?? Int.max
    }

    private func checkPages(_ documents: [MarkdownDocument], into diagnostics: inout [Diagnostic]) -> [Page] {
        var pages: [Page] = []
        for document in documents {
            guard Self.hasSlugName(document, what: "ページ", example: "about.md", into: &diagnostics) else { continue }
            guard let title = document.fields?.string("title") else {
                diagnostics.append(Diagnostic(.missingTitle, "ページの題名（title）を前付けに書いてください", at: document.location))
                continue
            }
            let order = document.fields.map(Self.order) ?? Int.max
            pages.append(Page(slug: document.stem, title: title, order: order, body: document.body, source: document.location))
        }
        return pages.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }
    }
}
