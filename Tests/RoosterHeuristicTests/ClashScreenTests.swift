import RoosterModel
import RoosterRules
import RoosterSolving
import RoosterTestSupport
import Testing

@testable import RoosterHeuristic

@Suite("Clash screen")
struct ClashScreenTests {
    /// The searched state of `school` after a short search (`seed`), so that most starts are free and some clash.
    func searchedState(_ school: School, seed: UInt64) -> (SearchProblem, SearchState) {
        let problem = SearchProblem(school: school, checker: Checker())
        var search = AnnealingSearch(problem: problem, seed: seed)
        _ = search.run(deadline: Deadline(after: .seconds(600)), iterationLimit: 5_000, startedAt: .now, progress: nil)
        return (problem, search.state)
    }

    /// The screen's answer worked out directly from the placed events: does another event than
    /// `leaving` overlap `e` at `start` and share a teacher or a group with it?
    func clashesDirectly(_ problem: SearchProblem, _ state: SearchState, _ e: Int, at start: Int, leaving: Set<Int>) -> Bool {
        let event = problem.events[e]
        let teachers = Set(event.members.flatMap(\.teachers)), groups = Set(event.groups)
        for (f, other) in problem.events.enumerated() where !leaving.contains(f) && state.startOption[f] >= 0 {
            let otherStart = other.starts[state.startOption[f]]
            guard otherStart < start + event.duration, start < otherStart + other.duration else { continue }
            if !teachers.isDisjoint(with: other.members.flatMap(\.teachers)) || !groups.isDisjoint(with: other.groups) { return true }
        }
        return false
    }

    @Test(
        "The screen says a move or swap adds a teacher or group clash exactly when the timetable says so (comp01 and a school with double lessons and clusters, seed 3)"
    )
    func screenAgreesWithTimetable() throws {
        for (name, school) in [("comp01", try Schools.itc("comp01")), ("rich school", Fixture.richSchool)] {
            let (problem, state) = searchedState(school, seed: 3)
            var rng = SeededGenerator(seed: 3)
            var clashing = 0, free = 0
            for _ in 0..<3_000 {
                let e = rng.below(problem.events.count)
                let event = problem.events[e]
                let start = event.starts[rng.below(event.starts.count)]
                let partners = problem.related[e]
                let partner = partners.isEmpty || rng.below(2) == 0 ? -1 : partners[rng.below(partners.count)]
                let expected = clashesDirectly(problem, state, e, at: start, leaving: [e, partner])
                #expect(
                    state.wouldClash(e, at: start, leaving: e, partner) == expected, "\(name): event \(e) at \(start), partner \(partner)")
                if expected { clashing += 1 } else { free += 1 }
            }
            #expect(clashing > 100 && free > 100, "\(name): both answers were tried (\(clashing) clashing, \(free) free)")
        }
    }
}
