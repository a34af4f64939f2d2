import Foundation
import SasaeaiInput

/// `templates/labels.yml`: the theme's labels, one `key: "text"` a line. Every problem is
/// named with its line, so a relabelled theme that would put a wrong or empty title on pages
/// stops the build instead.
extension Labels {
    static let fileName = "labels.yml"

    static func load(from folder: URL, displayPath: String, into diagnostics: inout [Diagnostic]) -> Labels? {
        let display = displayPath + "/" + fileName
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.append(Diagnostic(.missingLabel, "ページの題名などの文面を書いた \(fileName) がありません。Sasaeai の templates/\(fileName) をこのフォルダに写してください", at: SourceLocation(file: display)))
            return nil
        }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            diagnostics.append(Diagnostic(.unreadableFile, "\(fileName) を UTF-8 として読めません。UTF-8 のテキストで保存し直してください", at: SourceLocation(file: display)))
            return nil
        }
        return read(text, file: display, into: &diagnostics)
    }

    /// The labels in `text`, or nil with a diagnostic for each problem.
    static func read(_ text: String, file: String, into diagnostics: inout [Diagnostic]) -> Labels? {
        guard let fields = YAMLFields.parse(text, file: file, firstLine: 1, code: .labelsSyntax, into: &diagnostics) else { return nil }
        var forms: [Label: [Piece]] = [:]
        var written: Set<Label> = []
        let known = Label.allCases.map(\.rawValue)
        for key in fields.keys {
            guard let field = fields[key] else { continue }
            guard let label = Label(rawValue: key) else {
                diagnostics.append(Diagnostic(.unknownLabel, "「\(key)」というラベルはありません\(Suggestion.hint(for: key, in: known))。キーの綴りを直すか、その行を消してください", at: field.location))
                continue
            }
            written.insert(label)
            guard let scalar = field.node.scalar else {
                diagnostics.append(Diagnostic(.labelsSyntax, "ラベル「\(key)」は一つの文で書いてください（例: \(key): \"…\"）", at: field.location))
                continue
            }
            switch pieces(of: scalar.string, for: label) {
            case .success(let pieces):
                forms[label] = pieces
            case .failure(.unknownPlaceholder(let name)):
                let allowed = label.placeholders.map { "{\($0.rawValue)}" }
                let hint = allowed.isEmpty ? "このラベルには値が入りません。{\(name)} を消してください"
                    : "入れられるのは \(allowed.joined(separator: "・")) です\(Suggestion.nearest(to: "{\(name)}", in: allowed).map { "（候補: \($0)）" } ?? "")"
                diagnostics.append(Diagnostic(.unknownLabelPlaceholder, "ラベル「\(key)」の {\(name)} には何も入りません。\(hint)。{ を文字として出すときは {{ と書いてください", at: field.location))
            case .failure(.unclosedPlaceholder):
                diagnostics.append(Diagnostic(.unclosedLabelPlaceholder, "ラベル「\(key)」の { が } で閉じていません。{name} のように閉じるか、{ を文字として出すときは {{ と書いてください", at: field.location))
            }
        }
        for label in Label.allCases where !written.contains(label) {
            let values = label.placeholders.map { "{\($0.rawValue)}" }
            let takes = values.isEmpty ? "" : "（\(values.joined(separator: "・")) が使えます）"
            diagnostics.append(Diagnostic(.missingLabel, "ラベル「\(label.rawValue)」がありません。「\(label.rawValue): \"…\"」の行を書き足してください\(takes)", at: SourceLocation(file: file)))
        }
        guard forms.count == Label.allCases.count else { return nil }
        return Labels(forms)
    }
}
