import Foundation

/// One computed meeting day.
public struct Meeting: Hashable, Sendable {
    public var date: LocalDate
    public var start: TimeOfDay?
    public var end: TimeOfDay?
    /// 午前, 夜 …: the part of the day the text gives when it gives no clock time.
    public var part: PartOfDay?
    /// The holiday's name when the date is a holiday and the salon still meets.
    public var holiday: String?
    /// True when a holiday moved it here (祝日の場合は翌日).
    public var moved: Bool

    public init(date: LocalDate, start: TimeOfDay? = nil, end: TimeOfDay? = nil, part: PartOfDay? = nil, holiday: String? = nil,
                moved: Bool = false) {
        self.date = date
        self.start = start
        self.end = end
        self.part = part
        self.holiday = holiday
        self.moved = moved
    }
}
