import Foundation
import SasaeaiInput

/// A bulletin's `pdf:` names the paper edition inside `static/`, which is copied to the site's
/// root, so the value becomes a link on the issue's page. Anything that is not a plain relative
/// path to a file there would be a broken link or a link out of the site.
enum BulletinPDF {
    static func check(_ value: String, at location: SourceLocation, staticFiles: [String]) -> Diagnostic? {
        let example = "（例: pdf: bulletins/2025-11.pdf で static/bulletins/2025-11.pdf を指します）"
        let scheme = value.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) != nil
        if scheme || value.contains("//") {
            return Diagnostic(.badBulletinPDFPath, "pdf「\(value)」は URL ではなく、static/ の中のファイルの場所で書いてください\(example)", at: location)
        }
        if value.hasPrefix("/") || value.contains("\\") {
            return Diagnostic(.badBulletinPDFPath, "pdf「\(value)」は「/」や「\\」で始めず、static/ から見た場所で書いてください\(example)", at: location)
        }
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        if parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) || value.contains(where: { $0.isNewline || $0 == "?" || $0 == "#" || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) {
            return Diagnostic(.badBulletinPDFPath, "pdf「\(value)」に「..」や空の区切り、? # などは書けません。static/ の中のファイルの場所をそのまま書いてください\(example)", at: location)
        }
        let normalized = value.precomposedStringWithCanonicalMapping
        let available = staticFiles.map(\.precomposedStringWithCanonicalMapping)
        if available.contains(normalized) { return nil }
        if normalized.hasPrefix("static/"), available.contains(String(normalized.dropFirst("static/".count))) {
            return Diagnostic(.missingBulletinPDF, "pdf「\(value)」の先頭の static/ は要りません。pdf: \(normalized.dropFirst("static/".count)) と書いてください", at: location)
        }
        let pdfs = available.filter { $0.lowercased().hasSuffix(".pdf") }
        return Diagnostic(.missingBulletinPDF, "pdf のファイル static/\(value) がありません。PDF を static/ に置くか、場所を直してください\(Suggestion.hint(for: normalized, in: pdfs))", at: location)
    }
}
