import Foundation
/// A bulletin embed, `{{< listing "id" >}}`, written on a line of its own.
struct Embed: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case listing(String)
        case calendar
        case changes
        case stats
        case unknown(String)
    }

    let kind: Kind
    let line: Int
    let column: Int
    /// The exact text of the embed.
    let text: String
    /// Where the embed is in the body it was scanned from, so all embeds are replaced in one pass.
    let range: Range<String.Index>

    /// Finds embeds in a Markdown body whose first line is `firstLine` of its file.
    static func scan(_ body: String, firstLine: Int) -> [Embed] {
        var embeds: [Embed] = []
        var inComment = false
        for (offset, original) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // An embed inside an HTML comment is an example or a switched-off card, not an embed.
            // The masked line has the same characters, so offsets found in it hold in the body.
            let masked = maskingComments(original, inComment: &inComment)
            var rest = Substring(masked)
            while let open = rest.range(of: "{{<"), let close = rest[open.upperBound...].range(of: ">}}") {
                let lower = masked.distance(from: masked.startIndex, to: open.lowerBound)
                let upper = masked.distance(from: masked.startIndex, to: close.upperBound)
                let range = original.index(original.startIndex, offsetBy: lower)..<original.index(original.startIndex, offsetBy: upper)
                let inner = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                embeds.append(Embed(kind: parse(inner), line: firstLine + offset, column: lower + 1, text: String(original[range]),
                                    range: range))
                rest = rest[close.upperBound...]
            }
        }
        return embeds
    }

    /// The line with the text of `<!-- … -->` comments (which may span lines) blanked out,
    /// character for character, so columns of what remains stay right.
    private static func maskingComments(_ line: Substring, inComment: inout Bool) -> String {
        var out = ""
        var rest = line
        while !rest.isEmpty {
            if inComment {
                guard let end = rest.range(of: "-->") else {
                    out += String(repeating: " ", count: rest.count)
                    break
                }
                out += String(repeating: " ", count: rest[..<end.upperBound].count)
                rest = rest[end.upperBound...]
                inComment = false
            } else {
                guard let start = rest.range(of: "<!--") else {
                    out += rest
                    break
                }
                out += rest[..<start.lowerBound] + "    "
                rest = rest[start.upperBound...]
                inComment = true
            }
        }
        return out
    }

    private static func parse(_ inner: String) -> Kind {
        let words = inner.split(separator: " ", maxSplits: 1).map(String.init)
        switch words.first ?? "" {
        case "listing":
            let argument = words.count > 1 ? words[1] : ""
            return .listing(argument.trimmingCharacters(in: CharacterSet(charactersIn: "\"“”' ")))
        case "calendar": return .calendar
        case "changes": return .changes
        case "stats": return .stats
        default: return .unknown(words.first ?? inner)
        }
    }
}
