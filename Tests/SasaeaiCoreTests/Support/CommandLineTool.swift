import Foundation

/// The `sasaeai` executable built beside the tests (`swift build --build-tests` builds it), run
/// as a user would run it: in its own process, with its own exit status and stderr.
enum CommandLineTool {
    /// `SASAEAI_BIN` if set, else the binary next to the test bundle, else `.build/debug/sasaeai`.
    static func binary() throws -> URL {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["SASAEAI_BIN"] { candidates.append(URL(fileURLWithPath: path)) }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("sasaeai"))
        }
        candidates.append(Repository.root.appendingPathComponent(".build/debug/sasaeai"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw Missing(description: "no sasaeai binary (looked at \(candidates.map(\.path))); run `swift build --build-tests` first")
        }
        return found
    }

    struct Missing: Error, CustomStringConvertible { let description: String }

    struct Result {
        let status: Int32
        let killed: Bool
        let stdout: String
        let stderr: String
    }

    static func start(_ arguments: [String], environment extra: [String: String] = [:], in folder: URL? = nil) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "SASAEAI_TEST_FAULT")
        environment.merge(extra) { $1 }
        process.environment = environment
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    static func finish(_ process: Process, _ out: Pipe, _ err: Pipe) -> Result {
        // Read before waiting, so a chatty child never blocks on a full pipe.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal,
                      stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], in folder: URL? = nil) throws -> Result {
        let (process, out, err) = try start(arguments, environment: environment, in: folder)
        return finish(process, out, err)
    }
}
