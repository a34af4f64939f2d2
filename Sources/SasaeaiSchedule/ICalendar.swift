import Foundation

/// One VEVENT: a schedule rule with its first occurrence, recurrence and corrections.
public struct ICalendarEvent: Hashable, Sendable {
    public var uid: String
    public var summary: String
    public var description: String?
    public var location: String?
    public var url: String?
    /// The first occurrence; its time, if any, is Asia/Tokyo wall-clock time.
    public var date: LocalDate
    public var start: TimeOfDay?
    public var end: TimeOfDay?
    /// The RRULE value, e.g. `FREQ=WEEKLY;BYDAY=TU`.
    public var rrule: String?
    public var exdates: [LocalDate]
    public var rdates: [LocalDate]
    /// DTSTAMP, given so that the same input gives byte-identical output.
    public var stamp: LocalDate

    public init(uid: String, summary: String, description: String? = nil, location: String? = nil, url: String? = nil,
                date: LocalDate, start: TimeOfDay? = nil, end: TimeOfDay? = nil, rrule: String? = nil,
                exdates: [LocalDate] = [], rdates: [LocalDate] = [], stamp: LocalDate) {
        self.uid = uid
        self.summary = summary
        self.description = description
        self.location = location
        self.url = url
        self.date = date
        self.start = start
        self.end = end
        self.rrule = rrule
        self.exdates = exdates
        self.rdates = rdates
        self.stamp = stamp
    }

    /// Content lines, unfolded and without line ends.
    public var lines: [String] {
        var lines = ["BEGIN:VEVENT", "UID:" + ICalendarText.escape(uid), "DTSTAMP:" + ICalendarText.basic(stamp) + "T000000Z"]
        if let start {
            lines.append("DTSTART;TZID=Asia/Tokyo:" + ICalendarText.dateTime(date, start))
            if let end { lines.append("DTEND;TZID=Asia/Tokyo:" + ICalendarText.dateTime(date, end)) }
        } else {
            lines.append("DTSTART;VALUE=DATE:" + ICalendarText.basic(date))
            lines.append("DTEND;VALUE=DATE:" + ICalendarText.basic(date.adding(days: 1)))
        }
        if let rrule { lines.append("RRULE:" + rrule) }
        if !exdates.isEmpty { lines.append(ICalendarText.dateList("EXDATE", exdates, start)) }
        if !rdates.isEmpty { lines.append(ICalendarText.dateList("RDATE", rdates, start)) }
        lines.append("SUMMARY:" + ICalendarText.escape(summary))
        if let description { lines.append("DESCRIPTION:" + ICalendarText.escape(description)) }
        if let location { lines.append("LOCATION:" + ICalendarText.escape(location)) }
        if let url {
            // A URI has no escaping; dropping controls and spaces keeps a bad value from breaking lines.
            let clean = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
            if !clean.isEmpty { lines.append("URL;VALUE=URI:" + clean) }
        }
        lines.append("TRANSP:TRANSPARENT")
        lines.append("END:VEVENT")
        return lines
    }
}

public struct ICalendarDocument: Hashable, Sendable {
    public var name: String
    public var events: [ICalendarEvent]

    public init(name: String, events: [ICalendarEvent]) {
        self.name = name
        self.events = events
    }

    /// RFC 5545 text: CRLF line ends, lines folded at 75 octets.
    public func render() -> String { Self.render(name: name, eventTexts: events.map(\.text)) }

    /// The same text from events rendered once with `ICalendarEvent.text`: a site's
    /// calendar.ics repeats every listing's own events.
    public static func render(name: String, eventTexts: [String]) -> String {
        let head = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Sasaeai//Sasaeai//JA",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + ICalendarText.escape(name),
            "X-WR-TIMEZONE:Asia/Tokyo",
            // Japan has kept +09:00 without daylight saving since 1951.
            "BEGIN:VTIMEZONE",
            "TZID:Asia/Tokyo",
            "BEGIN:STANDARD",
            "DTSTART:19700101T000000",
            "TZOFFSETFROM:+0900",
            "TZOFFSETTO:+0900",
            "TZNAME:JST",
            "END:STANDARD",
            "END:VTIMEZONE",
        ]
        return ICalendarText.text(head) + eventTexts.joined() + ICalendarText.text(["END:VCALENDAR"])
    }
}

