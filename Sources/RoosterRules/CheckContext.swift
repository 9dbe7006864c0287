import RoosterModel

/// Something that takes time in the timetable: an occurrence of a lesson or a coach conversation.
struct Activity: Sendable {
    enum Source: Sendable {
        /// Index into ``Timetable/placements``.
        case placement(Int)
        /// Index into ``Timetable/coachMeetings``.
        case coachMeeting(Int)
    }

    var source: Source
    /// The lesson, for placements of a known lesson.
    var lesson: Lesson?
    /// The cluster the lesson belongs to, if any.
    var cluster: Cluster.ID?
    /// The periods taken, in order.
    var slots: [TimeSlot]
    /// The weeks of the cycle in which it happens.
    var weeks: Set<Int>
    /// Words for sentences: "2V1 German", "coach conversation with S0123".
    var label: String
    /// The same words in Dutch (lesson labels are the school's own names, the same in both).
    var dutchLabel: String
}

/// A timetable prepared for checking: lookups by ID and every activity with the slots it takes.
///
/// Built once per check and shared by all rules, so that each rule is a simple pass.
struct CheckContext: Sendable {
    let compiled: CompiledSchool
    /// The compiled school's school, held here once: rules read it in their loops.
    let school: School
    let timetable: Timetable

    let lessons: ByID<Lesson>
    let teachers: ByID<Teacher>
    let rooms: ByID<Room>
    let groups: ByID<Group>
    let students: ByID<Student>
    let subjects: ByID<Subject>
    let clusterOfLesson: [Lesson.ID: Cluster.ID]
    let allWeeks: Set<Int>
    /// The weeks to look at one by one for per-week rules: `[nil]` (every week is alike) unless some
    /// lesson runs only in some weeks of the cycle.
    let weekPasses: [Int?]

    /// Activity for each placement, in timetable order.
    let placementActivities: [Activity]
    /// Activity for each coach meeting, in timetable order.
    let meetingActivities: [Activity]
    /// Indices into `placementActivities` per lesson.
    let placementsOfLesson: [Lesson.ID: [Int]]
    /// Students enrolled per session (lesson and start).
    let sessionEnrolment: [SessionKey: Int]

    init(compiled: CompiledSchool, timetable: Timetable) {
        self.compiled = compiled
        self.timetable = timetable
        let school = compiled.school
        self.school = school
        lessons = ByID(school.lessons, compiled.lessonIndex)
        teachers = ByID(school.teachers, compiled.teacherIndex)
        rooms = ByID(school.rooms, compiled.roomIndex)
        groups = ByID(school.groups, compiled.groupIndex)
        students = ByID(school.students, compiled.studentIndex)
        subjects = ByID(school.subjects, compiled.subjectIndex)
        let clusterOfLesson = compiled.clusterOfLesson
        self.clusterOfLesson = clusterOfLesson

        let allWeeks = Set(0..<max(school.weeksInCycle, 1))
        self.allWeeks = allWeeks
        weekPasses = school.weekPasses

        var placementsOfLesson: [Lesson.ID: [Int]] = [:]
        var placementActivities: [Activity] = []
        placementActivities.reserveCapacity(timetable.placements.count)
        for (index, placement) in timetable.placements.enumerated() {
            let lesson = lessons[placement.lesson]
            let label = Self.label(ofLesson: placement.lesson, lessons: lessons, subjects: subjects)
            placementsOfLesson[placement.lesson, default: []].append(index)
            placementActivities.append(
                Activity(
                    source: .placement(index), lesson: lesson, cluster: clusterOfLesson[placement.lesson],
                    slots: school.occupiedSlots(from: placement.start, durationInPeriods: lesson?.durationInPeriods ?? 1),
                    weeks: lesson?.weeks ?? allWeeks,
                    label: label, dutchLabel: label))
        }
        self.placementsOfLesson = placementsOfLesson
        sessionEnrolment = Self.countEnrolments(timetable, placementsOfLesson: placementsOfLesson)
        self.meetingActivities = (timetable.coachMeetings ?? []).enumerated().map { index, meeting in
            Activity(
                source: .coachMeeting(index), lesson: nil, cluster: nil, slots: [meeting.slot], weeks: [meeting.week],
                label: meeting.parent.map { "a triad meeting of \(meeting.coach) with \(meeting.student) and \($0)" }
                    ?? "a coach conversation of \(meeting.coach) with \(meeting.student)",
                dutchLabel: meeting.parent.map { "een driegesprek van \(meeting.coach) met \(meeting.student) en \($0)" }
                    ?? "een coachgesprek van \(meeting.coach) met \(meeting.student)")
        }
        self.placementActivities = placementActivities
    }

