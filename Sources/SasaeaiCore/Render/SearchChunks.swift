/// The search index split so a phone downloads only what a query needs (as Pagefind does),
/// instead of one file that grows with the prefecture:
///
/// - `manifest.json`: the block size, the number of entries and the chunk keys that exist;
/// - `c/<hex>.json`: for one folded character (its code point in hex), the entries holding that
///   character and, per bigram starting with it, the entries holding that bigram. Lists are
///   ascending entry numbers written as gaps, which keeps common characters small;
/// - `e/<n>.json`: entries n×blockSize ..< (n+1)×blockSize, whose texts confirm the match.
///
/// A query's bigrams (or its one character) name the chunks to fetch; their intersection gives
/// the candidates, and only the candidates' blocks are fetched. `assets/search.js` reads it.
struct SearchChunks {
    static let blockSize = 64

    struct Manifest: Encodable {
        let block: Int
        let entries: Int
        let chunks: [String]
    }

    let files: [(path: String, text: String)]

    static func key(_ scalar: Unicode.Scalar) -> String { String(scalar.value, radix: 16) }

    init(_ entries: [SearchIndex.Entry]) {
        var postings: [Unicode.Scalar: [String: [Int]]] = [:]
        for (number, entry) in entries.enumerated() {
            let scalars = Array(entry.text.unicodeScalars)
            var seen = Set<String>()
            for (i, scalar) in scalars.enumerated() {
                var keys = [String(scalar)]
                if i + 1 < scalars.count { keys.append(String(scalar) + String(scalars[i + 1])) }
                for key in keys where seen.insert(key).inserted {
                    postings[scalar, default: [:]][key, default: []].append(number)
                }
            }
        }
        var files: [(path: String, text: String)] = []
        let ordered = postings.keys.sorted { $0.value < $1.value }
        files.append(("manifest.json", SearchIndex.json(Manifest(block: Self.blockSize, entries: entries.count, chunks: ordered.map(Self.key)))))
        for scalar in ordered {
            let lists = postings[scalar]!.mapValues { numbers in
                zip(numbers, [0] + numbers.dropLast()).map { $0 - $1 }
            }
            files.append(("c/\(Self.key(scalar)).json", SearchIndex.json(lists)))
        }
        for start in stride(from: 0, to: entries.count, by: Self.blockSize) {
            let block = Array(entries[start..<min(start + Self.blockSize, entries.count)])
            files.append(("e/\(start / Self.blockSize).json", SearchIndex.json(block)))
        }
        self.files = files
    }
}
