// TEMPORARY: stands in for the schedule module's API until its branch is merged.
import Foundation
public struct TimeOfDay: Hashable, Sendable { public let hour: Int; public let minute: Int }
public struct Meeting: Hashable, Sendable {
    public let date: LocalDate
    public let start: TimeOfDay?
    public let end: TimeOfDay?
    public let holiday: String?
    public let moved: Bool
}
public struct SchemaOrgSchedule: Encodable, Sendable {}
public struct HSDSSchedule: Encodable, Sendable {}
public struct ICalendarEvent: Sendable {}
public struct ICalendarDocument: Sendable {
    public init(name: String, events: [ICalendarEvent]) {}
    public func render() -> String { "" }
}
public struct Schedule: Sendable, Equatable {
    public let text: String
    public var weekdays: [Weekday] { [] }
    public var normalizedText: String { text }
    public var rrules: [String] { [] }
    public var schemaOrg: [SchemaOrgSchedule] { [] }
    public var hsds: [HSDSSchedule] { [] }
    public func meetings(in month: YearMonth) -> [Meeting] { [] }
    public func calendarEvents(uid: String, summary: String, location: String?, url: String?, from start: LocalDate, through end: LocalDate) -> [ICalendarEvent] { [] }
}
public struct ScheduleParseResult: Sendable { public let schedule: Schedule; public let warnings: [String] }
public enum ScheduleParser {
    public static func parse(_ text: String, since: LocalDate?) -> ScheduleParseResult {
        ScheduleParseResult(schedule: Schedule(text: text), warnings: [])
    }
}
public enum JapaneseHolidays {
    public static func name(of date: LocalDate) -> String? { nil }
}
