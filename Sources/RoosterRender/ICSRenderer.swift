import RoosterModel

/// A timetable as an iCalendar file (RFC 5545) with real dates.
///
/// Dates come from the school calendar's weeks: each entry happens on its weekday (`mon`, `ma`, …
/// in the day's ID or name, else the day's position from Monday) in every school week whose cycle
/// week (A/B/C) it runs in, never on a holiday, study day or exam-week day. Occurrences that lie on
/// a regular grid (every cycle of weeks) become one event with a weekly repeat rule and the
/// holidays as exceptions (`EXDATE`); the grid starts anew where holidays shift the A/B/C weeks.
/// A student's choice lessons and chosen block-hour lessons are dated to the enrolment's week only,
/// because choices are made anew every week. Times are local to `Europe/Amsterdam`, whose
/// time-zone definition is included. Output is deterministic: UIDs derive from the view, the entry
/// and its first date, and DTSTAMP is the calendar's first day.
public struct ICSRenderer: Sendable {
    public var locale: RenderLocale
    /// The term's weeks, dated, with their cycle weeks.
    public var weeks: [SchoolCalendar.Week]
    /// A day in the week whose enrolment the timetable holds; the first school week when nil.
    public var enrolmentWeek: CalendarDate?
    public static let timeZone = "Europe/Amsterdam"

    public init(locale: RenderLocale = .en, weeks: [SchoolCalendar.Week], enrolmentWeek: CalendarDate? = nil) {
        self.locale = locale
        self.weeks = weeks
        self.enrolmentWeek = enrolmentWeek
    }

    /// The Monday of the week whose enrolment students' calendars show.
    var enrolmentMonday: CalendarDate? {
        if let enrolmentWeek { return enrolmentWeek.adding(days: -enrolmentWeek.weekday) }
        return weeks.first { $0.cycleWeek != nil }?.monday
    }

    /// The dates an entry happens on, in order.
    func dates(of entry: ScheduleEntry) -> [CalendarDate] {
        let onlyMonday = entry.chosen ? enrolmentMonday : nil
        return weeks.compactMap { week in
            guard let cycleWeek = week.cycleWeek, entry.weeks.contains(cycleWeek) else { return nil }
            if entry.chosen, week.monday != onlyMonday { return nil }
            return week.days.first { $0.day == entry.day && $0.status.isSchool }?.date
        }
    }

    /// Dates as runs on grids of `step` days: a start, a count of grid points and the grid points
    /// left out (holidays). Expanding the runs gives exactly the dates.
    static func runs(of dates: [CalendarDate], step: Int) -> [(first: CalendarDate, count: Int, skipped: [CalendarDate])] {
        var runs: [(first: CalendarDate, count: Int, skipped: [CalendarDate])] = []
        for date in dates {
            // Weeks A, B and C of a lesson each have their own grid; extend the latest one the date lies on.
            if let open = runs.lastIndex(where: { (date.daysSinceEpoch - $0.first.daysSinceEpoch) % step == 0 }) {
                let run = runs[open]
                let index = (date.daysSinceEpoch - run.first.daysSinceEpoch) / step
                let skipped = (run.count..<index).map { run.first.adding(days: $0 * step) }
                runs[open] = (run.first, index + 1, run.skipped + skipped)
                continue
            }
            runs.append((date, 1, []))
        }
        return runs
    }

    public func render(_ schedule: Schedule, in school: School) -> String {
        let cycle = max(school.weeksInCycle, 1)
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Rooster//Rooster timetable//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape("\(locale.word(.timetable)) \(locale.noun(schedule.view.kind).lowercased()) \(schedule.name)"),
            "X-WR-TIMEZONE:\(Self.timeZone)",
        ]
        lines += Self.amsterdam
        let stamp = weeks.first?.monday.compact ?? "19700101"
        for entry in schedule.entries {
            // A lesson of every cycle week repeats weekly; one of some weeks every cycle.
            let step = entry.weeks.count >= cycle ? 7 : cycle * 7
            for run in Self.runs(of: dates(of: entry), step: step) {
                let uid =
                    "\(schedule.view.kind.rawValue)-\(schedule.view.id)-\(entry.lesson?.rawValue ?? "coach")-\(entry.day)-\(entry.firstPeriod)-\(run.first.compact)"
                lines += [
                    "BEGIN:VEVENT",
                    "UID:" + escape(uid.filter { !$0.isWhitespace }) + "@rooster",
                    "DTSTAMP:\(stamp)T000000Z",
                    "DTSTART;TZID=\(Self.timeZone):\(run.first.compact)T\(clock(entry.start))",
                    "DTEND;TZID=\(Self.timeZone):\(run.first.compact)T\(clock(entry.end))",
                ]
                if run.count > 1 { lines.append("RRULE:FREQ=WEEKLY;INTERVAL=\(step / 7);COUNT=\(run.count)") }
                if !run.skipped.isEmpty {
                    lines.append(
                        "EXDATE;TZID=\(Self.timeZone):" + run.skipped.map { "\($0.compact)T\(clock(entry.start))" }.joined(separator: ","))
                }
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
        locale.title(of: entry)
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

    /// `HHMMSS`, as iCalendar writes local times.
    private func clock(_ time: TimeOfDay) -> String { time.description.replacingOccurrences(of: ":", with: "") + "00" }

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
