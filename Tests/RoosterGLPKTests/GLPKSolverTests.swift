import Foundation
import RoosterHeuristic
import RoosterIO
import RoosterModel
import RoosterRules
import RoosterSolving
import RoosterTestSupport
import Testing

@testable import RoosterAuto
@testable import RoosterGLPK
@testable import RoosterMIP

@Suite("GLPK solver")
struct GLPKSolverTests {
    typealias F = Fixture

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RoosterIOTests/Fixtures")

    /// A GLPK solve bounded by branch-and-bound steps; the hour is only a guard against a hang.
    func glpk(_ school: School, steps: Int = 200_000) async -> SolveResult {
        await MIPSolver(backend: GLPKBackend()).solve(school, options: SolveOptions(timeLimit: .seconds(3_600), iterationLimit: steps))
    }

    /// The checker's verdict on a solver's timetable, recomputed here, independent of the solver.
    func checked(_ result: SolveResult, _ school: School) -> Score {
        let report = Checker().check(result.timetable, against: school)
        #expect(report.score == result.score, "the result's score is the checker's")
        return report.score
    }

    @Test("The ITC toy instance is solved to proven optimality (0)")
    func toy() async throws {
        let school = try SchoolFile.load(Self.fixtures.appendingPathComponent("toy.ctt")).school
        let result = await glpk(school)
        #expect(result.status == .optimal)
        #expect(checked(result, school) == .zero)
        #expect(result.bound == 0)
    }

    @Test("Clusters, pins, a two-period lab lesson, lesson and teacher limits, unavailability and team time hold at the proven optimum")
    func richSchool() async {
        let school = F.richSchool
        let result = await glpk(school)
        let score = checked(result, school)
        #expect(score.hard == 0, "\(result.report.violations.filter { $0.level == .hard })")
        #expect(result.status == .optimal)
        #expect(result.bound == score.soft, "the checker agrees with GLPK's objective to the unit")
        // The heuristic can never beat a proven optimum.
        let heuristic = await HeuristicSolver().solve(
            school, options: SolveOptions(timeLimit: .seconds(60), iterationLimit: 30_000, seed: 5))
        #expect(heuristic.score.soft >= score.soft, "seed 5")
    }

    @Test("A teacher's preferred days and daily minimum are in the program: the proven optimum teaches on two days, two periods each")
    func teacherWeekShape() async {
        var school = F.school(with: [F.german2V1(count: 4)])
        school.teachers[0].preferredMaxDays = 2
        school.teachers[0].minPeriodsPerDay = 2
        // Without these two rules the cheapest week spreads the lessons (dailyLessons asks for a
        // lesson every day); with weight 10 each they outweigh it.
        school.ruleWeights[.teacherExtraDays] = 10
        school.ruleWeights[.teacherShortDays] = 10
        let result = await glpk(school)
        let score = checked(result, school)
        #expect(result.status == .optimal && score.hard == 0)
        #expect(result.bound == score.soft, "the checker agrees with GLPK's objective to the unit")
        let perDay = Dictionary(grouping: result.timetable.placements, by: \.start.day).mapValues(\.count)
        #expect(perDay.count == 2 && perDay.values.allSatisfy { $0 == 2 }, "\(perDay)")
        #expect(result.report.penaltyByRule[.teacherExtraDays] == nil && result.report.penaltyByRule[.teacherShortDays] == nil)
    }

    @Test("A hard day spread is a row: GLPK's proven optimum keeps the lessons two days apart, and the checker agrees")
    func hardDaySpread() async {
        var school = F.school(with: [F.german2V1(count: 2), F.maths2V1(count: 1)])
        school.daySpreads = [DaySpread(lessons: ["2V1-du", "2V1-wi"], minDays: 2, hard: true)]
        let result = await glpk(school)
        #expect(result.status == .optimal)
        #expect(checked(result, school).hard == 0)
        let days = result.timetable.placements.map(\.start.day).sorted()
        #expect(days.count == 3 && zip(days, days.dropFirst()).allSatisfy { $1 - $0 >= 2 }, "\(days)")
    }

