import SasaeaiSchedule

// libFuzzer target: the date parser (and the normalisation it relies on) never crashes, and
// whatever it reads survives a round trip through its canonical form.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: bytes(data, size), as: UTF8.self)
    _ = TextNormalization.matchKey(text)
    let kana = TextNormalization.hiragana(text)
    require(kana.unicodeScalars.allSatisfy { !(0x30A1...0x30F6).contains($0.value) }, "no katakana left")
    let normal = TextNormalization.normalize(text)
    require(normal.unicodeScalars.allSatisfy { !(0xFF61...0xFF9F).contains($0.value) }, "no half-width kana left")
    require(TextNormalization.normalize(normal) == normal, "normalize is idempotent")
    let folded = TextNormalization.asciiFolded(text)
    require(folded.unicodeScalars.allSatisfy { !(0xFF10...0xFF19).contains($0.value) }, "no full-width digits left")
    if case .success(let date) = JapaneseDateParser.parse(text) {
        guard case .success(let again) = JapaneseDateParser.parse(date.iso) else {
            require(false, "iso \(date.iso) does not parse")
            return 0
        }
        require(again.start == date.start, "round trip keeps the start")
        if case .day(let day) = date { require(LocalDate(iso: date.iso) == day, "iso day") }
    }
    return 0
}
