/// What a template tag finds: typed, so rendering never casts. `none` is "not here": the
/// lookup goes on to the values around (as a missing name does in Mustache).
///
/// Lists and objects are held as closures made where their type is known (with `.list(_:)`
/// and `.object(_:)`), so the value is copied with a retain and a lookup runs code
/// specialised for that type. An existential payload made every copy on the renderer's
/// context stack go through value witnesses, and every list element a section pushed was
/// copied out of its array into a box of its own.
enum TemplateValue {
    case none
    case bool(Bool)
    case int(Int)
    case text(String)
    case listAccess(TemplateListAccess)
    case objectAccess(TemplateObjectAccess)
    /// Element `index` of a list a section repeats over: names are looked up in the element
    /// where it lies in its array, neither copied nor boxed. Never the result of a lookup
    /// (`{{.}}` gives the element's own value).
    case element(TemplateListAccess, Int)

    /// Any value a page data type holds: `case .title: .init(title)`.
    @inline(__always)
    init(_ value: (some TemplateValueConvertible)?) {
        self = value?.templateValue ?? .none
    }

    static func list(_ list: some TemplateList) -> TemplateValue {
        .listAccess(TemplateListAccess(count: list.count) { index, name in
            if let name { return list.value(name, at: index) }
            return list.element(index)
        })
    }

    static func object(_ object: some TemplateObject) -> TemplateValue {
        .objectAccess(TemplateObjectAccess { object.value($0) })
    }

    /// `name` looked up in this value only.
    @inline(__always)
    func value(_ name: TemplateName.Part) -> TemplateValue {
        switch self {
        case .objectAccess(let object): object.lookup(name)
        case .element(let list, let index): list.access(index, name)
        case .none, .bool, .int, .text, .listAccess: .none
        }
    }

    /// The value itself, with a list's element taken out of its list.
    var resolved: TemplateValue {
        guard case .element(let list, let index) = self else { return self }
        return list.access(index, nil)
    }
}

/// A list's length and its elements: element `index`'s own value when no name is given,
/// else the name looked up in it.
struct TemplateListAccess {
    let count: Int
    let access: (_ index: Int, _ name: TemplateName.Part?) -> TemplateValue
}

/// An object's names.
struct TemplateObjectAccess {
    let lookup: (TemplateName.Part) -> TemplateValue
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

    /// A name as a template spells it: by key when it has one.
    @inline(__always)
    func value(_ name: TemplateName.Part) -> TemplateValue {
        if let key = name.key { return value(key) }
        return value(name.text)
    }
}

/// An object that answers by key (Sasaeai's page data); a name asked by its text is
/// resolved first. A conforming type implements `value(_: TemplateKey)` (or, as the paper
/// edition's data does, `value(_: String)`): with neither, the two defaults call each other.
protocol KeyedTemplateObject: TemplateObject {}

extension KeyedTemplateObject {
    func value(_ name: String) -> TemplateValue { TemplateKey(rawValue: name).map { value($0) } ?? .none }
}

/// A list a section repeats over.
protocol TemplateList {
    var count: Int { get }
    func element(_ index: Int) -> TemplateValue
    /// `name` looked up in element `index` (`.none` when the element is not an object).
    func value(_ name: TemplateName.Part, at index: Int) -> TemplateValue
}

extension TemplateList {
    func value(_ name: TemplateName.Part, at index: Int) -> TemplateValue { element(index).value(name) }
}

protocol TemplateValueConvertible {
    var templateValue: TemplateValue { get }
    /// `name` looked up in this value, without making a `TemplateValue` of it first.
    func templateLookup(_ name: TemplateName.Part) -> TemplateValue
}

extension TemplateValueConvertible {
    func templateLookup(_ name: TemplateName.Part) -> TemplateValue { templateValue.value(name) }
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
    func value(_ name: TemplateName.Part, at index: Int) -> TemplateValue {
        // In place: the element is not copied (nor all it holds retained) to look in it.
        withUnsafeBufferPointer { $0[index].templateLookup(name) }
    }
    var templateValue: TemplateValue { .list(self) }
}

extension TemplateValueConvertible where Self: TemplateObject {
    var templateValue: TemplateValue { .object(self) }
    func templateLookup(_ name: TemplateName.Part) -> TemplateValue { value(name) }
}
