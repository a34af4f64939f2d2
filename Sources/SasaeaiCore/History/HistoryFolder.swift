import Foundation
import SasaeaiInput
import SasaeaiSchedule

/// `content/history/`: one snapshot per issue, written once and never rewritten, so that what
/// an issue reported stays what it reported. Meant to be committed with the content.
public struct HistoryFolder: Sendable {
    public let folder: URL
    /// The folder as the user named it, for messages.
    public let display: String

    public init(content: URL, display: String) {
        folder = content.appendingPathComponent("history")
        self.display = display.hasSuffix("/") ? display + "history" : display + "/history"
    }

    public func path(of month: YearMonth) -> URL { folder.appendingPathComponent("\(month).json") }
    public func displayPath(of month: YearMonth) -> String { "\(display)/\(month).json" }

    /// Every snapshot; a file that is not one is an error naming it (a broken snapshot would
    /// otherwise silently turn an issue's changes into "everything is new").
    public func read(into diagnostics: inout [Diagnostic]) -> [YearMonth: ListingSnapshot] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [:] }
        var snapshots: [YearMonth: ListingSnapshot] = [:]
        for name in names.sorted() where !name.hasPrefix(".") {
            let location = SourceLocation(file: "\(display)/\(name)")
            guard name.hasSuffix(".json"), let month = YearMonth(iso: String(name.dropLast(5))) else {
                diagnostics.append(Diagnostic(.historyFileName,
                    "履歴のファイル名は 年-月.json です（例: 2026-05.json）。このファイルは読みません", at: location))
                continue
            }
            do {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                snapshots[month] = try ListingSnapshot(json: text)
            } catch let error as ListingSnapshot.Malformed {
                diagnostics.append(Diagnostic(.badSnapshot,
                    "履歴のスナップショットが壊れています（\(error.description)）。git などで元に戻すか、ファイルを消すと次の build で作り直されます", at: location))
            } catch {
                diagnostics.append(Diagnostic(.badSnapshot,
                    "履歴のスナップショットを UTF-8 の文字として読めません。git などで元に戻すか、ファイルを消してください", at: location))
            }
        }
        return snapshots
    }

    /// Writes the snapshot of `month` unless one exists. Returns whether it wrote.
    @discardableResult
    public func record(_ content: SiteContent, as month: YearMonth) throws -> Bool {
        let url = path(of: month)
        if FileManager.default.fileExists(atPath: url.path) { return false }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(ListingSnapshot.json(of: content).utf8).write(to: url, options: .atomic)
        return true
    }

    /// The issue a publishing build records: the newest published issue, when it has no snapshot yet.
    public static func issueToRecord(in content: SiteContent) -> YearMonth? {
        guard let newest = content.bulletins.first(where: { !$0.draft }), content.history[newest.month] == nil else { return nil }
        return newest.month
    }
}

extension HistoryFolder {
    /// After a build that publishes: records the newest published issue's snapshot if it has
    /// none. Returns the path written; a failure to write is a warning (the site is fine, only
    /// the next issue's changes would lack edited fields).
    public static func recordNewestIssue(_ content: SiteContent, options: BuildOptions, into diagnostics: inout [Diagnostic]) -> String? {
        guard let month = issueToRecord(in: content) else { return nil }
        let history = HistoryFolder(content: options.content.url, display: options.content.display)
        do {
            return try history.record(content, as: month) ? history.displayPath(of: month) : nil
        } catch {
            diagnostics.append(Diagnostic(.historyNotWritten,
                "\(month) 号の掲載の記録を書けませんでした（\(error.localizedDescription)）。フォルダに書きこめるか確かめて、もう一度 build してください",
                at: SourceLocation(file: history.displayPath(of: month))))
            return nil
        }
    }
}
