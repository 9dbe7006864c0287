/// Everything Rooster knows about a school: its week, its people and rooms, and what must be
/// scheduled. A value type; build it in code or load it with `RoosterIO`.
///
/// Arrays keep the order of the file, and every diagnostic path (`lessons[3].teachers[0]`) indexes
/// them, so a path always leads back to the line it came from.
public struct School: Hashable, Sendable {
    public var name: String
    /// Weeks in the cycle (A/B/C weeks), from 1. Coach conversations every 2 or 3 weeks need 2 or 3.
    public var weeksInCycle: Int
    public var segments: [Segment]
    public var dayTemplates: [DayTemplate]
    /// The days of the week in order; ``TimeSlot/day`` indexes this array.
    public var days: [Day]
    public var subjects: [Subject]
    public var teachers: [Teacher]
    public var rooms: [Room]
    public var groups: [Group]
    public var students: [Student]
    /// Parents and guardians, for triad meetings coach–student–parent.
    public var parents: [Parent]
    public var lessons: [Lesson]
    public var clusters: [Cluster]
    public var choiceRequests: [ChoiceRequest]
    /// Choice lessons each student takes per week (eight in the bioritme example); nil when the
    /// school has no weekly choice.
    public var choiceLessonsPerWeek: Int?
    public var coaching: CoachingPolicy?
    public var teamTimes: [TeamTime]
    public var exemptions: [Exemption]
    /// Weights of soft rules that differ from their defaults; 0 switches a soft rule off.
    public var ruleWeights: [RuleID: Int]
    /// Periods of lessons per group and day, unless a group sets its own (rule `dailyLessons`).
    public var lessonsPerDay = LessonsPerDay()
    /// The dated school year (term, holidays, study days, exam weeks), when the school gives one.
    public var calendar: SchoolCalendar?
    /// Lessons to keep days apart (rules `lessonsApart`, `lessonsApartPreferred`).
    public var daySpreads: [DaySpread] = []

    public init(
        name: String, weeksInCycle: Int = 1, segments: [Segment] = [], dayTemplates: [DayTemplate] = [],
        days: [Day] = [], subjects: [Subject] = [], teachers: [Teacher] = [], rooms: [Room] = [],
        groups: [Group] = [], students: [Student] = [], lessons: [Lesson] = [], clusters: [Cluster] = [],
        choiceRequests: [ChoiceRequest] = [], choiceLessonsPerWeek: Int? = nil, coaching: CoachingPolicy? = nil,
        teamTimes: [TeamTime] = [], exemptions: [Exemption] = [], ruleWeights: [RuleID: Int] = [:], parents: [Parent] = []
    ) {
        self.name = name
        self.weeksInCycle = weeksInCycle
        self.segments = segments
        self.dayTemplates = dayTemplates
        self.days = days
        self.subjects = subjects
        self.teachers = teachers
        self.rooms = rooms
        self.groups = groups
        self.students = students
        self.parents = parents
        self.lessons = lessons
        self.clusters = clusters
        self.choiceRequests = choiceRequests
        self.choiceLessonsPerWeek = choiceLessonsPerWeek
        self.coaching = coaching
        self.teamTimes = teamTimes
        self.exemptions = exemptions
        self.ruleWeights = ruleWeights
    }
}

/// The identifier of a rule of the checker, e.g. `teacherConflict` or `minWorkingDays`.
///
/// Declared here so that a school can carry its own soft-rule weights; the catalogue of rules
/// lives in `RoosterRules`.
public typealias RuleID = Identifier<RuleTag>

/// The tag type of ``RuleID``.
public enum RuleTag {}
