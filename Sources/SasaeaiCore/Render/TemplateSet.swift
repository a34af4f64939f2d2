import Foundation
import SasaeaiInput

/// The theme: Mustache templates (`*.mustache`, named by their path without the extension, so
/// `partials/listing-card`), the labels the pages show (`labels.yml`) and the assets copied
/// beside the pages (`assets/`).
struct TemplateSet: Sendable {
    let library: TemplateLibrary
    let folder: URL
    /// Paths relative to the templates folder of files copied as they are.
    let assets: [String]
    let labels: Labels
    /// Every template's name (`partials/listing-card`), for the paper edition's overrides.
    var names: [String] = []

    static let required = ["layout", "home", "districts", "district", "areas", "listings", "listing", "term", "bulletins", "bulletin", "page", "calendar", "week", "weekday", "map", "search", "not-found", "partials/listing-card", "partials/pager", "partials/site-header", "partials/site-footer", "partials/stats", "partials/changes", "partials/quarter-calendar"]

    static func load(from folder: URL, displayPath: String, into diagnostics: inout [Diagnostic]) -> TemplateSet? {
        let fileManager = FileManager.default
        var library = TemplateLibrary()
        var assets: [String] = []
        let prefix = folder.standardizedFileURL.path + "/"
        guard let enumerator = fileManager.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            diagnostics.append(Diagnostic(.missingTemplate, "テンプレートのフォルダ「\(displayPath)」がありません。--templates で場所を指定してください", at: SourceLocation(file: displayPath)))
            return nil
        }
        var names: [String] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            let relative = String(url.standardizedFileURL.path.dropFirst(prefix.count))
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            if relative.hasSuffix(".mustache") {
                names.append(relative)
            } else if relative.hasPrefix("assets/") {
                assets.append(relative)
            }
        }
        var failed = false
        for relative in names.sorted() {
            let display = displayPath + "/" + relative
            guard let text = try? String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8) else {
                diagnostics.append(Diagnostic(.unreadableFile, "テンプレートを UTF-8 として読めません", at: SourceLocation(file: display)))
                failed = true
                continue
            }
            do {
                library.register(try TemplateParser.parse(text), named: String(relative.dropLast(".mustache".count)))
            } catch {
                diagnostics.append(Diagnostic(.templateSyntax, "テンプレートの書き方に誤りがあります（\(error.failure)）", at: SourceLocation(file: display, line: error.line, column: error.column)))
                failed = true
            }
        }
        for name in required where library.template(named: name) == nil {
            diagnostics.append(Diagnostic(.missingTemplate, "テンプレート「\(name).mustache」がありません", at: SourceLocation(file: displayPath + "/" + name + ".mustache")))
            failed = true
        }
        guard let labels = Labels.load(from: folder, displayPath: displayPath, into: &diagnostics), !failed else { return nil }
        return TemplateSet(library: library, folder: folder, assets: assets.sorted(), labels: labels,
                                          names: names.sorted().map { String($0.dropLast(".mustache".count)) })
    }

    func render(_ name: String, _ data: some TemplateData) -> String {
        library.render(name, data) ?? ""
    }

    func renderBytes(_ name: String, _ data: some TemplateData) -> [UInt8] {
        library.renderBytes(name, root: .object(data)) ?? []
    }
}
