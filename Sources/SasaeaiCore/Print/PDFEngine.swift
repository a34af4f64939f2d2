import Foundation
import SasaeaiInput

/// WeasyPrint, the paged-media engine that lays the paper edition out: CSS Paged Media
/// (`@page` margin boxes for the running header and "N / M" page numbers, `string-set`,
/// `break-inside`), fonts embedded, no browser headers or footers. Run as a separate program:
/// the one edge of printing.
///
/// Chromium's `--print-to-pdf --no-pdf-header-footer` was tried on the same document: it is
/// faster (3 s against 10–18 s for the example issue) and has page counters, but drops `string-set`, so
/// pages after the first lose the running masthead; it is also a far larger install for
/// `make site` and needs `--no-sandbox` when run as root. WeasyPrint (Debian `weasyprint`) was kept.
public struct PDFEngine: Sendable {
    public let executable: URL

    /// `weasyprint` on PATH (Debian's package, or PyPI's), or nil.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> PDFEngine? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("weasyprint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return PDFEngine(executable: candidate) }
        }
        return nil
    }

    public static func missing(output: String) -> Diagnostic {
        Diagnostic(.printEngineMissing,
                   "紙の版を作る WeasyPrint が見つかりません。make site を一度実行するか、apt-get install weasyprint で入れてください",
                   at: SourceLocation(file: output))
    }

    /// Writes `html` as a PDF to `output`; a failure is an error quoting the engine's words.
    public func write(_ html: String, to output: URL, displayPath: String, into diagnostics: inout [Diagnostic]) -> Bool {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sasaeai-print-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let process = Process()
        let errors = Pipe()
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            let input = scratch.appendingPathComponent("edition.html")
            try Data(html.utf8).write(to: input)
            // Written beside the target and moved into place, so a failed run leaves no half PDF.
            let partial = scratch.appendingPathComponent("edition.pdf")
            process.executableURL = executable
            process.arguments = ["--quiet", input.path, partial.path]
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let message = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                let words = String(decoding: message, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: " ")
                diagnostics.append(Diagnostic(.printFailed, "WeasyPrint が PDF を作れませんでした（\(words)）", at: SourceLocation(file: displayPath)))
                return false
            }
            try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: output.path) { try FileManager.default.removeItem(at: output) }
            try FileManager.default.moveItem(at: partial, to: output)
            return true
        } catch {
            diagnostics.append(Diagnostic(.printFailed, "PDF を書けませんでした（\(error.localizedDescription)）。出力先に書きこめるか確かめてください", at: SourceLocation(file: displayPath)))
            return false
        }
    }
}
