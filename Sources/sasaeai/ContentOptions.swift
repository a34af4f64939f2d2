import ArgumentParser
import Foundation
import SasaeaiCore
import SasaeaiInput
import SasaeaiSchedule

/// Options shared by commands that read content.
struct ContentOptions: ParsableArguments {
    @Option(help: "コンテンツのフォルダ")
    var content = "content"

    @Flag(help: "警告もエラーとして扱う")
    var strict = false

    @Option(name: .customLong("as-of"), help: "「今期」「新着」を計算する日付（2026-11-25、2026/11/25、令和8年11月25日 など）。既定は最新号の発行日")
    var asOf: String?

    func validate() throws {
        if let asOf { _ = try Self.date(asOf) }
    }

    func buildOptions() -> BuildOptions {
        var options = BuildOptions()
        options.content = Folder(content)
        options.strict = strict
        options.asOf = asOf.flatMap { try? Self.date($0) }
        return options
    }

    /// A day as coordinators write it, read by the same parser as the spreadsheets' dates.
    static func date(_ text: String) throws -> LocalDate {
        switch JapaneseDateParser.parse(text) {
        case .success(.day(let day)):
            return day
        case .success:
            throw ValidationError("--as-of「\(text)」には日がありません。2026-11-25 のように年・月・日を書いてください")
        case .failure(.impossible):
            throw ValidationError("--as-of「\(text)」という日はありません。日付を確かめてください")
        case .failure(.unreadable):
            throw ValidationError("--as-of「\(text)」は日付として読めません。2026-11-25、2026/11/25、令和8年11月25日 のように書いてください")
        }
    }
}

/// Commands that read the content (and maybe the templates) folder. Run in the wrong folder,
/// each would report the same missing folder many ways; one sentence saying where it looked
/// and what to do is enough (exit status 2, like any other mistake on the command line).
protocol UsesContentFolder {
    var contentFolder: String { get }
    /// nil for commands that do not render.
    var templatesFolder: String? { get }
}

extension UsesContentFolder {
    func checkFolders() throws {
        let here = FileManager.default.currentDirectoryPath
        if !Self.isFolder(contentFolder) {
            if contentFolder == "content" {
                throw ValidationError("このフォルダ（\(here)）には content フォルダがありません。Sasaeai のフォルダ（content と templates があるところ）に移ってから実行するか、--content でコンテンツのフォルダを指定してください")
            }
            throw ValidationError("コンテンツのフォルダ「\(contentFolder)」がありません（\(here) から見た場所です）。--content の値を確かめてください")
        }
        if let templatesFolder, !Self.isFolder(templatesFolder) {
            throw ValidationError("テンプレートのフォルダ「\(templatesFolder)」がありません（\(here) から見た場所です）。Sasaeai のフォルダ（content と templates があるところ）で実行するか、--templates で指定してください")
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

extension Build: UsesContentFolder {
    var contentFolder: String { options.content }
    var templatesFolder: String? { templates }
}

extension Check: UsesContentFolder {
    var contentFolder: String { options.content }
    var templatesFolder: String? { nil }
}

extension Stats: UsesContentFolder {
    var contentFolder: String { options.content }
    var templatesFolder: String? { nil }
}

extension Serve: UsesContentFolder {
    var contentFolder: String { options.content }
    var templatesFolder: String? { templates }
}

extension New: UsesContentFolder {
    var contentFolder: String { content }
    var templatesFolder: String? { nil }
}
