import Foundation
import SasaeaiInput

/// How checked values of a field kind read on a page. Pure functions of the written text.
enum FieldFormat {
    /// `300` → 300円, `0` → 無料, `-` (not applicable) → nil, anything else as written.
    static func fee(_ text: String) -> String? {
        // Most fees are words (100円（お茶代）, チケット制): a letter, kana or kanji other than
        // ー and 円 never folds into a digit or a dash, so the text is shown as written.
        if text.unicodeScalars.contains(where: { scalar in
            let value = scalar.value
            return (0x3041...0x9FFF).contains(value) && value != 0x30FC && value != 0x5186
                || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }) {
            return text
        }
        if let amount = plainAmount(text) {
            return amount == 0 ? "無料" : "\(amount)円"
        }
        let scalars = TextNormalization.asciiFolded(text).unicodeScalars
        // Trimmed of spaces (Unicode's horizontal whitespace, as Foundation's `.whitespaces`).
        guard let first = scalars.firstIndex(where: { !Self.isSpace($0) }),
              let last = scalars.lastIndex(where: { !Self.isSpace($0) }) else { return nil }
        let folded = scalars[first...last]
        if folded.allSatisfy({ "-ー―‐－—".unicodeScalars.contains($0) }) { return nil }
        let digits = folded.last == "円" ? folded.dropLast() : folded[...]
        if !digits.isEmpty, digits.allSatisfy({ ("0"..."9").contains($0) || $0 == "," }) {
            let amount = String(String.UnicodeScalarView(digits.filter { $0 != "," }))
            return Int(amount) == 0 ? "無料" : "\(Int(amount).map(String.init) ?? amount)円"
        }
        return text
    }

    /// The amount of a fee written as ASCII digits with or without 円 (`300`, `100円`), the
    /// usual form, read without folding; nil for any other form.
    private static func plainAmount(_ text: String) -> Int? {
        var utf8 = Substring(text).utf8
        if utf8.count > 3 && utf8.suffix(3).elementsEqual("円".utf8) { utf8 = utf8.dropLast(3) }
        guard !utf8.isEmpty, utf8.count <= 15 else { return nil }
        var amount = 0
        for byte in utf8 {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            amount = amount * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return amount
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || (scalar.properties.isWhitespace && scalar != "\n" && scalar != "\r"
            && !(0x0A...0x0D).contains(scalar.value) && scalar.value != 0x85 && scalar.value != 0x2028 && scalar.value != 0x2029)
    }

    /// `1`, ○, あり → true; `0`, ×, なし, blank → false; anything else is kept as text (nil).
    static func flag(_ text: String) -> Bool? {
        let folded = TextNormalization.matchKey(text)
        if ["1", "○", "〇", "◯", "有", "あり", "はい", "yes", "true", "実施"].contains(folded) { return true }
        if ["", "0", "×", "無", "なし", "いいえ", "no", "false", "-"].contains(folded) { return false }
        return nil
    }

    /// A `tel:` link for a phone number as the layout writes it: `(03)5822-5371`, `090-…`.
    static func telephone(_ text: String) -> String? {
        var bracketsAsDashes = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "(", "（": continue
            case ")", "）": bracketsAsDashes.append("-")
            default: bracketsAsDashes.append(scalar)
            }
        }
        return SafeURL.telephone(in: String(bracketsAsDashes))
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && !$0.properties.isWhitespace && !"<>\"'(),;:\\[]".unicodeScalars.contains($0) }
    }

    /// The value of a field as shown to residents, and its link if it has one; nil when the
    /// value says nothing to show (a fee of `-`, a flag of 0).
    static func display(_ field: ListingField, _ text: String) -> (value: String, link: String?)? {
        switch field.kind {
        case .fee:
            return fee(text).map { ($0, nil) }
        case .flag:
            switch flag(text) {
            case true?: return ("あり", nil)
            case false?: return nil
            case nil: return (text, nil)
            }
        case .phone:
            return (text, telephone(text))
        case .email:
            let folded = TextNormalization.asciiFolded(text)
            return (text, isEmail(folded) ? "mailto:" + folded : nil)
        case .url, .image:
            let folded = TextNormalization.asciiFolded(text)
            return (field.kind == .image ? "画像を見る" : text, SafeURL.isWebURL(folded) ? folded : nil)
        case .frequency:
            return (ListingSchema.frequencyLabel(text) ?? text, nil)
        default:
            if field.key == .support { return (text.split(whereSeparator: { ";；".contains($0) }).joined(separator: "・"), nil) }
            return (text, nil)
        }
    }

    /// A whole number as coordinators write counts: full-width digits, thousands separators and a
    /// unit (名, 人, 回, 件) are fine; anything else (約100, 10〜20) is not a count.
    static func count(_ text: String) -> Int? {
        var digits = TextNormalization.asciiFolded(text).trimmingCharacters(in: .whitespaces)
        for unit in ["名", "人", "回", "件", "延べ", "延"] { digits = digits.replacingOccurrences(of: unit, with: "") }
        digits = digits.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count <= 9 else { return nil }
        return Int(digits)
    }
}
