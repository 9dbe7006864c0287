import RoosterModel
import RoosterRules

/// How good a timetable is for the people in it: the checker's score with every violation in
/// words, and per teacher, group, student and room the numbers a roostermaker is asked about —
/// idle periods (tussenuren), days at school, room use (per room and per period of the week), and
/// each student's scheduled and instruction minutes a week and, with a school calendar, hours a
/// year (onderwijstijd, which schools must account for).
///
/// Minutes and gaps are averages per week of the cycle; instruction minutes are those in segments
/// of kind `instruction`, scheduled minutes all lessons, choice sessions and block hours
/// (conversations excluded). ``ReportSummary`` adds them up.
public struct QualityReport: Sendable {
    public struct TeacherLine: Hashable, Sendable {
        public var id: String, name: String, days: Int, periods: Int, gaps: Int
    }

    public struct StudentLine: Hashable, Sendable {
        public var id: String, name: String, gaps: Int, scheduledMinutes: Int, instructionMinutes: Int
        /// Onderwijstijd over the school year of the calendar: scheduled minutes (lessons, mentor
        /// lessons, choice lessons, block hours; not coach conversations) on its school days, with
        /// this week's choices standing for every week, plus the periods of supervised independent
        /// work (segment kind `independentWork`) on the days the student attends; nil without a calendar.
        public var scheduledMinutesPerYear: Int?
    }

    public struct GroupLine: Hashable, Sendable {
        public var id: String, name: String, days: Int, periods: Int, gaps: Int
    }

    /// How many rooms are in use in one period of the week (averaged over the cycle), of those open then.
    public struct SlotUse: Hashable, Sendable {
        public var day: Int, period: Int, start: TimeOfDay, used: Double, available: Int
        public var share: Double { available == 0 ? 0 : min(used / Double(available), 1) }
    }

    public struct RoomLine: Hashable, Sendable {
        public var id: String, usedPeriods: Int, availablePeriods: Int
        public var share: Double { availablePeriods == 0 ? 0 : Double(usedPeriods) / Double(availablePeriods) }
    }

    public var schoolName: String
    public var check: CheckReport
    public var teachers: [TeacherLine]
    public var students: [StudentLine]
    public var groups: [GroupLine]
    public var rooms: [RoomLine]
    /// Rooms in use per period of the week (averaged over the cycle), for the heat map.
    public var slotUse: [SlotUse]
    /// The calendar's instruction hours a student should get in a year, when the school sets it.
    public var instructionHoursNorm: Int?
    /// School days in the calendar's year; nil without a calendar.
    public var schoolDaysPerYear: Int?

    public init(school: School, timetable: Timetable, checker: Checker = Checker()) {
        schoolName = school.name
        check = checker.check(timetable, against: school)
        let builder = ScheduleBuilder(school: school, timetable: timetable)
        let weeks = max(school.weeksInCycle, 1)
        let instructionSegments = Set(school.segments.filter { $0.kind == .instruction }.map(\.id))
        teachers = school.teachers.compactMap { teacher in
            guard let schedule = builder.schedule(for: View(.teacher, teacher.id.rawValue)) else { return nil }
            let (gaps, days, periods) = Self.occupancy(schedule.entries, weeks: weeks)
            return TeacherLine(id: teacher.id.rawValue, name: teacher.name, days: days, periods: periods, gaps: gaps)
        }
        // How often each (day, cycle week) is a school day in the calendar's year.
        let calendarWeeks = school.calendarWeeks()
        var schoolDays: [Int: Int] = [:]
        for week in calendarWeeks {
            guard let cycleWeek = week.cycleWeek else { continue }
            for day in week.days where day.status.isSchool { schoolDays[day.day * weeks + cycleWeek, default: 0] += 1 }
        }
        schoolDaysPerYear = school.calendar == nil ? nil : schoolDays.values.reduce(0, +)
        let independentSegments = Set(school.segments.filter { $0.kind == .independentWork }.map(\.id))
        let independentMinutes = Dictionary(
            uniqueKeysWithValues: school.days.indices.map { day in
                (
                    day,
                    school.periods(ofDay: day).filter { $0.segment.map(independentSegments.contains) ?? false }.reduce(0) {
                        $0 + $1.lengthInMinutes
                    }
                )
            })
        instructionHoursNorm = school.calendar?.instructionHoursPerYear
        students = school.students.compactMap { student in
            guard let schedule = builder.schedule(for: View(.student, student.id.rawValue)) else { return nil }
            let taught = schedule.entries.filter { !$0.isConversation }
            let (gaps, _, _) = Self.occupancy(schedule.entries, weeks: weeks)
            let scheduled = taught.reduce(0) { $0 + $1.minutes * $1.weeks.count } / weeks
            let instructionEntries = taught.filter { $0.segment.map(instructionSegments.contains) ?? false }
            let instruction = instructionEntries.reduce(0) { $0 + $1.minutes * $1.weeks.count } / weeks
            var perYear = taught.reduce(0) { total, entry in
                total + entry.minutes * entry.weeks.reduce(0) { $0 + (schoolDays[entry.day * weeks + $1] ?? 0) }
            }
            // Supervised independent work (zelfstandig werken) in the day's template counts on the days the student attends.
            for week in 0..<weeks {
                for day in Set(taught.filter { $0.weeks.contains(week) }.map(\.day)) {
                    perYear += (independentMinutes[day] ?? 0) * (schoolDays[day * weeks + week] ?? 0)
                }
            }
            return StudentLine(
                id: student.id.rawValue, name: student.name, gaps: gaps, scheduledMinutes: scheduled, instructionMinutes: instruction,
                scheduledMinutesPerYear: school.calendar == nil ? nil : perYear)
        }
        groups = school.groups.compactMap { group in
            guard let schedule = builder.schedule(for: View(.group, group.id.rawValue)) else { return nil }
            let (gaps, days, periods) = Self.occupancy(schedule.entries, weeks: weeks)
            return GroupLine(id: group.id.rawValue, name: group.name, days: days, periods: periods, gaps: gaps)
        }
        let slots = school.allSlots
        var usedAt: [TimeSlot: Int] = [:]
        rooms = school.rooms.compactMap { room in
            guard let schedule = builder.schedule(for: View(.room, room.id.rawValue)) else { return nil }
            let available = slots.filter { !room.unavailable.contains($0) }.count
            let used = schedule.entries.reduce(0) { $0 + $1.periodCount * $1.weeks.count } / weeks
            for entry in schedule.entries {
                for offset in 0..<entry.periodCount {
                    usedAt[TimeSlot(day: entry.day, period: entry.firstPeriod + offset), default: 0] += entry.weeks.count
                }
            }
            return RoomLine(id: room.id.rawValue, usedPeriods: used, availablePeriods: available)
        }
        slotUse = slots.compactMap { slot in
            guard let period = school.period(at: slot) else { return nil }
            let open = school.rooms.filter { !$0.unavailable.contains(slot) }.count
            let used = Double(usedAt[slot] ?? 0) / Double(weeks)
            return SlotUse(day: slot.day, period: slot.period, start: period.start, used: used, available: open)
        }
    }

