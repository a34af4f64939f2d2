import SasaeaiInput

/// A piece of a name as shown with ruby: its text, and the reading set over it when it is kanji.
struct RubyPart: TemplateData, Equatable {
    let text: String
    let reading: String?
    /// The reading stands over the whole name because it could not be set over the kanji alone:
    /// it may be long, so the theme lets it wrap (a ruby annotation cannot).
    var whole = false
    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .text: .init(text)
        case .reading: .init(reading)
        case .hasReading: .init(reading != nil)
        case .whole: .init(whole)
        default: .none
        }
    }
}

/// Where a name's reading goes: over its kanji only. Readers of kana and latin need no
/// reading, and a screen reader announces a ruby's annotation after its base, so ruby over a kana
/// name is heard twice (「あさひサロン」「あさひさろん」).
///
/// In a mixed name the kana runs anchor the reading: 「いきいきサロン中央」 read
/// 「いきいきさろんちゅうおう」 puts ちゅうおう over 中央 alone. When the anchors leave more than
/// one way to share the reading out (北野の会 read きたののかい: 北野 is きた or きたの), or none
/// (the reading skips part of the name), the reading goes over the whole name: less precise,
/// never wrong.
enum Furigana {
    static func parts(name: String, reading: String) -> [RubyPart] {
        let runs = Self.runs(name)
        guard runs.contains(where: { $0.kind == .kanji }) else { return [RubyPart(text: name, reading: nil)] }
        let sound = Array(TextNormalization.hiragana(reading).filter(isSpoken))
        // A "reading" with kanji in it (the name copied into the reading column) reads nothing.
        guard !sound.isEmpty, !sound.contains(where: isKanji) else { return [RubyPart(text: name, reading: nil)] }
        guard let spans = uniqueAlignment(runs, sound) else {
            return [RubyPart(text: name, reading: TextNormalization.hiragana(reading), whole: true)]
        }
        var parts: [RubyPart] = []
        for (run, span) in zip(runs, spans) {
            let reading = run.kind == .kanji ? String(sound[span]) : nil
            if reading == nil, let last = parts.last, last.reading == nil {
                parts[parts.count - 1] = RubyPart(text: last.text + run.text, reading: nil)
            } else {
                parts.append(RubyPart(text: run.text, reading: reading))
            }
        }
        return parts
    }

    enum RunKind { case kanji, kana, letters, silent }

    struct Run: Equatable {
        let kind: RunKind
        let text: String
        /// What the run must match in the reading: its own sound for kana.
        var sound: [Character] { kind == .kana ? Array(TextNormalization.hiragana(text).filter(isSpoken)) : [] }
    }

    /// The name in runs of one kind: 「北野子育てひろば「にこにこ」」 → 北野子育 · てひろば · 「 · にこにこ · 」.
    static func runs(_ name: String) -> [Run] {
        var runs: [Run] = []
        for character in name {
            let kind = kind(of: character)
            if let last = runs.last, last.kind == kind {
                runs[runs.count - 1] = Run(kind: kind, text: last.text + String(character))
            } else {
                runs.append(Run(kind: kind, text: String(character)))
            }
        }
        return runs
    }

    static func kind(of character: Character) -> RunKind {
        if isKanji(character) { return .kanji }
        guard let scalar = character.unicodeScalars.first else { return .silent }
        switch scalar.value {
        case 0x3041...0x309F, 0x30A1...0x30FA, 0x30FC...0x30FF, 0xFF66...0xFF9F: return .kana
        default: return character.isLetter || character.isNumber ? .letters : .silent
        }
    }

    /// Kanji, and the marks read as part of a kanji word: 々 (人々), 〆, ヶ and ヵ (関ヶ原, 一ヵ月).
    static func isKanji(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        case 0x3005, 0x3006, 0x30F5, 0x30F6: return true
        default: return false
        }
    }

    /// Spaces and punctuation (・「」（）) are not sounded: they match nothing in the reading.
    static func isSpoken(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "ー" || character == "ｰ"
            || character.unicodeScalars.first.map { (0x3099...0x309C).contains($0.value) } == true
    }

    /// The one way the reading divides among the runs: kana runs match themselves, kanji and
    /// latin runs take at least one sound each, silent runs none. Nil when there is no way, more
    /// than one, or two unknown runs meet. Counting is memoised by (run, position), so a long name stays linear-ish.
    static func uniqueAlignment(_ runs: [Run], _ sound: [Character]) -> [Range<Int>]? {
        // Two runs of unknown sound with no kana between them (会（北野公園）) split the reading
        // at a point nothing marks: whatever split fits is a guess.
        let anchors = runs.filter { $0.kind != .silent }
        if zip(anchors, anchors.dropFirst()).contains(where: { $0.kind != .kana && $1.kind != .kana }) { return nil }
        let sounds = runs.map(\.sound)
        var memo: [Int: Int] = [:]
        // Ways to align runs[i...] with sound[p...], counted up to 2.
        func ways(_ i: Int, _ p: Int) -> Int {
            if i == runs.count { return p == sound.count ? 1 : 0 }
            let key = i * (sound.count + 1) + p
            if let known = memo[key] { return known }
            var total = 0
            for end in ends(i, p) where total < 2 {
                total = min(2, total + ways(i + 1, end))
            }
            memo[key] = total
            return total
        }
        func ends(_ i: Int, _ p: Int) -> [Int] {
            switch runs[i].kind {
            case .silent: return [p]
            case .kana:
                let own = sounds[i]
                guard p + own.count <= sound.count, Array(sound[p..<p + own.count]) == own else { return [] }
                return [p + own.count]
            case .kanji, .letters:
                return p < sound.count ? Array(p + 1...sound.count) : []
            }
        }
        guard ways(0, 0) == 1 else { return nil }
        var spans: [Range<Int>] = []
        var p = 0
        for i in runs.indices {
            guard let end = ends(i, p).first(where: { ways(i + 1, $0) == 1 }) else { return nil }
            spans.append(p..<end)
            p = end
        }
        return spans
    }
}
