import SasaeaiInput
import Yams

/// `listings/<table>.yml` beside `listings/<table>.csv|tsv`: what a published table lacks,
/// so the coordinator can use the council's file unchanged.
///
/// ```yaml
/// defaults: { kind: place, categories: [kodomo-shokudo], district: chuo }
/// columns: { 活動場所: venue }
/// id_prefix: taito
/// ```
struct TableSidecar: Sendable {
    /// Values for fields a row leaves empty.
    var defaults: [ListingColumn: RawValue] = [:]
    /// Folded header → field, for headers no alias covers.
    var columns: [String: ListingColumn] = [:]
    /// Put before every ID of the table (and derived ones), so tables of several
    /// municipalities that all number their rows 1, 2, 3 … can share one site.
    var idPrefix: String?

    static let keys = ["defaults", "columns", "id_prefix"]

    static func read(_ fields: YAMLFields, into diagnostics: inout [Diagnostic]) -> TableSidecar {
        var sidecar = TableSidecar()
        for key in fields.keys where !keys.contains(key) {
            diagnostics.append(Diagnostic(.unknownSidecarKey, "「\(key)」は使われません。書けるのは defaults:（表にない値）、columns:（列名 → 項目）、id_prefix:（ID の前に付ける語）です", at: fields[key]!.location))
        }
        if let prefix = fields.string("id_prefix") {
            let folded = TextNormalization.asciiFolded(prefix).lowercased()
            if Slug.isValid(folded) {
                sidecar.idPrefix = folded
            } else {
                diagnostics.append(Diagnostic(.sidecarShape, "id_prefix「\(prefix)」は半角の英小文字・数字・ハイフンで書いてください（例: taito）", at: fields["id_prefix"]!.location))
            }
        }
        if let node = fields["defaults"]?.node {
            for (key, value, location) in pairs(node, fields, what: "defaults", into: &diagnostics) {
                guard let column = resolve(key, location, into: &diagnostics) else { continue }
                let text: String
                if let list = value.sequence {
                    text = list.compactMap { $0.scalar?.string }.joined(separator: "、")
                } else if let scalar = value.scalar {
                    text = scalar.string
                } else {
                    diagnostics.append(Diagnostic(.sidecarShape, "defaults の「\(key)」には値か [a, b] の並びを書いてください", at: fields.location(of: value)))
                    continue
                }
                sidecar.defaults[column] = RawValue(text: text.trimmingCharacters(in: .whitespacesAndNewlines), location: fields.location(of: value))
            }
        }
        if let node = fields["columns"]?.node {
            for (header, value, location) in pairs(node, fields, what: "columns", into: &diagnostics) {
                guard let target = value.scalar?.string else {
                    diagnostics.append(Diagnostic(.sidecarShape, "columns の「\(header)」には項目の名前（venue や 会場）を一つ書いてください", at: location))
                    continue
                }
                guard let column = resolve(target, fields.location(of: value), into: &diagnostics) else { continue }
                sidecar.columns[TextNormalization.matchKey(header)] = column
            }
        }
        return sidecar
    }

    private static func pairs(_ node: Node, _ fields: YAMLFields, what: String, into diagnostics: inout [Diagnostic]) -> [(String, Node, SourceLocation)] {
        guard let mapping = node.mapping else {
            diagnostics.append(Diagnostic(.sidecarShape, "\(what): の下には「名前: 値」を字下げして書いてください", at: fields.location(of: node)))
            return []
        }
        return mapping.compactMap { key, value in key.string.map { ($0, value, fields.location(of: key)) } }
    }

    /// A field named by its key (`venue`) or any of its headers (`会場`).
    private static func resolve(_ name: String, _ location: SourceLocation, into diagnostics: inout [Diagnostic]) -> ListingColumn? {
        if case .column(let column) = ListingColumn.classify(header: name) { return column }
        let hint = ListingSchema.nearMiss(name).map { "（候補: \($0.key.rawValue)・\($0.headers.first ?? $0.label)）" } ?? "（docs/columns.md の項目名を書いてください）"
        diagnostics.append(Diagnostic(.unknownSidecarField, "項目「\(name)」はありません\(hint)", at: location))
        return nil
    }
}
