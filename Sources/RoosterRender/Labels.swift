import RoosterModel
import RoosterRules

/// The language of rendered timetables: English, or Dutch for the people who read them in school.
public enum RenderLocale: String, CaseIterable, Sendable {
    case en, nl

    private static let dutchWeekdays = ["ma", "di", "wo", "do", "vr", "za", "zo"]
    private static let englishWeekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// Short day label: `ma di wo do vr` in Dutch, `Mon Tue …` in English, else the day's own name.
    public func dayLabel(_ day: Int, in school: School) -> String {
        guard school.days.indices.contains(day) else { return "\(day)" }
        guard let weekday = school.days[day].weekday else { return school.days[day].name }
        return self == .nl ? Self.dutchWeekdays[weekday] : Self.englishWeekdays[weekday]
    }

    /// The name of a week of the cycle: A, B, C, …
    public func weekName(_ week: Int) -> String {
        week >= 0 && week < 26 ? String(UnicodeScalar(UInt8(65 + week))) : "\(week + 1)"
    }

    /// The language of the checker's violation texts.
    public var messageLanguage: MessageLanguage { self == .nl ? .dutch : .english }

    public func word(_ word: Word) -> String {
        switch self {
        case .en: word.english
        case .nl: word.dutch
        }
    }

    /// The view's kind as a noun.
    public func noun(_ kind: ViewKind) -> String {
        switch kind {
        case .group: word(.group)
        case .teacher: word(.teacher)
        case .room: word(.room)
        case .student: word(.student)
        case .parent: word(.parent)
        }
    }

    /// The view's kind in the plural, for headings.
    public func plural(_ kind: ViewKind) -> String {
        switch kind {
        case .group: word(.groups)
        case .teacher: word(.teachers)
        case .room: word(.rooms)
        case .student: word(.students)
        case .parent: word(.parents)
        }
    }

    /// An entry's title, with "Coach conversation" or "Triad meeting" before a conversation's.
    public func title(of entry: ScheduleEntry, separator: String = ": ") -> String {
        switch entry.kind {
        case .coach: word(.coachConversation) + separator + entry.title
        case .triad: word(.triadMeeting) + separator + entry.title
        default: entry.title
        }
    }
}

/// Words of the rendered pages, in both languages.
public enum Word: Sendable {
    case group, groups, teacher, teachers, room, rooms, student, students, week, weeks, timetable, timetables, period
    case coachConversation, choiceLesson, blockHour, enrolled, free, score, hard, soft, violations, noViolations
    case gaps, days, periods, use, instructionMinutes, scheduledMinutes, quality, rule, cost, weekPrefix
    case parent, parents, triadMeeting, dayOverview
    case changes, changesIn, moved, inOtherRooms, removed, added, before, after, lessons, lesson, change, affected, more
    case calendar, weekNumber, monday, cycleWeek, studyDay, examWeek, schoolDays, closedDays, examDays, schoolWeeks
    case scoreByRule, noHardViolations, hardViolationsLeft, hoursTaught, median, maximum, perWeek, teacherGaps, groupGaps, roomUse,
        busiestPeriod, roomUseByPeriod, teacherGapDistribution, groupGapDistribution, gapsPerWeek, hoursPerYear, hoursPerYearAxis, norm,
        belowNorm, details

    var english: String {
        switch self {
        case .group: "Group"
        case .groups: "Groups"
        case .teacher: "Teacher"
        case .teachers: "Teachers"
        case .room: "Room"
        case .rooms: "Rooms"
        case .student: "Student"
        case .students: "Students"
        case .week: "week"
        case .weeks: "weeks"
        case .timetable: "Timetable"
        case .timetables: "Timetables"
        case .period: "Period"
        case .coachConversation: "Coach conversation"
        case .choiceLesson: "choice"
        case .blockHour: "block"
        case .enrolled: "enrolled"
        case .free: "free"
        case .score: "Score"
        case .hard: "hard"
        case .soft: "soft"
        case .violations: "Violations"
        case .noViolations: "No rule is broken."
        case .gaps: "Gaps"
        case .days: "Days"
        case .periods: "Periods"
        case .use: "Use"
        case .instructionMinutes: "Instruction minutes a week"
        case .scheduledMinutes: "Scheduled minutes a week"
        case .quality: "Quality report"
        case .rule: "Rule"
        case .cost: "Cost"
        case .weekPrefix: "wk"
        case .calendar: "School calendar"
        case .weekNumber: "Week"
        case .monday: "Monday"
        case .cycleWeek: "Cycle week"
        case .studyDay: "Study day"
        case .examWeek: "Exam week"
        case .schoolDays: "School days"
        case .closedDays: "Days closed (holidays, study days)"
        case .examDays: "Exam days"
        case .schoolWeeks: "School weeks"
        case .parent: "Parent"
        case .parents: "Parents"
        case .triadMeeting: "Triad meeting"
        case .dayOverview: "Day overview"
        case .changes: "Changes"
        case .changesIn: "Changes in the timetable of"
        case .moved: "moved"
        case .inOtherRooms: "in other rooms"
        case .removed: "removed"
        case .added: "added"
        case .before: "Before"
        case .after: "After"
        case .lessons: "Lessons"
        case .lesson: "Lesson"
        case .change: "Change"
        case .affected: "affected"
        case .more: "more"
        case .scoreByRule: "Score by rule"
        case .noHardViolations: "no hard rule broken"
        case .hardViolationsLeft: "hard rules broken: not usable yet"
        case .hoursTaught: "Hours taught"
        case .median: "median"
        case .maximum: "max"
        case .perWeek: "a week"
        case .teacherGaps: "Teachers' idle periods"
        case .groupGaps: "Groups' idle periods"
        case .roomUse: "Room use"
        case .busiestPeriod: "busiest period"
        case .roomUseByPeriod: "Room use per period"
        case .teacherGapDistribution: "Teachers by idle periods a week"
        case .groupGapDistribution: "Groups by idle periods a week"
        case .gapsPerWeek: "idle periods a week"
        case .hoursPerYear: "Onderwijstijd: hours a year"
        case .hoursPerYearAxis: "scheduled hours a year (students per bar)"
        case .norm: "norm"
        case .belowNorm: "below the norm"
        case .details: "Details"
        }
    }

