import Foundation
import SasaeaiInput

/// Only http(s), mailto and tel links are ever emitted from data: a `javascript:` or `data:`
/// URL in a spreadsheet must never become something a resident can click.
enum SafeURL {
    static func isWebURL(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else { return false }
        return (scheme == "http" || scheme == "https") && components.host?.isEmpty == false
    }

    /// A `tel:` URL for the first phone number in a contact text, or nil.
    static func telephone(in text: String) -> String? {
        // Phone numbers are often typed with full-width digits or a long-vowel mark as the dash.
        let folded = TextNormalization.asciiFolded(text).replacingOccurrences(of: "ー", with: "-")
        var best = ""
        var current = ""
        for ch in folded + " " {
            if ch.isASCII && (ch.isNumber || ch == "-") {
                current.append(ch)
            } else {
                if current.filter(\.isNumber).count >= 10 && best.isEmpty { best = current }
                current = ""
            }
        }
        let digits = best.filter(\.isNumber)
        guard (10...11).contains(digits.count), digits.hasPrefix("0") else { return nil }
        return "tel:" + best.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}
