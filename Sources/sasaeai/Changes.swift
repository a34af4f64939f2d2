import ArgumentParser
import Foundation
import SasaeaiCore
import SasaeaiSchedule

struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "前号からの変更（新規・再開・休止・終了・削除と、書きかえた項目）を一覧にします。")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, tsv, json }

    @OptionGroup var options: ContentOptions

    @Option(help: "比べる号（YYYY-MM）。既定はスナップショットのある最新の号")
    var since: String?

    @Option(help: "出力の形式（text、tsv、json）")
    var format: Format = .text

    func validate() throws {
        if let since, YearMonth(iso: since) == nil {
            throw ValidationError("--since は 2026-02 のように 年-月 で書いてください")
        }
    }

    func run() throws {
        let build = options.buildOptions()
        let report = Builder.check(build)
        var diagnostics = report.diagnostics
        guard let content = report.content, !report.failed(strict: options.strict) else {
            DiagnosticPrinter.printText(diagnostics)
            throw ExitCode(1)
        }
        let history = HistoryFolder(content: build.content.url, display: build.content.display)
        guard let changes = ChangesReport.changes(content, since: since.flatMap(YearMonth.init(iso:)), history: history, into: &diagnostics) else {
            DiagnosticPrinter.printText(diagnostics)
            throw ExitCode(1)
        }
        DiagnosticPrinter.printText(diagnostics.filter { $0.severity != .error })
        switch format {
        case .text: print(ChangesReport.text(changes), terminator: "")
        case .tsv: print(ChangesReport.tsv(changes), terminator: "")
        case .json: print(ChangesReport.json(changes), terminator: "")
        }
    }
}

extension ChangesCommand: UsesContentFolder {
    var contentFolder: String { options.content }
    var templatesFolder: String? { nil }
}
