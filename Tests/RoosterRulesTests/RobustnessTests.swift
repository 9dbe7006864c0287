import RoosterModel
import RoosterTestSupport
import Testing

@testable import RoosterRules

/// Nonsense values are reported, never a trap: the library must not crash its host.
@Suite("Robustness")
struct RobustnessTests {
    typealias F = Fixture

    static var hostileSchool: School {
        var school = F.school
        school.weeksInCycle = -2
        school.teachers[0].maxDays = -1
        school.teachers[0].maxPeriodsPerDay = 0
        school.teachers[0].daysOff = [-3, 99]
        school.rooms[0].capacity = -5
        school.groups[0].size = -1
        school.dayTemplates.append(DayTemplate(id: "empty", periods: []))
        school.dayTemplates[0].periods[5].lengthInMinutes = .max
        school.choiceLessonsPerWeek = .max
        school.days.append(Day(id: "sat", template: "empty"))
        school.days.append(Day(id: "sun", template: "missing"))
        school.lessons = [
            Lesson(
                id: "a", teachers: ["JDV", "JDV"], groups: ["2V1"], countPerWeek: -3, durationInPeriods: 0, roomCount: -1,
                maxPerDay: 0, minDays: -2, pinned: [TimeSlot(day: -1, period: -1), TimeSlot(day: 9, period: 9)],
                unavailable: [TimeSlot(day: 0, period: 99)], weeks: [-1, 7]),
            Lesson(id: "b", countPerWeek: Int.max / 2, durationInPeriods: 1_000, roomCount: .max, choice: ChoiceSettings(capacity: .max)),
        ]
        school.clusters = [Cluster(id: "c", lessons: ["a", "a", "nope"])]
        school.coaching = CoachingPolicy(lengthInMinutes: -15, intervalInWeeks: 0, segment: "nowhere")
        school.students[0].coachingIntervalInWeeks = -1
        school.teamTimes = [TeamTime(id: "t", teachers: ["X"], commonFreePeriods: -1)]
        school.exemptions = [Exemption(lesson: "zzz", days: [-1])]
        school.ruleWeights = ["teacherGaps": -4]
        return school
    }

    @Test("Validation of nonsense reports errors instead of trapping")
    func validateNonsense() {
        let diagnostics = Self.hostileSchool.validate()
        #expect(diagnostics.hasErrors)
        #expect(diagnostics.count > 10)
    }

    @Test("Checking nonsense scores it instead of trapping")
    func checkNonsense() {
        let timetable = Timetable(
            placements: [
                Placement(lesson: "a", start: TimeSlot(day: -1, period: -7), rooms: ["R1", "R1", "ghost"]),
                Placement(lesson: "b", start: TimeSlot(day: 6, period: 0)),
                Placement(lesson: "ghost", start: TimeSlot(day: 0, period: 0)),
            ],
            enrolments: [
                Enrolment(student: "nobody", lesson: "a", start: TimeSlot(day: 40, period: 2)), Enrolment(student: "s1", lesson: "zzz"),
            ],
            coachMeetings: [CoachMeeting(student: "s1", coach: "KOK", week: -5, slot: TimeSlot(day: 3, period: 70))])
        let report = Checker(weightOverrides: allRulesOn).check(timetable, against: Self.hostileSchool)
        #expect(report.score.hard > 0)
    }

    /// The extremes a hostile-input run found trapping the checker: `Int.max` and `Int.min` counts
    /// in a school that was never validated (the solvers report such a school by checking it).
    @Test("Checking a school with Int.max and Int.min counts scores it instead of trapping", arguments: [Int.max, Int.min])
    func checkExtremeCounts(extreme: Int) {
        var school = F.school
        school.lessons = [F.german2V1(count: 2)]
        school.weeksInCycle = extreme
        school.lessons[0].countPerWeek = extreme
        school.lessons[0].durationInPeriods = extreme
        school.lessons[0].minDays = extreme
        school.lessons[0].pinned = [TimeSlot(day: extreme, period: extreme)]
        school.teachers[0].maxPeriodsPerDay = extreme
        school.teachers[0].daysOff = [extreme]
        school.groups[0].size = extreme
        school.rooms[0].capacity = extreme
        school.ruleWeights = [.teacherGaps: extreme]
        school.teamTimes = [TeamTime(id: "t", teachers: ["JDV", "ABE"], commonFreePeriods: extreme)]
        let timetable = Timetable(placements: [Placement(lesson: school.lessons[0].id, start: F.at(F.mon, F.firstInstruction))])
        let report = Checker(weightOverrides: allRulesOn).check(timetable, against: school)
        #expect(report.violations.contains { $0.rule == .lessonCount }, "the count is still judged, on the clamped value")
        #expect(school.boundedForArithmetic()?.lessons[0].countPerWeek == (extreme > 0 ? School.arithmeticBound : -School.arithmeticBound))
    }

    @Test("A school inside the bounds is not copied by the arithmetic boundary")
    func boundsLeaveOrdinarySchools() {
        #expect(F.school.boundedForArithmetic() == nil)
        var school = F.school
        school.teachers[1].unavailable = [TimeSlot(day: -1, period: 1_000_001)]
        #expect(school.boundedForArithmetic()?.teachers[1].unavailable == [TimeSlot(day: -1, period: 1_000_000)])
    }

    /// Found by the hostile-input run: `fits` added a start and a duration near Int.max.
    @Test("Validating and checking a lesson of Int.max periods reports it instead of trapping")
    func extremeDuration() {
        var school = F.school
        school.lessons = [F.german2V1(count: 1)]
        school.lessons[0].durationInPeriods = .max
        #expect(school.validate().contains { $0.code == "lessonTooLong" })
        #expect(!school.fits(durationInPeriods: .max, at: F.at(F.mon, 1), in: []))
        let timetable = Timetable(placements: [Placement(lesson: school.lessons[0].id, start: F.at(F.mon, F.firstInstruction))])
        #expect(Checker().check(timetable, against: school).score.hard > 0)
    }
}
