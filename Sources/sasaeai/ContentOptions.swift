import ArgumentParser
import SasaeaiCore
import SasaeaiSchedule

/// Options shared by commands that read content.
struct ContentOptions: ParsableArguments {
    @Option(help: "コンテンツのフォルダ")
    var content = "content"

    @Flag(help: "警告もエラーとして扱う")
    var strict = false

    @Option(name: .customLong("as-of"), help: "「今期」「新着」を計算する日付（YYYY-MM-DD）。既定は最新号の発行日")
    var asOf: String?

    func validate() throws {
        if let asOf, LocalDate(iso: asOf) == nil {
            throw ValidationError("--as-of は 2025-11-01 のように YYYY-MM-DD で書いてください")
        }
    }

    func buildOptions() -> BuildOptions {
        var options = BuildOptions()
        options.content = Folder(content)
        options.strict = strict
        options.asOf = asOf.flatMap(LocalDate.init(iso:))
        return options
    }
}
