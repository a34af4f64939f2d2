import Foundation

// libFuzzer target: the encoding detector never crashes, points inside the file when it fails,
// and reads UTF-8 back exactly.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecode(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    switch TextDecoding.decode(Data(input)) {
    case .failure(let error):
        require(error.byteOffset >= 0 && error.byteOffset < max(input.count, 1), "offset inside the file")
    case .success(let decoded):
        require(!decoded.text.hasPrefix("\u{FEFF}") || !input.starts(with: [0xEF, 0xBB, 0xBF]) || input.count > 3, "BOM removed")
        require(decoded.text == decoded.text.precomposedStringWithCanonicalMapping, "NFC")
        if decoded.encoding == .utf8 {
            let plain = String(decoding: input, as: UTF8.self)
            require(decoded.text == plain.precomposedStringWithCanonicalMapping, "UTF-8 read back")
        }
        if decoded.encoding == .cp932 {
            require(TextDecoding.firstInvalidUTF8(input, from: 0) != nil, "CP932 only when not UTF-8")
        }
    }
    return 0
}
