import Foundation
import RoosterIO
import RoosterModel
import RoosterRules
import RoosterSolving
import RoosterTestSupport
import Testing

@testable import RoosterGLPK
@testable import RoosterMIP

@Suite("Partition bound")
struct PartitionBoundTests {
    typealias F = Fixture

    /// Steps per part; the hour is only a guard against a hang.
    let options = SolveOptions(timeLimit: .seconds(3_600), iterationLimit: 200_000)

    @Test(
        "Random small ITC schools: the partition bound is never above GLPK's proven optimum, every part solved",
        arguments: [UInt64(11), 12, 13, 14, 15, 16])
    func belowTheOptimum(seed: UInt64) async throws {
        let school = try CTTFormat.parse(GLPKSolverTests.randomCTT(seed: seed), file: "random-\(seed).ctt")
        let solver = MIPSolver(backend: GLPKBackend())
        let optimum = await solver.solve(school, options: options)
        #expect(optimum.status == .optimal, "seed \(seed)")
        let bound = try #require(solver.partitionBound(of: school, options: options), "seed \(seed)")
        print("random school \(seed): optimum \(optimum.score.soft), partition bound \(bound.value) (\(bound.parts) parts)")
        #expect(bound.value <= optimum.score.soft, "seed \(seed): bound \(bound.value), optimum \(optimum.score.soft)")
        #expect(bound.partsSolved == bound.parts, "seed \(seed): every part of a small school is solved")
    }

    @Test(
        "What a school cannot avoid is in the bound: a class with one lesson on a day, and a teacher there on fewer days than a lesson needs"
    )
    func forcedCosts() async throws {
        // 2V1's only lesson is once a week: isolated whatever the timetable (weight 2). Maths of
        // 3H2 asks for 3 days, but its teacher comes on 2 (weight 5 for the missing day).
        var school = F.school(with: [
            Lesson(id: "2V1-du", teachers: ["JDV"], groups: ["2V1"], countPerWeek: 1, allowedSegments: ["instruction"]),
            Lesson(
                id: "3H2-wi", teachers: ["ABE"], groups: ["3H2"], countPerWeek: 3, allowedSegments: ["instruction"], minDays: 3),
        ])
        school.ruleWeights[.isolatedLessons] = 2
        school.ruleWeights[.minWorkingDays] = 5
        school.teachers[1].unavailable = Set([F.wed, F.thu, F.fri].flatMap { day in (0..<6).map { F.at(day, $0) } })
        let solver = MIPSolver(backend: GLPKBackend())
        let bound = try #require(solver.partitionBound(of: school, options: options))
        let optimum = await solver.solve(school, options: options)
        #expect(optimum.status == .optimal)
        #expect(Checker().check(optimum.timetable, against: school).score == optimum.score)
        #expect(bound.value >= 2 + 5, "bound \(bound.value): the isolated lesson and the missing day")
        #expect(bound.value <= optimum.score.soft, "bound \(bound.value), optimum \(optimum.score.soft)")
    }

    @Test("Schools with choice lessons are not cut into parts: no bound rather than a wrong one")
    func choiceSchoolsGetNone() {
        var school = F.school(with: [
            Lesson(id: "support", countPerWeek: 3, allowedSegments: ["choice"], choice: ChoiceSettings(kind: .support, capacity: 2))
        ])
        school.choiceLessonsPerWeek = 2
        #expect(MIPSolver(backend: GLPKBackend()).partitionBound(of: school, options: options) == nil)
    }
}
