/// WGS84 decimal degrees.
public struct Coordinate: Hashable, Sendable {
    public let latitude: Double
    public let longitude: Double

    /// A generous box around Japan's islands; outside it a coordinate is probably swapped or mistyped.
    var isInJapan: Bool { (20.0...46.0).contains(latitude) && (122.0...154.0).contains(longitude) }
}
