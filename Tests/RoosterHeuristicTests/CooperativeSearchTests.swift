import RoosterModel
import RoosterRules
import RoosterSolving
import Testing

@testable import RoosterHeuristic

@Suite("Cooperative search")
struct CooperativeSearchTests {
    @Test(
        "Two cooperating searches bounded by moves repeat exactly, and the checker agrees with their score (comp01, seeds 1–2)",
        arguments: [UInt64(1), 2])
    func repeatable(seed: UInt64) async throws {
        let school = try Schools.itc("comp01")
        func solve() async -> SolveResult {
            await HeuristicSolver(exchangeRounds: 8).solve(
                school, options: SolveOptions(timeLimit: .seconds(600), iterationLimit: 20_000, seed: seed, threads: 2))
        }
        let first = await solve()
        let second = await solve()
        print("cooperative comp01 seed \(seed): \(first.score)")
        #expect(first.timetable == second.timetable, "seed \(seed)")
        #expect(first.score == second.score, "seed \(seed)")
        #expect(Checker().check(first.timetable, against: school).score == first.score, "seed \(seed)")
        #expect(first.score.isFeasible, "seed \(seed)")
        #expect(first.statistics.iterations >= 2 * 20_000 - 2, "both searches used their moves (seed \(seed))")
    }

    @Test("Searches that take over another's timetable keep exact incremental costs, and take over the better one (comp01, seed 3)")
    func exchangeKeepsCostsExact() async throws {
        let school = try Schools.itc("comp01")
        let problem = SearchProblem(school: school, checker: Checker())
        let searches = (0..<2).map { AnnealingSearch(problem: problem, seed: 3 &+ UInt64($0), verify: true) }
        let schedule = AnnealingSearch.Limit(deadline: Deadline(after: .seconds(600)), iterations: 6_000)
        var finished = await CooperativeSearch(rounds: 6, exchangeFrom: 0).run(searches, schedule: schedule, startedAt: .now, progress: nil)
        #expect(finished.map(\.adopted).reduce(0, +) >= 1, "timetables were exchanged between rounds")
        for index in finished.indices {
            #expect(finished[index].outcome.deltaMismatches == 0, "search \(index)")
            let recomputed = finished[index].state.recomputedCost()
            #expect(recomputed.hard == finished[index].state.hard && recomputed.soft == finished[index].state.soft, "search \(index)")
            let outcome = finished[index].outcome
            let timetable = problem.timetable(starts: outcome.startOption, rooms: outcome.rooms)
            #expect(Checker().check(timetable, against: school).score == outcome.score, "search \(index)")
        }
    }
}
