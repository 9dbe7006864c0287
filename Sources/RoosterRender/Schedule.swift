import RoosterModel

/// Whose timetable a view shows.
public enum ViewKind: String, CaseIterable, Sendable, Comparable {
    case group, teacher, room, student, parent

    private var order: Int {
        switch self {
        case .group: 0
        case .teacher: 1
        case .room: 2
        case .student: 3
        case .parent: 4
        }
    }

    public static func < (a: ViewKind, b: ViewKind) -> Bool { a.order < b.order }
}

/// One person's or room's timetable, named like `teacher:JDV`.
public struct View: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var kind: ViewKind
    public var id: String

    public init(_ kind: ViewKind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    /// Reads `teacher:JDV`, `group:2V1`, `room:R1`, `student:s1` or `parent:p1`.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = ViewKind(rawValue: parts[0].lowercased()), !parts[1].isEmpty else { return nil }
        self.init(kind, parts[1])
    }

    public var description: String { "\(kind.rawValue):\(id)" }

    public static func < (a: View, b: View) -> Bool { a.kind != b.kind ? a.kind < b.kind : a.id < b.id }
}

/// One block in a timetable: a lesson, a choice session, a lesson of a block hour, or a coach conversation.
public struct ScheduleEntry: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case lesson, choice, block, coach, triad
    }

    public var kind: Kind
    public var day: Int
    public var firstPeriod: Int
    public var periodCount: Int
    public var start: TimeOfDay
    public var end: TimeOfDay
    /// The segment of the first period (mentor, choice, instruction, …).
    public var segment: Segment.ID?
    public var lesson: Lesson.ID?
    public var subject: Subject.ID?
    /// The subject's name, the lesson's ID, or who the conversation is with: the student (for the
    /// coach), the coach (for the student), student and coach (for a parent), with the parent's name
    /// after a `+` in a triad meeting.
    public var title: String
    public var teachers: [Teacher.ID]
    public var groups: [Group.ID]
    public var rooms: [Room.ID]
    /// Weeks of the cycle (from 0) in which the entry happens.
    public var weeks: [Int]
    /// Students enrolled in a choice session or block-hour lesson, when the enrolment layer exists.
    public var enrolled: Int?
    /// True in a student's view for a choice lesson or block-hour lesson the student was enrolled
    /// in: a choice for one week, which calendars date to that week only.
    public var chosen = false

    public var minutes: Int { end.minutesSinceMidnight - start.minutesSinceMidnight }

    /// A coach conversation or a triad meeting (coach, student and parent): not a lesson.
    public var isConversation: Bool { kind == .coach || kind == .triad }
}

/// A view's entries, in time order.
public struct Schedule: Sendable {
    public var view: View
    /// The view's display name, e.g. the teacher's full name.
    public var name: String
    public var entries: [ScheduleEntry]
}

/// Builds the schedule of any group, teacher, room or student from a school and a timetable.
///
/// Students see the lessons of their groups (minus lessons they are exempt from on those days, when
/// on track), the choice sessions and block-hour lessons they are enrolled in (all lessons of a
/// block hour when there is no enrolment layer yet), and their coach conversations.
public struct ScheduleBuilder: Sendable {
    public let school: School
    public let timetable: Timetable
    private let lessons: [Lesson.ID: Lesson]
    private let clusterOf: [Lesson.ID: Cluster.ID]
    private let enrolledCount: [String: Int]

