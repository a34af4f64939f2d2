/// Writes JSON (RFC 8259) straight into a UTF-8 byte buffer, value by value, for the exports,
/// the search index and the JSON-LD. Foundation's `JSONEncoder` built a tree of boxed values per
/// record and cost 14% of a 10,000-listing build; no JSON writer is on the Swift package
/// mirror, so this one is written out, and kept to what those files need.
///
/// The bytes are the ones `JSONEncoder` wrote before, so published files and their digests do
/// not change: `"key" : value` and two-space indents when pretty, `{\n\n}` for an empty object,
/// whole doubles without `.0`, only `"`, `\`, control characters (and optionally `/` and `<`)
/// escaped, every other character as its UTF-8. Keys must come in ascending UTF-8 order (what
/// `.sortedKeys` produced); debug builds check it.
struct JSONWriter {
    struct Style: Sendable {
        var pretty = false
        /// `/` as `\/` (JSONEncoder's default, kept where a file always had it).
        var escapesSlashes = false
        /// `<` as `\u003c`, so the text can sit in an HTML `<script>` element.
        var escapesLessThan = false
    }

    private(set) var bytes: [UInt8] = []
    let style: Style
    private var depth = 0
    /// Whether the open container already holds an element (a comma goes before the next).
    private var hasElements = false
    /// A key was just written: its value follows with no separator.
    private var afterKey = false
    #if DEBUG
    private var lastKeys: [[UInt8]?] = [nil]
    #endif

    init(_ style: Style = Style(), reservingCapacity capacity: Int = 0) {
        self.style = style
        bytes.reserveCapacity(capacity)
    }

    /// The written JSON as text, with `suffix` (a closing newline) after it.
    mutating func finish(with suffix: String = "") -> String {
        String(decoding: finishBytes(with: suffix), as: UTF8.self)
    }

    /// The written JSON as UTF-8, for the site writer: a 200 MB export is not copied into a
    /// String as well.
    mutating func finishBytes(with suffix: String = "") -> [UInt8] {
        bytes.append(contentsOf: suffix.utf8)
        return bytes
    }

    /// Hands what is written so far to `emit` (with `suffix` after it) and starts an empty
    /// buffer, keeping its place in the JSON: a streamed export is written in pieces.
    mutating func drain(appending suffix: String = "", to emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.append(contentsOf: suffix.utf8)
        bytes.withUnsafeBufferPointer(emit)
        bytes.removeAll(keepingCapacity: true)
    }

    // MARK: Containers

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    mutating func key(_ name: String) {
        separate()
        #if DEBUG
        let utf8 = Array(name.utf8)
        if let last = lastKeys[lastKeys.count - 1] {
            assert(last.lexicographicallyPrecedes(utf8), "JSON keys out of order: \(String(decoding: last, as: UTF8.self)) before \(name)")
        }
        lastKeys[lastKeys.count - 1] = utf8
        #endif
        appendString(name)
        if style.pretty { bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20]) } else { bytes.append(UInt8(ascii: ":")) }
        afterKey = true
    }

    // MARK: Values

    mutating func string(_ value: String) {
        separate()
        appendString(value)
    }

    mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// As `JSONEncoder` wrote doubles: Swift's shortest round-trip form, a whole number
    /// without its `.0` (35, 139.6917, 1e-05).
    mutating func double(_ value: Double) {
        precondition(value.isFinite, "JSON has no NaN or infinity")
        separate()
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    /// Bytes that are already one JSON value written in this style (a record written once and
    /// placed in several files).
    mutating func raw(_ json: [UInt8]) {
        separate()
        bytes.append(contentsOf: json)
    }

    // MARK: Fields, as synthesised `Encodable` wrote them: an absent optional leaves no key.

    mutating func field(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func field(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    mutating func field(_ name: String, _ value: Double?) {
        guard let value else { return }
        key(name)
        double(value)
    }

    mutating func field(_ name: String, _ value: Bool?) {
        guard let value else { return }
        key(name)
        bool(value)
    }

    mutating func field(_ name: String, _ values: [String]?) {
        guard let values else { return }
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    mutating func field(_ name: String, _ values: [Int]?) {
        guard let values else { return }
        key(name)
        beginArray()
        for value in values { int(value) }
        endArray()
    }

    /// An array of records, each written by `write`.
    mutating func array<Element>(_ elements: [Element], _ write: (inout JSONWriter, Element) -> Void) {
        beginArray()
        for element in elements { write(&self, element) }
        endArray()
    }

    // MARK: Layout

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        if style.pretty { bytes.append(UInt8(ascii: "\n")) }
        depth += 1
        hasElements = false
        #if DEBUG
        lastKeys.append(nil)
        #endif
    }

    private mutating func close(_ bracket: UInt8) {
        precondition(depth > 0 && !afterKey, "JSON container closed where none is open, or after a key")
        depth -= 1
        if style.pretty {
            bytes.append(UInt8(ascii: "\n"))
            indent()
        }
        bytes.append(bracket)
        // The closed container is an element of the one around it.
        hasElements = true
        #if DEBUG
        lastKeys.removeLast()
        #endif
    }

    /// Before a key or an array element: the comma, then in pretty style the line break and
    /// indent. A value after its key, and the outermost value, need none.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        if hasElements {
            bytes.append(UInt8(ascii: ","))
            if style.pretty { bytes.append(UInt8(ascii: "\n")) }
        }
        if style.pretty { indent() }
        hasElements = true
    }

    private mutating func indent() {
        for _ in 0..<depth { bytes.append(contentsOf: [0x20, 0x20]) }
    }

    private mutating func appendString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Runs of bytes that need no escape are copied whole.
            var start = 0
            for (i, byte) in utf8.enumerated() {
                let escape: StaticString
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "/") where style.escapesSlashes: escape = "\\/"
                case UInt8(ascii: "<") where style.escapesLessThan: escape = "\\u003c"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x00..<0x20: escape = ""
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                if escape.utf8CodeUnitCount > 0 {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
                } else {
                    bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              Hex.digit(byte >> 4), Hex.digit(byte & 0xF)])
                }
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
