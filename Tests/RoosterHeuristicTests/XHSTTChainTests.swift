import Foundation
import RoosterIO
import RoosterModel
import RoosterRules
import RoosterSolving
import Testing

@testable import RoosterHeuristic

/// The chain a user runs on an XHSTT archive: import, solve, write the solution, score it with
/// the XHSTT evaluator — on the solver's own timetable, not a stored one.
@Suite("XHSTT chain")
struct XHSTTChainTests {
    @Test(
        "The heuristic's timetable for the small archive breaks no hard rule for Rooster's checker nor for the XHSTT evaluator (seeds 1–3)",
        arguments: [UInt64(1), 2, 3])
    func solveAndEvaluate(seed: UInt64) async throws {
        let url = Schools.root.appendingPathComponent("Tests/RoosterIOTests/Fixtures/small-xhstt.xml")
        let loaded = try SchoolFile.load(url, displayName: "small-xhstt.xml")
        let instance = try #require(loaded.xhstt)
        let result = await HeuristicSolver().solve(
            loaded.school, options: SolveOptions(timeLimit: .seconds(600), iterationLimit: 5_000, seed: seed, threads: 1))
        let report = Checker().check(result.timetable, against: loaded.school)
        #expect(report.score.hard == 0, "seed \(seed): \(report.violations.prefix(3).map(\.message))")
        let solution = XHSTTSolutionFile.solution(
            result.timetable, instance: instance, mapping: try XHSTTMapping(instance, file: "small-xhstt.xml"))
        let cost = XHSTTEvaluator(instance: instance).cost(of: solution)
        #expect(cost.hard == 0, "seed \(seed): XHSTT cost \(cost)")
        // Every event placed once with its rooms: nothing for AssignTime or AssignResource to count.
        #expect(solution.events.count == instance.events.count)
    }
}
