import Foundation

extension ScheduleRule {
    /// The RFC 5545 RRULE value (without the `RRULE:` name), e.g. `FREQ=MONTHLY;BYDAY=2TU,4TU`.
    /// Nil when no RRULE says it exactly (dated lists, その直後の木曜日, 隔月 of a weekly rule):
    /// those are written as RDATE.
    public var rrule: String? {
        if offset != 0 { return nil }
        var parts: [String]
        switch frequency {
        case .weekly(let weekdays, let interval, _):
            if !excluded.isEmpty {
                // 最終水曜以外の水曜: every Wednesday of the month but the last (BYSETPOS counts from the end).
                guard interval == 1, weekdays.count == 1, excluded == [NthWeekday(-1, weekdays[0])] else { return nil }
                parts = ["FREQ=MONTHLY"]
                if everyMonths > 1 { parts.append("INTERVAL=\(everyMonths)") }
                parts += ["BYDAY=" + weekdays[0].icalCode, "BYSETPOS=-2,-3,-4,-5"]
            } else {
                if everyMonths > 1 { return nil }
                parts = ["FREQ=WEEKLY"]
                if interval > 1 { parts.append("INTERVAL=\(interval)") }
                parts.append("BYDAY=" + weekdays.map(\.icalCode).joined(separator: ","))
            }
        case .monthlyByWeekday(let pairs):
            if !excluded.isEmpty { return nil }
            parts = ["FREQ=MONTHLY"]
            if everyMonths > 1 { parts.append("INTERVAL=\(everyMonths)") }
            parts.append("BYDAY=" + pairs.map(\.icalCode).joined(separator: ","))
        case .monthlyByDay(let days):
            parts = ["FREQ=MONTHLY"]
            if everyMonths > 1 { parts.append("INTERVAL=\(everyMonths)") }
            parts.append("BYMONTHDAY=" + days.map(String.init).joined(separator: ","))
        case .dates:
            return nil
        }
        if let months { parts.append("BYMONTH=" + months.map(String.init).joined(separator: ",")) }
        return parts.joined(separator: ";")
    }

    /// 奇数月 as every 2 months from January, 4月・10月 as every 6 from April: the month list as an
    /// interval and a first month, for formats without BYMONTH (HSDS). Nil for irregular lists.
    var monthsAsInterval: (every: Int, first: Int)? {
        guard let months, months.count > 1, months.count < 12, 12 % months.count == 0 else { return nil }
        let step = 12 / months.count
        guard months.enumerated().allSatisfy({ $0.element == months[0] + $0.offset * step }) else { return nil }
        return (step, months[0])
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
    /// P1W, P2W (隔週), P1M, P2M (隔月); nil for a single dated meeting.
    public var repeatFrequency: String?
    /// The listing's 開始 and 終了, or the day of a single dated meeting.
    public var startDate: String?
    public var endDate: String?
    public var scheduleTimezone = "Asia/Tokyo"

    enum CodingKeys: String, CodingKey {
        case type = "@type"
        case byDay, byMonthWeek, byMonthDay, byMonth, startTime, endTime, repeatFrequency, startDate, endDate, scheduleTimezone
    }
}

/// An Open Referral HSDS 3 `schedule` object (the recurrence fields; ids are the caller's).
public struct HSDSSchedule: Encodable, Hashable, Sendable {
    /// Nil for a single dated meeting (its day is `dtstart`, `count` 1).
    public var freq: String?
    public var interval: Int
    public var byday: String?
    public var bymonthday: String?
    /// The first meeting month for 奇数月 (interval 2) or 隔月, the date of a dated meeting.
    public var dtstart: String?
    public var until: String?
    public var count: Int?
    public var valid_from: String?
    public var valid_to: String?
    public var opens_at: String?
    public var closes_at: String?
    public var wkst = "MO"
    /// HSDS 3 gives the zone as a UTC offset in hours.
    public var timezone = 9
    public var description: String
}

extension Schedule {
    /// Rules no schema.org or HSDS recurrence can say exactly (その直後の木曜日, 最終水曜以外)
    /// are left out rather than widened: their dates stay in the calendar file.
    public var schemaOrg: [SchemaOrgSchedule] {
        guard kind == .structured else { return [] }
        return rules.flatMap { rule -> [SchemaOrgSchedule] in
            guard rule.offset == 0, rule.excluded.isEmpty else { return [] }
            let base = SchemaOrgSchedule(
                byMonth: rule.months, startTime: rule.start?.iso, endTime: rule.end?.iso,
                repeatFrequency: "P\(rule.everyMonths)M", startDate: since?.description, endDate: until?.description)
            switch rule.frequency {
            case .weekly(let weekdays, let interval, _):
                guard rule.everyMonths == 1 else { return [] }
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
            case .dates(let dates):
                return dates.filter(isWithinPeriod).map { date in
                    var schedule = base
                    schedule.repeatFrequency = nil
                    schedule.startDate = date.description
                    schedule.endDate = date.description
                    return schedule
                }
            }
        }
    }

    public var hsds: [HSDSSchedule] {
        guard kind == .structured else { return [] }
        return rules.flatMap { rule -> [HSDSSchedule] in
            guard rule.offset == 0, rule.excluded.isEmpty else { return [] }
            var freq: String? = "MONTHLY", interval = rule.everyMonths
            var byday: String?, bymonthday: String?, dtstart: String?
            // HSDS has no BYMONTH: a regular month list becomes an interval from its first month.
            var monthsInDescription = rule.months != nil
            if let (every, first) = rule.monthsAsInterval, interval == 1 {
                interval = every
                // Any year's first such month starts the same recurrence; 開始's year reads best.
                let year = since?.year ?? 2000
                dtstart = YearMonth(year: year, month: first)?.firstDay.description
                monthsInDescription = false
            } else if rule.everyMonths > 1 {
                dtstart = rule.monthAnchor?.firstDay.description
            }
            if monthsInDescription, case .dates = rule.frequency {} else if monthsInDescription { return [] }
            switch rule.frequency {
            case .weekly(let weekdays, let n, let anchor):
                if rule.everyMonths > 1 || dtstart != nil { return [] }
                freq = "WEEKLY"
                interval = n
                byday = weekdays.map(\.icalCode).joined(separator: ",")
                if n > 1 { dtstart = anchor?.description }
            case .monthlyByWeekday(let pairs):
                byday = pairs.map(\.icalCode).joined(separator: ",")
            case .monthlyByDay(let days):
                bymonthday = days.map(String.init).joined(separator: ",")
            case .dates(let dates):
                return dates.filter(isWithinPeriod).map { date in
                    HSDSSchedule(freq: nil, interval: 1, dtstart: date.description, count: 1,
                                 opens_at: rule.start?.iso, closes_at: rule.end?.iso, description: rule.normalizedText)
                }
            }
            // Closures live in the description people read.
            var description = rule.normalizedText
            if !exceptions.isEmpty { description += "（" + exceptions.map(\.normalizedText).joined(separator: "、") + "）" }
            return [HSDSSchedule(
                freq: freq, interval: interval, byday: byday, bymonthday: bymonthday, dtstart: dtstart,
                until: until?.description, valid_from: since?.description, valid_to: until?.description,
                opens_at: rule.start?.iso, closes_at: rule.end?.iso, description: description)]
        }
    }
}
