import ArgumentParser
import Foundation
import SasaeaiCore

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "サイトを作って手元で表示し、ファイルを直すたびに作り直してブラウザを再読み込みします。")

    @OptionGroup var options: ContentOptions

    @Option(help: "テンプレートのフォルダ")
    var templates = "templates"

    @Option(help: "出力先のフォルダ")
    var output = "site"

    @Option(help: "待ち受けるアドレス")
    var host = "127.0.0.1"

    @Option(help: "待ち受けるポート")
    var port = 8080

    func run() throws {
        var build = options.buildOptions()
        build.templates = Folder(templates)
        build.output = Folder(output)
        build.includeDrafts = true
        let server = try PreviewServer(root: build.output.url, host: host, port: port)
        rebuild(build)
        server.start()
        say("http://\(host):\(server.port)/ で表示しています（止めるには Ctrl+C）")
        var signature = FolderSignature([build.content.url, build.templates.url])
        while true {
            Thread.sleep(forTimeInterval: 0.5)
            let now = FolderSignature([build.content.url, build.templates.url])
            guard now != signature else { continue }
            signature = now
            if rebuild(build) { server.siteChanged() }
        }
    }

    /// Unbuffered, so messages show up while the command keeps running, even in a log file.
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Builds and reports; a failed build keeps the previous site on screen.
    @discardableResult
    private func rebuild(_ build: BuildOptions) -> Bool {
        let report = Builder.build(build)
        DiagnosticPrinter.printText(report.diagnostics)
        let failed = report.failed(strict: options.strict)
        say(failed ? "作り直せませんでした（\(DiagnosticPrinter.summary(report.diagnostics))）。前のサイトを表示しています。"
                     : "作り直しました（\(report.files) ファイル、\(DiagnosticPrinter.summary(report.diagnostics))）")
        return !failed
    }
}
