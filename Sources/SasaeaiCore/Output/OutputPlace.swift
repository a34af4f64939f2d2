import Foundation

/// Where a site lives on disk and the fixed names of the folders a build keeps beside it.
///
/// The names are fixed (not a process id) so that the next build can recognise what a killed
/// build left behind and remove it. When the output is a symbolic link (`site -> /var/www/…`),
/// the folder that is replaced is the link's target, in the target's own parent: the link stays
/// and keeps pointing at the fresh site.
struct OutputPlace: Equatable {
    /// The real folder that holds the site (the link's target when the output is a link).
    let folder: URL

    init(_ output: URL) {
        folder = Self.followingLinks(output.standardizedFileURL)
    }

    var parent: URL { folder.deletingLastPathComponent() }
    var name: String { folder.lastPathComponent }
    /// The new site is written here, then exchanged with `folder`; after the exchange it holds
    /// the old site, which then becomes `previous`.
    var staging: URL { parent.appendingPathComponent(".\(name).sasaeai-staging") }
    /// The site the last build replaced, kept for the next build to stage into (see
    /// `StagingFolder`): not a leftover, and never served.
    var previous: URL { parent.appendingPathComponent(".\(name).sasaeai-previous") }
    /// Only used where the two folders cannot be exchanged in one step: the old site waits here
    /// between the two renames, and the next build puts it back if a kill came in between.
    var aside: URL { parent.appendingPathComponent(".\(name).sasaeai-old") }

    /// Entries of `parent` that a killed build may have left: the two fixed names, and the
    /// `.<name>.tmp-<pid>` / `.<name>.old-<pid>` folders of versions before the names were fixed.
    func isLeftover(_ entry: String) -> Bool {
        if entry == staging.lastPathComponent || entry == aside.lastPathComponent { return true }
        for legacy in [".\(name).tmp-", ".\(name).old-"] where entry.hasPrefix(legacy) {
            let pid = entry.dropFirst(legacy.count)
            return !pid.isEmpty && pid.allSatisfy(\.isASCII) && pid.allSatisfy(\.isNumber)
        }
        return false
    }

    /// Follows a chain of links to the path at its end, which may not exist yet (a link made
    /// before the first build). Bounded like the kernel's own limit, so a loop cannot hang.
    static func followingLinks(_ url: URL) -> URL {
        var path = url.path
        for _ in 0..<40 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { break }
            path = target.hasPrefix("/") ? target : (path as NSString).deletingLastPathComponent + "/" + target
            path = URL(fileURLWithPath: path).standardizedFileURL.path
        }
        return URL(fileURLWithPath: path)
    }
}
