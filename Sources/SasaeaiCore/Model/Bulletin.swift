import SasaeaiInput
import SasaeaiSchedule

/// One issue of the quarterly 支え合い情報誌, `bulletins/<YYYY-MM>.md`.
public struct Bulletin: Sendable {
    public let month: YearMonth
    public var title: String
    public var number: Int?
    public var date: LocalDate
    public var pdf: String?
    public var draft: Bool
    public var body: String
    public var source: SourceLocation
    public var bodyFirstLine: Int

    /// The three months an issue covers: an issue dated 2025-11 covers November to January.
    public var quarter: [YearMonth] { (0..<3).map { month.adding(months: $0) } }
}

/// Any other page, `pages/<slug>.md`.
public struct Page: Sendable {
    public let slug: String
    public var title: String
    public var order: Int
    public var body: String
    public var source: SourceLocation
}
