/// "Did you mean" for unknown names: coordinators mistype 南町 for 南, so the message names
/// the nearest known one. Edit distance on characters is enough for short Japanese names.
enum Suggestion {
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let target = Array(word)
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate))
            let limit = max(2, max(target.count, candidate.count) / 2)
            let contains = candidate.contains(word) || word.contains(candidate)
            let score = contains ? min(distance, 1) : distance
            guard score <= limit else { continue }
            if best == nil || score < best!.1 || (score == best!.1 && candidate < best!.0) {
                best = (candidate, score)
            }
        }
        return best?.0
    }

    /// The Japanese tail for a message: （候補: 南） or a list of what is allowed.
    static func hint(for word: String, in candidates: [String]) -> String {
        if let near = nearest(to: word, in: candidates) {
            return "（候補: \(near)）"
        }
        // A short vocabulary is worth listing; a long list of IDs is not.
        if candidates.count > 12 { return "（近いものが見つかりません。綴りを確かめてください）" }
        return "（使えるもの: \(candidates.joined(separator: "、"))）"
    }

    static func distance(_ a: String, _ b: String) -> Int { editDistance(Array(a), Array(b)) }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
