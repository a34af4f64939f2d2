import ArgumentParser
import Foundation
import SasaeaiCore
import SasaeaiInput
import SasaeaiSchedule

struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "紙の版（A4 の PDF）を作ります: 会報（bulletin YYYY-MM）か、地区の活動一覧（district ID）。")

    enum Kind: String, ExpressibleByArgument, CaseIterable { case bulletin, district }

    @Argument(help: "bulletin（会報）か district（地区の一覧）")
    var kind: Kind

    @Argument(help: "会報は YYYY-MM、地区は地区の ID")
    var name: String

    @OptionGroup var options: ContentOptions

    @Option(help: "テンプレートのフォルダ")
    var templates = "templates"

    @Option(help: "書き出す PDF（既定は bulletin-YYYY-MM.pdf か district-ID.pdf）")
    var output: String?

    @Flag(help: "下書き（draft: true）の会報も印刷できるようにする")
    var drafts = false

    func validate() throws {
        if kind == .bulletin, YearMonth(iso: name) == nil {
            throw ValidationError("会報は 年-月 で指定してください（例: sasaeai print bulletin 2026-05）")
        }
    }

    func run() throws {
        var build = options.buildOptions()
        build.templates = Folder(templates)
        build.includeDrafts = drafts
        let report = Builder.check(build)
        var diagnostics = report.diagnostics
        guard let content = report.content, !report.failed(strict: options.strict) else {
            DiagnosticPrinter.printText(diagnostics)
            throw ExitCode(1)
        }
        let target: PrintEdition.Target = kind == .bulletin ? .bulletin(YearMonth(iso: name)!) : .district(name)
        let path = output ?? "\(kind.rawValue)-\(name).pdf"
        guard let engine = PDFEngine.find() else {
            DiagnosticPrinter.printText(diagnostics + [PDFEngine.missing(output: path)])
            throw ExitCode(1)
        }
        guard let html = PrintEdition.html(target, content: content, templates: build.templates, contentDisplay: build.content.display, into: &diagnostics),
              engine.write(html, to: URL(fileURLWithPath: path), displayPath: path, into: &diagnostics) else {
            DiagnosticPrinter.printText(diagnostics)
            throw ExitCode(1)
        }
        DiagnosticPrinter.printText(diagnostics)
        print("\(path) を書き出しました")
    }
}

extension PrintCommand: UsesContentFolder {
    var contentFolder: String { options.content }
    var templatesFolder: String? { templates }
}
