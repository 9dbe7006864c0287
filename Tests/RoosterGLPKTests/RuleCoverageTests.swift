import RoosterEnrolment
import RoosterHeuristic
import RoosterModel
import RoosterRules
import RoosterSolving
import RoosterTestSupport
import Testing

@testable import RoosterAuto
@testable import RoosterGLPK
@testable import RoosterMIP

/// The catalogue test: every rule of a layer is either optimised by each engine of that layer or
/// declared not optimised there, so a new rule cannot slip past a solver unnoticed.
@Suite("Rule coverage of the engines")
struct RuleCoverageTests {
    static let engines = [
        HeuristicSolver.coverage, MIPSolver.coverage, AutoSolver.coverage, FlowEnrolment.coverage, CoachPlanner.coverage,
    ]

    @Test("Each engine accounts for every rule of its layer, exactly once, and for no rule of another layer")
    func everyRuleAccountedFor() {
        for engine in Self.engines {
            let layer = Set(RuleCatalogue.descriptors.filter { $0.layer == engine.layer }.map(\.id))
            let declared = Set(engine.notOptimised.keys)
            #expect(
                engine.optimised.isDisjoint(with: declared),
                "\(engine.engine) both optimises and disowns \(engine.optimised.intersection(declared))")
            #expect(
                engine.optimised.union(declared) == layer,
                "\(engine.engine) does not account for \(layer.subtracting(engine.optimised.union(declared)).sorted())")
            #expect(engine.optimised.union(declared).isSubset(of: layer), "\(engine.engine) claims rules of another layer")
        }
    }

    @Test("Every base rule that counts by default has a heuristic delta or a MIP term")
    func everyWeightedRuleIsOptimisedSomewhere() {
        // The change rules count only in a re-solve (with a reference timetable).
        for descriptor in RuleCatalogue.descriptors
        where descriptor.layer == .base && (descriptor.level == .hard || descriptor.defaultWeight > 0)
            && !RuleCatalogue.changeRules.contains(descriptor.id)
        {
            #expect(
                HeuristicSolver.coverage.optimised.contains(descriptor.id) || MIPSolver.coverage.optimised.contains(descriptor.id),
                "\(descriptor.id) counts by default but no solver optimises it")
        }
    }

    @Test("A solver reports the rules that count but that it did not optimise; weight 0 does not count")
    func unoptimisedRulesAreReported() async {
        var school = Fixture.school
        school.lessons = [Fixture.german2V1(count: 2)]
        let nothing = RuleCoverage(engine: "none", layer: .base, optimised: [])
        let reported = nothing.unoptimisedRules(in: school, checker: Checker(weightOverrides: [.teacherGaps: 0]))
        #expect(reported.contains(.teacherConflict))
        #expect(reported.contains(.groupGaps))
        #expect(!reported.contains(.teacherGaps), "switched off by the caller")
        #expect(!reported.contains(.isolatedLessons), "weight 0 by default")
        #expect(!reported.contains(.choiceEnrolment), "another layer")

        let result = await HeuristicSolver().solve(school, options: SolveOptions(iterationLimit: 1_000, seed: 1))
        #expect(Checker().check(result.timetable, against: school).score == result.score)
        #expect(result.unoptimisedRules.isEmpty)
    }
}
