import RoosterModel

/// A timetable as an iCalendar file (RFC 5545) with real dates.
///
/// Week A of the cycle starts on `termStart` (a Monday); a school day is placed on its weekday
/// (`mon`, `ma`, … in its ID or name) or else on the day's index from Monday. Each entry is one
/// event per cycle week it happens in, repeating every `weeksInCycle` weeks until the term's last
/// week, so A/B/C weeks land on the right dates. Times are local to `Europe/Amsterdam`, whose
/// time-zone definition is included. Output is deterministic: UIDs derive from the view and the
/// entry, and DTSTAMP is the term start.
public struct ICSRenderer: Sendable {
    public var locale: RenderLocale
    public var termStart: CalendarDate
    /// Weeks in the term: events repeat until then.
    public var termWeeks: Int
    public static let timeZone = "Europe/Amsterdam"

    public init(locale: RenderLocale = .en, termStart: CalendarDate, termWeeks: Int = 20) {
        self.locale = locale
        self.termStart = termStart
        self.termWeeks = max(termWeeks, 1)
    }

    public func render(_ schedule: Schedule, in school: School) -> String {
        let cycle = max(school.weeksInCycle, 1)
        let monday = termStart.adding(days: -termStart.weekday)
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Rooster//Rooster timetable//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape("\(locale.word(.timetable)) \(locale.noun(schedule.view.kind).lowercased()) \(schedule.name)"),
            "X-WR-TIMEZONE:\(Self.timeZone)",
        ]
        lines += Self.amsterdam
        for entry in schedule.entries {
            let weekday =
                school.days.indices.contains(entry.day) ? RenderLocale.weekday(of: school.days[entry.day]) ?? entry.day : entry.day
            for week in entry.weeks where week < termWeeks {
                let date = monday.adding(days: week * 7 + weekday)
                guard date >= termStart else { continue }
                let count = (termWeeks - week + cycle - 1) / cycle
                let uid =
                    "\(schedule.view.kind.rawValue)-\(schedule.view.id)-\(entry.lesson?.rawValue ?? "coach")-\(entry.day)-\(entry.firstPeriod)-\(week)"
                lines += [
                    "BEGIN:VEVENT",
                    "UID:" + escape(uid.filter { !$0.isWhitespace }) + "@rooster",
                    "DTSTAMP:\(termStart.compact)T000000Z",
                    "DTSTART;TZID=\(Self.timeZone):\(date.compact)T\(clock(entry.start))",
                    "DTEND;TZID=\(Self.timeZone):\(date.compact)T\(clock(entry.end))",
                ]
                if count > 1 { lines.append("RRULE:FREQ=WEEKLY;INTERVAL=\(cycle);COUNT=\(count)") }
                lines.append("SUMMARY:" + escape(summary(entry)))
                if !entry.rooms.isEmpty { lines.append("LOCATION:" + escape(entry.rooms.map(\.rawValue).joined(separator: ", "))) }
                let description = description(entry, school)
                if !description.isEmpty { lines.append("DESCRIPTION:" + escape(description)) }
                lines.append("CATEGORIES:" + escape(entry.kind.rawValue))
                lines.append("END:VEVENT")
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    private func summary(_ entry: ScheduleEntry) -> String {
        entry.kind == .coach ? "\(locale.word(.coachConversation)): \(entry.title)" : entry.title
    }

    private func description(_ entry: ScheduleEntry, _ school: School) -> String {
        var lines: [String] = []
        if !entry.teachers.isEmpty { lines.append("\(locale.word(.teachers)): " + entry.teachers.map(\.rawValue).joined(separator: ", ")) }
        if !entry.groups.isEmpty { lines.append("\(locale.word(.groups)): " + entry.groups.map(\.rawValue).joined(separator: ", ")) }
        if entry.weeks.count < max(school.weeksInCycle, 1) {
            lines.append("\(locale.word(.weeks)): " + entry.weeks.map(locale.weekName).joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    private func clock(_ time: TimeOfDay) -> String { two(time.hour) + two(time.minute) + "00" }

    /// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks.
    private func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n": result += "\\n"
            case "\r": continue
            default: result.append(character)
            }
        }
        return result
    }

    /// Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1).
    private func fold(_ line: String) -> String {
        var pieces: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = pieces.isEmpty ? 75 : 74  // continuation lines start with a space
            if octets + size > limit {
                pieces.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }

    /// The Europe/Amsterdam time zone: CET, and CEST from the last Sunday of March to the last Sunday of October.
    static let amsterdam = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Amsterdam", "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST",
        "DTSTART:19810329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT", "BEGIN:STANDARD", "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19961027T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]
}
