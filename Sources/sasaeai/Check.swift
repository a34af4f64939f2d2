import ArgumentParser
import SasaeaiCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "コンテンツの誤りを調べます（サイトは書き出しません）。")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var options: ContentOptions

    @Option(help: "出力の形式（text または json）")
    var format: Format = .text

    func run() throws {
        let report = Builder.check(options.buildOptions())
        switch format {
        case .json:
            print(DiagnosticPrinter.json(report.diagnostics))
        case .text:
            DiagnosticPrinter.printText(report.diagnostics)
            if let content = report.content {
                print("掲載 \(content.listings.count) 件、地区 \(content.districts.count)、会報 \(content.bulletins.count) 号を調べました（\(DiagnosticPrinter.summary(report.diagnostics))）")
            }
        }
        if report.failed(strict: options.strict) { throw ExitCode(1) }
    }
}
