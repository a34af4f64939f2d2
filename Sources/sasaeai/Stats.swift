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
            let rows = stats.rows.map { row -> [String: Any] in
                var counts: [String: Int] = [:]
                for (k, kind) in kinds.enumerated() { counts[kind.rawValue] = row.byKind[k] }
                return ["district": row.districtID, "name": row.districtName, "counts": counts, "total": row.total]
            }
            let data = try JSONSerialization.data(withJSONObject: ["as_of": content.asOf.description, "districts": rows, "total": stats.total],
                                                  options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        case .tsv:
            print((["district", "name"] + kinds.map(\.rawValue) + ["total"]).joined(separator: "\t"))
            for row in stats.rows {
                print(([row.districtID, row.districtName] + row.byKind.map(String.init) + [String(row.total)]).joined(separator: "\t"))
            }
        case .text:
            print("\(content.asOf) 時点（活動中・休止中）")
            for row in stats.rows {
                let parts = zip(kinds, row.byKind).map { "\($0.name) \($1)" }.joined(separator: "、")
                print("\(row.districtName): \(parts)（計 \(row.total)）")
            }
            print("合計: \(stats.total)")
            print("分類: " + stats.categories.map { "\($0.term.name) \($0.count)" }.joined(separator: "、"))
        }
    }
}
