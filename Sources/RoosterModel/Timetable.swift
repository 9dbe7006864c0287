/// A timetable: the base timetable of lessons, and optionally the weekly enrolment in choice
/// lessons and the coach conversations of the cycle.
///
/// The three layers are made at different times (per term, every Friday, per cycle). A layer
/// that is nil has not been made yet and its rules are not checked; an empty layer is checked.
public struct Timetable: Hashable, Sendable {
    public var placements: [Placement]
    public var enrolments: [Enrolment]?
    public var coachMeetings: [CoachMeeting]?

    public init(placements: [Placement] = [], enrolments: [Enrolment]? = nil, coachMeetings: [CoachMeeting]? = nil) {
        self.placements = placements
        self.enrolments = enrolments
        self.coachMeetings = coachMeetings
    }
}

/// One occurrence of a lesson: when it starts and in which rooms.
public struct Placement: Hashable, Sendable {
    public var lesson: Lesson.ID
    /// The first period; the lesson occupies `durationInPeriods` consecutive periods from here.
    public var start: TimeSlot
    public var rooms: [Room.ID]
    /// Kept where it is when this timetable is the reference of a re-solve (``School/locking(_:in:)``).
    public var locked: Bool

    public init(lesson: Lesson.ID, start: TimeSlot, rooms: [Room.ID] = [], locked: Bool = false) {
        self.lesson = lesson
        self.start = start
        self.rooms = rooms
        self.locked = locked
    }
}

/// A student placed in a lesson: a choice-lesson session, or one lesson of a block-hour cluster.
public struct Enrolment: Hashable, Sendable {
    public var student: Student.ID
    public var lesson: Lesson.ID
    /// The session (start slot of a placement); nil means every occurrence of the lesson.
    public var start: TimeSlot?

    public init(student: Student.ID, lesson: Lesson.ID, start: TimeSlot? = nil) {
        self.student = student
        self.lesson = lesson
        self.start = start
    }
}

/// A coach conversation in a given week of the cycle, or a triad meeting when a parent is there too.
public struct CoachMeeting: Hashable, Sendable {
    public var student: Student.ID
    public var coach: Teacher.ID
    /// The week of the cycle, from 0.
    public var week: Int
    /// The period; a conversation takes the policy's length from the period's start, a triad meeting the whole period.
    public var slot: TimeSlot
    /// Set for a triad meeting: the student's parent.
    public var parent: Parent.ID?

    public init(student: Student.ID, coach: Teacher.ID, week: Int, slot: TimeSlot, parent: Parent.ID? = nil) {
        self.student = student
        self.coach = coach
        self.week = week
        self.slot = slot
        self.parent = parent
    }
}
