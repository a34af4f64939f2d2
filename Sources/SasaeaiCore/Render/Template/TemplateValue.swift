/// What a template tag finds: typed, so rendering never casts. `none` is "not here": the
/// lookup goes on to the values around (as a missing name does in Mustache).
enum TemplateValue {
    case none
    case bool(Bool)
    case int(Int)
    case text(String)
    case list(any TemplateList)
    case object(any TemplateObject)

    /// Any value a page data type holds: `case "title": .init(title)`.
    @inline(__always)
    init(_ value: (some TemplateValueConvertible)?) {
        self = value?.templateValue ?? .none
    }
}

/// A value with names a template looks up (`{{title}}`, `{{#map}}{{lat}}{{/map}}`).
protocol TemplateObject {
    /// The value of `name`, or `.none` when this value has no such name.
    func value(_ name: String) -> TemplateValue
    /// The same, for a name the template's parser resolved to a key (what the renderer asks).
    func value(_ key: TemplateKey) -> TemplateValue
}

extension TemplateObject {
    /// Objects that look names up by their text (the paper edition's data, the spec tests'
    /// JSON) are asked by text.
    func value(_ key: TemplateKey) -> TemplateValue { value(key.rawValue) }
}

/// An object that answers by key (Sasaeai's page data); a name asked by its text is
/// resolved first. A conforming type implements `value(_: TemplateKey)`.
protocol KeyedTemplateObject: TemplateObject {}

extension KeyedTemplateObject {
    func value(_ name: String) -> TemplateValue { TemplateKey(rawValue: name).map { value($0) } ?? .none }
}

/// A list a section repeats over.
protocol TemplateList {
    var count: Int { get }
    func element(_ index: Int) -> TemplateValue
}

protocol TemplateValueConvertible {
    var templateValue: TemplateValue { get }
}

extension String: TemplateValueConvertible {
    var templateValue: TemplateValue { .text(self) }
}

extension Int: TemplateValueConvertible {
    var templateValue: TemplateValue { .int(self) }
}

extension Bool: TemplateValueConvertible {
    var templateValue: TemplateValue { .bool(self) }
}

extension Array: TemplateList, TemplateValueConvertible where Element: TemplateValueConvertible {
    func element(_ index: Int) -> TemplateValue { self[index].templateValue }
    var templateValue: TemplateValue { .list(self) }
}

extension TemplateValueConvertible where Self: TemplateObject {
    var templateValue: TemplateValue { .object(self) }
}
