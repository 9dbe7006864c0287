import RoosterModel

/// The weekly enrolment on a fixed base timetable, prepared for a solver: what each student may be
/// placed in, what it costs, and what every place holds.
///
/// Two layers, as schools run them: **choice sessions** (each student takes
/// ``School/choiceLessonsPerWeek`` of them, at most one at a time, each lesson once) and **clusters**
/// (block hours and parallel levels: a student of the cluster's groups takes exactly one of its
/// lessons — per session for block hours, for the whole term otherwise).
///
/// Costs follow the checker's ``RoosterRules`` rule `choicePreference` (rank − 1 for a requested
/// lesson, one more than the student's lowest rank for an unrequested one), so the preference part
/// of a solver's objective is exactly what the checker reports. Above preferences, in this order:
/// a placement a coach required, a full week, and keeping earlier placements.
public struct EnrolmentProblem: Sendable {
    /// Something one enrolment places a student in: a choice session or a lesson of a cluster.
    package struct Item: Sendable, Hashable {
        package var lesson: Lesson.ID
        /// The session; nil for a cluster lesson taken in every occurrence.
        package var start: TimeSlot?
        /// The periods it takes (all occurrences for a cluster lesson without start).
        package var slots: [TimeSlot]
        /// Students it can hold.
        package var seats: Int
        /// Fewer students than this (but more than none) is not allowed: the session is cancelled instead.
        package var minimumSize: Int
        /// The demand it belongs to: the choice layer, or one cluster (session).
        package var demand: Int
    }

