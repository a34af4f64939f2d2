import Foundation
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
    private let separatedNamesPlain: [Bool]

    init(_ entries: [(id: String, name: String)]) {
        var idsByName: [String: [String]] = [:]
        for entry in entries {
            byKey[TextNormalization.matchKey(entry.id)] = entry.id
            byKey[TextNormalization.matchKey(entry.name)] = entry.id
            idsByName[TextNormalization.matchKey(entry.name), default: []].append(entry.id)
        }
        names = entries.map(\.name)
        separatedNames = names.filter { $0.contains(where: Self.isSeparator) }.sorted { $0.count > $1.count }
        separatedNamesPlain = separatedNames.map(Self.isPlain)
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
        // Text and name of scalars that no normalization changes or combines (nearly all):
        // Foundation's search can only find the name where its bytes are, so a name whose
        // bytes are not there is not searched for.
        let plain = Self.isPlain(rest)
        var found: [(offset: Int, word: String)] = []
        for (name, plainName) in zip(separatedNames, separatedNamesPlain) {
            if plain && plainName && !Self.bytes(of: name, occurIn: rest) { continue }
            while let range = rest.range(of: name) {
                found.append((rest.distance(from: rest.startIndex, to: range.lowerBound), name))
                rest.replaceSubrange(range, with: String(repeating: "、", count: name.count))
            }
        }
        if found.isEmpty && plain && !rest.utf8.contains(UInt8(ascii: "\r")) {
            // Every character is one scalar here (no marks to combine, no CR LF), so splitting
            // the scalars splits the characters, at a fraction of the cost.
            return rest.unicodeScalars.split(whereSeparator: Self.isSeparator).map { TextTrimming.trimmed(Substring($0), newlines: false) }.filter { !$0.isEmpty }
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

    /// `isSeparator` for a character of one scalar.
    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "、", ",", "，", ";", "；", "/", "／", "\n", "・": true
        default: false
        }
    }

    /// Made only of scalars NFC leaves alone and that never combine with a neighbour, nor
    /// join one into a character (the half-width sound marks do, though NFC keeps them).
    private static func isPlain(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { TextDecoding.isStableUnderNFC($0) && $0 != "\u{FF9E}" && $0 != "\u{FF9F}" }
    }

    private static func bytes(of name: String, occurIn text: String) -> Bool {
        var name = name, text = text
        return name.withUTF8 { needle in
            text.withUTF8 { hay in
                guard needle.count <= hay.count else { return false }
                guard let first = needle.first else { return true }
                var i = 0
                while i + needle.count <= hay.count {
                    if hay[i] == first && memcmp(hay.baseAddress! + i, needle.baseAddress!, needle.count) == 0 { return true }
                    i += 1
                }
                return false
            }
        }
    }

    /// A list written as one string (`areas: 中央、本町`) split into its items.
    static func separators(_ text: String) -> [String] {
        text.split(whereSeparator: { "、,，;；/／\n".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
