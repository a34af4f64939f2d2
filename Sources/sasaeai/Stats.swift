import ArgumentParser
import Foundation
import SasaeaiCore

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "地区・種類ごとの活動数を数えます。")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, tsv, json }

    @OptionGroup var options: ContentOptions

    @Option(help: "出力の形式（text、tsv、json）")
    var format: Format = .text

    func run() throws {
        let report = Builder.check(options.buildOptions())
        guard let content = report.content, !report.failed(strict: options.strict) else {
            DiagnosticPrinter.printText(report.diagnostics)
            throw ExitCode(1)
        }
        let stats = Statistics(content)
        let kinds = ListingKind.allCases
        switch format {
        case .json:
            func byKind(_ values: [Int]) -> [String: Int] {
                Dictionary(uniqueKeysWithValues: zip(kinds.map(\.rawValue), values))
            }
            let rows = stats.rows.map { row -> [String: Any] in
                var item: [String: Any] = ["district": row.districtID, "name": row.districtName, "counts": byKind(row.byKind), "total": row.total]
                for figure in stats.reportedFigures {
                    item[figure.rawValue] = ["by_kind": byKind(row.figures[figure] ?? []), "total": row.figureTotal(figure)] as [String: Any]
                }
                return item
            }
            var totals: [String: Any] = [:]
            for figure in stats.reportedFigures {
                let values = stats.figureTotals(figure)
                totals[figure.rawValue] = ["by_kind": byKind(values), "total": values.reduce(0, +)] as [String: Any]
            }
            let data = try JSONSerialization.data(withJSONObject: ["as_of": content.asOf.description, "districts": rows, "total": stats.total, "figures": totals],
                                                  options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        case .tsv:
            // One row per district; each reported figure adds a column per kind and a total.
            let figureHeaders = stats.reportedFigures.flatMap { figure in kinds.map { "\(figure.rawValue)_\($0.rawValue)" } + ["\(figure.rawValue)_total"] }
            print((["district", "name"] + kinds.map(\.rawValue) + ["total"] + figureHeaders).joined(separator: "\t"))
            for row in stats.rows {
                let figures = stats.reportedFigures.flatMap { (row.figures[$0] ?? []).map(String.init) + [String(row.figureTotal($0))] }
                print(([row.districtID, row.districtName] + row.byKind.map(String.init) + [String(row.total)] + figures).joined(separator: "\t"))
            }
        case .text:
            print("\(content.asOf) 時点（活動中・休止中）")
            for row in stats.rows {
                let parts = zip(kinds, row.byKind).map { "\($0.name) \($1)" }.joined(separator: "、")
                print("\(row.districtName): \(parts)（計 \(row.total)）")
            }
            print("合計: \(stats.total)")
            print("分類: " + stats.categories.map { "\($0.term.name) \($0.count)" }.joined(separator: "、"))
            for figure in stats.reportedFigures {
                print("\(figure.label):")
                for row in stats.rows {
                    let parts = zip(kinds, row.figures[figure] ?? []).map { "\($0.name) \($1)" }.joined(separator: "、")
                    print("  \(row.districtName): \(parts)（計 \(row.figureTotal(figure))）")
                }
                print("  合計: \(stats.figureTotals(figure).reduce(0, +))")
            }
        }
    }
}
