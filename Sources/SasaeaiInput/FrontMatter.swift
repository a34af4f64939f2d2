/// Markdown files start with `---` YAML `---`; line numbers let YAML errors point into the file.
public struct FrontMatterSplit: Sendable {
    public let yaml: String?         // nil when the file has no front matter
    public let yamlFirstLine: Int    // physical line of the first YAML line
    public let body: String
    public let bodyFirstLine: Int
}

public enum FrontMatter {
    /// The block opens with `---` on the first line and closes with `---` or `...` (YAML's own
    /// document markers); trailing spaces are forgiven because editors leave them invisibly.
    ///
    /// An opening `---` with no closing line makes the whole rest of the file YAML and the body
    /// empty: `listings/<id>.md` may be front matter alone, and if the closing line was really
    /// forgotten the YAML parser's error then points at the first body line, which is where the
    /// missing `---` belongs.
    ///
    /// YAML lines are joined with `\n` whatever the file used, so a YAML error at YAML line k is at
    /// file line `yamlFirstLine + k - 1`. The body is kept exactly as in the file.
    public static func split(_ text: String) -> FrontMatterSplit {
        var view = text.unicodeScalars[...]
        if view.first == "\u{FEFF}" { view = view.dropFirst() }
        var lines = LineScanner(view)
        guard let first = lines.next(), isFence(first.content, closing: false) else {
            return FrontMatterSplit(yaml: nil, yamlFirstLine: 1, body: String(String.UnicodeScalarView(view)), bodyFirstLine: 1)
        }
        var yamlLines: [Substring.UnicodeScalarView] = []
        var number = 1
        while let line = lines.next() {
            number += 1
            if isFence(line.content, closing: true) {
                let body = view[line.end...]
                return FrontMatterSplit(yaml: join(yamlLines), yamlFirstLine: 2,
                                        body: String(String.UnicodeScalarView(body)), bodyFirstLine: number + 1)
            }
            yamlLines.append(line.content)
        }
        return FrontMatterSplit(yaml: join(yamlLines), yamlFirstLine: 2, body: "", bodyFirstLine: number + 1)
    }

    /// `split`, with control characters (NUL, ESC, …; not tab or line end) removed from the
    /// YAML, one warning per line that had any: they would reach HTML and `.ics` as they are.
    public static func split(_ text: String, file: String) -> (FrontMatterSplit, [Diagnostic]) {
        let split = split(text)
        guard let yaml = split.yaml else { return (split, []) }
        var diagnostics: [Diagnostic] = []
        var lines: [String] = []
        for (offset, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let (clean, removed) = CellText.removingControls(String(line))
            if removed {
                let column = (line.unicodeScalars.firstIndex(where: CellText.isRemovedControl)).map {
                    line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: $0) + 1
                } ?? 1
                diagnostics.append(Diagnostic(.controlCharacters,
                    "見えない制御文字（NUL など）が入っていたので取り除きました。この行の値を確かめ、エディタで保存し直してください",
                    at: SourceLocation(file: file, line: split.yamlFirstLine + offset, column: column)))
            }
            lines.append(clean)
        }
        guard !diagnostics.isEmpty else { return (split, []) }
        let cleaned = FrontMatterSplit(yaml: lines.joined(separator: "\n"), yamlFirstLine: split.yamlFirstLine,
                                       body: split.body, bodyFirstLine: split.bodyFirstLine)
        return (cleaned, diagnostics)
    }

    private static func join(_ lines: [Substring.UnicodeScalarView]) -> String {
        var out = String.UnicodeScalarView()
        for (i, line) in lines.enumerated() {
            if i > 0 { out.append("\n") }
            out.append(contentsOf: line)
        }
        return String(out)
    }

    private static func isFence(_ line: Substring.UnicodeScalarView, closing: Bool) -> Bool {
        var end = line.endIndex
        while end > line.startIndex, line[line.index(before: end)] == " " || line[line.index(before: end)] == "\t" {
            end = line.index(before: end)
        }
        let trimmed = String(String.UnicodeScalarView(line[line.startIndex..<end]))
        return trimmed == "---" || (closing && trimmed == "...")
    }
}

/// Physical lines ended by CRLF, CR or LF, as views into the original text.
struct LineScanner {
    struct Line {
        let content: Substring.UnicodeScalarView
        let end: Substring.UnicodeScalarView.Index   // just after the line break
    }

    private let text: Substring.UnicodeScalarView
    private var position: Substring.UnicodeScalarView.Index

    init(_ text: Substring.UnicodeScalarView) {
        self.text = text
        self.position = text.startIndex
    }

    mutating func next() -> Line? {
        guard position < text.endIndex else { return nil }
        let start = position
        var i = position
        while i < text.endIndex, text[i] != "\n", text[i] != "\r" { i = text.index(after: i) }
        let content = text[start..<i]
        if i < text.endIndex {
            let breakChar = text[i]
            i = text.index(after: i)
            if breakChar == "\r", i < text.endIndex, text[i] == "\n" { i = text.index(after: i) }
        }
        position = i
        return Line(content: content, end: i)
    }
}
