import SasaeaiInput

/// Resolves what a coordinator wrote (an id or a Japanese name, any width) to an id.
struct Vocabulary: Sendable {
    private var byKey: [String: String] = [:]
    /// Names as shown in suggestions.
    let names: [String]

    init(_ entries: [(id: String, name: String)]) {
        for entry in entries {
            byKey[TextNormalization.matchKey(entry.id)] = entry.id
            byKey[TextNormalization.matchKey(entry.name)] = entry.id
        }
        names = entries.map(\.name)
    }

    func resolve(_ written: String) -> String? { byKey[TextNormalization.matchKey(written)] }

    /// Splits a list cell on the separators people use: 、 , ， ; ； ・ / and line breaks.
    static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { "、,，;；・/／\n".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
