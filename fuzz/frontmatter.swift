// libFuzzer target: the front-matter splitter never crashes and its line numbers add up.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: bytes(data, size), as: UTF8.self)
    let split = FrontMatter.split(text)
    let withoutBOM = text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text
    guard let yaml = split.yaml else {
        require(split.body == withoutBOM && split.bodyFirstLine == 1, "no front matter: body is the file")
        return 0
    }
    require(split.yamlFirstLine == 2, "YAML starts on line 2")
    require(withoutBOM.hasSuffix(split.body), "body is the end of the file")
    require(!yaml.contains("\r"), "YAML lines joined with LF")
    // Every physical line before the body is the opening fence, YAML, or the closing fence.
    let prefix = withoutBOM.unicodeScalars.dropLast(split.body.unicodeScalars.count)
    var breaks = 0
    var previous: Unicode.Scalar = "a"
    for scalar in prefix {
        if scalar == "\r" || (scalar == "\n" && previous != "\r") { breaks += 1 }
        previous = scalar
    }
    require(breaks == split.bodyFirstLine - 1 || (split.body.isEmpty && breaks == split.bodyFirstLine - 2),
            "line numbers add up: \(breaks) breaks, body at \(split.bodyFirstLine)")
    require(yaml.isEmpty || yaml.split(separator: "\n", omittingEmptySubsequences: false).count <= split.bodyFirstLine - 2,
            "YAML fits between the fences")
    return 0
}
