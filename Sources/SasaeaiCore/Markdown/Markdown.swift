import CCmark
import Foundation

/// CommonMark through cmark, for the coordinator's own Markdown files (bulletins, pages,
/// districts, listing .md bodies). Raw HTML is dropped (and unsafe link schemes neutralised)
/// unless the site explicitly allows it, because bulletin text is often pasted from elsewhere.
/// Text from spreadsheet cells goes through `RecordMarkdown` instead, whatever the setting.
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
}
