import Foundation
import SasaeaiInput

/// One table of listings: a CSV/TSV file, or one worksheet of a workbook, with its sidecar.
struct ListingTable {
    /// A CSV/TSV file is kept as its text and read row by row when it is checked, so a
    /// million-row export never exists as cells; a worksheet arrives already read.
    enum Rows {
        case text(String, TableDelimiter)
        case table(Table)
    }

    let file: String
    let rows: Rows
    let sidecar: TableSidecar
    /// What derived IDs start with (nil: the file's stem).
    var idPrefix: String?
    /// The header row, read ahead of the rows so what they mean is known before any is read.
    let header: [TableCell]

    init(file: String, rows: Rows, sidecar: TableSidecar, idPrefix: String? = nil) {
        self.file = file
        self.rows = rows
        self.sidecar = sidecar
        self.idPrefix = idPrefix
        switch rows {
        case .text(let text, let delimiter): header = DelimitedTable.header(text, delimiter: delimiter, file: file)
        case .table(let table): header = table.header
        }
    }

    var sheet: String? {
        if case .table(let table) = rows { return table.sheet }
        return nil
    }

    /// Calls `row` for each data row in order; problems of the text itself (quoting, headers)
    /// are added to `diagnostics`.
    func forEachRow(into diagnostics: inout [Diagnostic], _ row: (TableRow) -> Void) {
        switch rows {
        case .text(let text, let delimiter):
            let hasPrivate = header.contains { ListingColumn.classify(header: $0.value, columns: sidecar.columns) == .private }
            diagnostics += DelimitedTable.read(text, delimiter: delimiter, file: file, refusingShortRows: hasPrivate, row: row).diagnostics
        case .table(let table):
            table.rows.forEach(row)
        }
    }
}

/// Everything in `content/`, read and split but not yet checked.
struct ContentFiles {
    var site: YAMLFields?
    var siteFile: String
    var districts: [MarkdownDocument] = []
    var tables: [ListingTable] = []
    var listingDocuments: [MarkdownDocument] = []
    var bulletins: [MarkdownDocument] = []
    var pages: [MarkdownDocument] = []
    /// Paths relative to `content/static/`, sorted, copied as they are.
    var staticFiles: [String] = []
    var staticRoot: URL
}

/// The edge where bytes come in: lists and decodes the content folder's files.
/// File lists are sorted so the result never depends on the file system's order.
struct ContentReader {
    let folder: URL
    /// How the user named the folder (`content`), so diagnostics show paths they recognise.
    let displayPath: String
    let fileManager = FileManager.default