    public init(school: School, timetable: Timetable) {
        self.school = school
        self.timetable = timetable
        lessons = Dictionary(school.lessons.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var clusterOf: [Lesson.ID: Cluster.ID] = [:]
        for cluster in school.clusters { for lesson in cluster.lessons { clusterOf[lesson] = cluster.id } }
        self.clusterOf = clusterOf
        var counts: [String: Int] = [:]
        for enrolment in timetable.enrolments ?? [] {
            counts["\(enrolment.lesson)|\(enrolment.start.map { "\($0.day).\($0.period)" } ?? "*")", default: 0] += 1
        }
        enrolledCount = counts
    }

    /// Every view of the school: groups, teachers, rooms, students, then the parents who have a triad meeting.
    public func views(including kinds: Set<ViewKind> = Set(ViewKind.allCases)) -> [View] {
        var views: [View] = []
        if kinds.contains(.group) { views += school.groups.map { View(.group, $0.id.rawValue) } }
        if kinds.contains(.teacher) { views += school.teachers.map { View(.teacher, $0.id.rawValue) } }
        if kinds.contains(.room) { views += school.rooms.map { View(.room, $0.id.rawValue) } }
        if kinds.contains(.student) { views += school.students.map { View(.student, $0.id.rawValue) } }
        if kinds.contains(.parent) {
            let meeting = Set((timetable.coachMeetings ?? []).compactMap(\.parent))
            views += school.parents.filter { meeting.contains($0.id) }.map { View(.parent, $0.id.rawValue) }
        }
        return views
    }

    /// The schedule of a view; nil when the school has no such group, teacher, room or student.
    public func schedule(for view: View) -> Schedule? {
        switch view.kind {
        case .group:
            guard let group = school.groups.first(where: { $0.id.rawValue == view.id }) else { return nil }
            let entries = timetable.placements.compactMap { placement -> ScheduleEntry? in
                guard let lesson = lessons[placement.lesson], lesson.groups.contains(group.id) else { return nil }
                return entry(for: placement, lesson)
            }
            return Schedule(view: view, name: group.name, entries: sorted(entries))
        case .teacher:
            guard let teacher = school.teachers.first(where: { $0.id.rawValue == view.id }) else { return nil }
            var entries = timetable.placements.compactMap { placement -> ScheduleEntry? in
                guard let lesson = lessons[placement.lesson], lesson.teachers.contains(teacher.id) else { return nil }
                return entry(for: placement, lesson)
            }
            for meeting in timetable.coachMeetings ?? [] where meeting.coach == teacher.id {
                let student = school.students.first { $0.id == meeting.student }
                if let entry = coachEntry(meeting, title: student?.name ?? meeting.student.rawValue) { entries.append(entry) }
            }
            return Schedule(view: view, name: teacher.name, entries: sorted(entries))
        case .room:
            guard let room = school.rooms.first(where: { $0.id.rawValue == view.id }) else { return nil }
            let entries = timetable.placements.compactMap { placement -> ScheduleEntry? in
                guard placement.rooms.contains(room.id), let lesson = lessons[placement.lesson] else { return nil }
                return entry(for: placement, lesson)
            }
            return Schedule(view: view, name: room.name, entries: sorted(entries))
        case .student:
            guard let student = school.students.first(where: { $0.id.rawValue == view.id }) else { return nil }
            return Schedule(view: view, name: student.name, entries: sorted(studentEntries(student)))
        case .parent:
            guard let parent = school.parents.first(where: { $0.id.rawValue == view.id }) else { return nil }
            let entries = (timetable.coachMeetings ?? []).filter { $0.parent == parent.id }.compactMap { meeting -> ScheduleEntry? in
                let student = school.students.first { $0.id == meeting.student }?.name ?? meeting.student.rawValue
                let coach = school.teachers.first { $0.id == meeting.coach }?.name ?? meeting.coach.rawValue
                return coachEntry(meeting, title: "\(student), \(coach)", parentNamed: false)
            }
            return Schedule(view: view, name: parent.name, entries: sorted(entries))
        }
    }

    private func studentEntries(_ student: Student) -> [ScheduleEntry] {
        let groups = Set(student.groups)
        let own = (timetable.enrolments ?? []).filter { $0.student == student.id }
        let enrolledLessons = Set(own.map(\.lesson))
        /// Clusters in which the student chose a lesson: only that lesson is theirs.
        let chosenClusters = Set(enrolledLessons.compactMap { clusterOf[$0] })
        var entries: [ScheduleEntry] = []
        for placement in timetable.placements {
            guard let lesson = lessons[placement.lesson] else { continue }
            if lesson.choice != nil {
                let mine = own.contains { $0.lesson == lesson.id && ($0.start == nil || $0.start == placement.start) }
                if mine, var entry = entry(for: placement, lesson) {
                    entry.chosen = true
                    entries.append(entry)
                }
                continue
            }
            if let cluster = clusterOf[lesson.id], chosenClusters.contains(cluster) {
                if enrolledLessons.contains(lesson.id), var entry = entry(for: placement, lesson) {
                    entry.chosen = true
                    entries.append(entry)
                }
                continue
            }
            guard !groups.isDisjoint(with: lesson.groups) || enrolledLessons.contains(lesson.id) else { continue }
            if student.onTrack, school.exemptions.contains(where: { $0.lesson == lesson.id && $0.days.contains(placement.start.day) }) {
                continue
            }
            if let entry = entry(for: placement, lesson) { entries.append(entry) }
        }
        for meeting in timetable.coachMeetings ?? [] where meeting.student == student.id {
            let coach = school.teachers.first { $0.id == meeting.coach }
            if let entry = coachEntry(meeting, title: coach?.name ?? meeting.coach.rawValue) { entries.append(entry) }
        }
        return entries
    }

    private func entry(for placement: Placement, _ lesson: Lesson) -> ScheduleEntry? {
        let slots = school.occupiedSlots(from: placement.start, durationInPeriods: lesson.durationInPeriods)
        guard let first = slots.first.flatMap(school.period(at:)), let last = slots.last.flatMap(school.period(at:)) else { return nil }
        let subject = lesson.subject.flatMap { id in school.subjects.first { $0.id == id } }
        let kind: ScheduleEntry.Kind = lesson.choice != nil ? .choice : clusterOf[lesson.id] != nil ? .block : .lesson
        let key = "\(lesson.id)|\(placement.start.day).\(placement.start.period)"
        let enrolled =
            timetable.enrolments == nil || kind == .lesson ? nil : (enrolledCount[key] ?? 0) + (enrolledCount["\(lesson.id)|*"] ?? 0)
        return ScheduleEntry(
            kind: kind, day: placement.start.day, firstPeriod: placement.start.period, periodCount: slots.count, start: first.start,
            end: last.end,
            segment: first.segment, lesson: lesson.id, subject: lesson.subject, title: subject?.name ?? lesson.id.rawValue,
            teachers: lesson.teachers, groups: lesson.groups, rooms: placement.rooms,
            weeks: (lesson.weeks ?? Set(0..<max(school.weeksInCycle, 1))).sorted(), enrolled: enrolled)
    }

    /// A conversation as an entry; a triad meeting names the parent after the title unless the view is the parent's.
    private func coachEntry(_ meeting: CoachMeeting, title: String, parentNamed: Bool = true) -> ScheduleEntry? {
        guard let period = school.period(at: meeting.slot) else { return nil }
        // A triad meeting (with a parent) takes its whole period; a conversation the policy's length.
        let length = meeting.parent == nil ? school.coaching?.lengthInMinutes ?? period.lengthInMinutes : period.lengthInMinutes
        return ScheduleEntry(
            kind: meeting.parent == nil ? .coach : .triad, day: meeting.slot.day, firstPeriod: meeting.slot.period, periodCount: 1,
            start: period.start,
            end: period.start.adding(minutes: length), segment: period.segment, lesson: nil, subject: nil,
            title: meeting.parent.map { id in
                parentNamed ? "\(title) + \(school.parents.first { $0.id == id }?.name ?? id.rawValue)" : title
            } ?? title,
            teachers: [meeting.coach], groups: [], rooms: [], weeks: [meeting.week], enrolled: nil)
    }

    private func sorted(_ entries: [ScheduleEntry]) -> [ScheduleEntry] {
        entries.sorted { a, b in
            if a.day != b.day { return a.day < b.day }
            if a.start != b.start { return a.start < b.start }
            if a.weeks != b.weeks { return a.weeks.lexicographicallyPrecedes(b.weeks) }
            return a.title < b.title
        }
    }
}
