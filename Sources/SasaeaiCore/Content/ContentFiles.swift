import Foundation
import SasaeaiInput

/// Everything in `content/`, read and split but not yet checked.
struct ContentFiles {
    var site: YAMLFields?
    var siteFile: String
    var districts: [MarkdownDocument] = []
    var tables: [(file: String, table: Table)] = []
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
            diagnostics.append(Diagnostic(.error, Codes.missingContentFolder, "コンテンツのフォルダ「\(displayPath)」がありません。--content で場所を指定してください", at: SourceLocation(file: displayPath)))
            return files
        }
        if let text = readText("site.yml", into: &diagnostics) {
            files.site = YAMLFields.parse(text, file: files.siteFile, firstLine: 1, into: &diagnostics)
        }
        files.districts = documents(in: "districts", into: &diagnostics)
        files.bulletins = documents(in: "bulletins", into: &diagnostics)
        files.pages = documents(in: "pages", into: &diagnostics)
        files.listingDocuments = documents(in: "listings", into: &diagnostics)
        for name in list("listings") {
            let lower = name.lowercased()
            let delimiter: TableDelimiter
            if lower.hasSuffix(".tsv") || lower.hasSuffix(".txt") {
                delimiter = .tab
            } else if lower.hasSuffix(".csv") {
                delimiter = .comma
            } else { continue }
            let relative = "listings/" + name
            guard let text = readText(relative, into: &diagnostics) else { continue }
            let (table, problems) = DelimitedTable.parse(text, delimiter: delimiter, file: display(relative))
            diagnostics += problems
            files.tables.append((display(relative), table))
        }
        for subfolder in ["districts", "bulletins", "pages"] {
            reportUnread(in: subfolder, reads: ["md"], flagsOtherTypes: true, into: &diagnostics)
        }
        // Which table types listings/ reads is the table readers' concern; here only hidden,
        // lock and nested files are reported.
        reportUnread(in: "listings", reads: ["md", "csv", "tsv", "txt", "xlsx", "yml", "yaml"], flagsOtherTypes: false, into: &diagnostics)
        files.staticFiles = staticFiles(into: &diagnostics)
        return files
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
                diagnostics.append(Diagnostic(.error, Codes.unreadableFile, "site.yml がありません。サイトの名前（title）と URL（base_url）を書いた site.yml を作ってください", at: SourceLocation(file: display(relative))))
            } else {
                diagnostics.append(Diagnostic(.error, Codes.unreadableFile, "ファイルを読めません。ファイルの権限や、ほかのアプリで開いたままでないかを確かめてください", at: SourceLocation(file: display(relative))))
            }
            return nil
        }
        switch TextDecoding.decode(data) {
        case .success(let decoded):
            return decoded.text
        case .failure(let failure):
            diagnostics.append(Diagnostic(.error, InputCode.undecodable, "文字コードを判別できません（先頭から \(failure.byteOffset + 1) バイト目）。Excel で「CSV UTF-8」か「Unicode テキスト」として保存し直してください", at: SourceLocation(file: display(relative))))
            return nil
        }
    }
}
