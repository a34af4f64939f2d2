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

    /// Splits a list cell on the separators people use: 、 , ， ; ； / and line breaks. ・ also
    /// separates (居場所・介護予防) unless the whole piece is a name that contains it (食事・会食).
    func split(_ text: String) -> [String] {
        text.split(whereSeparator: { "、,，;；/／\n".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .flatMap { piece -> [String] in
                if resolve(piece) != nil || !piece.contains("・") { return [piece] }
                return piece.split(separator: "・").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
    }
}
