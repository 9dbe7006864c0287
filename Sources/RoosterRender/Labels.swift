import RoosterModel

/// The language of rendered timetables: English, or Dutch for the people who read them in school.
public enum RenderLocale: String, CaseIterable, Sendable {
    case en, nl

    private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let dutchWeekdays = ["ma", "di", "wo", "do", "vr", "za", "zo"]
    private static let englishWeekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// The weekday (0 = Monday) of a school day, read from its ID or name (`mon`, `ma`, `Monday`,
    /// `maandag`…); nil for days that name no weekday.
    public static func weekday(of day: Day) -> Int? {
        for text in [day.id.rawValue, day.name].map({ $0.lowercased() }) {
            if let index = weekdays.firstIndex(where: { text.hasPrefix($0) }) { return index }
            if let index = dutchWeekdays.firstIndex(where: { text.hasPrefix($0) }) { return index }
        }
        return nil
    }

    /// Short day label: `ma di wo do vr` in Dutch, `Mon Tue …` in English, else the day's own name.
    public func dayLabel(_ day: Int, in school: School) -> String {
        guard school.days.indices.contains(day) else { return "\(day)" }
        guard let weekday = Self.weekday(of: school.days[day]) else { return school.days[day].name }
        return self == .nl ? Self.dutchWeekdays[weekday] : Self.englishWeekdays[weekday]
    }

    /// The name of a week of the cycle: A, B, C, …
    public func weekName(_ week: Int) -> String {
        week >= 0 && week < 26 ? String(UnicodeScalar(UInt8(65 + week))) : "\(week + 1)"
    }

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
        }
    }
}

/// Words of the rendered pages, in both languages.
public enum Word: Sendable {
    case group, groups, teacher, teachers, room, rooms, student, students, week, weeks, timetable, timetables, period
    case coachConversation, choiceLesson, blockHour, enrolled, free, score, hard, soft, violations, noViolations
    case gaps, days, periods, use, instructionMinutes, scheduledMinutes, quality, rule, cost, weekPrefix

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
        }
    }
}

/// A calendar date, with the day arithmetic iCalendar needs (proleptic Gregorian, no time zone).
public struct CalendarDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`; nil when malformed or not a real date.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-").map { Int($0) }
        guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2], (1...12).contains(m), (1...31).contains(d) else {
            return nil
        }
        self.init(year: y, month: m, day: d)
        guard CalendarDate(daysSinceEpoch: daysSinceEpoch) == self else { return nil }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// 0 = Monday … 6 = Sunday.
    public var weekday: Int { ((daysSinceEpoch % 7) + 7 + 3) % 7 }

    public var description: String { String(format4(year)) + "-" + two(month) + "-" + two(day) }

    /// `YYYYMMDD`, as iCalendar writes dates.
    public var compact: String { format4(year) + two(month) + two(day) }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }
}

func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
func format4(_ value: Int) -> String { String(repeating: "0", count: max(0, 4 - String(value).count)) + String(value) }
