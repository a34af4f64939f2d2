import Foundation
import SasaeaiSchedule

/// A folder as the user named it (for messages) and where it is.
public struct Folder: Sendable {
    public let display: String
    public let url: URL

    public init(_ path: String, relativeTo base: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        display = path
        url = URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL
    }
}

public struct BuildOptions: Sendable {
    public var content = Folder("content")
    public var templates = Folder("templates")
    public var output = Folder("site")
    public var baseURL: String?
    public var asOf: LocalDate?
    public var includeDrafts = false
    public var strict = false
    /// Leaflet's folder (`LeafletAssets`), copied into the site for the interactive map; nil:
    /// the map pages show their list only. The command line passes Debian's.
    public var leaflet: URL?
    /// How many threads make and write the files; nil: one per core. The site is the same
    /// whatever the number (a test builds with several).
    public var threads: Int?

    public init() {}
}
