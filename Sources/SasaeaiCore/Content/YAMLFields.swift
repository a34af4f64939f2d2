import Foundation
import SasaeaiInput
import Yams

/// A YAML mapping whose values remember where they were written, so a wrong value in
/// front matter or site.yml is reported at its own line, not at the top of the file.
struct YAMLFields {
    struct Field {
        let node: Node
        let location: SourceLocation
    }

    private(set) var fields: [String: Field] = [:]
    /// Keys in the order written, so unknown-key warnings come out in file order.
    private(set) var keys: [String] = []
    let file: String
    /// The file's line where the YAML starts, so nested values can be located too.
    private(set) var firstLine = 1

    /// Parses `yaml` that starts at `firstLine` of `file`. A syntax error becomes a diagnostic
    /// pointing into the file (not into the YAML block), and the result is nil. `code` is the
    /// syntax error's code: a theme's YAML has its own (E250), so the docs send the reader to templates.
    static func parse(_ yaml: String, file: String, firstLine: Int, code: DiagnosticCode = .yamlSyntax,
                      into diagnostics: inout [Diagnostic]) -> YAMLFields? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            if let problem = YAMLProblem(error) {
                let location = SourceLocation(file: file, line: firstLine + problem.line - 1, column: problem.column)
                diagnostics.append(Diagnostic(code, problem.message, at: location))
            } else {
                diagnostics.append(Diagnostic(code, "YAML を読み取れません。ファイルを UTF-8 のテキストで保存し直してください", at: SourceLocation(file: file, line: firstLine)))
            }
            return nil
        } catch {
            diagnostics.append(Diagnostic(code, "YAML を読み取れません。ファイルを UTF-8 のテキストで保存し直してください", at: SourceLocation(file: file, line: firstLine)))
            return nil
        }
        var result = YAMLFields(file: file)
        result.firstLine = firstLine
        guard let node else { return result }
        guard let mapping = node.mapping else {
            diagnostics.append(Diagnostic(code, "「キー: 値」の形で書いてください", at: result.location(of: node, firstLine: firstLine)))
            return nil
        }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if result.fields[name] != nil {
                diagnostics.append(Diagnostic(code, "「\(name)」が二度書かれています。一つにまとめてください", at: result.location(of: key, firstLine: firstLine)))
                continue
            }
            result.fields[name] = Field(node: value, location: result.location(of: value, firstLine: firstLine))
            result.keys.append(name)
        }
        return result
    }

    private init(file: String) { self.file = file }

    /// Where a node (at any depth) was written.
    func location(of node: Node) -> SourceLocation { location(of: node, firstLine: firstLine) }

    private func location(of node: Node, firstLine: Int) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file, line: firstLine) }
        return SourceLocation(file: file, line: firstLine + mark.line - 1, column: mark.column)
    }

    subscript(key: String) -> Field? { fields[key] }

    /// A scalar as text; numbers and dates written bare in YAML come back as written.
    func string(_ key: String) -> String? {
        guard let node = fields[key]?.node, let scalar = node.scalar else { return nil }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// A list written either as a YAML sequence or as one string with separators.
    func list(_ key: String) -> [String]? {
        guard let node = fields[key]?.node else { return nil }
        if let sequence = node.sequence {
            return sequence.compactMap { $0.scalar?.string }
        }
        return node.scalar.map { [$0.string] }
    }
}