extension ICalendarEvent {
    /// The event's folded lines, each ending in CRLF, as `ICalendarDocument.render()` writes them.
    public var text: String { ICalendarText.text(lines) }
}

enum ICalendarText {
    /// Content lines folded, each ending in CRLF.
    static func text(_ lines: [String]) -> String { lines.map { fold($0) + "\r\n" }.joined() }

    /// TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11).
    static func escape(_ text: String) -> String {
        // Most values (names, addresses, URLs) have nothing to escape or drop.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: ",") || $0 == 0x09 }) {
            return text
        }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default:
                // Other control characters are not allowed in TEXT.
                if scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Splits a line into chunks of at most 75 octets, never inside a UTF-8 sequence and, where
    /// possible, not inside a character (an accent stays with its letter); continuation lines
    /// start with one space, which counts toward their 75.
    static func fold(_ line: String) -> String {
        // Most lines are short, and long ones (EXDATE lists) are mostly ASCII without CR, where
        // every character is one octet.
        let utf8 = line.utf8
        if utf8.count <= 75 { return line }
        if utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            var chunks: [Substring.UTF8View] = []
            var rest = Substring(line).utf8
            var limit = 75
            while rest.count > limit {
                chunks.append(rest.prefix(limit))
                rest = rest.dropFirst(limit)
                limit = 74
            }
            chunks.append(rest)
            return chunks.map { String(Substring($0)) }.joined(separator: "\r\n ")
        }
        var result: [String] = []
        var current = ""
        var octets = 0
        var limit = 75
        func append(_ piece: String, size: Int) {
            if octets + size > limit, octets > 0 {
                result.append(current)
                current = ""
                octets = 0
                limit = 74
            }
            current += piece
            octets += size
        }
        for character in line {
            let size = String(character).utf8.count
            if size <= 74 {
                append(String(character), size: size)
            } else {
                for scalar in character.unicodeScalars { append(String(scalar), size: String(scalar).utf8.count) }
            }
        }
        result.append(current)
        return result.joined(separator: "\r\n ")
    }

    static func basic(_ date: LocalDate) -> String { zeroPadded(date.year, width: 4) + zeroPadded(date.month, width: 2) + zeroPadded(date.day, width: 2) }

    static func dateTime(_ date: LocalDate, _ time: TimeOfDay) -> String {
        basic(date) + "T" + zeroPadded(time.hour, width: 2) + zeroPadded(time.minute, width: 2) + "00"
    }

    /// EXDATE and RDATE must have DTSTART's value type.
    static func dateList(_ name: String, _ dates: [LocalDate], _ time: TimeOfDay?) -> String {
        if let time {
            return name + ";TZID=Asia/Tokyo:" + dates.map { dateTime($0, time) }.joined(separator: ",")
        }
        return name + ";VALUE=DATE:" + dates.map(basic).joined(separator: ",")
    }
}

