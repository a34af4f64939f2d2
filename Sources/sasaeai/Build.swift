import ArgumentParser
import Foundation
import SasaeaiCore
import SasaeaiInput

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "コンテンツからサイトを作ります。")

    @OptionGroup var options: ContentOptions

    @Option(help: "地図に使う Leaflet のフォルダ（Debian の libjs-leaflet）")
    var leaflet = LeafletAssets.debianFolder

    @Option(help: "テンプレートのフォルダ")
    var templates = "templates"

    @Option(help: "出力先のフォルダ")
    var output = "site"

    @Option(name: .customLong("base-url"), help: "公開する URL（site.yml の base_url の代わりに使う）")
    var baseURL: String?

    @Flag(help: "下書き（draft: true）の会報も含める")
    var drafts = false

    @Flag(help: "成功したときの表示を省く")
    var quiet = false

    func run() throws {
        var build = options.buildOptions()
        build.templates = Folder(templates)
        build.output = Folder(output)
        build.baseURL = baseURL
        build.includeDrafts = drafts
        build.leaflet = URL(fileURLWithPath: leaflet)
        let report = Builder.build(build)
        DiagnosticPrinter.printText(report.diagnostics)
        if report.failed(strict: options.strict) {
            // The swap is all-or-nothing, so a site in the output folder now is the previous one, whole.
            let previous = SiteWriter(output: build.output.url).holdsSite ? "前のサイトはそのままです。" : "出力先にはまだサイトがありません。"
            FileHandle.standardError.write(Data("サイトは作られませんでした（\(DiagnosticPrinter.summary(report.diagnostics))）。\(previous)\n".utf8))
            throw ExitCode(1)
        }
        // A published issue's listings are recorded once, for the next issue's changes (SPEC 3.4).
        var history: [Diagnostic] = []
        if let content = report.content, let path = HistoryFolder.recordNewestIssue(content, options: build, into: &history), !quiet {
            print("\(path) に今号の掲載を記録しました（次の号の「前号からの変更」に使います）")
        }
        DiagnosticPrinter.printText(history)
        if !quiet {
            // Pages nothing changed for are kept from the previous site: saying how many tells the
            // coordinator why a rebuild after a small edit is quick.
            let kept = report.keptPages > 0 ? "、変更のない \(report.keptPages) ページは前のまま" : ""
            print("\(output)/ に \(report.files) 個のファイルを書き出しました（\(DiagnosticPrinter.summary(report.diagnostics))\(kept)）")
        }
    }
}
