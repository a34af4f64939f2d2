import Foundation
import SasaeaiInput

/// Only http(s), mailto and tel links are ever emitted from data: a `javascript:` or `data:`
/// URL in a spreadsheet must never become something a resident can click, and a URL that a
/// browser would read differently from how it looks (spaces, quotes, backslashes, invisible
/// characters) is refused rather than repaired.
enum SafeURL {
    /// Why a text is not a usable web address (http or https), or nil when it is.
    static func problem(_ text: String) -> String? {
        if let bad = forbiddenCharacter(in: text) { return bad }
        let ascii = text.addingPercentEncoding(withAllowedCharacters: asciiPrintable) ?? text
        guard let components = components(text) else { return "URL の形になっていません" }
        guard let scheme = components.scheme?.lowercased() else { return "http:// か https:// で始まっていません" }
        guard scheme == "http" || scheme == "https" else { return "http:// か https:// で始まっていません" }
        guard ascii.dropFirst(scheme.count).hasPrefix("://") else { return "\(scheme): の後に // がありません" }
        guard components.user == nil, components.password == nil else {
            // https://town.example@evil.example opens evil.example: a classic disguise.
            return "「@」の前の部分（利用者名）は使えません"
        }
        guard let host = components.percentEncodedHost, !host.isEmpty else { return "ホスト名（example.jp など）がありません" }
        if host.hasPrefix("[") || host.contains(":") { return nil }  // an IPv6 literal, which URLComponents checked
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }),
              host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "%" }) else {
            return "ホスト名「\(components.host ?? host)」の形が正しくありません"
        }
        return nil
    }

    static func isWebURL(_ text: String) -> Bool { problem(text) == nil }

    /// Foundation's parse of a URL. Its parser wants ASCII; an internationalised host or path
    /// (例え.jp/パス) is fine to link to, so non-ASCII letters are percent-encoded for the parse.
    static func components(_ text: String) -> URLComponents? {
        URLComponents(string: text.addingPercentEncoding(withAllowedCharacters: asciiPrintable) ?? text)
    }

    /// Links written inside record text (a 紹介 cell's Markdown): web addresses, mailto and tel.
    static func isRecordLink(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.hasPrefix("mailto:") { return isMailAddress(String(text.dropFirst(7))) }
        if lower.hasPrefix("tel:") {
            let number = text.dropFirst(4)
            return !number.isEmpty && number.allSatisfy { $0.isASCII && ($0.isNumber || "+-().".contains($0)) }
        }
        return isWebURL(text)
    }

    /// A plain address (someone@example.jp) for a mailto: link: one @, a dotted domain, nothing
    /// that could end the attribute or add headers (?, &, quotes, spaces).
    static func isMailAddress(_ text: String) -> Bool {
        guard forbiddenCharacter(in: text) == nil, !text.contains("?"), !text.contains("&"), !text.contains(",") else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return parts[1].allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }
    }

    /// A character no address may hold: what would break out of an attribute or be read
    /// differently by a browser than by a person.
    private static func forbiddenCharacter(in text: String) -> String? {
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\u{3000}": return "空白が入っています"
            case "\"", "'", "`": return "引用符（\(scalar)）が入っています"
            case "<", ">": return "山かっこ（\(scalar)）が入っています"
            case "\\": return "バックスラッシュ（\\）が入っています"
            default:
                if scalar.properties.isWhitespace { return "空白が入っています" }
                // Control characters and invisible format characters (bidi overrides, zero width).
                if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                    return "見えない制御文字（U+\(String(scalar.value, radix: 16, uppercase: true))）が入っています"
                }
            }
        }
        return text.isEmpty ? "空です" : nil
    }

    private static let asciiPrintable = CharacterSet(charactersIn: Unicode.Scalar(0x21)...Unicode.Scalar(0x7E))

    /// A `tel:` URL for the first phone number in a contact text, or nil.
    static func telephone(in text: String) -> String? {
        // Phone numbers are often typed with full-width digits or a long-vowel mark as the dash.
        // One pass over the scalars: this runs for every listing's contact on several pages.
        var best: [Unicode.Scalar] = [], current: [Unicode.Scalar] = []
        var bestDigits = 0, currentDigits = 0
        for scalar in TextNormalization.asciiFolded(text).unicodeScalars + [" "] {
            if ("0"..."9").contains(scalar) {
                current.append(scalar)
                currentDigits += 1
            } else if scalar == "-" || scalar == "ー" {
                current.append("-")
            } else {
                if currentDigits >= 10 && best.isEmpty { (best, bestDigits) = (current, currentDigits) }
                current.removeAll(keepingCapacity: true)
                currentDigits = 0
            }
        }
        guard (10...11).contains(bestDigits), best.first(where: { $0 != "-" }) == "0" else { return nil }
        while best.last == "-" { best.removeLast() }
        while best.first == "-" { best.removeFirst() }
        return "tel:" + String(String.UnicodeScalarView(best))
    }
}
