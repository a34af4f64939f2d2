/// The shape of a BCP 47 language tag (RFC 5646 §2.1: language, script, region, variants,
/// extensions, private use), which `language` in site.yml must have because it becomes the
/// pages' `lang` and the feed's `xml:lang`: screen readers pick their voice from it.
/// Only the shape is checked; registry lookups (is "qq" assigned?) are not needed for that.
enum LanguageTag {
    static func isWellFormed(_ tag: String) -> Bool {
        guard tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return false }
        var subtags = tag.lowercased().split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard subtags.allSatisfy({ (1...8).contains($0.count) }) else { return false }
        // language: 2–3 letters (optionally with up to three 3-letter extlangs) or 4–8 letters.
        guard let language = subtags.first, language.allSatisfy(\.isLetter), (2...8).contains(language.count) else { return false }
        subtags.removeFirst()
        if language.count <= 3 {
            var extlangs = 0
            while let next = subtags.first, next.count == 3, next.allSatisfy(\.isLetter), extlangs < 3 {
                subtags.removeFirst()
                extlangs += 1
            }
        }
        if let script = subtags.first, script.count == 4, script.allSatisfy(\.isLetter) { subtags.removeFirst() }
        if let region = subtags.first,
           (region.count == 2 && region.allSatisfy(\.isLetter)) || (region.count == 3 && region.allSatisfy(\.isNumber)) {
            subtags.removeFirst()
        }
        while let variant = subtags.first,
              (5...8).contains(variant.count) || (variant.count == 4 && variant.first!.isNumber) {
            subtags.removeFirst()
        }
        // Extensions: a singleton (not x) followed by one or more 2–8 character subtags.
        while let singleton = subtags.first, singleton.count == 1, singleton != "x" {
            subtags.removeFirst()
            var count = 0
            while let next = subtags.first, (2...8).contains(next.count) {
                subtags.removeFirst()
                count += 1
            }
            guard count > 0 else { return false }
        }
        if subtags.first == "x" {
            subtags.removeFirst()
            return !subtags.isEmpty
        }
        return subtags.isEmpty
    }
}