    // MARK: - Words

    /// "2V1 German", or the lesson ID when it has no subject or groups.
    func label(ofLesson id: Lesson.ID) -> String {
        Self.label(ofLesson: id, lessons: lessons, subjects: subjects)
    }

    static func label(ofLesson id: Lesson.ID, lessons: ByID<Lesson>, subjects: ByID<Subject>) -> String {
        guard let lesson = lessons[id] else { return "unknown lesson \(id)" }
        guard let subject = lesson.subject else { return id.rawValue }
        let subjectName = subjects[subject]?.name ?? subject.rawValue
        let groups = lesson.groups.map(\.rawValue).joined(separator: "+")
        return groups.isEmpty ? "\(subjectName) (\(id))" : "\(groups) \(subjectName)"
    }

    /// "Tue 10:00".
    func label(_ slot: TimeSlot) -> String { school.label(slot) }

    /// "di 10:00".
    func dutchLabel(_ slot: TimeSlot) -> String { school.dutchLabel(slot) }

    /// "di 10:00", with " in week B" when the weeks are not the whole cycle.
    func dutchLabel(_ slot: TimeSlot, weeks: Set<Int>) -> String {
        guard weeks != allWeeks else { return dutchLabel(slot) }
        return "\(dutchLabel(slot)) in week \(weeks.sorted().map(weekName).joined(separator: ", "))"
    }

    /// "Tue 10:00", with " in week B" when the weeks are not the whole cycle.
    func label(_ slot: TimeSlot, weeks: Set<Int>) -> String {
        guard weeks != allWeeks else { return label(slot) }
        let names = weeks.sorted().map(weekName).joined(separator: ", ")
        return "\(label(slot)) in week \(names)"
    }

    /// Weeks of a cycle are called A, B, C, … as schools do.
    func weekName(_ week: Int) -> String {
        guard (0..<26).contains(week), let scalar = Unicode.Scalar(65 + week) else { return "\(week + 1)" }
        return String(Character(scalar))
    }

    // MARK: - Shapes

    /// Students expected in a placement: the enrolled students when an enrolment layer exists and
    /// the lesson is a choice or cluster lesson, otherwise the lesson's count or its groups' sizes.
    func students(in placementIndex: Int) -> Int {
        let placement = timetable.placements[placementIndex]
        guard let index = compiled.lessonIndex[placement.lesson] else { return 0 }
        let lesson = compiled.school.lessons[index]
        if timetable.enrolments != nil, lesson.choice != nil || clusterOfLesson[lesson.id] != nil {
            return sessionEnrolment[SessionKey(lesson: lesson.id, start: placement.start)] ?? 0
        }
        return compiled.lessonStudents[index]
    }

    /// Identifies one session: a lesson at a start slot.
    struct SessionKey: Hashable { var lesson: Lesson.ID; var start: TimeSlot }

    /// Students enrolled per session (an enrolment without a start counts in every session).
    static func countEnrolments(_ timetable: Timetable, placementsOfLesson: [Lesson.ID: [Int]]) -> [SessionKey: Int] {
        var counts: [SessionKey: Int] = [:]
        for enrolment in timetable.enrolments ?? [] {
            if let start = enrolment.start {
                counts[SessionKey(lesson: enrolment.lesson, start: start), default: 0] += 1
            } else {
                for index in placementsOfLesson[enrolment.lesson] ?? [] {
                    counts[SessionKey(lesson: enrolment.lesson, start: timetable.placements[index].start), default: 0] += 1
                }
            }
        }
        return counts
    }

    /// True when the slot is in a segment of the given kind.
    func isSegment(_ slot: TimeSlot, kind: Segment.Kind) -> Bool {
        guard let id = school.period(at: slot)?.segment else { return false }
        return school.segments.first { $0.id == id }?.kind == kind
    }

    /// Activities that happen in `week` (all when nil).
    func active(_ activity: Activity, in week: Int?) -> Bool {
        week.map { activity.weeks.contains($0) } ?? true
    }
}

/// The items of one of the school's arrays, found by ID through the compiled school's index (the
/// first item with an ID wins, as everywhere in Rooster).
struct ByID<Item: Identifiable & Sendable>: Sendable where Item.ID: Sendable {
    private let items: [Item]
    private let index: [Item.ID: Int]

    init(_ items: [Item], _ index: [Item.ID: Int]) {
        self.items = items
        self.index = index
    }

    subscript(id: Item.ID) -> Item? { index[id].map { items[$0] } }
}
