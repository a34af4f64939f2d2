import ArgumentParser
import Foundation
import SasaeaiCore
import SasaeaiInput
import SasaeaiSchedule

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "会報・掲載・地区・ページのひな形を作ります。")

    @Argument(help: "bulletin（会報）、listing（掲載）、district（地区）、page（ページ）のどれか")
    var kind: Scaffold.Kind

    @Argument(help: "会報は YYYY-MM、ほかは半角英小文字の ID")
    var name: String

    @Option(help: "コンテンツのフォルダ")
    var content = "content"

    func run() throws {
        var options = BuildOptions()
        options.content = Folder(content)
        options.includeDrafts = true
        // A new issue continues the numbering and the name of the ones already there.
        let existing = kind == .bulletin || kind == .listing ? Builder.check(options).content : nil
        let (path, text): (String, String)
        do {
            let defaults = Scaffold.BulletinDefaults(existing, before: YearMonth(iso: name) ?? YearMonth(year: 9999, month: 12)!)
            // A listing whose source is a table row (not a whole listing written as .md).
            let inTable = kind == .listing && existing?.listings.contains { $0.id == name && !$0.source.file.hasSuffix(".md") } == true
            (path, text) = try Scaffold.file(kind, name: name, bulletin: defaults, listingInTable: inTable)
        } catch let error as Scaffold.Invalid {
            throw ValidationError(error.description)
        }
        let url = URL(fileURLWithPath: content).appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path) {
            throw ValidationError("\(content)/\(path) はもうあります。上書きはしません")
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        } catch {
            throw OutputError("ひな形を書き込めませんでした", path: "\(content)/\(path)", error: error)
        }
        print("\(content)/\(path) を作りました")
        // The issue before it keeps the listings as they were published, so this one's
        // 「前号からの変更」 can show edited fields and deleted rows (SPEC 3.4).
        if kind == .bulletin, let existing {
            var diagnostics: [Diagnostic] = []
            if let written = HistoryFolder.recordNewestIssue(existing, options: options, into: &diagnostics) {
                print("\(written) に前号の掲載を記録しました")
            }
            DiagnosticPrinter.printText(diagnostics)
        }
    }
}

extension Scaffold.Kind: ExpressibleByArgument {}