    /// A set of items from which a student takes exactly `count`.
    public struct Demand: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// The weekly choice lessons.
            case choice
            /// One lesson of a cluster; `start` is the session for block hours, nil for the term.
            case cluster(Cluster.ID, start: TimeSlot?)
        }
        public var kind: Kind
        /// Indices into the problem's items.
        package var items: [Int]
    }

    /// What one student may be placed in and at what cost.
    package struct Need: Sendable {
        package var student: Student.ID
        /// Per demand the student takes part in: the demand, how many items, and the items that fit them.
        package var parts: [(demand: Int, count: Int, options: [Int])]
        /// Preference cost per option item.
        package var cost: [Int: Int]
        /// Lessons a coach required.
        package var required: [Lesson.ID]
        /// The student's requests by lesson: the best rank asked.
        package var ranks: [Lesson.ID: Int]
        /// Items the student held in the earlier enrolment.
        package var previous: Set<Int>
    }

    /// Relative weights of the objective; each outweighs everything below it.
    public struct Weights: Sendable, Hashable {
        public var missedRequirement = 10_000_000
        public var missingLesson = 100_000
        public var lostPlacement = 1_000
        public init() {}
    }

    public let school: School
    public let timetable: Timetable
    public let requests: [ChoiceRequest]
    public var weights = Weights()
    package internal(set) var items: [Item] = []
    public internal(set) var demands: [Demand] = []
    package internal(set) var needs: [Need] = []
    /// Earlier enrolments that name no item of this timetable (their lesson or session is gone).
    public internal(set) var previousWithoutItem: [Enrolment] = []
    /// Choice sessions and cluster lessons students can be placed in.
    public var itemCount: Int { items.count }
    /// Students who take part in some demand (choice lessons, clusters).
    public var studentsToPlace: Int { needs.count }
    let calendar: StudentCalendar
    let itemIndex: [ItemKey: Int]

    struct ItemKey: Hashable {
        var lesson: Lesson.ID
        var start: TimeSlot?
    }

    /// - Parameters:
    ///   - requests: this week's requests; the school's own ``School/choiceRequests`` when nil.
    ///   - previous: an earlier enrolment to keep as much of as possible (re-enrolment after the
    ///     base timetable changed).
    ///   - week: the week of the cycle (from 0) to enrol for; nil treats every week alike.
    ///   - clusters: also split the students of clusters (block hours, parallel levels) over their lessons.
    public init(
        school: School, timetable: Timetable, requests: [ChoiceRequest]? = nil, previous: [Enrolment] = [], week: Int? = nil,
        clusters: Bool = true
    ) {
        self.school = school
        self.timetable = timetable
        self.requests = requests ?? school.choiceRequests
        calendar = StudentCalendar(school: school, timetable: timetable, week: week)
        let lessons = Dictionary(school.lessons.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rooms = Dictionary(school.rooms.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func seats(_ placement: Placement) -> Int { placement.rooms.reduce(0) { $0 + (rooms[$1]?.capacity ?? 0) } }

        var items: [Item] = []
        var demands: [Demand] = []
        // The choice layer: one item per session.
        if school.choiceLessonsPerWeek != nil {
            demands.append(Demand(kind: .choice, items: []))
            for placement in timetable.placements {
                guard let lesson = lessons[placement.lesson], let choice = lesson.choice else { continue }
                if let week, let weeks = lesson.weeks, !weeks.contains(week) { continue }
                items.append(
                    Item(
                        lesson: lesson.id, start: placement.start,
                        slots: school.occupiedSlots(from: placement.start, durationInPeriods: lesson.durationInPeriods),
                        seats: choice.capacity ?? seats(placement), minimumSize: choice.minimumSize, demand: 0))
                demands[0].items.append(items.count - 1)
            }
        }
        // Clusters: block hours per session, other clusters per lesson for all occurrences.
        if clusters {
            for cluster in school.clusters {
                let placements = timetable.placements.filter { cluster.lessons.contains($0.lesson) }
                let sessions: [TimeSlot?] =
                    cluster.kind == .blockHour ? Array(Set(placements.map(\.start))).sorted().map { $0 } : [nil]
                for start in sessions {
                    var demand = Demand(kind: .cluster(cluster.id, start: start), items: [])
                    for lessonID in cluster.lessons {
                        guard let lesson = lessons[lessonID] else { continue }
                        let own = placements.filter { $0.lesson == lessonID && (start == nil || $0.start == start) }
                        guard !own.isEmpty else { continue }
                        let slots = own.flatMap { school.occupiedSlots(from: $0.start, durationInPeriods: lesson.durationInPeriods) }
                        items.append(
                            Item(
                                lesson: lessonID, start: start, slots: slots, seats: own.map(seats).min() ?? 0, minimumSize: 0,
                                demand: demands.count))
                        demand.items.append(items.count - 1)
                    }
                    if !demand.items.isEmpty { demands.append(demand) }
                }
            }
        }
        self.items = items
        self.demands = demands
        itemIndex = Dictionary(
            items.enumerated().map { (ItemKey(lesson: $1.lesson, start: $1.start), $0) }, uniquingKeysWith: { a, _ in a })
        needs = makeNeeds(lessons: lessons, previous: previous)
    }

    private mutating func makeNeeds(lessons: [Lesson.ID: Lesson], previous: [Enrolment]) -> [Need] {
        var ranks: [Student.ID: [Lesson.ID: Int]] = [:]
        var required: [Student.ID: [Lesson.ID]] = [:]
        for request in requests {
            ranks[request.student, default: [:]][request.lesson] = min(ranks[request.student]?[request.lesson] ?? .max, request.rank)
            if request.required, !(required[request.student]?.contains(request.lesson) ?? false) {
                required[request.student, default: []].append(request.lesson)
            }
        }
        var held: [Student.ID: Set<Int>] = [:]
        // An enrolment without a start means every occurrence of its lesson: every session of it is held.
        var itemsOfLesson: [Lesson.ID: [Int]] = [:]
        for (key, item) in itemIndex { itemsOfLesson[key.lesson, default: []].append(item) }
        for enrolment in previous {
            if let item = itemIndex[ItemKey(lesson: enrolment.lesson, start: enrolment.start)] {
                held[enrolment.student, default: []].insert(item)
            } else if enrolment.start == nil, let sessions = itemsOfLesson[enrolment.lesson] {
                held[enrolment.student, default: []].formUnion(sessions)
            } else {
                previousWithoutItem.append(enrolment)
            }
        }
        return school.students.enumerated().map { position, student in
            let own = ranks[student.id] ?? [:]
            let unrequested = (own.values.max() ?? 0) + 1
            let groups = Set(student.groups)
            let busy = calendar.busy[position]
            var parts: [(demand: Int, count: Int, options: [Int])] = []
            var cost: [Int: Int] = [:]
            for (demandIndex, demand) in demands.enumerated() {
                var options: [Int] = []
                switch demand.kind {
                case .choice:
                    for item in demand.items {
                        guard let choice = lessons[items[item].lesson]?.choice else { continue }
                        guard choice.openTo.isEmpty || !groups.isDisjoint(with: choice.openTo) else { continue }
                        guard items[item].slots.allSatisfy({ !busy.contains($0) }) else { continue }
                        options.append(item)
                    }
                    parts.append((demandIndex, school.choiceLessonsPerWeek ?? 0, options))
                case .cluster:
                    options = demand.items.filter { !groups.isDisjoint(with: lessons[items[$0].lesson]?.groups ?? []) }
                    if !options.isEmpty { parts.append((demandIndex, 1, options)) }
                }
                for item in options { cost[item] = own[items[item].lesson].map { $0 - 1 } ?? unrequested }
            }
            return Need(
                student: student.id, parts: parts, cost: cost, required: required[student.id] ?? [], ranks: own,
                previous: held[student.id] ?? [])
        }
    }

    /// The index of the item for a lesson and session, if this problem has one.
    package func item(lesson: Lesson.ID, start: TimeSlot?) -> Int? { itemIndex[ItemKey(lesson: lesson, start: start)] }

    /// The objective of an assignment (lower is better): the weighted shortfalls plus preference costs.
    public func objective(of assignment: EnrolmentAssignment) -> Int {
        var total = 0
        for (position, need) in needs.enumerated() {
            let taken = assignment.items[position]
            for part in need.parts {
                let count = taken.filter { items[$0].demand == part.demand }.count
                total += max(part.count - count, 0) * weights.missingLesson
            }
            for item in taken { total += need.cost[item] ?? 0 }
            for lesson in need.required where !taken.contains(where: { items[$0].lesson == lesson }) {
                total += weights.missedRequirement
            }
            total += need.previous.subtracting(taken).count * weights.lostPlacement
        }
        return total
    }
}

/// Who goes where in an ``EnrolmentProblem``, as an engine leaves it: turn it into words and
/// enrolments with ``EnrolmentPlan/init(problem:assignment:method:previous:)``.
///
/// Items per student (by position in ``School/students``), as indices into the problem's items.
public struct EnrolmentAssignment: Sendable, Hashable {
    package var items: [[Int]]
    /// Items cancelled for being below their minimum size.
    package var cancelled: Set<Int>

    package init(items: [[Int]], cancelled: Set<Int> = []) {
        self.items = items
        self.cancelled = cancelled
    }
}
