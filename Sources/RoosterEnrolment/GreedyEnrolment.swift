import RoosterModel
import RoosterSolving

/// The enrolment without an exact method: fast and deterministic for its seed; used when the
/// flow (``FlowEnrolment``) cannot be used or finds nothing better, and with `--method greedy`.
///
/// Phases, as a roostermaker would do it by hand but for every student at once: keep earlier
/// placements; place what coaches required; hand out requests round by round in rank order (the
/// student order snakes back and forth so nobody is always last); fill the remaining periods with
/// the cheapest open sessions, preferring sessions that still need students to reach their minimum;
/// cancel sessions that stay below their minimum and place their students again; finally swap
/// students into higher-ranked sessions that have seats. Not proven optimal; ``EnrolmentPlan``
/// says which method made it.
public struct GreedyEnrolment: Sendable {
    public var seed: UInt64

    public init(seed: UInt64 = 1) { self.seed = seed }

    public func solve(_ problem: EnrolmentProblem) -> EnrolmentAssignment {
        var state = State(problem: problem)
        var order = Array(problem.needs.indices)
        var rng = SeededGenerator(seed: seed)
        order.shuffle(using: &rng)
        order.sort { !problem.needs[$0].required.isEmpty && problem.needs[$1].required.isEmpty }
        for student in order { state.keepPrevious(student) }
        for student in order { state.placeRequired(student) }
        state.handOutRequests(order)
        for student in order { state.fill(student) }
        state.cancelSmallSessions(order)
        state.improve(order)
        return EnrolmentAssignment(items: state.taken, cancelled: state.cancelled)
    }

    /// The assignment being built, with the counts every step needs.
    struct State {
        let problem: EnrolmentProblem
        var taken: [[Int]]
        var occupied: [Set<TimeSlot>]
        var count: [Int]
        var cancelled: Set<Int> = []

        init(problem: EnrolmentProblem) {
            self.problem = problem
            taken = Array(repeating: [], count: problem.needs.count)
            occupied = Array(repeating: [], count: problem.needs.count)
            count = Array(repeating: 0, count: problem.items.count)
        }

        // MARK: Moves

        func isChoice(_ item: Int) -> Bool { problem.demands[problem.items[item].demand].kind == .choice }

        /// Whether the student can take the item now: seats left, not cancelled, a part still
        /// short, and (for choice sessions) no clash and not the same lesson twice.
        func canTake(_ student: Int, _ item: Int, ignoringPart: Bool = false) -> Bool {
            let target = problem.items[item]
            guard !cancelled.contains(item), count[item] < target.seats, !taken[student].contains(item) else { return false }
            guard ignoringPart || shortfall(student, demand: target.demand) > 0 else { return false }
            guard isChoice(item) else { return true }
            return target.slots.allSatisfy { !occupied[student].contains($0) }
                && !taken[student].contains { problem.items[$0].lesson == target.lesson }
        }

        func shortfall(_ student: Int, demand: Int) -> Int {
            guard let part = problem.needs[student].parts.first(where: { $0.demand == demand }) else { return 0 }
            return part.count - taken[student].filter { problem.items[$0].demand == demand }.count
        }

        mutating func take(_ student: Int, _ item: Int) {
            taken[student].append(item)
            count[item] += 1
            if isChoice(item) { occupied[student].formUnion(problem.items[item].slots) }
        }

        mutating func drop(_ student: Int, _ item: Int) {
            guard let position = taken[student].firstIndex(of: item) else { return }
            taken[student].remove(at: position)
            count[item] -= 1
            if isChoice(item) { occupied[student].subtract(problem.items[item].slots) }
        }

        func cost(_ student: Int, _ item: Int) -> Int { problem.needs[student].cost[item] ?? 0 }

        func options(_ student: Int) -> [Int] { problem.needs[student].parts.flatMap(\.options) }

        /// The option of a lesson with the most seats left that the student can take.
        func bestSession(_ student: Int, of lesson: Lesson.ID) -> Int? {
            options(student).filter { problem.items[$0].lesson == lesson && canTake(student, $0) }
                .max { (problem.items[$0].seats - count[$0], -$0) < (problem.items[$1].seats - count[$1], -$1) }
        }

        // MARK: Phases

        mutating func keepPrevious(_ student: Int) {
            for item in problem.needs[student].previous.sorted() where canTake(student, item) { take(student, item) }
        }

