extension Embed {
    /// The body with each of `embeds` (found in this body, in order) swapped for its
    /// replacement, in one pass whatever their number.
    static func replacing(_ embeds: [Embed], in body: String, with replacement: (Embed) -> String) -> String {
        guard !embeds.isEmpty else { return body }
        var result = ""
        result.reserveCapacity(body.utf8.count)
        var cursor = body.startIndex
        for embed in embeds {
            result += body[cursor..<embed.range.lowerBound]
            result += replacement(embed)
            cursor = embed.range.upperBound
        }
        result += body[cursor...]
        return result
    }

    /// The body without its embeds: the text a search should find.
    static func removing(from body: String) -> String {
        replacing(scan(body, firstLine: 1), in: body) { _ in "" }
    }
}
