import Foundation
import RoosterIO
import RoosterModel
import RoosterRules
import RoosterSolving
import RoosterTestSupport
import Testing

@testable import RoosterHeuristic

/// Schools read from the repository: the ITC fixtures of the IO tests and the bundled examples.
enum Schools {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func load(_ path: String) throws -> School {
        try SchoolFile.load(root.appendingPathComponent(path), displayName: path).school
    }

    static func itc(_ name: String) throws -> School { try load("Tests/RoosterIOTests/Fixtures/\(name).ctt") }
}

@Suite("Heuristic solver")
struct HeuristicSolverTests {
    typealias F = Fixture

    /// Runs are bounded by moves, so they repeat exactly; the time limit is only a safety net and is
    /// generous because a busy 2-core machine runs these debug-build searches several times slower.
    func solve(_ school: School, seed: UInt64 = 1, iterations: Int = 20_000, threads: Int = 1, verify: Bool = false) async -> SolveResult {
        await HeuristicSolver(verifiesDeltas: verify).solve(
            school, options: SolveOptions(timeLimit: .seconds(600), iterationLimit: iterations, seed: seed, threads: threads))
    }

    @Test("Every incremental delta equals a full recomputation (comp01, seeds 1–3)", arguments: [UInt64(1), 2, 3])
    func deltasOnITC(seed: UInt64) async throws {
        let result = await solve(try Schools.itc("comp01"), seed: seed, iterations: 3_000, verify: true)
        #expect(result.statistics.deltaMismatches == 0, "seed \(seed)")
    }

    @Test("Every incremental delta equals a full recomputation on a school with clusters, pins, teams and limits (seed 4)")
    func deltasOnSchool() async throws {
        let result = await solve(F.richSchool, seed: 4, iterations: 3_000, verify: true)
        #expect(result.statistics.deltaMismatches == 0, "seed 4")
        let coach = await solve(try Schools.load("Examples/coach/school.yaml"), seed: 4, iterations: 300, verify: true)
        #expect(coach.statistics.deltaMismatches == 0, "seed 4, coach example")
    }

    @Test(
        "The search steers by a teacher's preferred days and daily minimum: two days of two periods (seeds 1–3)",
        arguments: [UInt64(1), 2, 3])
    func teacherWeekShape(seed: UInt64) async {
        var school = F.school(with: [F.german2V1(count: 4)])
        school.teachers[0].preferredMaxDays = 2
        school.teachers[0].minPeriodsPerDay = 2
        school.ruleWeights[.teacherExtraDays] = 10
        school.ruleWeights[.teacherShortDays] = 10
        let result = await solve(school, seed: seed, iterations: 5_000, verify: true)
        let report = Checker().check(result.timetable, against: school)
        #expect(report.score.hard == 0 && result.statistics.deltaMismatches == 0, "seed \(seed)")
        #expect(report.penaltyByRule[.teacherExtraDays] == nil && report.penaltyByRule[.teacherShortDays] == nil, "seed \(seed)")
    }

    /// Both groups' weeks full (15 of 15 instruction periods), every lesson once a day, each teacher
    /// in both groups and one teacher away on Monday's first instruction period: the kind of week
    /// where single moves and swaps nearly always make a clash and ejection chains are needed.
    static var fullWeekSchool: School {
        func lesson(_ id: String, _ teacher: String, _ group: String) -> Lesson {
            Lesson(
                id: .init(id), teachers: [.init(teacher)], groups: [.init(group)], countPerWeek: 5, roomKind: .any,
                allowedSegments: ["instruction"], maxPerDay: 1)
        }
        var school = F.school(with: [
            lesson("a", "JDV", "2V1"), lesson("b", "ABE", "2V1"), lesson("c", "KOK", "2V1"),
            lesson("d", "ABE", "3H2"), lesson("e", "KOK", "3H2"), lesson("f", "JDV", "3H2"),
        ])
        school.teachers[0].unavailable = [F.at(F.mon, F.firstInstruction)]
        return school
    }

    @Test("A full week is repaired to no hard violation, every delta verified (seeds 1–3)", arguments: [UInt64(1), 2, 3])
    func fullWeek(seed: UInt64) async {
        let school = Self.fullWeekSchool
        let result = await solve(school, seed: seed, iterations: 20_000, verify: true)
        let report = Checker().check(result.timetable, against: school)
        #expect(report.score.hard == 0, "seed \(seed): \(report.violations.filter { $0.level == .hard }.map(\.message))")
        #expect(result.statistics.deltaMismatches == 0, "seed \(seed)")
        #expect(result.timetable.placements.count == 30)
    }

