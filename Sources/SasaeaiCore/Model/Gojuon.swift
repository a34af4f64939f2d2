import Foundation
import SasaeaiInput

/// 五十音順: how Japanese indexes are ordered and jumped through (あ か さ た な …).
public enum Gojuon {
    /// The ten rows, each with the hiragana that start it.
    public static let rows: [(label: String, letters: String)] = [
        ("あ", "ぁあぃいぅうゔぇえぉお"),
        ("か", "かがきぎくぐけげこご"),
        ("さ", "さざしじすずせぜそぞ"),
        ("た", "ただちぢっつづてでとど"),
        ("な", "なにぬねの"),
        ("は", "はばぱひびぴふぶぷへべぺほぼぽ"),
        ("ま", "まみむめも"),
        ("や", "ゃやゅゆょよ"),
        ("ら", "らりるれろ"),
        ("わ", "ゎわゐゑをん"),
    ]

    /// The row label for a reading, or "他" when it does not start with kana.
    public static func row(of reading: String) -> String {
        // The first letter is all that counts; two characters keep a half-width kana with its
        // voiced mark (ｶﾞ) together, without folding a whole long reading per listing.
        guard let first = TextNormalization.hiragana(String(reading.prefix(2))).first else { return other }
        return rows.first(where: { $0.letters.contains(first) })?.label ?? other
    }

    public static let other = "他"

    /// A sort key in which katakana and hiragana, voiced and plain, small and large kana sort
    /// together (as dictionaries do), with the exact reading breaking ties.
    public static func sortKey(_ reading: String) -> String {
        let hiragana = TextNormalization.hiragana(reading)
        let plain = String(hiragana.unicodeScalars.map { Character(baseScalar($0)) })
        return plain + "\u{0}" + hiragana
    }

    private static func baseScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        // Decompose dakuten/handakuten (が → か + ゛) and keep the base letter.
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!
        if let small = smallToLarge[decomposed] { return small }
        return decomposed
    }

    private static let smallToLarge: [Unicode.Scalar: Unicode.Scalar] = [
        "ぁ": "あ", "ぃ": "い", "ぅ": "う", "ぇ": "え", "ぉ": "お", "っ": "つ", "ゃ": "や", "ゅ": "ゆ", "ょ": "よ", "ゎ": "わ",
    ]
}
