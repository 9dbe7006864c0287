import RoosterModel
import RoosterTestSupport
import Testing

@testable import RoosterRules

/// One test per soft rule, with its raw cost (all weights 1).
@Suite("Soft rules")
struct SoftRuleTests {
    typealias F = Fixture

    @Test("roomCapacity: students above the seats of the room, per occurrence")
    func roomCapacity() {
        let school = F.school(with: [F.german2V1()])  // 2V1 has 28 students
        #expect(cost("roomCapacity", Timetable(placements: [place("2V1-du", F.at(F.mon, 3), ["LAB"])]), school) == 4)
        #expect(cost("roomCapacity", Timetable(placements: [place("2V1-du", F.at(F.mon, 3), ["R1"])]), school) == 0)
    }

    @Test("minWorkingDays: one unit per day short of minDays")
    func minWorkingDays() {
        var lesson = F.german2V1(count: 3)
        lesson.minDays = 3
        let school = F.school(with: [lesson])
        let twoDays = Timetable(placements: [
            place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.mon, 4)), place("2V1-du", F.at(F.tue, 3)),
        ])
        #expect(cost("minWorkingDays", twoDays, school) == 1)
        let threeDays = Timetable(placements: [
            place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.wed, 4)), place("2V1-du", F.at(F.tue, 3)),
        ])
        #expect(cost("minWorkingDays", threeDays, school) == 0)
    }

    @Test("isolatedLessons: a group's lesson without a neighbour on the same day (ITC compactness)")
    func isolatedLessons() {
        let school = F.school(with: [F.german2V1(count: 2), F.maths2V1(count: 1)])
        let isolated = Timetable(placements: [
            place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.mon, 5)), place("2V1-wi", F.at(F.tue, 3), ["R2"]),
        ])
        #expect(cost("isolatedLessons", isolated, school) == 3)
        let compact = Timetable(placements: [
            place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.tue, 4)), place("2V1-wi", F.at(F.tue, 3), ["R2"]),
        ])
        #expect(cost("isolatedLessons", compact, school) == 1)
    }

    @Test("roomStability: a lesson keeps its room all week")
    func roomStability() {
        let school = F.school(with: [F.german2V1(count: 3)])
        let moving = Timetable(placements: [
            place("2V1-du", F.at(F.mon, 3), ["R1"]), place("2V1-du", F.at(F.tue, 3), ["R2"]), place("2V1-du", F.at(F.wed, 3), ["LAB"]),
        ])
        #expect(cost("roomStability", moving, school) == 2)
        let stable = Timetable(placements: [
            place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.tue, 3)), place("2V1-du", F.at(F.wed, 3)),
        ])
        #expect(cost("roomStability", stable, school) == 0)
    }

    @Test("teacherGaps: idle periods between a teacher's lessons (tussenuren)")
    func teacherGaps() {
        let school = F.school(with: [F.german2V1(), F.german3H2(), F.maths2V1()])
        let gap = Timetable(placements: [place("2V1-du", F.at(F.mon, 1)), place("3H2-du", F.at(F.mon, 4), ["R2"])])
        #expect(cost("teacherGaps", gap, school) == 2)
        let compact = Timetable(placements: [place("2V1-du", F.at(F.mon, 3)), place("3H2-du", F.at(F.mon, 4), ["R2"])])
        #expect(cost("teacherGaps", compact, school) == 0)
    }

    @Test("groupGaps: idle periods between a group's lessons (tussenuren)")
    func groupGaps() {
        let school = F.school(with: [F.german2V1(), F.maths2V1()])
        let gap = Timetable(placements: [place("2V1-du", F.at(F.thu, 3)), place("2V1-wi", F.at(F.thu, 5), ["R2"])])
        #expect(cost("groupGaps", gap, school) == 1)
        let compact = Timetable(placements: [place("2V1-du", F.at(F.thu, 3)), place("2V1-wi", F.at(F.thu, 4), ["R2"])])
        #expect(cost("groupGaps", compact, school) == 0)
    }

    @Test("groupGaps: a group's mentor, choice and coaching periods are not idle; a free instruction period is")
    func groupGapsSkipDesignedPeriods() {
        let mentor = Lesson(id: "2V1-men", teachers: ["KOK"], groups: ["2V1"], allowedSegments: ["mentor"])
        let school = F.school(with: [mentor, F.german2V1(), F.maths2V1()])
        // Mentor lesson at 08:30, the choice period free, German at 10:00: no gap.
        let designed = Timetable(placements: [place("2V1-men", F.at(F.mon, F.mentorPeriod)), place("2V1-du", F.at(F.mon, 3), ["R2"])])
        #expect(cost(.groupGaps, designed, school) == 0)
        // German at 11:00 instead: the free 10:00 instruction period is a gap, the choice period still is not.
        let late = Timetable(placements: [place("2V1-men", F.at(F.mon, F.mentorPeriod)), place("2V1-du", F.at(F.mon, 4), ["R2"])])
        #expect(cost(.groupGaps, late, school) == 1)
    }

    @Test("dailyLessons: every day a group attends has lesson periods, the mentor lesson not counted, within the maximum")
    func dailyLessons() {
        let mentor = Lesson(id: "2V1-men", teachers: ["KOK"], groups: ["2V1"], countPerWeek: 5, allowedSegments: ["mentor"])
        var school = F.school(with: [mentor, F.german2V1(count: 5)])
        let mentorWeek = (0..<5).map { place("2V1-men", F.at($0, F.mentorPeriod), ["R2"]) }
        let piled = Timetable(
            placements: mentorWeek + [
                place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.mon, 4)), place("2V1-du", F.at(F.mon, 5)),
                place("2V1-du", F.at(F.tue, 3)), place("2V1-du", F.at(F.tue, 4)),
            ])
        // Wednesday to Friday have only the mentor lesson: 3 days short of one lesson period.
        #expect(cost(.dailyLessons, piled, school) == 3)
        #expect(violations(.dailyLessons, piled, school).first?.message.contains("has 0 lesson periods on Wed") == true)
        let spread = Timetable(placements: mentorWeek + (0..<5).map { place("2V1-du", F.at($0, 3)) })
        #expect(cost(.dailyLessons, spread, school) == 0)
        // At most two a day: Monday's three are one too many.
        school.groups[0].lessonsPerDay = LessonsPerDay(minimum: 1, maximum: 2)
        #expect(cost(.dailyLessons, piled, school) == 4)
        // A group unavailable all Friday does not attend then.
        school.groups[0].unavailable = Set((0..<6).map { F.at(F.fri, $0) })
        #expect(cost(.dailyLessons, piled, school) == 3)
    }

    @Test("dailyLessons: a group whose week cannot fill every day is not held to the minimum")
    func dailyLessonsSmallWeek() {
        let school = F.school(with: [F.german2V1(count: 3)])
        let timetable = Timetable(placements: (0..<3).map { place("2V1-du", F.at(F.mon, 3 + $0)) })
        #expect(cost(.dailyLessons, timetable, school) == 0)
    }

    @Test("teacherUnwantedTime: lessons in periods a teacher prefers free")
    func teacherUnwantedTime() {
        var school = F.school(with: [F.german2V1()])
        school.teachers[0].unwanted = [F.at(F.fri, 5)]
        #expect(cost("teacherUnwantedTime", Timetable(placements: [place("2V1-du", F.at(F.fri, 5))]), school) == 1)
        #expect(cost("teacherUnwantedTime", Timetable(placements: [place("2V1-du", F.at(F.fri, 4))]), school) == 0)
    }

    @Test("teacherExtraDays: one unit per day taught above the days a teacher prefers")
    func teacherExtraDays() {
        var school = F.school(with: [F.german2V1(count: 4)])
        school.teachers[0].preferredMaxDays = 2
        let fourDays = Timetable(placements: [
            place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.tue, 4)), place("2V1-du", F.at(F.wed, 5)),
            place("2V1-du", F.at(F.thu, 3)),
        ])
        #expect(cost("teacherExtraDays", fourDays, school) == 2)
        let message = violations("teacherExtraDays", fourDays, school).first
        #expect(message?.message == "Teacher JDV teaches on 4 days, 2 more than the 2 preferred")
        #expect(message?.dutchMessage == "Docent JDV geeft les op 4 dagen, 2 meer dan de gewenste 2")
        let twoDays = Timetable(placements: [
            place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.mon, 4)), place("2V1-du", F.at(F.wed, 5)),
            place("2V1-du", F.at(F.wed, 4)),
        ])
        #expect(cost("teacherExtraDays", twoDays, school) == 0)
        school.teachers[0].preferredMaxDays = nil
        #expect(cost("teacherExtraDays", fourDays, school) == 0, "no preference, no cost")
    }

    @Test("teacherShortDays: one unit per period short of the minimum on a day taught; free days cost nothing")
    func teacherShortDays() {
        var school = F.school(with: [F.german2V1(count: 4)])
        school.teachers[0].minPeriodsPerDay = 3
        let spread = Timetable(placements: [
            place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.mon, 4)), place("2V1-du", F.at(F.mon, 5)),
            place("2V1-du", F.at(F.thu, 3)),
        ])
        // Monday has 3 periods, Thursday 1 (2 short), the other days none.
        #expect(cost("teacherShortDays", spread, school) == 2)
        let found = violations("teacherShortDays", spread, school)
        #expect(found.map(\.message) == ["Teacher JDV teaches only 1 period on Thu, fewer than 3"])
        #expect(found.first?.slots == [F.at(F.thu, 3)])
        school.teachers[0].minPeriodsPerDay = 1
        #expect(cost("teacherShortDays", spread, school) == 0)
    }

    @Test("choicePreference: rank − 1 per enrolment, more for an unrequested lesson")
    func choicePreference() {
        let a = Lesson(id: "a", teachers: ["ABE"], allowedSegments: ["choice"], choice: ChoiceSettings())
        let b = Lesson(id: "b", teachers: ["KOK"], allowedSegments: ["choice"], choice: ChoiceSettings())
        var school = F.school(with: [a, b])
        school.choiceRequests = [ChoiceRequest(student: "s1", lesson: "a", rank: 1), ChoiceRequest(student: "s1", lesson: "b", rank: 3)]
        let placements = [place("a", F.at(F.mon, 2)), place("b", F.at(F.tue, 2), ["R2"])]
        let second = Timetable(placements: placements, enrolments: [Enrolment(student: "s1", lesson: "b")])
        #expect(cost("choicePreference", second, school) == 2)
        let unrequested = Timetable(placements: placements, enrolments: [Enrolment(student: "s2", lesson: "a")])
        #expect(cost("choicePreference", unrequested, school) == 1)
        let first = Timetable(placements: placements, enrolments: [Enrolment(student: "s1", lesson: "a")])
        #expect(cost("choicePreference", first, school) == 0)
    }

    @Test("coachLoadBalance: a coach's conversations spread over the weeks of the cycle")
    func coachLoadBalance() {
        var school = F.school
        school.weeksInCycle = 2
        school.coaching = CoachingPolicy(intervalInWeeks: 2, segment: "coach")
        let piled = Timetable(coachMeetings: [
            CoachMeeting(student: "s1", coach: "JDV", week: 0, slot: F.at(F.mon, 0)),
            CoachMeeting(student: "s2", coach: "JDV", week: 0, slot: F.at(F.tue, 0)),
        ])
        #expect(cost("coachLoadBalance", piled, school) == 2)
        let even = Timetable(coachMeetings: [
            CoachMeeting(student: "s1", coach: "JDV", week: 0, slot: F.at(F.mon, 0)),
            CoachMeeting(student: "s2", coach: "JDV", week: 1, slot: F.at(F.mon, 0)),
        ])
        #expect(cost("coachLoadBalance", even, school) == 0)
    }
}

