import ArgumentParser
import Foundation
import SasaeaiCore

@main
struct Sasaeai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sasaeai",
        abstract: "支え合いマップ（サロン・通いの場・支え合い活動）と支え合い情報誌のサイトを作ります。",
        subcommands: [Build.self, Check.self, Serve.self, New.self, Stats.self, ChangesCommand.self, PrintCommand.self])

    /// Exit status: 0 done, 1 the content (or the output) has errors, 2 the command line is
    /// wrong (an unknown option, a bad value, no content folder here). Messages are Japanese;
    /// ArgumentParser's own would be English with status 64.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            // After parsing, so a mistyped option is named before a missing folder is.
            try (command as? UsesContentFolder)?.checkFolders()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = UsageError.message(self.message(for: error), arguments: arguments)
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(2)
            }
            if code == .success || error is ExitCode {
                // --help and friends print their text; an exit status from a command passes through.
                exit(withError: error)
            }
            FileHandle.standardError.write(Data("\(CommandFailure.describe(error))\n".utf8))
            Foundation.exit(1)
        }
    }
}

/// An error a command did not explain itself, in Japanese.
enum CommandFailure {
    static func describe(_ error: Error) -> String {
        let ns = error as NSError
        guard ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain else { return "\(error)" }
        return OutputError("処理を続けられませんでした", path: ns.userInfo[NSFilePathErrorKey] as? String ?? "", error: error).description
    }
}
