/// A teacher (docent): who teaches lessons, may coach students, and has limits on their week.
public struct Teacher: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Teacher>

    /// A teacher's role as a coach of individual students.
    public struct CoachRole: Hashable, Sendable {
        /// The most students this teacher coaches (caseload); nil means no limit.
        public var caseload: Int?
        public init(caseload: Int? = nil) { self.caseload = caseload }
    }

    public var id: ID
    public var name: String
    /// Periods in which the teacher cannot teach (hard).
    public var unavailable: Set<TimeSlot>
    /// Periods the teacher prefers to keep free (soft: ``RuleID/teacherUnwantedTime``).
    public var unwanted: Set<TimeSlot>
    /// Whole days off (part-timers), as indices into ``School/days``.
    public var daysOff: Set<Int>
    /// The most periods the teacher teaches on one day; nil means no limit.
    public var maxPeriodsPerDay: Int?
    /// The most days the teacher works in a week; nil means no limit.
    public var maxDays: Int?
    /// The days the teacher would rather not exceed in a week (soft: ``RuleID/teacherExtraDays``),
    /// below any hard ``maxDays``: a part-timer's wish, an XHSTT or FET soft limit.
    public var preferredMaxDays: Int?
    /// On a day the teacher teaches, the fewest periods worth coming in for (soft:
    /// ``RuleID/teacherShortDays``); days without lessons do not count.
    public var minPeriodsPerDay: Int?
    /// Set when the teacher coaches students.
    public var coach: CoachRole?

    public init(
        id: ID, name: String? = nil, unavailable: Set<TimeSlot> = [], unwanted: Set<TimeSlot> = [],
        daysOff: Set<Int> = [], maxPeriodsPerDay: Int? = nil, maxDays: Int? = nil, preferredMaxDays: Int? = nil,
        minPeriodsPerDay: Int? = nil, coach: CoachRole? = nil
    ) {
        self.id = id
        self.name = name ?? id.rawValue
        self.unavailable = unavailable
        self.unwanted = unwanted
        self.daysOff = daysOff
        self.maxPeriodsPerDay = maxPeriodsPerDay
        self.maxDays = maxDays
        self.preferredMaxDays = preferredMaxDays
        self.minPeriodsPerDay = minPeriodsPerDay
        self.coach = coach
    }
}

/// The kind of a room, which lessons can ask for: a classroom, a lab, a gym, an open learning centre.
public struct RoomKind: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let classroom: RoomKind = "classroom"
    public static let lab: RoomKind = "lab"
    public static let gym: RoomKind = "gym"
    /// An open learning centre (open leercentrum): a large room with assistants, not a class.
    public static let openLearningCentre: RoomKind = "openLearningCentre"
    /// For a lesson: any room will do, whatever its kind.
    public static let any: RoomKind = "any"
}

/// A room (lokaal): its capacity, kind and site.
public struct Room: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Room>

    public var id: ID
    public var name: String
    /// Seats; lessons with more students violate ``RuleID/roomCapacity``.
    public var capacity: Int
    public var kind: RoomKind
    /// The building or location, for schools with more than one site.
    public var site: String?
    /// Periods in which the room cannot be used.
    public var unavailable: Set<TimeSlot>

    public init(
        id: ID, name: String? = nil, capacity: Int, kind: RoomKind = .classroom, site: String? = nil,
        unavailable: Set<TimeSlot> = []
    ) {
        self.id = id
        self.name = name ?? id.rawValue
        self.capacity = capacity
        self.kind = kind
        self.site = site
        self.unavailable = unavailable
    }
}

/// A student group: a class (2V1), a curriculum, or a cluster of students who follow the same lessons.
public struct Group: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Group>

    public var id: ID
    public var name: String
    /// School year, 1–6.
    public var year: Int?
    /// Level or stream: "mavo", "havo", "vwo", …
    public var level: String?
    /// Number of students; when nil, the number of students listed with this group.
    public var size: Int?
    /// Periods in which the group has no lessons.
    public var unavailable: Set<TimeSlot>
    /// Periods of lessons on each day the group attends; nil takes the school's ``School/lessonsPerDay``.
    public var lessonsPerDay: LessonsPerDay?

    public init(
        id: ID, name: String? = nil, year: Int? = nil, level: String? = nil, size: Int? = nil,
        unavailable: Set<TimeSlot> = [], lessonsPerDay: LessonsPerDay? = nil
    ) {
        self.lessonsPerDay = lessonsPerDay
        self.id = id
        self.name = name ?? id.rawValue
        self.year = year
        self.level = level
        self.size = size
        self.unavailable = unavailable
    }
}

/// An individual student: group membership, coaches, and whether they are on track.
public struct Student: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Student>

    public var id: ID
    public var name: String
    public var groups: [Group.ID]
    /// The student's coaches; conversations are held with one of them.
    public var coaches: [Teacher.ID]
    /// On-track students may skip lessons named by an ``Exemption`` (the bioritme reward rule).
    public var onTrack: Bool
    /// Overrides the school's ``CoachingPolicy/intervalInWeeks`` for this student.
    public var coachingIntervalInWeeks: Int?
    /// The parent or guardian who comes to triad meetings; siblings share one.
    public var parent: Parent.ID?

    public init(
        id: ID, name: String? = nil, groups: [Group.ID] = [], coaches: [Teacher.ID] = [], onTrack: Bool = false,
        coachingIntervalInWeeks: Int? = nil, parent: Parent.ID? = nil
    ) {
        self.id = id
        self.name = name ?? id.rawValue
        self.groups = groups
        self.coaches = coaches
        self.onTrack = onTrack
        self.coachingIntervalInWeeks = coachingIntervalInWeeks
        self.parent = parent
    }
}

/// A parent or guardian (ouder, verzorger) who meets the coach with their child: a triad meeting.
public struct Parent: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Parent>

    public var id: ID
    public var name: String
    /// Periods in which the parent can come to school; empty means any period.
    public var available: Set<TimeSlot>

    public init(id: ID, name: String? = nil, available: Set<TimeSlot> = []) {
        self.id = id
        self.name = name ?? id.rawValue
        self.available = available
    }
}

/// A subject (vak): German, maths, the mentor lesson.
public struct Subject: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Subject>

    public var id: ID
    public var name: String
    /// A display colour as `#RRGGBB`, used by renderers.
    public var color: String?

    public init(id: ID, name: String? = nil, color: String? = nil) {
        self.id = id
        self.name = name ?? id.rawValue
        self.color = color
    }
}
