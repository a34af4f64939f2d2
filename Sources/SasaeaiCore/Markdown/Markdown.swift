import CCmark
import Foundation

/// CommonMark through cmark. Raw HTML is dropped (and unsafe link schemes neutralised) unless
/// the site explicitly allows it, because bulletin text is often pasted from elsewhere.
struct Markdown: Sendable {
    var allowsRawHTML = false

    func html(_ text: String) -> String {
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_NOBREAKS
        if allowsRawHTML { options |= CMARK_OPT_UNSAFE }
        let utf8 = Array(text.utf8)
        guard let pointer = cmark_markdown_to_html(utf8, utf8.count, options) else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// One paragraph of inline Markdown (a listing's summary) without the surrounding <p>.
    func inlineHTML(_ text: String) -> String {
        var html = self.html(text).trimmingCharacters(in: .whitespacesAndNewlines)
        if html.hasPrefix("<p>") && html.hasSuffix("</p>") && html.components(separatedBy: "<p>").count == 2 {
            html = String(html.dropFirst(3).dropLast(4))
        }
        return html
    }
}