    @Test(
        "Ejection chains take a full week with every lesson at its first start to no hard violation, the state consistent (seeds 1–5)",
        arguments: [UInt64(1), 2, 3, 4, 5])
    func ejectionRepair(seed: UInt64) async {
        let problem = SearchProblem(school: Self.fullWeekSchool, checker: Checker())
        var search = AnnealingSearch(problem: problem, seed: seed)
        for e in problem.events.indices { search.state.place(e, option: 0, rooms: search.chooseRooms(e, option: 0)) }
        #expect(search.state.hard > 20, "the start breaks many hard rules")
        // Each step evaluates every start of one event: a budget of about a thousand steps.
        let repaired = search.repairByEjection(deadline: nil, budget: 20_000)
        #expect(repaired.feasible && search.state.hard == 0, "seed \(seed)")
        #expect(search.state.startOption.allSatisfy { $0 >= 0 }, "seed \(seed): every event placed")
        let recomputed = search.state.recomputedCost()
        #expect(recomputed.hard == 0 && recomputed.soft == search.state.soft, "seed \(seed)")
        let timetable = problem.timetable(starts: search.state.startOption, rooms: search.state.rooms)
        #expect(Checker().check(timetable, against: Self.fullWeekSchool).score.hard == 0, "seed \(seed)")
    }

    /// A small school where choice seats matter: two choice lessons a week, sessions of different
    /// sizes, one open to a single group, group lessons that may go into choice periods and an
    /// on-track exemption. (Lessons in some weeks only are left out: the heuristic scores every week
    /// alike for gaps and lessons per day, where the checker looks at each week of the cycle.)
    static var choiceSchool: School {
        var school = F.school(with: [
            Lesson(
                id: "support", teachers: ["ABE"], countPerWeek: 3, allowedSegments: ["choice"],
                choice: ChoiceSettings(kind: .support, capacity: 2)),
            Lesson(
                id: "talent", teachers: ["KOK"], countPerWeek: 2, allowedSegments: ["choice"],
                choice: ChoiceSettings(kind: .talent, openTo: ["3H2"])),
            Lesson(id: "2V1-du", teachers: ["JDV"], groups: ["2V1"], countPerWeek: 4),
            Lesson(id: "3H2-wi", teachers: ["ABE"], groups: ["3H2"], countPerWeek: 3),
        ])
        school.weeksInCycle = 2
        school.choiceLessonsPerWeek = 2
        school.exemptions = [Exemption(lesson: "2V1-du", days: [F.tue, F.wed])]
        return school
    }

    @Test(
        "Every incremental delta equals a full recomputation with choice seats, exemptions and openTo (seeds 1–2)",
        arguments: [UInt64(1), 2])
    func deltasWithChoiceSeats(seed: UInt64) async throws {
        let school = Self.choiceSchool
        let result = await solve(school, seed: seed, iterations: 3_000, verify: true)
        #expect(result.statistics.deltaMismatches == 0, "seed \(seed)")
        #expect(Checker().check(result.timetable, against: school).score == result.score)
        #expect(result.score.hard == 0, "\(result.report.violations.filter { $0.level == .hard })")
        #expect(result.statistics.history.last?.score == result.score, "seed \(seed): the search's own score is the checker's")
        let bioritme = await solve(try Schools.load("Examples/bioritme/school.yaml"), seed: seed, iterations: 300, verify: true)
        #expect(bioritme.statistics.deltaMismatches == 0, "seed \(seed), bioritme example")
    }

    @Test(
        "Day spreads, hard and soft and several days wide: every delta equals a recomputation, and the checker agrees (seeds 1–2)",
        arguments: [UInt64(1), 2])
    func deltasWithDaySpreads(seed: UInt64) async throws {
        var school = F.richSchool
        // 2V1 German (3 a week) and a block lesson (1) fit on four different days; 3H2's lessons cannot all be two days apart.
        school.daySpreads = [
            DaySpread(lessons: ["2V1-du", "blk-a"], minDays: 1, hard: true),
            DaySpread(lessons: ["3H2-du", "3H2-na"], minDays: 2, hard: false),
        ]
        school.ruleWeights[.lessonsApartPreferred] = 3
        let result = await solve(school, seed: seed, iterations: 3_000, verify: true)
        #expect(result.statistics.deltaMismatches == 0, "seed \(seed)")
        let report = Checker().check(result.timetable, against: school)
        #expect(report.score == result.score)
        #expect(report.penaltyByRule[.lessonsApart] == nil, "seed \(seed): \(report.violations.filter { $0.level == .hard })")
    }

