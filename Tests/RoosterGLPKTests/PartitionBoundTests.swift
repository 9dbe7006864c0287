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

    /// 2V1's only lesson is once a week: isolated whatever the timetable (weight 2). Maths of 3H2
    /// asks for 3 days, but its teacher comes on 2 (weight 5 for the missing day).
    static var forcedCostSchool: School {
        var school = F.school(with: [
            Lesson(id: "2V1-du", teachers: ["JDV"], groups: ["2V1"], countPerWeek: 1, allowedSegments: ["instruction"]),
            Lesson(
                id: "3H2-wi", teachers: ["ABE"], groups: ["3H2"], countPerWeek: 3, allowedSegments: ["instruction"], minDays: 3),
        ])
        school.ruleWeights[.isolatedLessons] = 2
        school.ruleWeights[.minWorkingDays] = 5
        school.teachers[1].unavailable = Set([F.wed, F.thu, F.fri].flatMap { day in (0..<6).map { F.at(day, $0) } })
        return school
    }

    @Test(
        "What a school cannot avoid is in the bound: a class with one lesson on a day, and a teacher there on fewer days than a lesson needs"
    )
    func forcedCosts() async throws {
        let (bound, optimum) = try await boundAndOptimum(Self.forcedCostSchool)
        #expect(bound >= 2 + 5, "bound \(bound): the isolated lesson and the missing day")
        #expect(bound <= optimum.score.soft, "bound \(bound), optimum \(optimum.score.soft)")
    }

    /// The partition bound of `school` and GLPK's proven optimum, as the checker scores it.
    func boundAndOptimum(_ school: School) async throws -> (bound: Int, optimum: CheckReport) {
        let solver = MIPSolver(backend: GLPKBackend())
        let bound = try #require(solver.partitionBound(of: school, options: options))
        let optimum = await solver.solve(school, options: options)
        #expect(optimum.status == .optimal)
        let report = Checker().check(optimum.timetable, against: school)
        #expect(report.score == optimum.score)
        return (bound.value, report)
    }

    /// Rooms R1 and R2 open in two periods a week each, LAB the only room of a class larger than
    /// its 24 seats: maths (four times, R1 or R2) cannot stay in one room, German of 2V1 (28
    /// students, twice in LAB) is four students short each time.
    static var roomBoundSchool: School {
        var school = F.school(with: [
            Lesson(id: "2V1-wi", teachers: ["ABE"], groups: ["2V1"], countPerWeek: 4, allowedRooms: ["R1", "R2"]),
            Lesson(id: "2V1-du", teachers: ["JDV"], groups: ["2V1"], countPerWeek: 2, allowedRooms: ["LAB"]),
        ])
        let open = [F.at(F.mon, 3), F.at(F.tue, 3)]
        let week = Set((0..<5).flatMap { day in (0..<6).map { F.at(day, $0) } })
        school.rooms[0].unavailable = week.subtracting(open)
        school.rooms[1].unavailable = week.subtracting([F.at(F.wed, 3), F.at(F.thu, 3)])
        school.ruleWeights[.dailyLessons] = 0
        return school
    }

    @Test("What the rooms cannot avoid is in the bound: a lesson split over two rooms, a class too large for its only room")
    func forcedRoomCosts() async throws {
        let (bound, optimum) = try await boundAndOptimum(Self.roomBoundSchool)
        #expect(optimum.penaltyByRule[.roomStability] == 1 && optimum.penaltyByRule[.roomCapacity] == 8, "\(optimum.penaltyByRule)")
        #expect(bound >= 1 + 8, "bound \(bound): the second room and 2 × 4 students")
        #expect(bound <= optimum.score.soft, "bound \(bound), optimum \(optimum.score.soft)")
    }

    @Test("comp01: the rooms by their weekly periods prove 5, the best known (GLPK's rooms part with times reaches 4 in its time)")
    func comp01RoomsBound() async throws {
        let school = try SchoolFile.load(GLPKSolverTests.fixtures.appendingPathComponent("comp01.ctt")).school
        let packing = try #require(
            RoomPackingBound(compiled: CompiledSchool(school: school, checker: Checker()), capacityWeight: 1, stabilityWeight: 1))
        var runner = MIPSolver(backend: GLPKBackend()).runner(deadline: options.deadline(from: .now))
        runner.stepLimit = options.iterationLimit
        let solution = try runner.solve(packing.model)
        #expect(solution.status == .optimal)
        #expect(solution.objective.map { Int($0.rounded()) } == 5)
    }

    /// comp07's shape in small: q2 is one course over three days (each lesson isolated for q2,
    /// 3 × 2), q1 the same course with another that fills around it.
    static let smallGroupCTT = """
        Name: owners
        Courses: 2
        Rooms: 1
        Days: 5
        Periods_per_day: 4
        Curricula: 2
        Constraints: 0

        COURSES:
        c1 t1 3 3 10
        c2 t2 3 1 10

        ROOMS:
        r1 30

        CURRICULA:
        q1 2 c1 c2
        q2 1 c1

        UNAVAILABILITY_CONSTRAINTS:

        END.
        """

    @Test("A lesson's minimum days are charged with its smallest group, where they force isolated lessons (comp07's q038)")
    func ownedWithTheSmallestGroup() async throws {
        let school = try CTTFormat.parse(Self.smallGroupCTT, file: "owners.ctt")
        let solver = MIPSolver(backend: GLPKBackend())
        // One lesson per part: q1 and q2 apart, as comp07's q037 and q038 are.
        let apart = try #require(solver.partitionBound(of: school, options: options, lessonsPerPart: 1))
        let (together, optimum) = try await boundAndOptimum(school)
        #expect(optimum.score.soft == 6, "\(optimum.penaltyByRule)")
        #expect(apart.parts == 4 && apart.value == 6, "\(apart.parts) programs, bound \(apart.value): q2's three isolated lessons")
        #expect(together == 6, "bound \(together) with both groups in one part")
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
