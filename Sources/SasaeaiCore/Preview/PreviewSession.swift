import Foundation
import SasaeaiInput

/// `serve`'s cycle: build the preview with drafts into a private folder, watch content and
/// templates, rebuild on any change, and tell the server to reload pages or show the errors.
public final class PreviewSession {
    public let options: BuildOptions
    private let server: PreviewServer
    private var signature: FolderSignature?

    /// `build` is the publishing build's options; the preview differs only in writing to
    /// `previewFolder` and including drafts. The as-of stays the published one (the newest
    /// issue that is not a draft) unless `--as-of` was given, so 「今期」 matches the real site.
    public init(build: BuildOptions, previewFolder: URL, server: PreviewServer) {
        var options = build
        options.output = Folder(previewFolder.path)
        options.includeDrafts = true
        self.options = options
        self.server = server
    }

    /// Where previews go unless told otherwise: the user's cache folder, one per content folder,
    /// so a draft can never land in `site/` or anywhere near what gets uploaded.
    public static func defaultFolder(for content: URL) -> URL {
        let caches = FileManager.default.urls(for: .cachesDirectory, in: .userDomainMask).first
            ?? FileManager.default.temporaryDirectory
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in content.standardizedFileURL.path.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let name = "preview-" + String(hash, radix: 16)
        return caches.appendingPathComponent("sasaeai").appendingPathComponent(name)
    }

    private var watched: [URL] { [options.content.url, options.templates.url] }

    /// Builds now. The sources' fingerprint is taken before building, so an edit saved during
    /// the build is seen by the next `rebuildIfChanged`.
    @discardableResult
    public func build() -> BuildReport {
        signature = FolderSignature(watched)
        let report = Builder.build(options)
        if report.failed(strict: options.strict) {
            let errorsFirst = report.diagnostics.filter { $0.severity == .error } + report.diagnostics.filter { $0.severity != .error }
            server.buildFailed(errorsFirst.map(\.description))
        } else {
            server.siteChanged()
        }
        return report
    }

    /// Rebuilds when anything in content or templates was added, removed, renamed or edited.
    public func rebuildIfChanged() -> BuildReport? {
        guard FolderSignature(watched) != signature else { return nil }
        return build()
    }
}
