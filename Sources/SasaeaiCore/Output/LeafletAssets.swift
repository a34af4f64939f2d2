import Foundation

/// Leaflet comes from Debian's libjs-leaflet and is copied into the site at build time, so it
/// is never committed and always matches the system's security updates. Without it the map
/// pages still work: they show the list.
enum LeafletAssets {
    static let folder = URL(fileURLWithPath: "/usr/share/javascript/leaflet")
    static let names = ["leaflet.js", "leaflet.css", "images/layers.png", "images/layers-2x.png",
                        "images/marker-icon.png", "images/marker-icon-2x.png", "images/marker-shadow.png"]

    static func files() -> [OutputFile] {
        names.compactMap { name in
            let source = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: source.path) else { return nil }
            return OutputFile("assets/leaflet/" + name, copying: source)
        }
    }
}
