import ArgumentParser
import SasaeaiCore
import SasaeaiSchedule

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
                let schedules = content.listings.compactMap(\.schedule)
                let understood = schedules.filter { $0.kind != .notUnderstood }.count
                print("掲載 \(content.listings.count) 件、地区 \(content.districts.count)、会報 \(content.bulletins.count) 号を調べました（\(DiagnosticPrinter.summary(report.diagnostics))）")
                print("開催日時: \(schedules.count) 件のうち \(understood) 件を読み取りました")
            }
        }
        if report.failed(strict: options.strict) { throw ExitCode(1) }
    }
}
