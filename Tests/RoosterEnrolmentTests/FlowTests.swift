import RoosterEnrolment
import RoosterGLPK
import RoosterGenerate
import RoosterHeuristic
import RoosterModel
import RoosterSolving
import Testing

@testable import RoosterMIP

@Suite struct FlowTests {
    /// Random small assignment problems (students with demands, items with seats, random costs and
    /// a costly bypass) against brute force over every assignment.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func minCostFlowMatchesBruteForce(seed: UInt64) {
        print("min-cost flow against brute force, seed \(seed)")
        var rng = SeededGenerator(seed: seed)
        let students = 3, items = 3
        let seats = (0..<items).map { _ in 1 + rng.below(2) }
        let cost = (0..<students).map { _ in (0..<items).map { _ in rng.below(7) - 2 } }
        let missing = 20
        var network = MinCostFlow()
        let source = network.addNode(supply: students), sink = network.addNode(supply: -students)
        let itemNodes = (0..<items).map { item in
            let node = network.addNode()
            network.addArc(from: node, to: sink, capacity: seats[item], cost: 0)
            return node
        }
        var arcs: [[Int]] = []
        for student in 0..<students {
            let node = network.addNode()
            network.addArc(from: source, to: node, capacity: 1, cost: 0)
            arcs.append((0..<items).map { network.addArc(from: node, to: itemNodes[$0], capacity: 1, cost: cost[student][$0]) })
        }
        network.addArc(from: source, to: sink, capacity: students, cost: missing)
        guard let flow = network.solve() else {
            Issue.record("no flow")
            return
        }
        var flowCost = 0
        for student in 0..<students { for item in 0..<items { flowCost += flow[arcs[student][item]] * cost[student][item] } }
        flowCost += (students - arcs.flatMap { $0 }.reduce(0) { $0 + flow[$1] }) * missing
        // Brute force: each student takes one item or none (-1).
        var best = Int.max
        func search(_ student: Int, _ used: [Int], _ total: Int) {
            guard student < students else {
                best = min(best, total)
                return
            }
            search(student + 1, used, total + missing)
            for item in 0..<items where used[item] < seats[item] {
                var next = used
                next[item] += 1
                search(student + 1, next, total + cost[student][item])
            }
        }
        search(0, Array(repeating: 0, count: items), 0)
        #expect(flowCost == best)
    }

    @Test func unroutableSupplyHasNoFlow() {
        var network = MinCostFlow()
        let a = network.addNode(supply: 3), b = network.addNode(supply: -3)
        network.addArc(from: a, to: b, capacity: 2, cost: 1)
        #expect(network.solve() == nil)
    }

    /// The flow enrolment (no GLPK) and the full program (GLPK) agree on the optimum.
    @Test func flowEnrolmentEqualsTheFullProgram() async throws {
        let seed: UInt64 = 9
        print("flow enrolment against the full program, generated school, seed \(seed)")
        let (school, base) = try await generatedWeek(students: 90, seed: seed)
        let problem = EnrolmentProblem(school: school, timetable: base)
        let flow = FlowEnrolment(seed: seed).enrol(problem)
        let program = EnrolmentProgram(problem: problem)
        // Bounded by branch-and-bound steps; the hour is only a guard against a hang.
        var runner = MIPRunner(GLPKBackend(), settings: MIPSettings(deadline: Deadline(after: .seconds(3_600))))
        runner.stepLimit = 200_000
        runner.primalSimplex = true
        let solution = try runner.solve(program.model)
        let values = try #require(solution.values)
        #expect(solution.status == .optimal)
        let exact = program.assignment(from: values)
        #expect(problem.objective(of: exact) == problem.objective(of: flow.assignment))
        #expect(flow.bound == problem.objective(of: flow.assignment))
        #expect(flow.method == .exact(optimal: true))
    }
}
