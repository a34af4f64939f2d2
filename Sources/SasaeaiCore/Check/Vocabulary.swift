import SasaeaiInput
import SasaeaiSchedule

/// Resolves what a coordinator wrote (an id or a Japanese name, any width) to an id.
struct Vocabulary: Sendable {
    private var byKey: [String: String] = [:]
    /// Names as shown in suggestions.
    let names: [String]

    /// Names that several entries share (two towns' 中央 in a prefecture's site), by match key.
    private var shared: [String: [String]] = [:]
    /// Names that contain a separator, longest first: `split` takes them out whole.
    private let separatedNames: [String]

    init(_ entries: [(id: String, name: String)]) {
        var idsByName: [String: [String]] = [:]
        for entry in entries {
            byKey[TextNormalization.matchKey(entry.id)] = entry.id
            byKey[TextNormalization.matchKey(entry.name)] = entry.id
            idsByName[TextNormalization.matchKey(entry.name), default: []].append(entry.id)
        }
        names = entries.map(\.name)
        separatedNames = names.filter { $0.contains(where: Self.isSeparator) }.sorted { $0.count > $1.count }
        shared = idsByName.filter { $0.value.count > 1 }
    }

    /// The ids a written name could mean when several entries have that name; nil when it
    /// means one (an id written as it is always means one).
    func sharedName(_ written: String) -> [String]? {
        let key = TextNormalization.matchKey(written)
        guard let ids = shared[key], !ids.contains(where: { TextNormalization.matchKey($0) == key }) else { return nil }
        return ids
    }

    func resolve(_ written: String) -> String? { byKey[TextNormalization.matchKey(written)] }

    /// Splits a list cell on the separators people use: 、 , ， ; ； / and line breaks, and ・.
    /// Names that themselves contain a separator (運動・体操, 食事・会食) are taken out first,
    /// longest first, so they are never cut in two.
    func split(_ text: String) -> [String] {
        var rest = TextNormalization.normalize(text)
        var found: [(offset: Int, word: String)] = []
        for name in separatedNames {
            while let range = rest.range(of: name) {
                found.append((rest.distance(from: rest.startIndex, to: range.lowerBound), name))
                rest.replaceSubrange(range, with: String(repeating: "、", count: name.count))
            }
        }
        let pieces = rest.split(whereSeparator: Self.isSeparator)
        // Without a name taken out, the pieces are already in their order.
        if found.isEmpty { return pieces.map { TextTrimming.trimmed($0, newlines: false) }.filter { !$0.isEmpty } }
        for piece in pieces {
            let word = TextTrimming.trimmed(piece, newlines: false)
            if !word.isEmpty { found.append((rest.distance(from: rest.startIndex, to: piece.startIndex), word)) }
        }
        return found.sorted { $0.offset < $1.offset }.map(\.word)
    }

    private static let separatorSet: Set<Character> = ["、", ",", "，", ";", "；", "/", "／", "\n", "・"]

    static func isSeparator(_ ch: Character) -> Bool { separatorSet.contains(ch) }

    /// A list written as one string (`areas: 中央、本町`) split into its items.
    static func separators(_ text: String) -> [String] {
        text.split(whereSeparator: { "、,，;；/／\n".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
