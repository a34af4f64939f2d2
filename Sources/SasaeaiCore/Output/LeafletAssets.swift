import Foundation

/// Leaflet comes from Debian's libjs-leaflet and is copied into the site at build time, so it
/// is never committed and always matches the system's security updates. Without it the map
/// pages still work: they show the list. The marker-clustering plugin (Debian's
/// libjs-leaflet.markercluster, same folder) is copied when present; without it the map shows
/// every marker on its own. The plugin's Default.css is left out: the site draws its own
/// cluster icons, large enough to read (style.css).
public enum LeafletAssets {
    /// Where Debian's libjs-leaflet puts it: the command line's default.
    public static let debianFolder = "/usr/share/javascript/leaflet"
    static let names = ["leaflet.js", "leaflet.css", "images/layers.png", "images/layers-2x.png",
                        "images/marker-icon.png", "images/marker-icon-2x.png", "images/marker-shadow.png",
                        "leaflet.markercluster.js", "MarkerCluster.css"]

    /// The files to copy from `folder`; none when it has no leaflet.js.
    static func files(in folder: URL?) -> [OutputFile] {
        guard let folder, FileManager.default.fileExists(atPath: folder.appendingPathComponent("leaflet.js").path) else { return [] }
        return names.compactMap { name in
            let source = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: source.path) else { return nil }
            return OutputFile("assets/leaflet/" + name, copying: source)
        }
    }
}