    @Test(
        "Random small ITC schools: GLPK's proven optimum equals the checker's score, and the heuristic never beats it",
        arguments: [UInt64(11), 12, 13, 14])
    func randomSchools(seed: UInt64) async throws {
        let text = Self.randomCTT(seed: seed)
        let school = try CTTFormat.parse(text, file: "random-\(seed).ctt")
        let result = await glpk(school)
        let score = checked(result, school)
        #expect(score.hard == 0, "seed \(seed)")
        #expect(result.status == .optimal, "seed \(seed): \(result.status)")
        #expect(result.bound == score.soft, "seed \(seed): bound \(result.bound ?? -1), checker \(score.soft)")
        let heuristic = await HeuristicSolver().solve(
            school, options: SolveOptions(timeLimit: .seconds(60), iterationLimit: 50_000, seed: seed))
        #expect(heuristic.score >= score, "seed \(seed): the heuristic's \(heuristic.score) is not below the optimum \(score)")
    }

    @Test("A school that validation cannot fault but has no timetable is proven infeasible, with a reason")
    func infeasible() async {
        var school = F.school(with: [F.german2V1(count: 2)])
        school.lessons[0].maxPerDay = 1
        school.teachers[0].maxDays = 1
        let result = await glpk(school)
        #expect(result.status == .infeasible)
        #expect(!result.diagnostics.isEmpty)
        #expect(result.timetable.placements.isEmpty, "no broken timetable is returned as if it were fine")
        // One change makes it feasible: a second day for the teacher, two a day, or one lesson fewer.
        let relaxation = result.diagnostics.first { $0.code == "smallestRelaxation" }?.message ?? ""
        let ways = ["teacher JDV: 1 day(s) above maxDays", "1 more on", "1 occurrence(s) fewer a week"]
        #expect(ways.contains(where: relaxation.contains) && !relaxation.contains(";"), "\(result.diagnostics)")
    }

