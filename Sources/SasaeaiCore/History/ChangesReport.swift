import Foundation
import SasaeaiInput
import SasaeaiSchedule

/// `sasaeai changes`: what changed since an issue, up to the listings now, as text, TSV or JSON.
public enum ChangesReport {
    /// Since the snapshot of `month`, or of the newest issue that has one. With no snapshot at
    /// all, what the newest issue reports from the listings' dates. Nil, with an error, when
    /// the issue asked for has no snapshot.
    public static func changes(_ content: SiteContent, since month: YearMonth?, history: HistoryFolder,
                               into diagnostics: inout [Diagnostic]) -> Changes? {
        let current = ListingSnapshot.current(content)
        if let month {
            guard let changes = Changes.since(month, in: content, current: current) else {
                let known = content.history.keys.sorted().map(\.description)
                let hint = known.isEmpty ? "まだ一つもありません。sasaeai build で最新号の分が作られます"
                                         : "あるのは \(known.joined(separator: "、")) です"
                diagnostics.append(Diagnostic(.noSnapshot, "\(month) 号の掲載の記録（スナップショット）がありません。\(hint)",
                                              at: SourceLocation(file: history.displayPath(of: month))))
                return nil
            }
            return changes
        }
        if let newest = content.history.keys.max() {
            return Changes(from: content.history[newest]!, of: newest, to: current)
        }
        guard !content.bulletins.isEmpty else {
            return Changes(content.listings, current: current, after: nil, through: content.asOf)
        }
        return Changes.forIssue(at: 0, in: content, current: current)
    }

    public static func heading(_ changes: Changes) -> String {
        switch changes.basis {
        case .snapshot(let month): "\(month) 号の掲載から今の掲載までの変更"
        case .dates(let day?): "\(day) より後の変更（開始・終了・更新の日付から。前号のスナップショットがないため、項目の書きかえと削除はわかりません）"
        case .dates(nil): "変更（開始・終了・更新の日付から）"
        }
    }

    public static func text(_ changes: Changes) -> String {
        var lines = [heading(changes)]
        func line(_ entry: ListingSnapshot.Entry) -> String { "  ・\(entry.name)（\(entry.districtName)・\(entry.kindName)）" }
        for group in changes.groups {
            let entries = group.entries
            guard !entries.isEmpty else { continue }
            lines.append("\(group.label)（\(entries.count)件）")
            lines += entries.map(line)
        }
        if !changes.edited.isEmpty {
            lines.append("\(Changes.editedLabel)（\(changes.edited.count)件）")
            for edited in changes.edited {
                lines.append(line(edited.listing))
                lines += edited.fields.map { "      \($0.label): \($0.before ?? "（なし）") → \($0.after ?? "（なし）")" }
            }
        }
        if changes.isEmpty { lines.append("変更はありません") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per change, one per edited field: easy to sort and filter in Excel.
    public static func tsv(_ changes: Changes) -> String {
        func clean(_ text: String?) -> String {
            (text ?? "").replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        }
        var rows = [["change", "id", "name", "district", "kind", "field", "label", "before", "after"]]
        for group in changes.groups {
            for entry in group.entries {
                rows.append([group.key, entry.id, entry.name, entry.districtName, entry.kindName, "", "", "", ""])
            }
        }
        for edited in changes.edited {
            let entry = edited.listing
            for field in edited.fields {
                rows.append(["edited", entry.id, entry.name, entry.districtName, entry.kindName, field.key, field.label, clean(field.before), clean(field.after)])
            }
        }
        return rows.map { $0.map { clean($0) }.joined(separator: "\t") }.joined(separator: "\n") + "\n"
    }

    public static func json(_ changes: Changes) -> String {
        func item(_ entry: ListingSnapshot.Entry) -> [String: Any] {
            ["id": entry.id, "name": entry.name, "district_name": entry.districtName, "kind_name": entry.kindName]
        }
        var object: [String: Any] = [:]
        switch changes.basis {
        case .snapshot(let month): object["since"] = month.description; object["basis"] = "snapshot"
        case .dates(let day): object["since"] = day?.description ?? NSNull(); object["basis"] = "dates"
        }
        for group in changes.groups { object[group.key] = group.entries.map(item) }
        object["edited"] = changes.edited.map { edited -> [String: Any] in
            var view = item(edited.listing)
            view["fields"] = edited.fields.map { field -> [String: Any] in
                ["field": field.key, "label": field.label, "before": field.before ?? NSNull(), "after": field.after ?? NSNull()]
            }
            return view
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
