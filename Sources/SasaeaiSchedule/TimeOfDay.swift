import Foundation

/// A wall-clock time in Japan. Salons write times without seconds or zones, so neither is kept.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    /// Returns nil for impossible times (25時, 10:75) so the parser can quote them back.
    public init?(hour: Int, minute: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    public var minutesSinceMidnight: Int { hour * 60 + minute }

    /// `09:00`: the ISO 8601 form schema.org, HSDS and iCalendar consumers expect.
    public var iso: String { zeroPadded(hour, width: 2) + ":" + zeroPadded(minute, width: 2) }

    /// `9:00`: the form Japanese notices print.
    public var text: String { String(hour) + (minute < 10 ? ":0" : ":") + String(minute) }

    public var description: String { iso }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutesSinceMidnight < b.minutesSinceMidnight }
}
