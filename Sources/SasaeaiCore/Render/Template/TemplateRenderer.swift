/// Renders parsed templates into one UTF-8 buffer. A context stack holds the values sections
/// opened; a name is looked up from the innermost value outwards.
struct TemplateRenderer {
    let library: TemplateLibrary
    private(set) var bytes: [UInt8] = []
    private var stack: [TemplateValue]

    init(library: TemplateLibrary, root: TemplateValue) {
        self.library = library
        stack = [root]
        bytes.reserveCapacity(1 << 14)
    }

    var output: String { String(decoding: bytes, as: UTF8.self) }

    mutating func render(_ template: Template) {
        render(template, indentation: nil, inherited: nil)
    }

    /// `indentation` is a standalone partial's (or block's) leading whitespace, repeated at the
    /// start of each line the template writes; `inherited` are the blocks a child template
    /// overrides, the outermost child's winning.
    private mutating func render(_ template: Template, indentation: [UInt8]?, inherited: [String: Template]?) {
        guard let indentation, !indentation.isEmpty else {
            for node in template.nodes { render(node, indentation: indentation, inherited: inherited) }
            return
        }
        let start = bytes.count
        for node in template.nodes {
            guard bytes.count > start, bytes[bytes.count - 1] == UInt8(ascii: "\n") else {
                render(node, indentation: indentation, inherited: inherited)
                continue
            }
            // A line starts here: indent it, unless the node writes nothing.
            bytes.append(contentsOf: indentation)
            let after = bytes.count
            render(node, indentation: indentation, inherited: inherited)
            if bytes.count == after { bytes.removeLast(indentation.count) }
        }
    }

    private mutating func render(_ node: TemplateNode, indentation: [UInt8]?, inherited: [String: Template]?) {
        switch node {
        case .text(let text):
            bytes.append(contentsOf: text)
        case .variable(let name, let escaped):
            switch lookup(name) {
            case .text(let text): escaped ? HTMLEscaping.append(text, to: &bytes) : bytes.append(contentsOf: text.utf8)
            case .int(let number): bytes.append(contentsOf: String(number).utf8)
            case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
            // A list or an object has no text of its own; the theme shows its names instead.
            case .none, .listAccess, .objectAccess, .element: break
            }
        case .section(let name, let body, let inverted):
            let value = lookup(name)
            if inverted {
                switch value {
                case .none, .bool(false): render(body, indentation: indentation, inherited: inherited)
                case .listAccess(let list) where list.count == 0:
                    stack.append(value)
                    render(body, indentation: indentation, inherited: inherited)
                    stack.removeLast()
                default: break
                }
                return
            }
            switch value {
            case .none, .bool(false): break
            case .bool(true): render(body, indentation: indentation, inherited: inherited)
            case .listAccess(let list):
                for index in 0..<list.count {
                    stack.append(.element(list, index))
                    render(body, indentation: indentation, inherited: inherited)
                    stack.removeLast()
                }
            default:
                stack.append(value)
                render(body, indentation: indentation, inherited: inherited)
                stack.removeLast()
            }
        case .block(let name, let fallback, let indented):
            render(inherited?[name] ?? fallback, indentation: Self.indent(indentation, indented), inherited: inherited)
        case .blockDefinition:
            break
        case .partial(_, let index, let indented, let overrides):
            guard let index else { return }
            var blocks = inherited
            if let overrides {
                blocks = inherited.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            render(library.template(at: index), indentation: Self.indent(indentation, indented), inherited: blocks)
        }
    }

    private static func indent(_ outer: [UInt8]?, _ inner: [UInt8]?) -> [UInt8]? {
        guard let inner else { return outer }
        return (outer ?? []) + inner
    }

    /// The first part is looked up from the innermost value outwards; the following parts
    /// only inside what it found (Mustache's dotted names).
    private func lookup(_ name: TemplateName) -> TemplateValue {
        let parts = name.parts
        guard let first = parts.first else { return stack[stack.count - 1].resolved }
        var found = TemplateValue.none
        if name.anchored {
            found = stack[stack.count - 1].value(first)
        } else {
            var level = stack.count - 1
            while level >= 0 {
                found = stack[level].value(first)
                if case .none = found { level -= 1 } else { break }
            }
        }
        for part in parts.dropFirst() {
            if case .none = found { return .none }
            found = found.value(part)
        }
        return found
    }
}

/// HTML escaping on UTF-8 bytes: the five characters Mustache escapes, everything else copied.
enum HTMLEscaping {
    static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var copied = 0
            for i in 0..<utf8.count {
                let replacement: StaticString
                switch utf8[i] {
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<i]))
                bytes.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                copied = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied...]))
        }
    }
}
