import ArgumentParser
import Foundation
import SasaeaiCore

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "会報・掲載・地区・ページのひな形を作ります。")

    @Argument(help: "bulletin（会報）、listing（掲載）、district（地区）、page（ページ）のどれか")
    var kind: Scaffold.Kind

    @Argument(help: "会報は YYYY-MM、ほかは半角英小文字の ID")
    var name: String

    @Option(help: "コンテンツのフォルダ")
    var content = "content"

    func run() throws {
        let (path, text): (String, String)
        do {
            (path, text) = try Scaffold.file(kind, name: name)
        } catch let error as Scaffold.Invalid {
            throw ValidationError(error.description)
        }
        let url = URL(fileURLWithPath: content).appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path) {
            throw ValidationError("\(content)/\(path) はもうあります。上書きはしません")
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        } catch {
            throw OutputError("ひな形を書き込めませんでした", path: "\(content)/\(path)", error: error)
        }
        print("\(content)/\(path) を作りました")
    }
}

extension Scaffold.Kind: ExpressibleByArgument {}
