import RoosterModel

/// The students who take choice lessons, grouped by what decides where they can sit, and the flow
/// that says how many of their weekly choice lessons a set of sessions can seat.
///
/// Students of the same groups with the same on-track status are busy in the same periods (their
/// groups' lessons, minus the lessons on-track students may skip), so they form one *class*. Each
/// student needs ``perStudent`` sessions, at most one at a time, in periods free of their own
/// lessons, in sessions open to their groups. That is a transportation problem: students → free
/// periods → sessions → seats. Its maximum flow is the number of choice lessons the base timetable
/// can seat; the shortfall is what no enrolment, however clever, can place.
///
/// The condition is necessary for a complete enrolment and exact when every choice lesson has one
/// session, sessions last one period and minimum sizes do not bind (the usual bioritme week).
/// Two sessions of one lesson, longer sessions that overlap other start periods, and minimum sizes
/// are relaxed, so a timetable can pass it and still leave a student short; the enrolment reports those.
public struct ChoiceSeatDemand: Sendable {
    /// Students who share groups and on-track status.
    public struct StudentClass: Sendable, Hashable {
        public var groups: Set<Group.ID>
        public var onTrack: Bool
        public var students: Int
    }

    public let classes: [StudentClass]
    /// All students; no session usefully has more seats.
    public let studentCount: Int
    /// Choice lessons each student takes a week.
    public let perStudent: Int
    /// The distinct `openTo` lists of choice lessons; an empty set is open to everyone.
    public let openSets: [Set<Group.ID>]
    /// `canAttend[class][openSet]`.
    public let canAttend: [[Bool]]
    private let openSetIndex: [Set<Group.ID>: Int]
    private let exemptDays: [Lesson.ID: Set<Int>]

    /// Nil when the school asks no choice lessons of its students.
    public init?(school: School) {
        guard let perStudent = school.choiceLessonsPerWeek, perStudent > 0, !school.students.isEmpty else { return nil }
        // A student takes at most one session a period: more is impossible, and absurd numbers must not overflow.
        self.perStudent = min(perStudent, max(school.allSlots.count, 1))
        studentCount = school.students.count
        var counts: [StudentClass: Int] = [:]
        var order: [StudentClass] = []
        for student in school.students {
            let key = StudentClass(groups: Set(student.groups), onTrack: student.onTrack, students: 0)
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
        }
        classes = order.map { StudentClass(groups: $0.groups, onTrack: $0.onTrack, students: counts[$0] ?? 0) }
        var openSets: [Set<Group.ID>] = []
        var openSetIndex: [Set<Group.ID>: Int] = [:]
        for lesson in school.lessons {
            guard let choice = lesson.choice else { continue }
            let open = Set(choice.openTo)
            if openSetIndex[open] == nil {
                openSetIndex[open] = openSets.count
                openSets.append(open)
            }
        }
        self.openSets = openSets
        self.openSetIndex = openSetIndex
        canAttend = classes.map { studentClass in openSets.map { $0.isEmpty || !$0.isDisjoint(with: studentClass.groups) } }
        exemptDays = Dictionary(school.exemptions.map { ($0.lesson, $0.days) }, uniquingKeysWith: { $0.union($1) })
    }

    /// The seats of a session that can matter: between 0 and the number of students.
    public func usableSeats(_ capacity: Int) -> Int { min(max(capacity, 0), studentCount) }

    /// The usable seats of a session held in rooms of these capacities.
    public func usableSeats(rooms capacities: some Sequence<Int>) -> Int {
        usableSeats(capacities.reduce(0) { min($0 + usableSeats($1), studentCount) })
    }

    /// Choice lessons all students need a week.
    public var totalNeed: Int { classes.reduce(0) { $0 + $1.students * perStudent } }

    /// The index of a choice lesson's `openTo` set in ``openSets``; nil for lessons that are not choice lessons.
    public func openSet(of lesson: Lesson) -> Int? {
        lesson.choice.map { openSetIndex[Set($0.openTo)] ?? 0 }
    }

    /// The classes a lesson takes out of its periods, each with the days it does not (the days its
    /// on-track students may skip it). Choice lessons occupy nobody: students enrol in them.
    public func classesOccupied(by lesson: Lesson) -> [(studentClass: Int, exemptDays: Set<Int>)] {
        guard lesson.choice == nil else { return [] }
        return classes.indices.compactMap { c in
            guard !classes[c].groups.isDisjoint(with: lesson.groups) else { return nil }
            return (c, classes[c].onTrack ? exemptDays[lesson.id] ?? [] : [])
        }
    }

    /// Choice lessons that the sessions cannot seat.
    ///
    /// - Parameters:
    ///   - periods: how many session periods there are (the caller's indices `0..<periods`).
    ///   - seats: seats of the sessions in a period open to an `openSet`.
    ///   - free: whether the students of a class are free in a period.
    /// - Complexity: a maximum flow on `classes × periods` nodes.
    public func shortfall(periods: Int, seats: (_ period: Int, _ openSet: Int) -> Int, free: (_ class: Int, _ period: Int) -> Bool)
        -> Int
    {
        let classCount = classes.count, poolCount = periods * openSets.count
        // Nodes: source, classes, (class, period), (period, openSet) pools, sink.
        let source = 0, firstClass = 1, firstSlot = firstClass + classCount
        let firstPool = firstSlot + classCount * periods, sink = firstPool + poolCount
        var network = MaxFlow(nodes: sink + 1)
        for pool in 0..<poolCount {
            network.addArc(firstPool + pool, sink, capacity: seats(pool / openSets.count, pool % openSets.count))
        }
        for (c, studentClass) in classes.enumerated() {
            network.addArc(source, firstClass + c, capacity: studentClass.students * perStudent)
            for period in 0..<periods where free(c, period) {
                let node = firstSlot + c * periods + period
                network.addArc(firstClass + c, node, capacity: studentClass.students)
                for open in openSets.indices where canAttend[c][open] {
                    network.addArc(node, firstPool + period * openSets.count + open, capacity: studentClass.students)
                }
            }
        }
        return totalNeed - network.maximum(from: source, to: sink)
    }
}
