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
        for (offset, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            while let open = rest.range(of: "{{<"), let close = rest[open.upperBound...].range(of: ">}}") {
                let text = String(rest[open.lowerBound..<close.upperBound])
                let inner = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                embeds.append(Embed(kind: parse(inner), line: firstLine + offset, column: column, text: text,
                                    range: open.lowerBound..<close.upperBound))
                rest = rest[close.upperBound...]
            }
        }
        return embeds
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
