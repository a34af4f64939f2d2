import SasaeaiInput

public struct District: Sendable {
    public let id: String
    public var name: String
    public var kana: String?
    public var order: Int
    public var center: Coordinate?
    public var coordinator: String?
    /// 町名 and 自治会 the district covers: shown to residents, and used to place a listing
    /// that has no 地区 by its 住所.
    public var areas: [String] = []
    /// Readings of areas, written `本町（ほんまち）` in `areas:`: the 町名 index sorts by them.
    public var areaKana: [String: String] = [:]
    public var body: String
    public var source: SourceLocation
    /// The id of the district this one lies in (SPEC 3.2 `parent`): a prefecture's site holds
    /// municipalities that hold districts. Nil at the top. The check stage leaves only ids
    /// that exist and never a cycle, so the districts always form a forest (`DistrictTree`).
    public var parent: String? = nil
}
