import Foundation

/// A cell's address as Excel writes it (`E14`: column letters, then the 1-based row).
public struct CellReference: Hashable, Sendable, CustomStringConvertible {
    public let row: Int
    public let column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `E14`, `$E$14` or `XFD1048576`; nil for anything else.
    public init?(_ text: Substring) {
        var column = 0, row = 0
        var index = text.startIndex
        if index < text.endIndex, text[index] == "$" { index = text.index(after: index) }
        var letters = 0
        while index < text.endIndex, let ascii = text[index].asciiValue, (65...90).contains(ascii) || (97...122).contains(ascii) {
            column = column * 26 + Int(ascii & 0x1F)
            letters += 1
            index = text.index(after: index)
            guard letters <= 3 else { return nil }
        }
        if index < text.endIndex, text[index] == "$" { index = text.index(after: index) }
        var digits = 0
        while index < text.endIndex, let digit = text[index].wholeNumberValue, text[index].isASCII {
            row = row * 10 + digit
            digits += 1
            index = text.index(after: index)
            guard digits <= 7 else { return nil }
        }
        guard letters > 0, digits > 0, index == text.endIndex, row >= 1 else { return nil }
        self.init(row: row, column: column)
    }

    public var columnLetters: String { Self.letters(column) }

    public var description: String { columnLetters + String(row) }

    static func letters(_ column: Int) -> String {
        var n = max(column, 1)
        var out: [Character] = []
        while n > 0 {
            let rest = (n - 1) % 26
            out.append(Character(Unicode.Scalar(UInt8(65 + rest))))
            n = (n - 1) / 26
        }
        return String(out.reversed())
    }

    /// `Sheet1!`, or `'My sheet'!` quoted as Excel does when the name is not a plain word.
    static func sheetPrefix(_ sheet: String) -> String {
        let plain = !sheet.isEmpty && sheet.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "." }
            && !(sheet.first.map { $0.isASCII && $0.isNumber } ?? false)
        return plain ? sheet + "!" : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'!"
    }
}
