import RoosterModel

/// Why a request was not met. The first reason that applies is given, from the most basic (the
/// lesson is not offered) to the trade-off an optimal enrolment makes between students.
public enum UnmetReason: Sendable, Hashable {
    /// The request names a student the school does not have.
    case unknownStudent
    /// The lesson is neither a choice lesson nor a lesson of a cluster.
    case notOffered
    /// The lesson has no session in this timetable (in this week).
    case notScheduled
    /// The lesson is not open to any of the student's groups.
    case closed
    /// Every session clashes with the student's own lessons, named with their times.
    case clashes([String])
    /// Every session the student could attend was cancelled for too few students.
    case cancelled
    /// Every session the student could attend is full.
    case full(seats: Int)
    /// Every session's time is taken by a choice the student ranked at least as high, named.
    case timeTaken(by: [Lesson.ID])
    /// The student's week is complete with choices they ranked higher.
    case weekComplete
    /// Seats were given to other students whose choices weighed more in the whole enrolment.
    case tradeOff

    /// A short code for files and scripts.
    public var code: String {
        switch self {
        case .unknownStudent: "unknownStudent"
        case .notOffered: "notOffered"
        case .notScheduled: "notScheduled"
        case .closed: "closed"
        case .clashes: "clash"
        case .cancelled: "cancelled"
        case .full: "full"
        case .timeTaken: "timeTaken"
        case .weekComplete: "weekComplete"
        case .tradeOff: "tradeOff"
        }
    }

    /// The reason in words, for a roostermaker.
    public var sentence: String {
        switch self {
        case .unknownStudent: "the student is not in the school file"
        case .notOffered: "the lesson is not a choice lesson or a block-hour lesson of this school"
        case .notScheduled: "the lesson has no session in this timetable"
        case .closed: "the lesson is not open to the student's groups"
        case .clashes(let lessons): "every session clashes with the student's lessons: " + lessons.joined(separator: ", ")
        case .cancelled: "every session the student could attend was cancelled for too few students"
        case .full(let seats): "every session the student could attend is full (\(seats) seats)"
        case .timeTaken(let lessons):
            "its times went to choices ranked at least as high: " + lessons.map(\.rawValue).joined(separator: ", ")
        case .weekComplete: "the student's week is complete with choices they ranked higher"
        case .tradeOff: "its seats went to other students; giving it to this student would cost the enrolment more elsewhere"
        }
    }
}

/// Finds the reason for each unmet request of an assignment.
struct UnmetExplainer {
    let problem: EnrolmentProblem
    let assignment: EnrolmentAssignment
    let lessons: [Lesson.ID: Lesson]
    let clustered: Set<Lesson.ID>
    let count: [Int]

    init(problem: EnrolmentProblem, assignment: EnrolmentAssignment) {
        self.problem = problem
        self.assignment = assignment
        lessons = Dictionary(problem.school.lessons.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        clustered = Set(problem.school.clusters.flatMap(\.lessons))
        var count = Array(repeating: 0, count: problem.items.count)
        for taken in assignment.items { for item in taken { count[item] += 1 } }
        self.count = count
    }

    func reason(_ student: Int, lesson: Lesson.ID, rank: Int) -> UnmetReason {
        guard let target = lessons[lesson], target.choice != nil || clustered.contains(lesson) else { return .notOffered }
        let sessions = problem.items.indices.filter { problem.items[$0].lesson == lesson }
        guard !sessions.isEmpty else { return .notScheduled }
        let need = problem.needs[student]
        let open = Set(need.parts.flatMap(\.options))
        let reachable = sessions.filter(open.contains)
        if reachable.isEmpty {
            if let choice = target.choice, !choice.openTo.isEmpty,
                Set(problem.school.students[student].groups).isDisjoint(with: choice.openTo)
            {
                return .closed
            }
            if target.choice == nil { return .closed }
            let because = problem.calendar.busyBecause[student]
            let words = sessions.compactMap { item -> String? in
                let slot = problem.items[item].slots.first { because[$0] != nil }
                return slot.map { "\(problem.school.label($0)) (\(because[$0].map(\.rawValue) ?? "busy"))" }
            }
            return .clashes(words)
        }
        let running = reachable.filter { !assignment.cancelled.contains($0) }
        if running.isEmpty { return .cancelled }
        let withSeats = running.filter { count[$0] < problem.items[$0].seats }
        if withSeats.isEmpty { return .full(seats: problem.items[running[0]].seats) }
        let taken = assignment.items[student]
        let better = { (item: Int) in
            need.required.contains(problem.items[item].lesson) || (need.ranks[problem.items[item].lesson] ?? .max) <= rank
        }
        var blockers: [Lesson.ID] = []
        let allBlocked = withSeats.allSatisfy { candidate in
            let blocking = taken.filter { item in
                let other = problem.items[item]
                guard other.demand == problem.items[candidate].demand else { return false }
                guard problem.demands[other.demand].kind == .choice else { return true }
                return !Set(other.slots).isDisjoint(with: problem.items[candidate].slots)
            }
            guard !blocking.isEmpty, blocking.allSatisfy(better) else { return false }
            blockers += blocking.map { problem.items[$0].lesson }
            return true
        }
        if allBlocked { return .timeTaken(by: Array(Set(blockers)).sorted()) }
        let demand = problem.items[withSeats[0]].demand
        if let part = need.parts.first(where: { $0.demand == demand }) {
            let inPart = taken.filter { problem.items[$0].demand == demand }
            if inPart.count >= part.count, inPart.allSatisfy(better) { return .weekComplete }
        }
        return .tradeOff
    }

    func shortfallReason(_ student: Int, part: (demand: Int, count: Int, options: [Int])) -> String {
        let free = part.options.filter { !assignment.cancelled.contains($0) }
        if part.options.isEmpty {
            return "no session fits: every session clashes with their lessons or is not open to them"
        }
        if free.isEmpty { return "every session they could attend was cancelled for too few students" }
        let withSeats = free.filter { count[$0] < problem.items[$0].seats }
        if withSeats.isEmpty { return "every session they could attend is full" }
        return "the sessions with seats left clash with their other choices or repeat a lesson they already have"
    }
}
