import Foundation

/// Reads a snapshot file (`ListingSnapshot`) straight into its entries: an RFC 8259 parser on
/// the UTF-8 bytes that keeps only what a snapshot holds, each field as display text. Foundation's
/// JSONSerialization built a boxed tree of the whole file first: at 100,000 listings (a 78 MB
/// file) that cost 600 MB and two seconds of every build.
struct SnapshotJSON {
    private let bytes: [UInt8]
    private var at = 0
    /// How many lists and objects the value being read is inside: a file nested deeper than
    /// any snapshot is refused rather than read by recursion until the stack runs out.
    private var depth = 0
    private static let deepest = 512

    struct Failure: Error {
        /// What is wrong, for `ListingSnapshot.Malformed`.
        let reason: String
    }

    private static let notJSON = Failure(reason: "JSON として読めません")
    private static let notAList = Failure(reason: "掲載の一覧（JSON の配列）ではありません")

    /// The entries of a snapshot's text, in file order.
    static func entries(_ text: String) throws -> [ListingSnapshot.Entry] {
        var reader = SnapshotJSON(bytes: Array(text.utf8))
        return try reader.document()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// A display text per value: text as written, numbers as Foundation writes them, lists
    /// joined with 、, nothing for null and objects (`extras`). Booleans, which no snapshot
    /// holds, show nothing either.
    private enum Value {
        case text(String)
        case list([String])
        case none
    }

    private mutating func document() throws -> [ListingSnapshot.Entry] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { at = 3 }
        skipSpace()
        guard peek == UInt8(ascii: "[") else {
            // Like Foundation's reader: a lone text or number is not a JSON document.
            guard peek == UInt8(ascii: "{") else { throw Self.notJSON }
            _ = try value()
            try end()
            throw Self.notAList
        }
        at += 1
        var entries: [ListingSnapshot.Entry] = []
        var notObject = false
        // The first entry without an id, said only once the whole file is known to be a list.
        var withoutID: Int?
        var count = 0
        skipSpace()
        if peek == UInt8(ascii: "]") {
            at += 1
        } else {
            while true {
                skipSpace()
                if peek == UInt8(ascii: "{") {
                    count += 1
                    if let entry = try entry() { entries.append(entry) } else if withoutID == nil { withoutID = count }
                } else {
                    _ = try value()
                    notObject = true
                }
                guard try listGoesOn() else { break }
            }
        }
        try end()
        if notObject { throw Self.notAList }
        if let withoutID { throw Failure(reason: "\(withoutID) 件目に id がありません") }
        return entries
    }

    private mutating func end() throws {
        skipSpace()
        guard at == bytes.count else { throw Self.notJSON }
    }

    /// nil when it has no id (a non-empty text).
    private mutating func entry() throws -> ListingSnapshot.Entry? {
        at += 1
        var fields: [String: String] = [:]
        var id: String?
        try members { key, parser in
            let isText = parser.peek == UInt8(ascii: "\"")
            switch try parser.value() {
            case .text(let text):
                if key == "id" { id = text }
                fields[key] = text.isEmpty ? nil : text
            case .list(let list):
                if key == "id" { id = nil }
                let joined = list.joined(separator: "、")
                fields[key] = joined.isEmpty ? nil : joined
            case .none:
                if key == "id" { id = nil }
                fields[key] = nil
            }
            if key == "id" && !isText { id = nil }
        }
        guard let id, !id.isEmpty else { return nil }
        return ListingSnapshot.Entry(id: id, fields: fields)
    }

