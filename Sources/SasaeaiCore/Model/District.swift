import SasaeaiInput

public struct District: Sendable {
    public let id: String
    public var name: String
    public var kana: String?
    public var order: Int
    public var center: Coordinate?
    public var coordinator: String?
    public var body: String
    public var source: SourceLocation
}