    /// Idle periods between the first and last busy period of each day, days with anything, and
    /// busy periods; averaged over the weeks of the cycle.
    static func occupancy(_ entries: [ScheduleEntry], weeks: Int) -> (gaps: Int, days: Int, periods: Int) {
        var gaps = 0, days = 0, periods = 0
        for week in 0..<weeks {
            var busy: [Int: Set<Int>] = [:]
            for entry in entries where entry.weeks.contains(week) {
                for offset in 0..<entry.periodCount { busy[entry.day, default: []].insert(entry.firstPeriod + offset) }
            }
            for (_, set) in busy {
                guard let low = set.min(), let high = set.max() else { continue }
                gaps += (high - low + 1) - set.count
                periods += set.count
                days += 1
            }
        }
        return (gaps / weeks, days / weeks, periods / weeks)
    }
}

/// The quality report as text (for the terminal and the HTML report page).
public struct QualityReportRenderer: Sendable {
    public var locale: RenderLocale

    public init(locale: RenderLocale = .en) { self.locale = locale }

    public func text(_ report: QualityReport) -> String {
        var lines = ["\(locale.word(.quality)) — \(report.schoolName)", ""]
        let score = report.check.score
        lines.append("\(locale.word(.score)): \(score.hard) \(locale.word(.hard)), \(score.soft) \(locale.word(.soft))")
        let penalties = report.check.penaltyByRule.filter { $0.value > 0 }.sorted { $0.key.rawValue < $1.key.rawValue }
        for (rule, penalty) in penalties { lines.append("  \(rule): \(penalty)") }
        lines.append("")
        lines.append("\(locale.word(.violations)):")
        if report.check.violations.isEmpty { lines.append("  " + locale.word(.noViolations)) }
        for violation in report.check.violations.prefix(200) {
            lines.append(
                "  [\(locale.word(violation.level == .hard ? .hard : .soft)) \(violation.rule)] \(violation.message(in: locale.messageLanguage))"
            )
        }
        if report.check.violations.count > 200 { lines.append("  … \(report.check.violations.count - 200) more") }
        lines.append("")
        lines.append(
            table(
                title: locale.word(.teachers),
                header: [locale.word(.teacher), locale.word(.days), locale.word(.periods), locale.word(.gaps)],
                rows: report.teachers.map { [$0.id, "\($0.days)", "\($0.periods)", "\($0.gaps)"] }))
        lines.append(
            table(
                title: locale.word(.students),
                header: [locale.word(.student), locale.word(.gaps), locale.word(.scheduledMinutes), locale.word(.instructionMinutes)],
                rows: report.students.map { [$0.id, "\($0.gaps)", "\($0.scheduledMinutes)", "\($0.instructionMinutes)"] }))
        lines.append(
            table(
                title: locale.word(.rooms), header: [locale.word(.room), locale.word(.periods), locale.word(.use)],
                rows: report.rooms.map { [$0.id, "\($0.usedPeriods)/\($0.availablePeriods)", "\(Int(($0.share * 100).rounded())) %"] }))
        return lines.joined(separator: "\n")
    }

    private func table(title: String, header: [String], rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "" }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == 0
                    ? cell + String(repeating: " ", count: widths[index] - cell.count)
                    : String(repeating: " ", count: widths[index] - cell.count) + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return ([title + ":", line(header)] + rows.map(line)).map { "  " + $0 }.joined(separator: "\n").dropFirst(2) + "\n"
    }
}
