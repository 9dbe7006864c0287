/// The versioned file form of a school, the same in YAML and JSON (schema `rooster-school/1`).
///
/// Documents mirror the model closely, with the differences that make files pleasant to write:
/// days are referred to by ID (`mon`), times are `"08:15"`, durations are `duration` (periods) and
/// `length` (minutes), and absent fields take the model's defaults. See `docs/school-format.md`.
struct SchoolDocument: Codable, Equatable {
    static let currentSchema = "rooster-school/1"

    var schema: String?
    var name: String
    var weeksInCycle: Int?
    var segments: [SegmentDocument]?
    var dayTemplates: [DayTemplateDocument]
    var days: [DayDocument]
    var subjects: [SubjectDocument]?
    var teachers: [TeacherDocument]?
    var rooms: [RoomDocument]?
    var groups: [GroupDocument]?
    var students: [StudentDocument]?
    var parents: [ParentDocument]?
    var lessons: [LessonDocument]?
    var clusters: [ClusterDocument]?
    var choiceRequests: [ChoiceRequestDocument]?
    var choiceLessonsPerWeek: Int?
    var coaching: CoachingDocument?
    var teamTimes: [TeamTimeDocument]?
    var exemptions: [ExemptionDocument]?
    var ruleWeights: [String: Int]?
    var lessonsPerDay: LessonsPerDayDocument?
    var calendar: CalendarDocument?
    var daySpreads: [DaySpreadDocument]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schema, name, weeksInCycle, segments, dayTemplates, days, subjects, teachers, rooms, groups, students, parents
        case lessons, clusters, choiceRequests, choiceLessonsPerWeek, coaching, teamTimes, exemptions, ruleWeights, lessonsPerDay
        case calendar, daySpreads
    }
}

/// `{lessons: [ma-2, ma-1], minDays: 1, hard: true}`: occurrences of these lessons on days at least minDays apart.
struct DaySpreadDocument: Codable, Equatable {
    var lessons: [String]
    var minDays: Int?
    var hard: Bool?
    enum CodingKeys: String, CodingKey, CaseIterable { case lessons, minDays, hard }
}

/// `calendar:` — the dated school year. Dates are `YYYY-MM-DD`; cycle weeks are letters (`A`).
struct CalendarDocument: Codable, Equatable {
    var start: String
    var end: String
    var region: String?
    var cycle: String?
    var instructionHoursPerYear: Int?
    var holidays: [DatedPeriodDocument]?
    var studyDays: [DatedPeriodDocument]?
    var examWeeks: [DatedPeriodDocument]?
    var cycleRestarts: [CycleRestartDocument]?
    enum CodingKeys: String, CodingKey, CaseIterable {
        case start, end, region, cycle, instructionHoursPerYear, holidays, studyDays, examWeeks, cycleRestarts
    }
}

/// A holiday, study day or exam week: `{name, from, to}`, or `{name, date}` for one day.
struct DatedPeriodDocument: Codable, Equatable {
    var name: String
    var date: String?
    var from: String?
    var to: String?
    var regions: [String]?
    enum CodingKeys: String, CodingKey, CaseIterable { case name, date, from, to, regions }
}

/// `{date: 2027-01-04, week: A}`: the cycle counts again from week A in that date's week.
struct CycleRestartDocument: Codable, Equatable {
    var date: String
    var week: String
    enum CodingKeys: String, CodingKey, CaseIterable { case date, week }
}

/// `lessonsPerDay: {min: 1, max: 7}`, for the school or one group.
struct LessonsPerDayDocument: Codable, Equatable {
    var min: Int?
    var max: Int?
    enum CodingKeys: String, CodingKey, CaseIterable { case min, max }
}

struct SegmentDocument: Codable, Equatable {
    var id: String
    var name: String?
    var kind: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case id, name, kind }
}

struct PeriodDocument: Codable, Equatable {
    var name: String?
    var start: String
    var length: Int
    var segment: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case name, start, length, segment }
}

struct DayTemplateDocument: Codable, Equatable {
    var id: String
    var name: String?
    var periods: [PeriodDocument]
    enum CodingKeys: String, CodingKey, CaseIterable { case id, name, periods }
}

