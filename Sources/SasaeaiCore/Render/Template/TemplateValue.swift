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
