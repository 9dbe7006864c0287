import Foundation
import RoosterGLPK
import RoosterGenerate
import RoosterHeuristic
import RoosterMIP
import RoosterModel
import RoosterRules
import RoosterSolving
import Testing

@testable import RoosterEnrolment

/// A property over many schools: whatever `validate` accepts, every solver handles without a crash
/// and returns a timetable that the checker scores exactly as the solver did, and the weekly layers
/// (enrolment, coaching) plan on it. The schools are generated ones with random changes inside the
/// documented ranges (docs/school-format.md), many of them impossible to meet; seeds are fixed and
/// printed in every message.
@Suite("Every accepted school is solved and scored")
struct AcceptedSchoolTests {
    /// A small generated school with some of its numbers changed at random, inside their ranges.
    static func mutatedSchool(seed: UInt64) -> School {
        var random = SeededGenerator(seed: seed)
        let profile = SchoolGenerator.Profile.allCases[Int(seed) % SchoolGenerator.Profile.allCases.count]
        var school = SchoolGenerator(students: Int.random(in: 12...40, using: &random), profile: profile, seed: seed).make()
        let days = school.days.count
        let slots = school.allSlots
        func sometimes() -> Bool { Int.random(in: 0..<3, using: &random) == 0 }
        func someSlots() -> Set<TimeSlot> {
            Set((0..<Int.random(in: 1...6, using: &random)).compactMap { _ in slots.randomElement(using: &random) })
        }

        let clustered = Set(school.clusters.flatMap(\.lessons))
        for index in school.lessons.indices where sometimes() {
            let lesson = school.lessons[index]
            if !clustered.contains(lesson.id) && lesson.choice == nil {
                school.lessons[index].countPerWeek = Int.random(in: 0...lesson.countPerWeek + 1, using: &random)
            }
            if sometimes() { school.lessons[index].maxPerDay = Int.random(in: 1...2, using: &random) }
            if sometimes() { school.lessons[index].minDays = Int.random(in: 0...days, using: &random) }
            if sometimes() { school.lessons[index].unavailable = someSlots() }
            let fitting = slots.filter { school.fits(durationInPeriods: lesson.durationInPeriods, at: $0, in: lesson.allowedSegments) }
            if sometimes(), school.lessons[index].countPerWeek > 0, let slot = fitting.randomElement(using: &random) {
                school.lessons[index].pinned = [slot]
            }
            if sometimes() { school.lessons[index].roomCount = Int.random(in: 0...1, using: &random) }
            if sometimes() { school.lessons[index].studentCount = Int.random(in: 0...60, using: &random) }
        }
        for index in school.teachers.indices where sometimes() {
            school.teachers[index].maxPeriodsPerDay = Int.random(in: 1...8, using: &random)
            if sometimes() { school.teachers[index].maxDays = Int.random(in: 1...days, using: &random) }
            if sometimes() { school.teachers[index].daysOff = [Int.random(in: 0..<days, using: &random)] }
            if sometimes() { school.teachers[index].unavailable = someSlots() }
            if sometimes() { school.teachers[index].unwanted = someSlots() }
        }
        for index in school.rooms.indices where sometimes() {
            school.rooms[index].capacity = Int.random(in: 1...40, using: &random)
            if sometimes() { school.rooms[index].unavailable = someSlots() }
        }
        for index in school.groups.indices where sometimes() {
            school.groups[index].size = Int.random(in: 1...40, using: &random)
            if sometimes() { school.groups[index].unavailable = someSlots() }
        }
        if sometimes() { school.weeksInCycle *= Int.random(in: 1...2, using: &random) }
        if sometimes(), let choices = school.choiceLessonsPerWeek {
            school.choiceLessonsPerWeek = Int.random(in: 0...choices, using: &random)
        }
        if sometimes() {
            let rules: [RuleID] = [
                .roomStability, .teacherGaps, .groupGaps, .dailyLessons, .teacherUnwantedTime, .choicePreference, .coachLoadBalance,
                .siblingTriads,
            ]
            for rule in rules where sometimes() { school.ruleWeights[rule] = Int.random(in: 0...100, using: &random) }
        }
        return school
    }

    static let seeds: [UInt64] = Array(1...24)

    @Test("the heuristic and the weekly layers, on 24 changed schools (seeds 1–24)", arguments: seeds)
    func heuristic(seed: UInt64) async throws {
        let school = Self.mutatedSchool(seed: seed)
        let errors = school.validate().filter { $0.severity == .error }
        let result = await HeuristicSolver().solve(
            school, options: SolveOptions(timeLimit: .seconds(3_600), iterationLimit: 3_000, seed: seed))
        guard errors.isEmpty else {
            let expected: SolveStatus = errors.allSatisfy(\.provesNoTimetable) ? .infeasible : .invalidModel
            #expect(result.status == expected, "seed \(seed): \(errors.map(\.code))")
            return
        }
        #expect(result.status != .invalidModel, "seed \(seed)")
        #expect(Checker().check(result.timetable, against: school).score == result.score, "seed \(seed)")
        guard let week = try? WeeklyLayers.plan(school: school, base: result.timetable, seed: seed) else { return }
        #expect(week.timetable.placements == result.timetable.placements, "seed \(seed): the weekly layers leave the base as it was")
        _ = Checker().check(week.timetable, against: school)
    }

    @Test("GLPK, bounded by steps, on 8 changed schools (seeds 1–8)", arguments: seeds.prefix(8))
    func glpk(seed: UInt64) async throws {
        let school = Self.mutatedSchool(seed: seed)
        guard school.validate().allSatisfy({ $0.severity != .error }) else { return }
        let result = await MIPSolver(backend: GLPKBackend()).solve(
            school, options: SolveOptions(timeLimit: .seconds(3_600), iterationLimit: 200, seed: seed))
        #expect(result.status != .invalidModel, "seed \(seed)")
        #expect(Checker().check(result.timetable, against: school).score == result.score, "seed \(seed)")
    }

    @Test("at least half of the changed schools are accepted, so the property is not vacuous")
    func mostAreAccepted() {
        let accepted = Self.seeds.filter { Self.mutatedSchool(seed: $0).validate().allSatisfy { $0.severity != .error } }
        #expect(accepted.count >= Self.seeds.count / 2, "accepted: \(accepted)")
    }
}
