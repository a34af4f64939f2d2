/// The smallest latitude/longitude box holding some points: where a district's map opens when
/// the district has no `center` of its own (a prefecture or a municipality above its districts).
struct CoordinateBounds: Hashable, Sendable {
    let south: Double
    let west: Double
    let north: Double
    let east: Double

    init?(_ points: some Sequence<Coordinate>) {
        var iterator = points.makeIterator()
        guard let first = iterator.next() else { return nil }
        var (south, west, north, east) = (first.latitude, first.longitude, first.latitude, first.longitude)
        while let point = iterator.next() {
            south = min(south, point.latitude)
            north = max(north, point.latitude)
            west = min(west, point.longitude)
            east = max(east, point.longitude)
        }
        (self.south, self.west, self.north, self.east) = (south, west, north, east)
    }

    /// The box's middle, to a millionth of a degree (about 10 cm) so pages do not carry
    /// floating-point noise. Japan lies far from the antimeridian, so longitudes average plainly.
    var center: Coordinate {
        func rounded(_ degrees: Double) -> Double { (degrees * 1_000_000).rounded() / 1_000_000 }
        return Coordinate(latitude: rounded((south + north) / 2), longitude: rounded((west + east) / 2))
    }
}