    /// The members of an object whose `{` was just read, each value read by `read`.
    private mutating func members(_ read: (String, inout SnapshotJSON) throws -> Void) throws {
        skipSpace()
        if peek == UInt8(ascii: "}") {
            at += 1
            return
        }
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "\"") else { throw Self.notJSON }
            let key = try string()
            skipSpace()
            guard take() == UInt8(ascii: ":") else { throw Self.notJSON }
            skipSpace()
            try read(key, &self)
            guard try goesOn(closedBy: UInt8(ascii: "}")) else { return }
        }
    }

    private mutating func listGoesOn() throws -> Bool { try goesOn(closedBy: UInt8(ascii: "]")) }

    /// After a value in a list or object: whether another follows (a comma), or the list ends.
    /// A comma before the end is allowed, as Foundation's reader allowed it.
    private mutating func goesOn(closedBy close: UInt8) throws -> Bool {
        skipSpace()
        guard let next = take() else { throw Self.notJSON }
        if next == close { return false }
        guard next == UInt8(ascii: ",") else { throw Self.notJSON }
        skipSpace()
        if peek == close {
            at += 1
            return false
        }
        return true
    }

    private mutating func value() throws -> Value {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.deepest else { throw Self.notJSON }
        skipSpace()
        guard let first = peek else { throw Self.notJSON }
        switch first {
        case UInt8(ascii: "\""):
            return .text(try string())
        case UInt8(ascii: "["):
            at += 1
            var list: [String] = []
            skipSpace()
            if peek == UInt8(ascii: "]") {
                at += 1
                return .list(list)
            }
            while true {
                switch try value() {
                case .text(let text): list.append(text)
                case .list(let inner): list.append(inner.joined(separator: "、"))
                case .none: break
                }
                guard try listGoesOn() else { return .list(list) }
            }
        case UInt8(ascii: "{"):
            at += 1
            try members { _, parser in _ = try parser.value() }
            return .none
        case UInt8(ascii: "t"): try literal("true"); return .none
        case UInt8(ascii: "f"): try literal("false"); return .none
        case UInt8(ascii: "n"): try literal("null"); return .none
        default: return .text(try number())
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard at + count <= bytes.count,
              bytes[at..<at + count].elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: count)) else { throw Self.notJSON }
        at += count
    }

    /// A number as Foundation's reader showed it: integers as written (without sign of zero
    /// or exponent), others through NSNumber.
    private mutating func number() throws -> String {
        let start = at
        if peek == UInt8(ascii: "-") { at += 1 }
        guard let lead = peek, Self.isDigit(lead) else { throw Self.notJSON }
        if lead == UInt8(ascii: "0") { at += 1 } else { while let d = peek, Self.isDigit(d) { at += 1 } }
        var integer = true
        if peek == UInt8(ascii: ".") {
            integer = false
            at += 1
            guard let d = peek, Self.isDigit(d) else { throw Self.notJSON }
            while let d = peek, Self.isDigit(d) { at += 1 }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            integer = false
            at += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { at += 1 }
            guard let d = peek, Self.isDigit(d) else { throw Self.notJSON }
            while let d = peek, Self.isDigit(d) { at += 1 }
        }
        let text = String(decoding: bytes[start..<at], as: UTF8.self)
        if integer, let whole = Int(text) { return String(whole) }
        guard let double = Double(text) else { throw Self.notJSON }
        return NSNumber(value: double).stringValue
    }

    private mutating func string() throws -> String {
        at += 1
        var out: [UInt8] = []
        var run = at
        while true {
            guard let byte = peek else { throw Self.notJSON }
            switch byte {
            case UInt8(ascii: "\""):
                out.append(contentsOf: bytes[run..<at])
                at += 1
                guard let text = String(validating: out, as: UTF8.self) else { throw Self.notJSON }
                return text
            case UInt8(ascii: "\\"):
                out.append(contentsOf: bytes[run..<at])
                at += 1
                try escape(into: &out)
                run = at
            case 0..<0x20:
                throw Self.notJSON
            default:
                at += 1
            }
        }
    }

    private mutating func escape(into out: inout [UInt8]) throws {
        guard let byte = take() else { throw Self.notJSON }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(byte)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var code = try hex4()
            if (0xD800..<0xDC00).contains(code) {
                // A surrogate pair spells one scalar; a lone half is not text.
                guard take() == UInt8(ascii: "\\"), take() == UInt8(ascii: "u") else { throw Self.notJSON }
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw Self.notJSON }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else { throw Self.notJSON }
            out.append(contentsOf: String(Character(scalar)).utf8)
        default:
            throw Self.notJSON
        }
    }

    private mutating func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = take() else { throw Self.notJSON }
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw Self.notJSON
            }
            value = value << 4 | digit
        }
        return value
    }

    private var peek: UInt8? { at < bytes.count ? bytes[at] : nil }

    private mutating func take() -> UInt8? {
        guard at < bytes.count else { return nil }
        defer { at += 1 }
        return bytes[at]
    }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { at += 1 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
}
