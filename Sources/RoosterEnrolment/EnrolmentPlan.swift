import RoosterModel

/// An enrolment and everything a roostermaker needs to know about it: every request that was not
/// met and why, sessions cancelled for too few students, students whose week is incomplete, and —
/// when an earlier enrolment was given — which placements were kept, moved or lost.
public struct EnrolmentPlan: Sendable {
    /// How the enrolment was found.
    public enum Method: Sendable, Hashable, CustomStringConvertible {
        /// The exact model; `optimal` when the solver proved no better enrolment exists.
        case exact(optimal: Bool)
        /// The greedy method (asked for, or no exact method found anything better in time).
        case greedy

        public var description: String {
            switch self {
            case .exact(let optimal): optimal ? "exact (proven optimal)" : "exact (best found, not proven optimal)"
            case .greedy: "greedy"
            }
        }
    }

    /// A request that was not met, with the reason in words.
    public struct UnmetRequest: Sendable, Hashable {
        public var request: ChoiceRequest
        public var reason: UnmetReason
    }

    /// A student with fewer choice lessons or cluster places than required.
    public struct Shortfall: Sendable, Hashable {
        public var student: Student.ID
        public var demand: EnrolmentProblem.Demand.Kind
        public var placed: Int
        public var required: Int
        /// Why, in words.
        public var reason: String
    }

    /// A cancelled session: too few students for its minimum size.
    public struct Cancellation: Sendable, Hashable {
        public var lesson: Lesson.ID
        public var start: TimeSlot?
        /// Students who asked for the lesson and could attend this session.
        public var interested: Int
        public var minimumSize: Int
    }

    /// What happened to an earlier placement.
    public struct Change: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable { case kept, moved, lost }
        public var kind: Kind
        public var before: Enrolment
        /// The student's placement in the same lesson now (moved), nil when lost.
        public var after: Enrolment?
    }

    /// Counts that describe the enrolment's quality.
    public struct Statistics: Sendable, Hashable {
        public var students = 0
        public var enrolments = 0
        public var requests = 0
        public var requestsMet = 0
        /// Students with a first choice, and those placed in (one of) their first choice(s).
        public var firstChoices = 0
        public var firstChoicesMet = 0
        public var required = 0
        public var requiredMet = 0
        /// Enrolments in lessons the student did not ask for (filling their week).
        public var unrequested = 0
        /// The solver's objective (see ``EnrolmentProblem``).
        public var objective = 0

        /// Share of first choices met, 0…1 (1 when nobody had one).
        public var firstChoiceShare: Double { firstChoices == 0 ? 1 : Double(firstChoicesMet) / Double(firstChoices) }
    }

    public var method: Method
    public var enrolments: [Enrolment]
    public var unmet: [UnmetRequest]
    public var shortfalls: [Shortfall]
    public var cancelled: [Cancellation]
    /// Empty unless an earlier enrolment was given.
    public var changes: [Change]
    public var statistics: Statistics
    /// The assignment behind ``enrolments``.
    public var assignment: EnrolmentAssignment
    /// A proven lower bound on the objective (``Statistics/objective``) of any enrolment, when an
    /// exact method found one; equal to the objective when the enrolment is optimal.
    public var bound: Int?

    /// The base timetable with this enrolment as its enrolment layer (clusters and choices).
    public func timetable(on base: Timetable) -> Timetable {
        var result = base
        result.enrolments = enrolments
        return result
    }

    public init(problem: EnrolmentProblem, assignment: EnrolmentAssignment, method: Method, previous: [Enrolment] = []) {
        self.method = method
        self.assignment = assignment
        let explainer = UnmetExplainer(problem: problem, assignment: assignment)
        var enrolments: [Enrolment] = []
        var statistics = Statistics(students: problem.needs.count, objective: problem.objective(of: assignment))
        var unmet: [UnmetRequest] = []
        var shortfalls: [Shortfall] = []
        for (position, need) in problem.needs.enumerated() {
            let taken = assignment.items[position].sorted()
            for item in taken {
                enrolments.append(Enrolment(student: need.student, lesson: problem.items[item].lesson, start: problem.items[item].start))
                if need.ranks[problem.items[item].lesson] == nil { statistics.unrequested += 1 }
            }
            for part in need.parts {
                let placed = taken.filter { problem.items[$0].demand == part.demand }.count
                guard placed < part.count else { continue }
                shortfalls.append(
                    Shortfall(
                        student: need.student, demand: problem.demands[part.demand].kind, placed: placed, required: part.count,
                        reason: explainer.shortfallReason(position, part: part)))
            }
        }
        // Requests, counted once per student and lesson at their best rank.
        let positionOf = Dictionary(problem.needs.enumerated().map { ($1.student, $0) }, uniquingKeysWith: { a, _ in a })
        var seen = Set<String>()
        for request in problem.requests {
            guard seen.insert("\(request.student)|\(request.lesson)").inserted else { continue }
            guard let position = positionOf[request.student] else {
                statistics.requests += 1
                unmet.append(UnmetRequest(request: request, reason: .unknownStudent))
                continue
            }
            let need = problem.needs[position]
            let rank = need.ranks[request.lesson] ?? request.rank
            let isRequired = need.required.contains(request.lesson)
            let met = assignment.items[position].contains { problem.items[$0].lesson == request.lesson }
            statistics.requests += 1
            if isRequired { statistics.required += 1 }
            if met {
                statistics.requestsMet += 1
                if isRequired { statistics.requiredMet += 1 }
                continue
            }
            let asked = ChoiceRequest(student: request.student, lesson: request.lesson, rank: rank, required: isRequired)
            unmet.append(UnmetRequest(request: asked, reason: explainer.reason(position, lesson: request.lesson, rank: rank)))
        }
        // First choices per student: a block hour's subject can be asked as several lessons (one per room) of one rank.
        for (position, need) in problem.needs.enumerated() where need.ranks.values.contains(1) {
            statistics.firstChoices += 1
            if assignment.items[position].contains(where: { need.ranks[problem.items[$0].lesson] == 1 }) { statistics.firstChoicesMet += 1 }
        }
        statistics.enrolments = enrolments.count
        self.enrolments = enrolments
        self.unmet = unmet
        self.shortfalls = shortfalls
        self.statistics = statistics
        self.cancelled = assignment.cancelled.sorted().map { item in
            let target = problem.items[item]
            let interested = problem.needs.filter { $0.ranks[target.lesson] != nil && $0.parts.contains { $0.options.contains(item) } }
                .count
            return Cancellation(lesson: target.lesson, start: target.start, interested: interested, minimumSize: target.minimumSize)
        }
        self.changes = Self.changes(from: previous, to: enrolments)
    }

    /// Kept, moved and lost placements of an earlier enrolment.
    static func changes(from previous: [Enrolment], to current: [Enrolment]) -> [Change] {
        var now: [String: [Enrolment]] = [:]
        for enrolment in current { now["\(enrolment.student)|\(enrolment.lesson)", default: []].append(enrolment) }
        return previous.map { before in
            let same = now["\(before.student)|\(before.lesson)"] ?? []
            // Without a start the earlier enrolment meant every session: any session of the lesson keeps it.
            if same.contains(before) || (before.start == nil && !same.isEmpty) {
                return Change(kind: .kept, before: before, after: same.first ?? before)
            }
            if let after = same.first { return Change(kind: .moved, before: before, after: after) }
            return Change(kind: .lost, before: before, after: nil)
        }
    }
}