        mutating func placeRequired(_ student: Int) {
            for lesson in problem.needs[student].required where !taken[student].contains(where: { problem.items[$0].lesson == lesson }) {
                if let item = bestSession(student, of: lesson) { take(student, item) }
            }
        }

        mutating func handOutRequests(_ order: [Int]) {
            let maxRank = problem.needs.map { $0.ranks.values.max() ?? 0 }.max() ?? 0
            guard maxRank > 0 else { return }
            for rank in 1...maxRank {
                for student in rank % 2 == 1 ? order : order.reversed() {
                    for (lesson, asked) in problem.needs[student].ranks where asked == rank {
                        if let item = bestSession(student, of: lesson) { take(student, item) }
                    }
                }
            }
        }

        mutating func fill(_ student: Int) {
            while let item = options(student).filter({ canTake(student, $0) }).min(by: { fillOrder(student, $0) < fillOrder(student, $1) })
            {
                take(student, item)
            }
        }

        /// Cheapest first; among equals, sessions short of their minimum, then the emptiest.
        private func fillOrder(_ student: Int, _ item: Int) -> (Int, Int, Int, Int) {
            let target = problem.items[item]
            let needsStudents = count[item] > 0 && count[item] < target.minimumSize
            return (cost(student, item), needsStudents ? 0 : 1, -(target.seats - count[item]), item)
        }

        /// Cancels the smallest session below its minimum, places its students again, and repeats.
        mutating func cancelSmallSessions(_ order: [Int]) {
            while let item = problem.items.indices.filter({
                !cancelled.contains($0) && count[$0] > 0 && count[$0] < problem.items[$0].minimumSize
            }).min(by: { (count[$0], $0) < (count[$1], $1) }) {
                cancelled.insert(item)
                let displaced = order.filter { taken[$0].contains(item) }
                for student in displaced { drop(student, item) }
                for student in displaced {
                    placeRequired(student)
                    let ranked = problem.needs[student].ranks.sorted { ($0.value, $0.key) < ($1.value, $1.key) }
                    for (lesson, _) in ranked { if let next = bestSession(student, of: lesson) { take(student, next) } }
                    fill(student)
                }
            }
        }

        /// Swaps students into cheaper sessions with free seats while that lowers the cost.
        mutating func improve(_ order: [Int]) {
            for _ in 0..<4 {
                var changed = false
                for student in order {
                    for candidate in options(student) where !taken[student].contains(candidate) {
                        if tryImprove(student, with: candidate) { changed = true }
                    }
                }
                if !changed { return }
            }
        }

        private mutating func tryImprove(_ student: Int, with candidate: Int) -> Bool {
            let target = problem.items[candidate]
            guard !cancelled.contains(candidate), count[candidate] < target.seats, count[candidate] > 0 || target.minimumSize <= 1
            else { return false }
            let need = problem.needs[student]
            // The items the candidate would push out: same part (clusters), or a clash or the same lesson (choice).
            let blocking = taken[student].filter { item in
                let other = problem.items[item]
                guard other.demand == target.demand else { return false }
                if !isChoice(candidate) { return true }
                return other.lesson == target.lesson || !Set(other.slots).isDisjoint(with: target.slots)
            }
            let out: [Int]
            if blocking.isEmpty {
                guard shortfall(student, demand: target.demand) <= 0 else { return false }
                guard
                    let worst = taken[student].filter({ problem.items[$0].demand == target.demand }).max(by: {
                        cost(student, $0) < cost(student, $1)
                    })
                else { return false }
                out = [worst]
            } else {
                out = blocking
            }
            let keepsRequired = out.allSatisfy { item in !need.required.contains(problem.items[item].lesson) }
            let keepsMinimum = out.allSatisfy { count[$0] - 1 == 0 || count[$0] - 1 >= problem.items[$0].minimumSize }
            let keepsPrevious = out.allSatisfy { !need.previous.contains($0) }
            let gain = out.reduce(0) { $0 + cost(student, $1) } - cost(student, candidate) - (out.count - 1) * problem.weights.missingLesson
            guard keepsRequired, keepsMinimum, keepsPrevious, gain > 0 else { return false }
            for item in out { drop(student, item) }
            take(student, candidate)
            return true
        }
    }
}
