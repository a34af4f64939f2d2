import Foundation

/// The search index split so a phone downloads only what a query needs (as Pagefind does),
/// instead of one file that grows with the prefecture:
///
/// - `manifest.json`: the number of entries, the first entry of each block and the first key of
///   each chunk;
/// - `c/<n>.json`: posting lists for a run of keys in code-point order. A key is one folded
///   character or a bigram of them; its list names the entries whose text holds it, as ascending
///   entry numbers written as gaps, or, where that would be longer, as a bitmap in base64
///   ("b" + base64, bit i of byte i/8 from the low bit), so even a key in every entry of a
///   100,000-listing prefecture costs at most 17 KB. Chunks are cut at about `chunkBytes`;
/// - `e/<n>.json`: a run of entries starting at blocks[n], cut at about `blockBytes` (long
///   bulletins make fewer entries per block), whose texts confirm the match.
///
/// A query's bigrams (or its one character) name the chunks to fetch (all at once); the
/// intersection of their lists gives the candidates, and only the candidates' blocks are
/// fetched. `assets/search.js` reads it.
struct SearchChunks {
    static let blockBytes = 32_000
    static let chunkBytes = 32_000

    struct Manifest {
        let entries: Int
        /// The first entry of block i is blocks[i].
        let blocks: [Int]
        /// The first key of chunk i is chunks[i].
        let chunks: [String]

        func write(to json: inout JSONWriter) {
            json.beginObject()
            json.field("blocks", blocks)
            json.field("chunks", chunks)
            json.field("entries", entries)
            json.endObject()
        }
    }

    enum Postings {
        /// Four bytes a number: a 100,000-entry index holds tens of millions of them at once.
        case gaps([UInt32])
        case bitmap(String)

        func write(to json: inout JSONWriter) {
            switch self {
            case .gaps(let gaps):
                json.beginArray()
                for gap in gaps { json.int(Int(gap)) }
                json.endArray()
            case .bitmap(let bits): json.string("b" + bits)
            }
        }

        init(_ numbers: [UInt32], count: Int) {
            var gaps = numbers
            var previous: UInt32 = 0
            for i in gaps.indices { (gaps[i], previous) = (gaps[i] - previous, gaps[i]) }
            let bitmapBytes = (count + 7) / 8 * 4 / 3 + 4
            if Self.writtenBytes(gaps) <= bitmapBytes {
                self = .gaps(gaps)
            } else {
                var bytes = [UInt8](repeating: 0, count: (count + 7) / 8)
                for n in numbers { bytes[Int(n / 8)] |= UInt8(1) << UInt8(n % 8) }
                self = .bitmap(Data(bytes).base64EncodedString())
            }
        }

        var approximateBytes: Int {
            switch self {
            case .gaps(let gaps): 8 + Self.writtenBytes(gaps)
            case .bitmap(let bits): bits.utf8.count + 10
            }
        }

        /// The gaps' decimal digits and a separator each, counted without writing them.
        private static func writtenBytes(_ gaps: [UInt32]) -> Int {
            var total = 0
            for gap in gaps {
                var digits = 1, rest = gap
                while rest >= 10 { rest /= 10; digits += 1 }
                total += digits + 1
            }
            return total
        }
    }

    let files: [(path: String, text: String)]
    /// The `e/<n>.json` files' texts in order: each a JSON array of its entries and a newline.
    let entryBlocks: [String]

    /// A key packed into an integer whose order is the keys' code-point order: a character
    /// (second part 0) comes before every bigram starting with it. Strings are made only for
    /// the output; the 100,000-entry index handles hundreds of millions of keys.
    static func packed(_ first: Unicode.Scalar, _ second: Unicode.Scalar?) -> UInt64 {
        UInt64(first.value) << 22 | UInt64(second.map { $0.value + 1 } ?? 0)
    }

    static func key(_ packed: UInt64) -> String {
        var text = String(Unicode.Scalar(UInt32(packed >> 22))!)
        let second = UInt32(packed & 0x3F_FFFF)
        if second > 0 { text.unicodeScalars.append(Unicode.Scalar(second - 1)!) }
        return text
    }

    init(_ entries: [SearchIndex.Entry]) {
        self.init(entries, written: SearchIndex.json(entries))
    }

    /// `written` holds each entry as JSON (`SearchIndex.json`), for the blocks.
    init(_ entries: [SearchIndex.Entry], written: [[UInt8]]) {
        var postings: [UInt64: [UInt32]] = [:]
        var seen = Set<UInt64>()
        for (number, entry) in entries.enumerated() {
            let scalars = Array(entry.text.unicodeScalars)
            seen.removeAll(keepingCapacity: true)
            for (i, scalar) in scalars.enumerated() {
                let one = Self.packed(scalar, nil)
                if seen.insert(one).inserted { postings[one, default: []].append(UInt32(number)) }
                if i + 1 < scalars.count {
                    let two = Self.packed(scalar, scalars[i + 1])
                    if seen.insert(two).inserted { postings[two, default: []].append(UInt32(number)) }
                }
            }
        }
        // Keys in code-point order are in UTF-8 order, the order of a chunk's keys. Each chunk
        // is written as soon as it is full and each key's numbers let go once encoded, so the
        // lists are never held twice.
        var chunkTexts: [String] = []
        var firsts: [String] = []
        var current: [(key: String, postings: Postings)] = []
        var size = 0
        func writeChunk() {
            var json = JSONWriter(reservingCapacity: Self.chunkBytes + 4_096)
            json.beginObject()
            for (key, postings) in current {
                json.key(key)
                postings.write(to: &json)
            }
            json.endObject()
            chunkTexts.append(json.finish(with: "\n"))
            current = []
            size = 0
        }
        for packed in postings.keys.sorted() {
            let key = Self.key(packed)
            let list = Postings(postings.removeValue(forKey: packed)!, count: entries.count)
            if size > 0 && size + list.approximateBytes > Self.chunkBytes { writeChunk() }
            if current.isEmpty { firsts.append(key) }
            current.append((key, list))
            size += list.approximateBytes + key.utf8.count + 4
        }
        if !current.isEmpty { writeChunk() }

        var blockTexts: [String] = []
        var starts: [Int] = []
        var block = JSONWriter()
        var pendingBytes = 0
        for (number, entry) in written.enumerated() {
            if pendingBytes > 0 && pendingBytes + entry.count > Self.blockBytes {
                block.endArray()
                blockTexts.append(block.finish(with: "\n"))
                block = JSONWriter()
                pendingBytes = 0
            }
            if pendingBytes == 0 {
                starts.append(number)
                block.beginArray()
            }
            block.raw(entry)
            pendingBytes += entry.count + 1
        }
        if pendingBytes > 0 {
            block.endArray()
            blockTexts.append(block.finish(with: "\n"))
        }

        var files: [(path: String, text: String)] = []
        var manifest = JSONWriter()
        Manifest(entries: entries.count, blocks: starts, chunks: firsts).write(to: &manifest)
        files.append(("manifest.json", manifest.finish(with: "\n")))
        for (i, text) in chunkTexts.enumerated() {
            files.append(("c/\(i).json", text))
        }
        for (i, text) in blockTexts.enumerated() {
            files.append(("e/\(i).json", text))
        }
        self.files = files
        entryBlocks = blockTexts
    }
}
