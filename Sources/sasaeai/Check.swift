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
                // Counted in one pass, not filtered into copies: a table can hold a million listings.
                var kinds: [ScheduleKind: Int] = [:]
                for listing in content.listings { if let kind = listing.schedule?.kind { kinds[kind, default: 0] += 1 } }
                func count(_ kind: ScheduleKind) -> Int { kinds[kind] ?? 0 }
                print("掲載 \(content.listings.count) 件、地区 \(content.districts.count)、会報 \(content.bulletins.count) 号を調べました（\(DiagnosticPrinter.summary(report.diagnostics))）")
                print("開催日時: \(kinds.values.reduce(0, +)) 件のうち 日付あり \(count(.structured)) 件、曜日のみ \(count(.weekdayOnly)) 件、"
                      + "日付を決めていない（不定期・要問合せなど） \(count(.noFixedDates)) 件、読み取れない \(count(.notUnderstood)) 件")
                for listing in content.listings where listing.schedule?.kind == .notUnderstood {
                    print("  読み取れない開催日時: \(listing.source) \(listing.name)「\(listing.schedule!.text)」")
                }
            }
        }
        if report.failed(strict: options.strict) { throw ExitCode(1) }
    }
}
