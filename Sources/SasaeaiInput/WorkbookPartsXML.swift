import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parsers for the small parts of an .xlsx package (ECMA-376): relationships, the workbook's
/// sheet list, shared strings and cell styles. Each is an XMLParser delegate that keeps only
/// what the table reader needs. Names are matched without namespace prefixes, because
/// writers differ (`<x:sheet>` from .NET, `<sheet>` from Excel and openpyxl).
enum WorkbookXML {
    /// False for a part that is not well formed. Parts must be UTF-8 (every writer of .xlsx
    /// writes it): FoundationXML traps on a name that is not valid UTF-8 (found by the workbook
    /// fuzzer), so such a part is refused before it reaches the parser.
    static func parse(_ data: Data, with delegate: XMLParserDelegate) -> Bool {
        guard String(data: data, encoding: .utf8) != nil else { return false }
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        return parser.parse()
    }

    /// An attribute by local name, whatever prefix the writer gave it (`r:id`, `id`).
    static func attribute(_ attributes: [String: String], _ name: String) -> String? {
        if let value = attributes[name] { return value }
        return attributes.first { $0.key.hasSuffix(":" + name) }?.value
    }

    /// OOXML strings escape characters XML cannot hold as `_xHHHH_` (Excel writes `_x000D_`
    /// for the CR of a line break); `_x005F_` escapes a literal underscore before such text.
    static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
               let code = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)])), radix: 16),
               let scalar = Unicode.Scalar(code) {
                out.append(scalar)
                i += 7
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }
}

/// `_rels/*.rels`: relationship id → (type, target).
final class RelationshipsXML: NSObject, XMLParserDelegate {
    struct Relationship { let type: String; let target: String }
    var relationships: [String: Relationship] = [:]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        // External targets (hyperlinks) never name a part of the package.
        guard attributes["TargetMode"] != "External" else { return }
        relationships[id] = Relationship(type: attributes["Type"] ?? "", target: target)
    }

    func target(ofTypeEnding suffix: String) -> String? {
        relationships.values.first { $0.type.hasSuffix(suffix) }?.target
    }
}

/// `xl/workbook.xml`: the sheets in tab order, and whether dates count from 1904.
final class WorkbookListXML: NSObject, XMLParserDelegate {
    struct Sheet { let name: String; let relationship: String; let hidden: Bool }
    var sheets: [Sheet] = []
    var date1904 = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "sheet":
            guard let sheetName = attributes["name"], let id = WorkbookXML.attribute(attributes, "id") else { return }
            let state = attributes["state"] ?? "visible"
            sheets.append(Sheet(name: sheetName, relationship: id, hidden: state != "visible"))
        case "workbookPr":
            let value = attributes["date1904"] ?? "false"
            date1904 = value == "1" || value == "true"
        default: break
        }
    }
}

/// `xl/sharedStrings.xml`: each `<si>` as one string, rich-text runs joined; phonetic guides
/// (`<rPh>`, the ふりがな Japanese Excel stores beside names) are not part of the value.
final class SharedStringsXML: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inItem = false, inText = false, phonetic = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "si": inItem = true; current = ""
        case "rPh": phonetic += 1
        case "t": inText = inItem && phonetic == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": strings.append(WorkbookXML.unescape(current)); inItem = false
        case "rPh": phonetic -= 1
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}

/// `xl/styles.xml`: for each cell style index (`s="3"`), how its numbers are shown.
final class StylesXML: NSObject, XMLParserDelegate {
    var kinds: [ExcelValueKind] = []
    private var customFormats: [Int: String] = [:]
    private var formatIds: [Int] = []
    private var inCellFormats = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                customFormats[id] = code
            }
        case "cellXfs": inCellFormats = true
        case "xf" where inCellFormats:
            formatIds.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "cellXfs" { inCellFormats = false }
    }

    func parserDidEndDocument(_ parser: XMLParser) {
        kinds = formatIds.map { id in
            // A custom format may reuse a built-in id; its code then decides.
            if let code = customFormats[id] { return ExcelNumberFormat.kind(code: code) }
            return ExcelNumberFormat.kind(builtIn: id) ?? .number
        }
    }
}
