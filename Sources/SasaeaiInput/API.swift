// CONTRACT FILE — the public surface SasaeaiCore relies on. The input helper replaces these
// stubs with real implementations (in files named for what they hold) and deletes this file.
import Foundation
import SasaeaiSchedule

/// The encodings Excel and text editors produce for Japanese tables.
public enum TextEncoding: String, Sendable {
    case utf8, utf8BOM, utf16LE, utf16BE, cp932
}

public struct DecodedText: Sendable {
    public let text: String          // NFC, BOM removed, line ends kept as in the file
    public let encoding: TextEncoding
}

public struct UndecodableText: Error, Sendable {
    public let byteOffset: Int       // the first byte that is not valid in any accepted encoding
}

public enum TextDecoding {
    /// UTF-8 (BOM or not), UTF-16 LE/BE (BOM), else CP932; fails with the first bad byte.
    public static func decode(_ data: Data) -> Result<DecodedText, UndecodableText> { fatalError("stub") }
}

/// One cell as read, with the physical line it starts on and its 1-based field number.
public struct TableCell: Sendable, Hashable {
    public let value: String
    public let line: Int
    public let column: Int
}

public struct TableRow: Sendable {
    public let line: Int             // physical line where the row starts
    public let cells: [TableCell]
}

public struct Table: Sendable {
    public let header: [TableCell]
    public let rows: [TableRow]      // blank rows skipped, trailing empty cells dropped
}

public enum TableDelimiter: Sendable { case tab, comma }

public enum DelimitedTable {
    /// Excel-style quoting; CRLF/CR/LF; `file` is used only for diagnostic locations.
    /// Problems (unterminated quote, duplicate header, …) come back as diagnostics, never a throw.
    public static func parse(_ text: String, delimiter: TableDelimiter, file: String) -> (Table, [Diagnostic]) { fatalError("stub") }
}

/// Markdown files start with `---` YAML `---`; line numbers let YAML errors point into the file.
public struct FrontMatterSplit: Sendable {
    public let yaml: String?         // nil when the file has no front matter
    public let yamlFirstLine: Int    // physical line of the first YAML line
    public let body: String
    public let bodyFirstLine: Int
}

public enum FrontMatter {
    public static func split(_ text: String) -> FrontMatterSplit { fatalError("stub") }
}

/// A date as people write it: a day, a month, or a fiscal year (平成28年度 = April–March).
public enum WrittenDate: Sendable, Hashable {
    case day(LocalDate)
    case month(YearMonth)
    case fiscalYear(Int)             // the Gregorian year the fiscal year starts in

    /// The first day it covers, for ordering and comparing since/until.
    public var start: LocalDate { fatalError("stub") }
    /// Canonical form for output: 2024-04-01, 2024-04, FY2016 is written 2016-04.
    public var iso: String { fatalError("stub") }
}

public enum WrittenDateError: Error, Sendable, Hashable {
    case unreadable                  // not a date form we know
    case impossible                  // looks like a date but does not exist (2024年2月30日, 令和0年)
}

public enum JapaneseDateParser {
    public static func parse(_ text: String) -> Result<WrittenDate, WrittenDateError> { fatalError("stub") }
}

public enum TextNormalization {
    /// NFC; half-width katakana to full-width (ｻﾛﾝ → サロン).
    public static func normalize(_ text: String) -> String { fatalError("stub") }
    /// Full-width ASCII (digits, letters, ：, ．, －, ／) to half-width, for numbers, times, dates, ids.
    public static func asciiFolded(_ text: String) -> String { fatalError("stub") }
    /// A key for matching headers and vocabulary names: width-folded, spaces removed, lowercased.
    public static func matchKey(_ text: String) -> String { fatalError("stub") }
    /// Katakana to hiragana, for readings: sorting and search treat them alike.
    public static func hiragana(_ text: String) -> String { fatalError("stub") }
}