    @Test("comp01: a feasible timetable whose checker score is the search's own score (seed 1)")
    func comp01() async throws {
        let school = try Schools.itc("comp01")
        let result = await solve(school, iterations: 50_000)
        let report = Checker().check(result.timetable, against: school)
        #expect(result.status == .feasible)
        #expect(report.score == result.score)
        #expect(report.score.hard == 0)
        #expect(result.statistics.history.last?.score == report.score, "the incremental score agrees with the checker")
        #expect(result.timetable.placements.count == 160)
    }

    @Test("With every lesson at its first start (thousands of clashes) the search's cost equals the checker's score")
    func clashingStateAgreesWithChecker() throws {
        let school = try Schools.itc("comp01")
        let problem = SearchProblem(school: school, checker: Checker())
        var state = SearchState(problem: problem)
        for (e, event) in problem.events.enumerated() {
            let rooms = event.members.flatMap { member in member.roomOptions.prefix(member.roomCount) }
            state.place(e, option: 0, rooms: rooms)
        }
        let report = Checker().check(problem.timetable(starts: state.startOption, rooms: state.rooms), against: school)
        #expect(state.hard > 1_000, "the state is full of clashes")
        #expect(Score(hard: state.hard, soft: state.soft) == report.score)
    }

    @Test("The same seed and limits give the same timetable, with one thread or two (seed 9)")
    func deterministic() async throws {
        let school = try Schools.itc("comp01")
        let first = await solve(school, seed: 9, iterations: 5_000, threads: 2)
        let second = await solve(school, seed: 9, iterations: 5_000, threads: 2)
        let same = first.timetable == second.timetable
        #expect(same)
        let other = await solve(school, seed: 20, iterations: 5_000)
        let differs = other.timetable != first.timetable
        #expect(differs, "another seed searches differently")
    }

    @Test("Cancellation returns a complete, checked best-so-far timetable")
    func cancellation() async throws {
        let school = try Schools.itc("comp07")
        let task = Task { await HeuristicSolver().solve(school, options: SolveOptions(timeLimit: .seconds(600), seed: 1)) }
        try await Task.sleep(for: .milliseconds(500))
        task.cancel()
        let result = await task.value
        #expect(result.statistics.elapsed < .seconds(300), "returned because of the cancellation, long before the limit")
        #expect(result.timetable.placements.count == 434)
        #expect(Checker().check(result.timetable, against: school).score == result.score)
    }

    @Test("Two pinned lessons of one teacher at the same time: infeasible, with the reason")
    func pinnedClashIsInfeasible() async {
        var du = F.german2V1(), du3 = F.german3H2()
        du.pinned = [F.at(F.tue, 3)]
        du3.pinned = [F.at(F.tue, 3)]
        let result = await solve(F.school(with: [du, du3]))
        #expect(result.status == .infeasible)
        #expect(result.diagnostics.first?.message == "Teacher JDV is pinned in two lessons on Tue 10:00: 2V1-du and 3H2-du")
    }

    @Test("An overloaded teacher is infeasible, an unknown teacher an invalid model")
    func invalidSchools() async {
        var overloaded = F.school(with: [F.german2V1(count: 8), F.german3H2(count: 8)])
        overloaded.teachers[0].maxDays = 1
        let first = await solve(overloaded)
        #expect(first.status == .infeasible)
        #expect(first.diagnostics.contains { $0.code == "teacherOverloaded" })
        var unknown = F.german2V1()
        unknown.teachers = ["NOBODY"]
        #expect(await solve(F.school(with: [unknown])).status == .invalidModel)
    }

    /// The fixture with a block-hour cluster, a pinned lesson, a lab lesson, daily and weekly limits and team time.
    @Test("A school with clusters, pins, room kinds, limits and team time is solved without hard violations (seed 5)")
    func richSchoolIsFeasible() async {
        let school = F.richSchool
        let result = await solve(school, seed: 5)
        #expect(result.status == .feasible || result.status == .optimal)
        let report = Checker().check(result.timetable, against: school)
        #expect(report.score.hard == 0, "\(report.violations.filter { $0.level == .hard })")
        #expect(result.statistics.history.last?.score == report.score)
    }

    @Test("The block-hour example is solved without hard violations (seed 2)")
    func blocksExample() async throws {
        let school = try Schools.load("Examples/blocks/school.yaml")
        let result = await solve(school, seed: 2, iterations: 30_000)
        #expect(result.score.hard == 0, "\(result.report.violations.filter { $0.level == .hard }.prefix(5))")
        #expect(result.statistics.history.last?.score == result.score)
    }
}