extension Schedule {
    /// One VEVENT per rule, starting at the rule's first date on or after `start`. Holidays and
    /// closures within `start`…`end` become EXDATE (and RDATE where a meeting moves); months
    /// the salon always closes are left out of the RRULE itself so they stay excluded after `end`.
    /// 開始 moves the first date (DTSTART) and 終了 ends the recurrence (UNTIL). An `expansion`
    /// of this schedule covering the days is read instead of expanding them again.
    public func calendarEvents(uid: String, summary: String, location: String?, url: String?,
                               from requestedStart: LocalDate, through requestedEnd: LocalDate,
                               expansion: ScheduleExpansion? = nil) -> [ICalendarEvent] {
        let start = max(requestedStart, since ?? requestedStart)
        let end = min(requestedEnd, until ?? requestedEnd)
        guard kind == .structured, start <= end else { return [] }
        let covering = expansion.flatMap { $0.schedule == self && $0.covers(from: start, through: end) ? $0 : nil }
            ?? ScheduleExpansion(self, from: start, through: end)
        let occurrences = covering.occurrences(from: start, through: end)
        let closed = closedMonths
        let description = TextTrimming.trimmed(text)
        var events: [ICalendarEvent] = []
        for (index, original) in rules.enumerated() where original.isComputable {
            var rule = original
            if !closed.isEmpty {
                let open = (rule.months ?? Array(1...12)).filter { !closed.contains($0) }
                guard !open.isEmpty else { continue }
                rule.months = open
            }
            let mine = occurrences.filter { $0.rule == index }
            let summaryText = summary + (rule.start == nil ? rule.part.map { "（\($0.rawValue)）" } ?? "" : "")
            guard var rrule = rule.rrule else {
                // Dated lists and その直後の木曜日 have no exact RRULE: each meeting is an RDATE.
                let dates = Set(mine.map(\.day)).sorted().map { LocalDate(dayNumber: Int($0)) }
                guard let first = dates.first else { continue }
                events.append(ICalendarEvent(
                    uid: "\(uid)-r\(index + 1)@sasaeai", summary: summaryText, description: description,
                    location: location, url: url, date: first, start: rule.start, end: rule.end, rrule: nil,
                    exdates: [], rdates: Array(dates.dropFirst()), stamp: requestedStart))
                continue
            }
            if let until {
                // With a TZID start, UNTIL is UTC: the end of 終了's day in Japan is 14:59:59Z.
                rrule += rule.start == nil ? ";UNTIL=" + ICalendarText.basic(until) : ";UNTIL=" + ICalendarText.basic(until) + "T145959Z"
            }
            // The first date the rule gives, searched up to two years ahead (奇数月の第5日曜 is
            // rare), then every date it gives through `end`.
            let matcher = RuleMatcher(rule)
            var cursor = DayCursor(start.adding(days: -rule.offset))
            var first: Int?
            var ruleDays: [Int32] = []
            for day in start.dayNumber...max(end.dayNumber, start.dayNumber + 800) {
                defer { cursor.advance() }
                if first == nil, day > start.dayNumber + 800 { break }
                if first != nil, day > end.dayNumber { break }
                guard matcher.baseFalls(cursor) == true else { continue }
                if first == nil { first = day }
                if day <= end.dayNumber { ruleDays.append(Int32(day)) }
            }
            guard let first else { continue }
            if let until, first > until.dayNumber { continue }
            // Every list here is in day order (occurrences are), so differences are one merge.
            let meetingDays = mine.filter { !$0.moved }.map(\.day)
            let exdates = Self.difference(ruleDays, meetingDays).map { LocalDate(dayNumber: Int($0)) }
            let movedDays = mine.filter { $0.moved && $0.day >= first }.map(\.day)
            let rdates = Self.difference(movedDays, ruleDays).map { LocalDate(dayNumber: Int($0)) }
            events.append(ICalendarEvent(
                uid: "\(uid)-r\(index + 1)@sasaeai", summary: summaryText, description: description,
                location: location, url: url, date: LocalDate(dayNumber: first), start: rule.start, end: rule.end, rrule: rrule,
                exdates: exdates, rdates: rdates, stamp: requestedStart))
        }
        return events
    }

    /// The days of `days` not in `removed`, each once; both in ascending order.
    static func difference(_ days: [Int32], _ removed: [Int32]) -> [Int32] {
        var result: [Int32] = []
        var k = removed.startIndex
        for day in days where result.last != day {
            while k < removed.endIndex && removed[k] < day { k += 1 }
            if k == removed.endIndex || removed[k] != day { result.append(day) }
        }
        return result
    }
}
