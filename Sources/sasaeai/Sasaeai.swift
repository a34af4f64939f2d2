import ArgumentParser

@main
struct Sasaeai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sasaeai",
        abstract: "支え合いマップ（サロン・通いの場・支え合い活動）と支え合い情報誌のサイトを作ります。",
        subcommands: [Build.self, Check.self, Serve.self, New.self, Stats.self, ChangesCommand.self, PrintCommand.self])
}
