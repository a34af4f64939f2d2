import CCmark
import Foundation

/// Markdown typed into a spreadsheet cell (a listing's 紹介). Record text is escaped whatever
/// `markdown.unsafe_html` says — that setting is for the coordinator's own Markdown files —
/// so emphasis and links work, but a tag is shown as the characters typed, links go only to
/// http(s), mailto and tel (anything else keeps its words and loses the link), and an image
/// shows its description instead of loading something from elsewhere.
enum RecordMarkdown {
    /// One paragraph of inline HTML without the surrounding <p>.
    static func inlineHTML(_ source: String) -> String {
        let utf8 = Array(escapingBlockHTML(source).utf8)
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_NOBREAKS
        guard let document = cmark_parse_document(utf8, utf8.count, options) else { return "" }
        defer { cmark_node_free(document) }
        for node in nodes(in: document) {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_INLINE:
                replace(node, with: textNode(literal(node)))
            case CMARK_NODE_HTML_BLOCK:
                let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)!
                cmark_node_append_child(paragraph, textNode(literal(node).trimmingCharacters(in: .newlines)))
                replace(node, with: paragraph)
            case CMARK_NODE_LINK:
                if !SafeURL.isRecordLink(cmark_node_get_url(node).map { String(cString: $0) } ?? "") { unwrap(node) }
            case CMARK_NODE_IMAGE:
                unwrap(node)
            default:
                break
            }
        }
        // Without CMARK_OPT_UNSAFE: a second guard should anything raw have been missed above.
        guard let pointer = cmark_render_html(document, options) else { return "" }
        defer { free(pointer) }
        var html = String(cString: pointer).trimmingCharacters(in: .whitespacesAndNewlines)
        if html.hasPrefix("<p>") && html.hasSuffix("</p>") && html.components(separatedBy: "<p>").count == 2 {
            html = String(html.dropFirst(3).dropLast(4))
        }
        return html
    }

    /// A line that starts with a tag (`<script>`, `<div>`) would make the whole cell one raw
    /// HTML block, and the Markdown around it would be lost; a backslash makes that `<` a
    /// plain character, so the rest of the line is still read as Markdown.
    private static func escapingBlockHTML(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { line -> String in
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            guard indent.count < 4, line.dropFirst(indent.count).first == "<" else { return String(line) }
            return indent + "\\" + line.dropFirst(indent.count)
        }.joined(separator: "\n")
    }

    /// Every node, collected first: changing the tree while iterating it is not allowed.
    private static func nodes(in document: OpaquePointer) -> [OpaquePointer] {
        var nodes: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { nodes.append(node) }
        }
        return nodes
    }

    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private static func textNode(_ literal: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(node, literal)
        return node
    }

    private static func replace(_ node: OpaquePointer, with replacement: OpaquePointer) {
        cmark_node_insert_before(node, replacement)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Keeps a link's or image's words in place of it. Children move out before the node is
    /// freed, so nodes collected inside it stay valid.
    private static func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_insert_before(node, child)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}
