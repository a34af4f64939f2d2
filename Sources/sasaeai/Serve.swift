import ArgumentParser
import Foundation
import SasaeaiCore

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "下書きも含めて手元で表示し、ファイルを直すたびに作り直してブラウザを再読み込みします。公開用の site には書きません。")

    @OptionGroup var options: ContentOptions

    @Option(help: "地図に使う Leaflet のフォルダ（Debian の libjs-leaflet）")
    var leaflet = LeafletAssets.debianFolder

    @Option(help: "テンプレートのフォルダ")
    var templates = "templates"

    @Option(help: "待ち受けるアドレス（既定は自分の機械だけから見える 127.0.0.1）")
    var host = "127.0.0.1"

    @Option(help: "待ち受けるポート（1〜65535）")
    var port = 8080

    @Flag(name: .customLong("allow-remote"), help: "127.0.0.1 以外のアドレスで待ち受けることを許す（ほかの機械から下書きが見えます）")
    var allowRemote = false

    func validate() throws {
        if case .failure(let problem) = PreviewAddress.parse(host: host, port: port, allowRemote: allowRemote) {
            throw ValidationError(problem.message)
        }
    }

    func run() throws {
        guard case .success(let address) = PreviewAddress.parse(host: host, port: port, allowRemote: allowRemote) else { return }
        let build = options.buildOptions()
        var withTemplates = build
        withTemplates.templates = Folder(templates)
        withTemplates.leaflet = URL(fileURLWithPath: leaflet)
        let folder = PreviewSession.defaultFolder(for: build.content.url)
        let server: PreviewServer
        do {
            server = try PreviewServer(root: folder, host: address.host, port: address.port, checksHost: !allowRemote)
        } catch {
            say("\(address.host):\(address.port) で待ち受けられません（使用中か、使えないポートです）。ほかの sasaeai serve が動いていないか確かめるか、--port 8081 のように別のポートを指定してください")
            throw ExitCode(2)
        }
        let session = PreviewSession(build: withTemplates, previewFolder: folder, server: server)
        say("確認用のサイトを \(folder.path) に作ります（下書きを含みます。公開用の site には書きません）")
        report(session.build())
        server.start()
        say("http://\(address.host):\(server.port)/ で表示しています（止めるには Ctrl+C）")
        while true {
            Thread.sleep(forTimeInterval: 0.5)
            if let result = session.rebuildIfChanged() { report(result) }
        }
    }

    /// Unbuffered, so messages show up while the command keeps running, even in a log file.
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private func report(_ report: BuildReport) {
        DiagnosticPrinter.printText(report.diagnostics)
        say(report.failed(strict: options.strict)
            ? "作り直せませんでした（\(DiagnosticPrinter.summary(report.diagnostics))）。ブラウザに問題の一覧を出しています。直して保存すると元に戻ります。"
            : "作り直しました（\(report.files) ファイル、\(DiagnosticPrinter.summary(report.diagnostics))）")
    }
}
