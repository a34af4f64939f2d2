/// A parsed Mustache template: what it shows, in order. Parsed once when the theme loads;
/// rendering walks the nodes and never looks at template text again.
struct Template: Sendable {
    var nodes: [TemplateNode]
}

/// A name a tag looks up: `title`, `map.lat`, `.` (the current value), `.title` (the current
/// value only, not the ones around it).
struct TemplateName: Sendable, Equatable {
    /// One dotted part, with its key when Sasaeai's page data knows the name.
    struct Part: Sendable, Equatable {
        let text: String
        let key: TemplateKey?
    }

    /// The dotted parts; empty for `{{.}}`.
    let parts: [Part]
    /// Looked up in the current value only (a leading dot), not in the values around it.
    let anchored: Bool

    init(_ text: String) {
        parts = text == "." ? [] : text.split(separator: ".").map { Part(text: String($0), key: TemplateKey(rawValue: String($0))) }
        anchored = text.first == "."
    }
}

indirect enum TemplateNode: Sendable {
    /// Template text, already UTF-8, copied as it is.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}`, `{{&name}}`.
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, Template, inverted: Bool)
    /// `{{$name}}default{{/name}}` in a parent: replaced by the child's block of that name.
    case block(String, default: Template, indentation: [UInt8]?)
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: the child's override. Collected
    /// into the parent node, never rendered.
    case blockDefinition(String, Template)
    /// `{{>name}}`, or `{{<name}}…{{/name}}` with the child's block overrides. `index` is the
    /// partial's place in its library, set when the library is linked (nil: no such template,
    /// which renders nothing).
    case partial(String, index: Int?, indentation: [UInt8]?, overrides: [String: Template]?)
}
