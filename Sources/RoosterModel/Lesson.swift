/// A lesson to be scheduled: who teaches whom, how often a week, for how long, and where.
///
/// One `Lesson` stands for all its weekly occurrences (an ITC 2007 *course*). Each occurrence is a
/// ``Placement`` in the timetable.
public struct Lesson: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Lesson>

    public var id: ID
    public var subject: Subject.ID?
    /// One teacher, or several for team teaching.
    public var teachers: [Teacher.ID]
    /// The groups that follow this lesson. Empty for choice lessons open to enrolment.
    public var groups: [Group.ID]
    /// Occurrences per week (lectures per week in ITC 2007).
    public var countPerWeek: Int
    /// Consecutive periods each occurrence takes, from 1.
    public var durationInPeriods: Int
    /// The kind of room needed; nil means an ordinary classroom, ``RoomKind/any`` any room
    /// (see ``neededRoomKind``).
    public var roomKind: RoomKind?
    /// Rooms each occurrence needs: usually 1, 0 for a lesson outside the building.
    public var roomCount: Int
    /// If set, only these rooms may be used.
    public var allowedRooms: [Room.ID]?
    /// Students attending; nil means the sum of the group sizes. Compared with room capacity.
    public var studentCount: Int?
    /// Segments an occurrence may be placed in; empty means anywhere.
    public var allowedSegments: [Segment.ID]
    /// The most occurrences on one day (hard); nil means no limit.
    public var maxPerDay: Int?
    /// Occurrences should spread over at least this many days (soft, ITC *minimum working days*).
    public var minDays: Int?
    /// Fixed start slots: each must hold an occurrence.
    public var pinned: [TimeSlot]
    /// Periods this lesson must not be in (ITC 2007 course unavailability).
    public var unavailable: Set<TimeSlot>
    /// Weeks of the cycle the lesson runs in, from 0; nil means every week.
    public var weeks: Set<Int>?
    /// Set for choice lessons that students enrol in every week.
    public var choice: ChoiceSettings?

    public init(
        id: ID, subject: Subject.ID? = nil, teachers: [Teacher.ID] = [], groups: [Group.ID] = [],
        countPerWeek: Int = 1, durationInPeriods: Int = 1, roomKind: RoomKind? = nil, roomCount: Int = 1,
        allowedRooms: [Room.ID]? = nil, studentCount: Int? = nil, allowedSegments: [Segment.ID] = [],
        maxPerDay: Int? = nil, minDays: Int? = nil, pinned: [TimeSlot] = [], unavailable: Set<TimeSlot> = [],
        weeks: Set<Int>? = nil, choice: ChoiceSettings? = nil
    ) {
        self.id = id
        self.subject = subject
        self.teachers = teachers
        self.groups = groups
        self.countPerWeek = countPerWeek
        self.durationInPeriods = durationInPeriods
        self.roomKind = roomKind
        self.roomCount = roomCount
        self.allowedRooms = allowedRooms
        self.studentCount = studentCount
        self.allowedSegments = allowedSegments
        self.maxPerDay = maxPerDay
        self.minDays = minDays
        self.pinned = pinned
        self.unavailable = unavailable
        self.weeks = weeks
        self.choice = choice
    }
}

/// What makes a lesson a choice lesson (keuzeles): students enrol in its sessions week by week.
public struct ChoiceSettings: Hashable, Sendable {
    /// The three kinds named by bioritme schools, and talent/other offerings.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Processing (verwerking): practising what instruction covered.
        case processing
        /// Support (ondersteuning): extra help, often required by a coach.
        case support
        /// Talent: enrichment and interests.
        case talent
        case other
    }

    public var kind: Kind
    /// Seats per session; nil means the room's capacity.
    public var capacity: Int?
    /// A session with fewer students is cancelled; 0 or above this number is allowed.
    public var minimumSize: Int
    /// Groups whose students may enrol; empty means everyone.
    public var openTo: [Group.ID]

    public init(kind: Kind = .other, capacity: Int? = nil, minimumSize: Int = 0, openTo: [Group.ID] = []) {
        self.kind = kind
        self.capacity = capacity
        self.minimumSize = minimumSize
        self.openTo = openTo
    }
}

/// A student's request for a choice lesson.
public struct ChoiceRequest: Hashable, Sendable {
    public var student: Student.ID
    public var lesson: Lesson.ID
    /// 1 is the first choice.
    public var rank: Int
    /// Required by a coach: the student must be placed (a student behind in maths takes maths support).
    public var required: Bool

