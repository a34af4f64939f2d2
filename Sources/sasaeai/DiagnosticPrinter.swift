import Foundation
import SasaeaiCore
import SasaeaiInput

/// Prints diagnostics like a compiler (one per line, to stderr) or as JSON for tools.
enum DiagnosticPrinter {
    static func printText(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }

    static func json(_ diagnostics: [Diagnostic]) -> String {
        struct Item: Encodable {
            let file: String, line: Int, column: Int, severity: String, code: String, message: String
        }
        let items = diagnostics.map {
            Item(file: $0.location.file, line: $0.location.line, column: $0.location.column,
                 severity: $0.severity.rawValue, code: $0.code.rawValue, message: $0.message)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(items)) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        return "エラー \(errors) 件、警告 \(warnings) 件"
    }
}