    func read(into diagnostics: inout [Diagnostic]) -> ContentFiles {
        var files = ContentFiles(siteFile: display("site.yml"), staticRoot: folder.appendingPathComponent("static"))
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.append(Diagnostic(.missingContentFolder, "コンテンツのフォルダ「\(displayPath)」がありません。--content で場所を指定してください", at: SourceLocation(file: displayPath)))
            return files
        }
        if let text = readText("site.yml", into: &diagnostics) {
            files.site = YAMLFields.parse(text, file: files.siteFile, firstLine: 1, into: &diagnostics)
        }
        files.districts = documents(in: "districts", into: &diagnostics)
        // A file whose front matter cannot be read is reported once (E012) and left out: its
        // title, date or name are unknown, and guessing them would only add follow-up errors.
        files.bulletins = documents(in: "bulletins", into: &diagnostics).filter { !$0.frontMatterFailed }
        files.pages = documents(in: "pages", into: &diagnostics).filter { !$0.frontMatterFailed }
        files.listingDocuments = documents(in: "listings", into: &diagnostics)
        files.tables = tables(into: &diagnostics)
        for subfolder in ["districts", "bulletins", "pages"] {
            reportUnread(in: subfolder, reads: ["md"], flagsOtherTypes: true, into: &diagnostics)
        }
        // Which table types listings/ reads is the table readers' concern; here only hidden,
        // lock and nested files are reported.
        reportUnread(in: "listings", reads: ["md", "csv", "tsv", "txt", "xlsx", "yml", "yaml"], flagsOtherTypes: false, into: &diagnostics)
        files.staticFiles = staticFiles(into: &diagnostics)
        return files
    }

    /// The tables of `listings/`, each with its sidecar `<stem>.yml`. Every other file there is
    /// reported, never skipped silently; a sidecar without its table is probably misnamed.
    private func tables(into diagnostics: inout [Diagnostic]) -> [ListingTable] {
        let names = list("listings")
        var stems: Set<String> = []
        var result: [ListingTable] = []
        for name in names {
            let lower = name.lowercased()
            let relative = "listings/" + name
            let stem = String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)])
            let isTable = [".tsv", ".txt", ".csv", ".xlsx"].contains { lower.hasSuffix($0) }
            guard isTable else {
                if !lower.hasSuffix(".md") && !lower.hasSuffix(".yml") && !lower.hasSuffix(".yaml") {
                    let hint = lower.hasSuffix(".xls") || lower.hasSuffix(".ods") || lower.hasSuffix(".numbers")
                        ? "古い Excel（.xls）や他の表計算ソフトのファイルは読めません。Excel で「Excel ブック（.xlsx）」か「CSV UTF-8（コンマ区切り）」として保存し直してください"
                        : "listings/ で読むのは .csv .tsv .txt .xlsx（表）、.md（掲載ごとの説明）、.yml（表の付属設定）です"
                    diagnostics.append(Diagnostic(.unreadListingFile, "「\(name)」は読み込みません。\(hint)", at: SourceLocation(file: display(relative))))
                }
                continue
            }
            stems.insert(stem)
            var sidecar = TableSidecar()
            for ext in [".yml", ".yaml"] where names.contains(stem + ext) {
                let sidecarPath = "listings/" + stem + ext
                if let yaml = readText(sidecarPath, into: &diagnostics),
                   let fields = YAMLFields.parse(yaml, file: display(sidecarPath), firstLine: 1, into: &diagnostics) {
                    sidecar = TableSidecar.read(fields, into: &diagnostics)
                }
            }
            if lower.hasSuffix(".xlsx") {
                result += workbookTables(relative, sidecar: sidecar, into: &diagnostics)
                continue
            }
            guard let text = readText(relative, into: &diagnostics) else { continue }
            result.append(ListingTable(file: display(relative), rows: .text(text, lower.hasSuffix(".csv") ? .comma : .tab), sidecar: sidecar))
        }
        for name in names where name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
            let stem = String(name[..<name.lastIndex(of: ".")!])
            if !stems.contains(stem) {
                diagnostics.append(Diagnostic(.orphanSidecar, "「\(name)」と同じ名前の表（\(stem).csv・\(stem).tsv・\(stem).xlsx）がないため、使われません。表と同じ名前にしてください", at: SourceLocation(file: display("listings/" + name))))
            }
        }
        return result
    }

    /// Each worksheet whose first row holds the headers of a listing table (名称 and a reading).
    /// A visible sheet with other content is reported; hidden sheets (lists for drop-downs)
    /// are skipped.
    private func workbookTables(_ relative: String, sidecar: TableSidecar, into diagnostics: inout [Diagnostic]) -> [ListingTable] {
        let file = display(relative)
        guard let data = fileManager.contents(atPath: folder.appendingPathComponent(relative).path) else {
            diagnostics.append(Diagnostic(.unreadableFile, "ファイルを読めません。ファイルの権限や、ほかのアプリで開いたままでないかを確かめてください", at: SourceLocation(file: file)))
            return []
        }
        let (sheets, problems) = Workbook.read(data: data, file: file)
        diagnostics += problems
        func fields(_ sheet: WorkbookSheet) -> Set<ListingColumn> {
            Set(sheet.table.header.compactMap { cell -> ListingColumn? in
                if case .column(let column) = ListingColumn.classify(header: cell.value, columns: sidecar.columns) { return column }
                return nil
            })
        }
        let additional = sheets.filter { ListingTableReader.isAdditionalInfo(fields($0)) }
        let main = sheets.filter { sheet in
            !additional.contains { $0.name == sheet.name } && (fields(sheet).contains(.name) || fields(sheet).count >= 3)
        }
        for sheet in sheets where !sheet.hidden && !(sheet.table.header.isEmpty && sheet.table.rows.isEmpty)
            && !(main + additional).contains(where: { $0.name == sheet.name }) {
            diagnostics.append(Diagnostic(.unreadSheet, "シート「\(sheet.name)」の1行目に掲載の列名（名称・ふりがな など）がないため、このシートは読み込みません。掲載の表なら1行目を列名にしてください", at: SourceLocation(file: file, sheet: sheet.name)))
        }
        // Derived IDs (from NO) must agree between the main sheet and its 追加情報 sheet.
        let prefix = ListingTableReader.stemSlug(file)
        let tables = main.enumerated().map { index, sheet in
            ListingTable(file: file, rows: .table(sheet.table), sidecar: sidecar, idPrefix: main.count > 1 ? "\(prefix)-\(index + 1)" : prefix)
        }
        return tables + additional.map { ListingTable(file: file, rows: .table($0.table), sidecar: sidecar, idPrefix: prefix) }
    }

    func display(_ relative: String) -> String {
        displayPath.isEmpty || displayPath == "." ? relative : (displayPath.hasSuffix("/") ? displayPath + relative : displayPath + "/" + relative)
    }

    private func list(_ subfolder: String) -> [String] {
        let names = (try? fileManager.contentsOfDirectory(atPath: folder.appendingPathComponent(subfolder).path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasPrefix("~$") }.sorted()
    }

    private func documents(in subfolder: String, into diagnostics: inout [Diagnostic]) -> [MarkdownDocument] {
        list(subfolder).filter { $0.hasSuffix(".md") }.compactMap { name in
            let relative = subfolder + "/" + name
            guard let text = readText(relative, into: &diagnostics) else { return nil }
            return MarkdownDocument.parse(text, file: display(relative), stem: String(name.dropLast(3)), into: &diagnostics)
        }
    }

    private func readText(_ relative: String, into diagnostics: inout [Diagnostic]) -> String? {
        let url = folder.appendingPathComponent(relative)
        guard let data = fileManager.contents(atPath: url.path) else {
            if relative == "site.yml" {
                diagnostics.append(Diagnostic(.unreadableFile, "site.yml がありません。サイトの名前（title）と URL（base_url）を書いた site.yml を作ってください", at: SourceLocation(file: display(relative))))
            } else {
                diagnostics.append(Diagnostic(.unreadableFile, "ファイルを読めません。ファイルの権限や、ほかのアプリで開いたままでないかを確かめてください", at: SourceLocation(file: display(relative))))
            }
            return nil
        }
        switch TextDecoding.decode(data) {
        case .success(let decoded):
            return decoded.text
        case .failure(let failure):
            diagnostics.append(Diagnostic(.undecodable, "文字コードを判別できません（先頭から \(failure.byteOffset + 1) バイト目）。Excel で「CSV UTF-8」か「Unicode テキスト」として保存し直してください", at: SourceLocation(file: display(relative))))
            return nil
        }
    }
}
