import RoosterModel
import RoosterRules
import RoosterSolving

/// The enrolment by minimum-cost flow, in pure Swift (no GLPK needed).
///
/// The flow relaxation (``EnrolmentFlow``) drops minimum sizes and "each request once". When its
/// optimum keeps both anyway — the usual case — it is a proven optimal enrolment. Otherwise the
/// sessions below their minimum are cancelled and the flow solved again, for a few rounds; the
/// result is compared with the greedy enrolment and the better one returned, with the first flow's
/// optimum as a proven lower bound (``EnrolmentPlan/bound``).
public struct FlowEnrolment: Sendable {
    public var seed: UInt64
    /// Rounds of cancelling sessions below their minimum size.
    public var rounds: Int

    /// The enrolment optimises every rule of its layer. Room capacity, a base rule, holds for block
    /// hours too: their students are split within the rooms' seats.
    public static let coverage = RuleCoverage(
        engine: "enrolment", layer: .enrolment,
        optimised: [.studentConflict, .choiceCapacity, .choiceMinimumSize, .choiceEnrolment, .choicePreference])

    public init(seed: UInt64 = 1, rounds: Int = 8) {
        self.seed = seed
        self.rounds = rounds
    }

    public func enrol(_ problem: EnrolmentProblem, previous: [Enrolment] = [], deadline: Deadline? = nil) -> EnrolmentPlan {
        var best: EnrolmentAssignment?
        var method = EnrolmentPlan.Method.greedy
        var bound: Int?
        let usable = { (assignment: EnrolmentAssignment) in
            EnrolmentFlow.undersized(assignment, in: problem).isEmpty && !EnrolmentFlow.repeatsARequest(assignment, in: problem)
        }
        if let relaxed = EnrolmentFlow(problem: problem)?.solve() {
            bound = problem.objective(of: relaxed)
            var current = relaxed
            var cancelled = Set<Int>()
            for _ in 0..<rounds where !usable(current) && !(deadline?.hasPassed ?? false) {
                let small = EnrolmentFlow.undersized(current, in: problem)
                guard !small.isEmpty else { break }
                cancelled.formUnion(small)
                guard let next = EnrolmentFlow(problem: problem, cancelled: cancelled)?.solve() else { break }
                current = next
            }
            if usable(current) {
                best = current
                method = .exact(optimal: problem.objective(of: current) == bound)
            }
        }
        // The greedy enrolment, unless the flow is proven optimal.
        let chosen: EnrolmentAssignment
        if let best, method == .exact(optimal: true) {
            chosen = best
        } else {
            let greedy = GreedyEnrolment(seed: seed).solve(problem)
            if let best, problem.objective(of: best) <= problem.objective(of: greedy) {
                chosen = best
            } else {
                chosen = greedy
                method = .greedy
            }
        }
        var plan = EnrolmentPlan(problem: problem, assignment: chosen, method: method, previous: previous)
        plan.bound = bound
        return plan
    }
}
