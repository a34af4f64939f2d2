/// Where in a user's file a problem is: the file's physical line and, for tables, the
/// spreadsheet column (1-based field number), for text the character column.
/// In a workbook, `sheet` names the worksheet and line/column are the cell's row and column,
/// printed as Excel names the cell: `listings/salons.xlsx:Sheet1!E14`.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    public let sheet: String?

    public init(file: String, line: Int = 1, column: Int = 1, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.sheet = sheet
    }

    public var description: String {
        guard let sheet else { return "\(file):\(line):\(column)" }
        return "\(file):\(CellReference.sheetPrefix(sheet))\(CellReference(row: line, column: column))"
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.sheet ?? "", a.line, a.column) < (b.file, b.sheet ?? "", b.line, b.column)
    }
}

public enum Severity: String, Sendable, Hashable, Codable {
    case error, warning
}

/// One problem in the content, reported like a compiler does so editors and people can jump to it.
/// `code` is stable (documented in docs/diagnostics.md) and carries the severity; `message` is
/// Japanese and says what to do.
public struct Diagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let code: DiagnosticCode
    public let message: String
    public let location: SourceLocation

    public init(_ code: DiagnosticCode, _ message: String, at location: SourceLocation) {
        self.code = code
        self.message = message
        self.location = location
    }

    public var severity: Severity { code.severity }

    public var description: String { "\(location): \(severity.rawValue)[\(code)]: \(message)" }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.location, a.code.rawValue, a.message) < (b.location, b.code.rawValue, b.message)
    }
}
