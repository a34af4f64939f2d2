import Foundation

extension ScheduleRule {
    /// The RFC 5545 RRULE value (without the `RRULE:` name), e.g. `FREQ=MONTHLY;BYDAY=2TU,4TU`.
    public var rrule: String {
        var parts: [String]
        switch frequency {
        case .weekly(let weekdays, let interval, _):
            parts = ["FREQ=WEEKLY"]
            if interval > 1 { parts.append("INTERVAL=\(interval)") }
            parts.append("BYDAY=" + weekdays.map(\.icalCode).joined(separator: ","))
        case .monthlyByWeekday(let pairs):
            parts = ["FREQ=MONTHLY", "BYDAY=" + pairs.map(\.icalCode).joined(separator: ",")]
        case .monthlyByDay(let days):
            parts = ["FREQ=MONTHLY", "BYMONTHDAY=" + days.map(String.init).joined(separator: ",")]
        }
        if let months { parts.append("BYMONTH=" + months.map(String.init).joined(separator: ",")) }
        return parts.joined(separator: ";")
    }
}

/// A schema.org `Schedule` for a listing's JSON-LD (https://schema.org/Schedule).
public struct SchemaOrgSchedule: Encodable, Hashable, Sendable {
    public var type = "Schedule"
    /// schema.org day URLs, e.g. `https://schema.org/Tuesday`.
    public var byDay: [String]?
    /// Weeks of the month; -1 for the last week, mirroring iCalendar (schema.org documents 1–5).
    public var byMonthWeek: [Int]?
    public var byMonthDay: [Int]?
    public var byMonth: [Int]?
    public var startTime: String?
    public var endTime: String?
    public var repeatFrequency: String
    public var scheduleTimezone = "Asia/Tokyo"

    enum CodingKeys: String, CodingKey {
        case type = "@type"
        case byDay, byMonthWeek, byMonthDay, byMonth, startTime, endTime, repeatFrequency, scheduleTimezone
    }
}

/// An Open Referral HSDS 3 `schedule` object (the recurrence fields; ids are the caller's).
public struct HSDSSchedule: Encodable, Hashable, Sendable {
    public var freq: String
    public var interval: Int
    public var byday: String?
    public var bymonthday: String?
    public var opens_at: String?
    public var closes_at: String?
    public var wkst = "MO"
    /// HSDS 3 gives the zone as a UTC offset in hours.
    public var timezone = 9
    public var description: String
}

extension Schedule {
    public var schemaOrg: [SchemaOrgSchedule] {
        guard kind == .structured else { return [] }
        return rules.flatMap { rule -> [SchemaOrgSchedule] in
            let base = SchemaOrgSchedule(
                byMonth: rule.months, startTime: rule.start?.iso, endTime: rule.end?.iso, repeatFrequency: "P1M")
            switch rule.frequency {
            case .weekly(let weekdays, let interval, _):
                var schedule = base
                schedule.byDay = weekdays.map { "https://schema.org/" + $0.schemaOrgName }
                schedule.repeatFrequency = "P\(interval)W"
                return [schedule]
            case .monthlyByWeekday(let pairs):
                // schema.org crosses byMonthWeek with byDay, so only pairs with the same weeks share one object.
                var byWeekday: [Weekday: [Int]] = [:]
                for pair in pairs { byWeekday[pair.weekday, default: []].append(pair.ordinal) }
                var groups: [([Int], [Weekday])] = []
                for weekday in byWeekday.keys.sorted() {
                    let weeks = byWeekday[weekday]!.sorted { NthWeekday($0, .monday) < NthWeekday($1, .monday) }
                    if let index = groups.firstIndex(where: { $0.0 == weeks }) { groups[index].1.append(weekday) } else { groups.append((weeks, [weekday])) }
                }
                return groups.map { weeks, weekdays in
                    var schedule = base
                    schedule.byDay = weekdays.map { "https://schema.org/" + $0.schemaOrgName }
                    schedule.byMonthWeek = weeks
                    return schedule
                }
            case .monthlyByDay(let days):
                var schedule = base
                schedule.byMonthDay = days
                return [schedule]
            }
        }
    }

    public var hsds: [HSDSSchedule] {
        guard kind == .structured else { return [] }
        return rules.map { rule in
            var freq = "MONTHLY", interval = 1
            var byday: String?, bymonthday: String?
            switch rule.frequency {
            case .weekly(let weekdays, let n, _):
                freq = "WEEKLY"
                interval = n
                byday = weekdays.map(\.icalCode).joined(separator: ",")
            case .monthlyByWeekday(let pairs):
                byday = pairs.map(\.icalCode).joined(separator: ",")
            case .monthlyByDay(let days):
                bymonthday = days.map(String.init).joined(separator: ",")
            }
            // HSDS has no BYMONTH, so months and closures live in the description people read.
            var description = rule.normalizedText
            if !exceptions.isEmpty { description += "（" + exceptions.map(\.normalizedText).joined(separator: "、") + "）" }
            return HSDSSchedule(
                freq: freq, interval: interval, byday: byday, bymonthday: bymonthday,
                opens_at: rule.start?.iso, closes_at: rule.end?.iso, description: description)
        }
    }
}