    public init(student: Student.ID, lesson: Lesson.ID, rank: Int = 1, required: Bool = false) {
        self.student = student
        self.lesson = lesson
        self.rank = rank
        self.required = required
    }
}

/// Lessons that run at the same time: block hours, three levels of one subject in parallel,
/// elective clusters.
///
/// The students of the lessons' groups are split over the lessons (by choice, see ``Enrolment``),
/// so lessons of one cluster that share a group are not a clash.
public struct Cluster: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Cluster>

    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Several subjects in one block; students choose subject and room (blokuren).
        case blockHour
        /// One subject on several levels at once (German in 2 vwo on three levels).
        case parallelLevels
        /// Elective subjects offered at the same time.
        case elective
    }

    public var id: ID
    public var name: String
    public var kind: Kind
    /// The lessons; they must have equal counts per week and durations.
    public var lessons: [Lesson.ID]

    public init(id: ID, name: String? = nil, kind: Kind = .blockHour, lessons: [Lesson.ID]) {
        self.id = id
        self.name = name ?? id.rawValue
        self.kind = kind
        self.lessons = lessons
    }
}

/// How often students have a coach conversation (coachgesprek) and when coaches hold them.
public struct CoachingPolicy: Hashable, Sendable {
    /// Minutes per conversation, e.g. 15.
    public var lengthInMinutes: Int
    /// One conversation every this many weeks: 1, 2 or 3.
    public var intervalInWeeks: Int
    /// The segment whose periods are coach windows (e.g. 8:15–8:45).
    public var segment: Segment.ID
    /// Triad meetings (coach, student and parent) per cycle for each student with a parent; 0 for none.
    public var triadsPerCycle: Int
    /// Segments whose periods may hold a triad meeting (it takes one period); empty means any period.
    public var triadSegments: [Segment.ID]

    public init(
        lengthInMinutes: Int = 15, intervalInWeeks: Int = 1, segment: Segment.ID, triadsPerCycle: Int = 0, triadSegments: [Segment.ID] = []
    ) {
        self.lengthInMinutes = lengthInMinutes
        self.intervalInWeeks = intervalInWeeks
        self.segment = segment
        self.triadsPerCycle = triadsPerCycle
        self.triadSegments = triadSegments
    }
}

/// Teachers who must be free at the same time: a development team released together ("bootcamp").
public struct TeamTime: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<TeamTime>

    public var id: ID
    public var name: String
    public var teachers: [Teacher.ID]
    /// Periods per week in which all of them are free.
    public var commonFreePeriods: Int
    /// If set, only free periods in this segment count (e.g. instruction time, not after school).
    public var segment: Segment.ID?

    public init(id: ID, name: String? = nil, teachers: [Teacher.ID], commonFreePeriods: Int, segment: Segment.ID? = nil) {
        self.id = id
        self.name = name ?? id.rawValue
        self.teachers = teachers
        self.commonFreePeriods = commonFreePeriods
        self.segment = segment
    }
}

/// On-track students skip a lesson on some days: the bioritme reward rule ("if you are doing well
/// you need not attend the mentor lesson on Tuesday, Wednesday and Thursday").
///
/// The exempted periods are free for those students, e.g. for an extra choice lesson.
public struct Exemption: Hashable, Sendable {
    public var lesson: Lesson.ID
    /// Indices into ``School/days``.
    public var days: Set<Int>

    public init(lesson: Lesson.ID, days: Set<Int>) {
        self.lesson = lesson
        self.days = days
    }
}

extension Lesson {
    /// The kind of room this lesson needs: its `roomKind`, an ordinary classroom when it names none
    /// (so a class does not land in the gym or the open learning centre), nil when it says `any`.
    public var neededRoomKind: RoomKind? {
        switch roomKind {
        case nil: .classroom
        case .some(.any): nil
        case .some(let kind): kind
        }
    }

    /// Whether a room may hold this lesson: of the kind it needs (``neededRoomKind``), and among its
    /// allowed rooms (if listed). Allowed rooms listed by name count whatever their kind.
    public func accepts(_ room: Room) -> Bool {
        if let allowedRooms { return allowedRooms.contains(room.id) && (roomKind.map { $0 == .any || room.kind == $0 } ?? true) }
        return neededRoomKind.map { room.kind == $0 } ?? true
    }
}