struct DayDocument: Codable, Equatable {
    var id: String
    var name: String?
    var template: String
    enum CodingKeys: String, CodingKey, CaseIterable { case id, name, template }
}

/// A set of periods: `{day: mon, periods: [0, 1]}`, or `{day: fri}` for the whole day.
struct SlotsDocument: Codable, Equatable {
    var day: String
    var periods: [Int]?
    enum CodingKeys: String, CodingKey, CaseIterable { case day, periods }
}

/// One slot: `{day: mon, period: 2}`.
struct SlotDocument: Codable, Equatable {
    var day: String
    var period: Int
    enum CodingKeys: String, CodingKey, CaseIterable { case day, period }
}

struct SubjectDocument: Codable, Equatable {
    var id: String
    var name: String?
    var color: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case id, name, color }
}

struct CoachRoleDocument: Codable, Equatable {
    var caseload: Int?
    enum CodingKeys: String, CodingKey, CaseIterable { case caseload }
}

struct TeacherDocument: Codable, Equatable {
    var id: String
    var name: String?
    var unavailable: [SlotsDocument]?
    var unwanted: [SlotsDocument]?
    var daysOff: [String]?
    var maxPeriodsPerDay: Int?
    var maxDays: Int?
    var preferredMaxDays: Int?
    var minPeriodsPerDay: Int?
    var coach: CoachRoleDocument?
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, unavailable, unwanted, daysOff, maxPeriodsPerDay, maxDays, preferredMaxDays, minPeriodsPerDay, coach
    }
}

struct RoomDocument: Codable, Equatable {
    var id: String
    var name: String?
    var capacity: Int
    var kind: String?
    var site: String?
    var unavailable: [SlotsDocument]?
    enum CodingKeys: String, CodingKey, CaseIterable { case id, name, capacity, kind, site, unavailable }
}

struct GroupDocument: Codable, Equatable {
    var id: String
    var name: String?
    var year: Int?
    var level: String?
    var size: Int?
    var unavailable: [SlotsDocument]?
    var lessonsPerDay: LessonsPerDayDocument?
    enum CodingKeys: String, CodingKey, CaseIterable { case id, name, year, level, size, unavailable, lessonsPerDay }
}

struct StudentDocument: Codable, Equatable {
    var id: String
    var name: String?
    var groups: [String]?
    var coaches: [String]?
    var onTrack: Bool?
    var coachingIntervalInWeeks: Int?
    var parent: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case id, name, groups, coaches, onTrack, coachingIntervalInWeeks, parent }
}

struct ParentDocument: Codable, Equatable {
    var id: String
    var name: String?
    var available: [SlotsDocument]?
    enum CodingKeys: String, CodingKey, CaseIterable { case id, name, available }
}

struct ChoiceSettingsDocument: Codable, Equatable {
    var kind: String?
    var capacity: Int?
    var minimumSize: Int?
    var openTo: [String]?
    enum CodingKeys: String, CodingKey, CaseIterable { case kind, capacity, minimumSize, openTo }
}

struct LessonDocument: Codable, Equatable {
    var id: String
    var subject: String?
    var teachers: [String]?
    var groups: [String]?
    var countPerWeek: Int?
    var duration: Int?
    var roomKind: String?
    var roomCount: Int?
    var allowedRooms: [String]?
    var studentCount: Int?
    var allowedSegments: [String]?
    var maxPerDay: Int?
    var minDays: Int?
    var pinned: [SlotDocument]?
    var unavailable: [SlotsDocument]?
    var weeks: [Int]?
    var choice: ChoiceSettingsDocument?
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, subject, teachers, groups, countPerWeek, duration, roomKind, roomCount, allowedRooms, studentCount
        case allowedSegments, maxPerDay, minDays, pinned, unavailable, weeks, choice
    }
}

struct ClusterDocument: Codable, Equatable {
    var id: String
    var name: String?
    var kind: String?
    var lessons: [String]
    enum CodingKeys: String, CodingKey, CaseIterable { case id, name, kind, lessons }
}