@Suite("Checker")
struct CheckerTests {
    typealias F = Fixture

    @Test("Every rule in the catalogue has a test-visible, unique lowerCamel ID")
    func catalogueIsConsistent() {
        let ids = RuleCatalogue.descriptors.map(\.id.rawValue)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.first?.isLowercase == true && !$0.contains(" ") })
        let hardFirst = RuleCatalogue.descriptors.map(\.level)
        #expect(hardFirst == hardFirst.sorted { $0 == .hard && $1 == .soft })
    }

    @Test("Soft weights: the caller's override beats the school's, which beats the default; 0 switches off")
    func weights() {
        var school = F.school(with: [F.german2V1(), F.maths2V1()])
        let gap = Timetable(placements: [place("2V1-du", F.at(F.thu, 3)), place("2V1-wi", F.at(F.thu, 5), ["R2"])])
        #expect(Checker().check(gap, against: school).score == Score(hard: 0, soft: 3), "groupGaps defaults to 3")
        school.ruleWeights = ["groupGaps": 7]
        #expect(Checker().check(gap, against: school).score.soft == 7)
        #expect(Checker(weightOverrides: ["groupGaps": 2]).check(gap, against: school).score.soft == 2)
        #expect(Checker(weightOverrides: ["groupGaps": 0]).check(gap, against: school).violations.isEmpty)
    }

    @Test(
        "The ITC 2007 profile weighs exactly the four UD2 rules, and keeps the change rules so that a re-solve of a .ctt school counts moves"
    )
    func itcProfile() {
        let weights = RuleProfile.itc2007.weights
        #expect(
            weights.filter { $0.value > 0 && !RuleCatalogue.changeRules.contains($0.key) } == [
                "roomCapacity": 1, "minWorkingDays": 5, "isolatedLessons": 2, "roomStability": 1,
            ])
        #expect(weights[.timeChanges] == 10 && weights[.roomChanges] == 5)
    }

    @Test("Scores order hard first: any feasible timetable beats any infeasible one")
    func scoreOrder() {
        #expect(Score(hard: 0, soft: 1000) < Score(hard: 1, soft: 0))
        #expect(Score(hard: 2, soft: 0) < Score(hard: 2, soft: 1))
    }

    @Test("A timetable of unknown lessons and rooms is scored, not a crash")
    func unknownReferences() {
        let school = F.school(with: [F.german2V1()])
        let report = Checker().check(Timetable(placements: [place("ghost", F.at(F.mon, 9), ["nowhere"])]), against: school)
        #expect(report.score.hard == 2)  // the lesson is missing, and a ghost is placed
    }
}
