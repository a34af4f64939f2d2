/// A theme's parsed templates by name (`partials/listing-card`), with every partial tag linked
/// to the template it names, so rendering follows an index instead of looking names up.
struct TemplateLibrary: Sendable {
    private var names: [String: Int] = [:]
    private var templates: [Template] = []

    init() {}

    init(_ templates: [String: Template]) {
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) { register(template, named: name) }
    }

    /// Adds or replaces a template; partial tags everywhere are linked again.
    mutating func register(_ template: Template, named name: String) {
        if let index = names[name] {
            templates[index] = template
        } else {
            names[name] = templates.count
            templates.append(template)
        }
        templates = templates.map(link)
    }

    func template(named name: String) -> Template? { names[name].map { templates[$0] } }

    func template(at index: Int) -> Template { templates[index] }

    /// Renders the template `name` with `data` at the bottom of the context; nil when there is
    /// no such template.
    func render(_ name: String, _ data: some TemplateObject) -> String? {
        render(name, root: .object(data))
    }

    func render(_ name: String, root: TemplateValue) -> String? {
        renderBytes(name, root: root).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The UTF-8 the template writes, for the site writer (no String made of it).
    func renderBytes(_ name: String, root: TemplateValue) -> [UInt8]? {
        guard let index = names[name] else { return nil }
        var renderer = TemplateRenderer(library: self, root: root)
        renderer.render(templates[index])
        return renderer.bytes
    }

    private func link(_ template: Template) -> Template {
        Template(nodes: template.nodes.map { node in
            switch node {
            case .text, .variable: node
            case .section(let name, let body, let inverted): .section(name, link(body), inverted: inverted)
            case .block(let name, let body, let indentation): .block(name, default: link(body), indentation: indentation)
            case .blockDefinition(let name, let body): .blockDefinition(name, link(body))
            case .partial(let name, _, let indentation, let overrides):
                .partial(name, index: names[name], indentation: indentation, overrides: overrides?.mapValues(link))
            }
        })
    }
}