struct ChoiceRequestDocument: Codable, Equatable {
    var student: String
    var lesson: String
    var rank: Int?
    var required: Bool?
    enum CodingKeys: String, CodingKey, CaseIterable { case student, lesson, rank, required }
}

struct CoachingDocument: Codable, Equatable {
    var length: Int?
    var intervalInWeeks: Int?
    var segment: String
    var triadsPerCycle: Int?
    var triadSegments: [String]?
    enum CodingKeys: String, CodingKey, CaseIterable { case length, intervalInWeeks, segment, triadsPerCycle, triadSegments }
}

struct TeamTimeDocument: Codable, Equatable {
    var id: String
    var name: String?
    var teachers: [String]
    var commonFreePeriods: Int
    var segment: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case id, name, teachers, commonFreePeriods, segment }
}

struct ExemptionDocument: Codable, Equatable {
    var lesson: String
    var days: [String]
    enum CodingKeys: String, CodingKey, CaseIterable { case lesson, days }
}

/// The keys each kind of object may have, by path pattern (`lessons[]` for every lesson), used to
/// report misspelt keys that decoding alone would silently ignore.
enum SchoolSchema {
    static let keys: [String: [String]] = [
        "": names(SchoolDocument.CodingKeys.self),
        "segments[]": names(SegmentDocument.CodingKeys.self),
        "dayTemplates[]": names(DayTemplateDocument.CodingKeys.self),
        "dayTemplates[].periods[]": names(PeriodDocument.CodingKeys.self),
        "days[]": names(DayDocument.CodingKeys.self),
        "subjects[]": names(SubjectDocument.CodingKeys.self),
        "teachers[]": names(TeacherDocument.CodingKeys.self),
        "teachers[].unavailable[]": names(SlotsDocument.CodingKeys.self),
        "teachers[].unwanted[]": names(SlotsDocument.CodingKeys.self),
        "teachers[].coach": names(CoachRoleDocument.CodingKeys.self),
        "rooms[]": names(RoomDocument.CodingKeys.self),
        "rooms[].unavailable[]": names(SlotsDocument.CodingKeys.self),
        "groups[]": names(GroupDocument.CodingKeys.self),
        "groups[].unavailable[]": names(SlotsDocument.CodingKeys.self),
        "groups[].lessonsPerDay": names(LessonsPerDayDocument.CodingKeys.self),
        "lessonsPerDay": names(LessonsPerDayDocument.CodingKeys.self),
        "students[]": names(StudentDocument.CodingKeys.self),
        "parents[]": names(ParentDocument.CodingKeys.self),
        "parents[].available[]": names(SlotsDocument.CodingKeys.self),
        "lessons[]": names(LessonDocument.CodingKeys.self),
        "lessons[].pinned[]": names(SlotDocument.CodingKeys.self),
        "lessons[].unavailable[]": names(SlotsDocument.CodingKeys.self),
        "lessons[].choice": names(ChoiceSettingsDocument.CodingKeys.self),
        "clusters[]": names(ClusterDocument.CodingKeys.self),
        "choiceRequests[]": names(ChoiceRequestDocument.CodingKeys.self),
        "coaching": names(CoachingDocument.CodingKeys.self),
        "teamTimes[]": names(TeamTimeDocument.CodingKeys.self),
        "exemptions[]": names(ExemptionDocument.CodingKeys.self),
        "calendar": names(CalendarDocument.CodingKeys.self),
        "daySpreads[]": names(DaySpreadDocument.CodingKeys.self),
        "calendar.holidays[]": names(DatedPeriodDocument.CodingKeys.self),
        "calendar.studyDays[]": names(DatedPeriodDocument.CodingKeys.self),
        "calendar.examWeeks[]": names(DatedPeriodDocument.CodingKeys.self),
        "calendar.cycleRestarts[]": names(CycleRestartDocument.CodingKeys.self),
    ]

    static func names<K: CodingKey & CaseIterable>(_ keys: K.Type) -> [String] {
        keys.allCases.map(\.stringValue)
    }
}
