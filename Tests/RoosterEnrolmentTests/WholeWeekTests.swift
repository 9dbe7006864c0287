import Foundation
import RoosterGenerate
import RoosterHeuristic
import RoosterIO
import RoosterModel
import RoosterRules
import RoosterSolving
import Testing

@testable import RoosterEnrolment

/// The chain a user runs, on the solver's own output: solve (bounded by moves) → enrol → coach →
/// check. Every layer comes from Rooster itself, and the week must hold as a whole.
@Suite("The whole week from Rooster's own solve")
struct WholeWeekTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Group-days without any lesson period outside mentor, choice, independent-work and coaching
    /// periods, for groups held to a daily minimum: what a roostermaker rejects at first sight.
    static func classDaysWithoutInstruction(_ school: School, _ timetable: Timetable) -> [String] {
        let lessons = Dictionary(school.lessons.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var taught = Set<String>()
        for placement in timetable.placements {
            guard let lesson = lessons[placement.lesson] else { continue }
            let slots = school.occupiedSlots(from: placement.start, durationInPeriods: lesson.durationInPeriods)
            guard slots.contains(where: school.isGroupTeachingPeriod) else { continue }
            for group in lesson.groups { taught.insert("\(group) \(placement.start.day)") }
        }
        return school.groups.flatMap { group -> [String] in
            guard school.lessonsPerDay(of: group).minimum > 0 else { return [] }
            return school.days.indices.filter { school.attends(group, day: $0) && !taught.contains("\(group.id) \($0)") }
                .map { "\(group.id) on \(school.days[$0].name)" }
        }
    }

    /// Solves, adds the weekly layers and checks; expects a week without hard violations or empty class-days.
    func expectWholeWeek(_ school: School, seed: UInt64, iterations: Int, label: String) async throws {
        let result = await HeuristicSolver().solve(
            school, options: SolveOptions(timeLimit: .seconds(900), iterationLimit: iterations, seed: seed))
        #expect(Checker().check(result.timetable, against: school).score == result.score, "\(label), seed \(seed)")
        #expect(result.statistics.history.last?.score == result.score, "\(label), seed \(seed): the search's own score is the checker's")
        let week = try WeeklyLayers.plan(school: school, base: result.timetable, seed: seed)
        let report = Checker().check(week.timetable, against: school)
        #expect(
            report.score.hard == 0, "\(label), seed \(seed): \(report.violations.filter { $0.level == .hard }.prefix(3).map(\.message))")
        #expect(week.enrolment?.shortfalls.isEmpty ?? true, "\(label), seed \(seed): students short of choice lessons")
        #expect(week.coaching?.unplanned.isEmpty ?? true, "\(label), seed \(seed): conversations not planned")
        #expect(Self.classDaysWithoutInstruction(school, week.timetable) == [], "\(label), seed \(seed)")
    }

    @Test(
        "Each example: solve → enrol → coach → check is 0 hard, with instruction on every class-day (seed 1)",
        arguments: ["bioritme", "coach", "blocks"])
    func example(_ name: String) async throws {
        let path = "Examples/\(name)/school.yaml"
        let school = try SchoolFile.load(Self.root.appendingPathComponent(path), displayName: path).school
        try await expectWholeWeek(school, seed: 1, iterations: 25_000, label: path)
    }

    @Test("Generated schools of every profile: the same chain holds (seed 3)", arguments: SchoolGenerator.Profile.allCases)
    func generated(_ profile: SchoolGenerator.Profile) async throws {
        let school = SchoolGenerator(students: 240, profile: profile, seed: 3).make()
        try await expectWholeWeek(school, seed: 3, iterations: 25_000, label: "generated \(profile.rawValue) school of 240 students")
    }
}
