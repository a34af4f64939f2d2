/// Parses Mustache text into nodes. Whitespace rules (standalone tags, partial and block
/// indentation) follow swift-mustache 2.x, which this engine replaced, so the theme's output
/// stays byte for byte what it was; the Mustache spec's tests hold it to the spec as well.
/// Works on Characters, as that parser did, so line and column numbers in errors are the same.
struct TemplateParser {
    /// Why a template does not parse; the case name is shown in the diagnostic (E401).
    enum Failure: Error, Equatable {
        case sectionCloseNameIncorrect
        case unfinishedName
        case expectedSectionEnd
        case invalidSetDelimiter
        case illegalTokenInsideInheritSection
        /// `{{name(arg)}}`, `{{%CONTENT_TYPE}}`, `{{>*dynamic}}`: swift-mustache extensions this
        /// engine does not have.
        case unsupportedTag
        /// The text ends inside a tag.
        case overflow
    }

    /// A failure and where it happened (1-based; the column counts Characters).
    struct SyntaxError: Error {
        let failure: Failure
        let line: Int
        let column: Int
    }

    private struct State {
        var sectionName: String?
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter: [Character] = ["{", "{"]
        var endDelimiter: [Character] = ["}", "}"]
        var partialDefinitionIndent: Int?

        func inSection(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func inParent(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    private let text: [Character]
    private var position = 0

    static func parse(_ string: String) throws(SyntaxError) -> Template {
        var parser = TemplateParser(text: Array(string))
        do {
            return try parser.parse(state: State())
        } catch {
            let (line, column) = parser.location()
            throw SyntaxError(failure: error, line: line, column: column)
        }
    }

    private init(text: [Character]) { self.text = text }

    // MARK: - Reading

    private var atEnd: Bool { position == text.count }
    private var current: Character { atEnd ? "\0" : text[position] }

    @discardableResult
    private mutating func read(while predicate: (Character) -> Bool) -> ArraySlice<Character> {
        let start = position
        while !atEnd, predicate(text[position]) { position += 1 }
        return text[start..<position]
    }

    private mutating func read(_ character: Character) throws(Failure) -> Bool {
        guard !atEnd else { throw .overflow }
        guard text[position] == character else { return false }
        position += 1
        return true
    }

    private mutating func read(_ string: [Character]) throws(Failure) -> Bool {
        guard text.count - position >= string.count else { throw .overflow }
        guard text[position..<position + string.count].elementsEqual(string) else { return false }
        position += string.count
        return true
    }

    /// Reads up to the first character that satisfies `stop`; overflow if there is none.
    private mutating func read(until stop: (Character) -> Bool) throws(Failure) -> ArraySlice<Character> {
        let start = position
        while !atEnd {
            if stop(text[position]) { return text[start..<position] }
            position += 1
        }
        position = start
        throw .overflow
    }

    private static func whitespace(_ character: Character) -> Bool { character.isWhitespace }
    private static func blank(_ character: Character) -> Bool { character == " " || character == "\t" }
    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*()")
    private static let partialNameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*()/")

    /// The line and column of the current position, counted as swift-mustache counted them.
    private func location() -> (line: Int, column: Int) {
        var column = 0
        var back = position
        while back > 0 {
            back -= 1
            if text[back] == "\n" { break }
            column += 1
        }
        let line = text[..<position].filter(\.isNewline).count + 1
        return (line, column + 1)
    }

    // MARK: - Tags

    private mutating func parse(state initial: State) throws(Failure) -> Template {
        var nodes: [TemplateNode] = []
        var state = initial
        var whiteSpaceBefore: ArraySlice<Character> = []
        func textNode(_ characters: some Sequence<Character>) -> TemplateNode { .text(Array(String(characters).utf8)) }
        while !atEnd {
            if state.newLine {
                let whiteSpace = read(while: Self.blank)
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    // Inside a parent's block, lines lose the indentation of the block's first line.
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = whiteSpace.dropFirst(indent)
                    } else {
                        state.partialDefinitionIndent = whiteSpace.count
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let plain = try readUntilTagOrNewline(state: state)
            if current.isNewline {
                nodes.append(textNode(whiteSpaceBefore + plain + [current]))
                state.newLine = true
                position += 1
                continue
            }
            if !plain.isEmpty {
                nodes.append(textNode(whiteSpaceBefore + plain))
                whiteSpaceBefore = []
                state.newLine = false
            }
            if atEnd { break }
            func flushWhiteSpace() {
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(textNode(whiteSpaceBefore))
                    whiteSpaceBefore = []
                }
            }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try parseName(state: state)
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                let body = try parse(state: state.inSection(name, newLine: setNewLine))
                nodes.append(.section(TemplateName(name), body, inverted: inverted))
            case "/":
                position += 1
                let start = position
                let name = try parseName(state: state)
                guard name == state.sectionName else {
                    position = start
                    throw .sectionCloseNameIncorrect
                }
                if !isStandalone(state) { flushWhiteSpace() }
                return Template(nodes: nodes)
            case "!":
                position += 1
                try skipComment(state: state)
                setNewLine = isStandalone(state)
            case "{", "&":
                let triple = current == "{"
                flushWhiteSpace()
                position += 1
                let name = try parseName(state: state)
                if triple {
                    guard try read("}") else { throw .unfinishedName }
                }
                nodes.append(.variable(TemplateName(name), escaped: false))
            case ">":
                position += 1
                read(while: Self.whitespace)
                guard current != "*" else { throw .unsupportedTag }
                let name = try parsePartialName(state: state)
                if !whiteSpaceBefore.isEmpty { nodes.append(textNode(whiteSpaceBefore)) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name, index: nil, indentation: Array(String(whiteSpaceBefore).utf8), overrides: nil))
                } else {
                    nodes.append(.partial(name, index: nil, indentation: nil, overrides: nil))
                }
                whiteSpaceBefore = []
            case "<":
                position += 1
                read(while: Self.whitespace)
                let name = try parsePartialName(state: state)
                guard name.first != "*" else { throw .unsupportedTag }
                if !whiteSpaceBefore.isEmpty { nodes.append(textNode(whiteSpaceBefore)) }
                if isStandalone(state) { setNewLine = true }
                let body = try parse(state: state.inParent(name))
                var overrides: [String: Template] = [:]
                for node in body.nodes {
                    switch node {
                    case .blockDefinition(let block, let template): overrides[block] = template
                    case .text: break
                    default: throw .illegalTokenInsideInheritSection
                    }
                }
                nodes.append(.partial(name, index: nil, indentation: Array(String(whiteSpaceBefore).utf8), overrides: overrides))
                whiteSpaceBefore = []
            case "$":
                position += 1
                let name = try parseName(state: state)
                if state.isPartialDefinitionTopLevel {
                    setNewLine = isStandalone(state)
                    let body = try parse(state: state.inSection(name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name, body))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.append(textNode(whiteSpaceBefore)) }
                    setNewLine = isStandalone(state)
                    let body = try parse(state: state.inSection(name, newLine: setNewLine))
                    nodes.append(.block(name, default: body, indentation: Array(String(whiteSpaceBefore).utf8)))
                    whiteSpaceBefore = []
                }
            case "=":
                position += 1
                state = try setDelimiters(state: state)
                setNewLine = isStandalone(state)
            case "%":
                throw .unsupportedTag
            default:
                flushWhiteSpace()
                let name = try parseName(state: state)
                nodes.append(.variable(TemplateName(name), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw .expectedSectionEnd }
        return Template(nodes: nodes)
    }

    /// Text up to a tag (consuming its opening delimiter) or a line break (not consumed).
    private mutating func readUntilTagOrNewline(state: State) throws(Failure) -> [Character] {
        var plain: [Character] = []
        let first = state.startDelimiter[0]
        while !atEnd {
            // Only "\n" and "\r\n" end a line here; the other newline characters are text.
            let start = position
            while !atEnd, text[position] != "\n", text[position] != "\r\n", text[position] != first { position += 1 }
            plain += text[start..<position]
            if current.isNewline { break }
            if current == first {
                if try read(state.startDelimiter) { break }
                plain.append(first)
                position += 1
            }
        }
        return plain
    }

    private mutating func parseName(state: State) throws(Failure) -> String {
        read(while: Self.whitespace)
        let name = String(read(while: { Self.nameCharacters.contains($0) }))
        read(while: Self.whitespace)
        guard try read(state.endDelimiter) else { throw .unfinishedName }
        guard !name.contains("("), !name.contains(")") else { throw .unsupportedTag }
        return name
    }

    private mutating func parsePartialName(state: State) throws(Failure) -> String {
        read(while: Self.whitespace)
        let name = String(read(while: { Self.partialNameCharacters.contains($0) }))
        read(while: Self.whitespace)
        guard try read(state.endDelimiter) else { throw .unfinishedName }
        return name
    }

    private mutating func skipComment(state: State) throws(Failure) {
        let end = state.endDelimiter
        var i = position
        while i + end.count <= text.count {
            if text[i..<i + end.count].elementsEqual(end) {
                position = i + end.count
                return
            }
            i += 1
        }
        throw .overflow
    }

    private mutating func setDelimiters(state: State) throws(Failure) -> State {
        let start: ArraySlice<Character>
        let end: ArraySlice<Character>
        do {
            read(while: Self.whitespace)
            start = try read(until: Self.whitespace)
            read(while: Self.whitespace)
            end = try read(until: { $0 == "=" || $0.isWhitespace })
            read(while: Self.whitespace)
        } catch {
            throw .invalidSetDelimiter
        }
        guard try read("=") else { throw .invalidSetDelimiter }
        guard try read(state.endDelimiter) else { throw .invalidSetDelimiter }
        guard !start.isEmpty, !end.isEmpty else { throw .invalidSetDelimiter }
        var state = state
        state.startDelimiter = Array(start)
        state.endDelimiter = Array(end)
        state.isPartialDefinitionTopLevel = false
        return state
    }

    /// Whether the rest of the line is blank; if so, it is consumed with its line break.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var ahead = position
        while ahead < text.count, Self.blank(text[ahead]) { ahead += 1 }
        guard ahead < text.count, text[ahead].isNewline else { return false }
        position = ahead + 1
        return true
    }
}