    @Test("The program is written as free MPS and CPLEX LP, with one column per variable")
    func export() throws {
        let school = F.richSchool
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rooster-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let mps = directory.appendingPathComponent("rich.mps").path, lp = directory.appendingPathComponent("rich.lp").path
        try MIPSolver(backend: GLPKBackend()).writeModel(of: school, mps: mps, lp: lp)
        let mpsText = try String(contentsOfFile: mps, encoding: .utf8), lpText = try String(contentsOfFile: lp, encoding: .utf8)
        for section in ["ROWS", "COLUMNS", "RHS", "BOUNDS", "ENDATA"] { #expect(mpsText.contains("\n\(section)"), "MPS has \(section)") }
        #expect(lpText.contains("Minimize") && lpText.contains("Subject To") && lpText.contains("End"))
        let columns = ExactTimetabling(school: school, checker: Checker()).model.columns.count
        #expect(mpsText.contains("* Columns:    \(columns) "), "the MPS header counts \(columns) columns")
    }

    @Test("Auto proves the optimum of a small school (dailyLessons off: with it the proof takes longer than this test's budget)")
    func autoProves() async {
        var school = F.richSchool
        school.ruleWeights[.dailyLessons] = 0
        for index in school.lessons.indices where school.lessons[index].roomKind == nil { school.lessons[index].roomKind = .any }
        let result = await AutoSolver(mip: MIPSolver(backend: GLPKBackend())).solve(
            school, options: SolveOptions(timeLimit: .seconds(240), iterationLimit: 5_000, seed: 2))
        let score = checked(result, school)
        #expect(score.hard == 0)
        #expect(result.status == .optimal, "seed 2")
        #expect(result.bound == score.soft)
    }

    @Test("Auto stops the heuristic at a timetable that meets the partition bound, without solving the whole program (seed 1)")
    func autoStopsAtTheBound() async {
        // An isolated lesson and a missing day that no timetable avoids (7), which the bound proves.
        let school = PartitionBoundTests.forcedCostSchool
        let limit = 3_000_000
        let result = await AutoSolver(mip: MIPSolver(backend: GLPKBackend()), wholeProgramColumnLimit: 0).solve(
            school, options: SolveOptions(timeLimit: .seconds(3_600), iterationLimit: limit, seed: 1, threads: 1))
        let score = checked(result, school)
        #expect(score.hard == 0 && score.soft >= 7, "seed 1: \(score)")
        #expect(result.status == .optimal && result.bound == score.soft, "seed 1: \(score), bound \(result.bound ?? -1)")
        #expect(result.statistics.iterations < limit / 10, "seed 1: stopped after \(result.statistics.iterations) moves")
    }

    @Test("dailyLessons in the program: GLPK spreads a group's week over the days and proves it, the checker agreeing")
    func dailyLessons() async {
        let school = F.school(with: [F.german2V1(count: 4), F.maths2V1(count: 2)])
        let result = await glpk(school)
        let score = checked(result, school)
        #expect(result.status == .optimal)
        #expect(score == .zero, "\(result.report.violations.map(\.message))")
        let days = Set(result.timetable.placements.map(\.start.day))
        #expect(days.count == 5, "a lesson on every day")
    }

    @Test("choiceSeats in the program: GLPK spreads the choice sessions so that every student's week can be enrolled")
    func choiceSeats() async {
        // Three students take two choice lessons a week: six lessons for three sessions of two seats,
        // without a teacher, so several may run at once. Only three sessions in three different
        // periods, none beside German of 2V1 (also in a choice period), seat everyone.
        var school = F.school(with: [
            Lesson(id: "support", countPerWeek: 3, allowedSegments: ["choice"], choice: ChoiceSettings(kind: .support, capacity: 2)),
            Lesson(id: "2V1-du", teachers: ["JDV"], groups: ["2V1"], countPerWeek: 1, allowedSegments: ["choice"]),
        ])
        school.choiceLessonsPerWeek = 2
        let result = await glpk(school)
        let score = checked(result, school)
        #expect(score.hard == 0, "\(result.report.violations.filter { $0.level == .hard }.map(\.message))")
        #expect(result.status == .optimal)
        #expect(!result.unoptimisedRules.contains(.choiceSeats))
    }

    @Test("Auto on comp01 is never worse than the heuristic alone with the same seed and moves (seed 3)")
    func autoOnComp01() async throws {
        let school = try SchoolFile.load(Self.fixtures.appendingPathComponent("comp01.ctt")).school
        let options = SolveOptions(timeLimit: .seconds(30), iterationLimit: 20_000, seed: 3)
        let alone = await HeuristicSolver().solve(school, options: options)
        let result = await AutoSolver(mip: MIPSolver(backend: GLPKBackend())).solve(school, options: options)
        let score = checked(result, school)
        #expect(score.hard == 0, "seed 3")
        #expect(score <= alone.score, "seed 3: auto \(score), heuristic \(alone.score)")
        #expect(result.timetable.placements.count == 160)
        if let bound = result.bound { #expect(bound <= score.soft) }
    }

    /// A small ITC 2007 school: 3 days × 3 periods, rooms of distinct sizes, courses with random
    /// teachers, sizes, lectures and minimum days, curricula of two or three courses.
    static func randomCTT(seed: UInt64) -> String {
        var random = SeededGenerator(seed: seed)
        let courses = 5, rooms = 3, curricula = 2
        var lines = [
            "Name: Random\(seed)", "Courses: \(courses)", "Rooms: \(rooms)", "Days: 3", "Periods_per_day: 3", "Curricula: \(curricula)",
        ]
        var unavailable: [String] = []
        for c in 0..<courses where random.below(3) == 0 { unavailable.append("c\(c) \(random.below(3)) \(random.below(3))") }
        lines += ["Constraints: \(unavailable.count)", "", "COURSES:"]
        for c in 0..<courses {
            let lectures = 1 + random.below(3)
            lines.append("c\(c) t\(random.below(4)) \(lectures) \(1 + random.below(lectures)) \(10 + random.below(40))")
        }
        lines += ["", "ROOMS:"]
        for r in 0..<rooms { lines.append("r\(r) \(15 + 12 * r)") }
        lines += ["", "CURRICULA:"]
        for q in 0..<curricula {
            let members = Array(Set((0..<(2 + random.below(2))).map { _ in random.below(courses) })).sorted()
            lines.append("q\(q) \(members.count) " + members.map { "c\($0)" }.joined(separator: " "))
        }
        lines += ["", "UNAVAILABILITY_CONSTRAINTS:"] + unavailable + ["", "END."]
        return lines.joined(separator: "\n") + "\n"
    }
}