    var dutch: String {
        switch self {
        case .group: "Klas"
        case .groups: "Klassen"
        case .teacher: "Docent"
        case .teachers: "Docenten"
        case .room: "Lokaal"
        case .rooms: "Lokalen"
        case .student: "Leerling"
        case .students: "Leerlingen"
        case .week: "week"
        case .weeks: "weken"
        case .timetable: "Rooster"
        case .timetables: "Roosters"
        case .period: "Uur"
        case .coachConversation: "Coachgesprek"
        case .choiceLesson: "keuze"
        case .blockHour: "blok"
        case .enrolled: "ingeschreven"
        case .free: "vrij"
        case .score: "Score"
        case .hard: "hard"
        case .soft: "zacht"
        case .violations: "Overtredingen"
        case .noViolations: "Geen regel wordt overtreden."
        case .gaps: "Tussenuren"
        case .days: "Dagen"
        case .periods: "Uren"
        case .use: "Bezetting"
        case .instructionMinutes: "Onderwijstijd in minuten per week"
        case .scheduledMinutes: "Geroosterde minuten per week"
        case .quality: "Kwaliteitsrapport"
        case .rule: "Regel"
        case .cost: "Kosten"
        case .weekPrefix: "wk"
        case .calendar: "Jaarkalender"
        case .weekNumber: "Week"
        case .monday: "Maandag"
        case .cycleWeek: "Cyclusweek"
        case .studyDay: "Studiedag"
        case .examWeek: "Toetsweek"
        case .schoolDays: "Schooldagen"
        case .closedDays: "Dagen dicht (vakanties, studiedagen)"
        case .examDays: "Toetsdagen"
        case .schoolWeeks: "Schoolweken"
        case .parent: "Ouder"
        case .parents: "Ouders"
        case .triadMeeting: "Driegesprek"
        case .dayOverview: "Dagoverzicht"
        case .changes: "Wijzigingen"
        case .changesIn: "Wijzigingen in het rooster van"
        case .moved: "verplaatst"
        case .inOtherRooms: "in een ander lokaal"
        case .removed: "vervallen"
        case .added: "toegevoegd"
        case .before: "Voor"
        case .after: "Na"
        case .lessons: "Lessen"
        case .lesson: "Les"
        case .change: "Wijziging"
        case .affected: "getroffen"
        case .more: "meer"
        case .scoreByRule: "Score per regel"
        case .noHardViolations: "geen harde regel overtreden"
        case .hardViolationsLeft: "harde regels overtreden: nog niet bruikbaar"
        case .hoursTaught: "Lesuren gegeven"
        case .median: "mediaan"
        case .maximum: "max"
        case .perWeek: "per week"
        case .teacherGaps: "Tussenuren docenten"
        case .groupGaps: "Tussenuren klassen"
        case .roomUse: "Lokaalbezetting"
        case .busiestPeriod: "drukste uur"
        case .roomUseByPeriod: "Lokaalbezetting per uur"
        case .teacherGapDistribution: "Docenten naar tussenuren per week"
        case .groupGapDistribution: "Klassen naar tussenuren per week"
        case .gapsPerWeek: "tussenuren per week"
        case .hoursPerYear: "Onderwijstijd in uren per jaar"
        case .hoursPerYearAxis: "uren onderwijstijd per jaar (leerlingen per staaf)"
        case .norm: "norm"
        case .belowNorm: "onder de norm"
        case .details: "Details"
        }
    }
}
