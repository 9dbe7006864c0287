import RoosterModel
import RoosterTestSupport
import Testing

@testable import RoosterRules

/// One test per hard rule: a timetable that breaks it exactly as often as expected, and the same
/// timetable repaired, which does not.
@Suite("Hard rules")
struct HardRuleTests {
    typealias F = Fixture

    @Test("lessonCount: each lesson is placed exactly countPerWeek times")
    func lessonCount() {
        let school = F.school(with: [F.german2V1(count: 3)])
        let two = Timetable(placements: [place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.tue, 3))])
        #expect(cost("lessonCount", two, school) == 1)
        let four = Timetable(placements: two.placements + [place("2V1-du", F.at(F.wed, 3)), place("2V1-du", F.at(F.thu, 3))])
        #expect(cost("lessonCount", four, school) == 1)
        let unknown = Timetable(placements: two.placements + [place("2V1-du", F.at(F.wed, 3)), place("nope", F.at(F.fri, 3))])
        #expect(cost("lessonCount", unknown, school) == 1)
        let three = Timetable(placements: two.placements + [place("2V1-du", F.at(F.wed, 3))])
        #expect(cost("lessonCount", three, school) == 0)
    }

    @Test("teacherConflict: a teacher has one lesson at a time, and the sentence names both lessons")
    func teacherConflict() throws {
        let school = F.school(with: [F.german2V1(), F.german3H2()])
        let clash = Timetable(placements: [place("2V1-du", F.at(F.tue, 3)), place("3H2-du", F.at(F.tue, 3), ["R2"])])
        let found = violations("teacherConflict", clash, school)
        #expect(found.count == 1)
        let message = try #require(found.first?.message)
        #expect(message == "Teacher JDV has two lessons on Tue 10:00: 2V1 German and 3H2 German")
        let apart = Timetable(placements: [place("2V1-du", F.at(F.tue, 3)), place("3H2-du", F.at(F.tue, 4), ["R2"])])
        #expect(cost("teacherConflict", apart, school) == 0)
    }

    @Test("teacherConflict: a coach conversation clashes with the coach's lesson")
    func teacherConflictWithCoachMeeting() {
        var school = F.school(with: [Lesson(id: "early", teachers: ["JDV"], groups: ["3H2"])])
        school.coaching = CoachingPolicy(segment: "coach")
        let timetable = Timetable(
            placements: [place("early", F.at(F.mon, 0))],
            coachMeetings: [CoachMeeting(student: "s1", coach: "JDV", week: 0, slot: F.at(F.mon, 0))])
        #expect(cost("teacherConflict", timetable, school) == 1)
    }

    @Test("groupConflict: a group has one lesson at a time, except within a cluster")
    func groupConflict() {
        var school = F.school(with: [F.german2V1(), F.maths2V1()])
        let clash = Timetable(placements: [place("2V1-du", F.at(F.wed, 4)), place("2V1-wi", F.at(F.wed, 4), ["R2"])])
        #expect(cost("groupConflict", clash, school) == 1)
        school.clusters = [Cluster(id: "block", lessons: ["2V1-du", "2V1-wi"])]
        #expect(cost("groupConflict", clash, school) == 0)
    }

    @Test("roomConflict: a room holds one lesson at a time; a two-period overlap costs 2")
    func roomConflict() {
        var maths = F.maths2V1()
        maths.durationInPeriods = 2
        maths.groups = ["3H2"]
        let school = F.school(with: [F.german2V1(), maths, Lesson(id: "x", teachers: ["KOK"], groups: ["3H2"], durationInPeriods: 2)])
        let clash = Timetable(placements: [place("2V1-wi", F.at(F.mon, 3)), place("x", F.at(F.mon, 3))])
        #expect(cost("roomConflict", clash, school) == 2)
        let apart = Timetable(placements: [place("2V1-wi", F.at(F.mon, 3)), place("x", F.at(F.mon, 3), ["R2"])])
        #expect(cost("roomConflict", apart, school) == 0)
    }

    @Test("studentConflict: a student's choice lesson clashes with a group lesson, unless exempted")
    func studentConflict() {
        var mentor = Lesson(id: "2V1-men", subject: "men", teachers: ["KOK"], groups: ["2V1"], countPerWeek: 1, allowedSegments: ["mentor"])
        mentor.countPerWeek = 1
        let talent = Lesson(id: "talent", teachers: ["ABE"], countPerWeek: 1, choice: ChoiceSettings(kind: .talent))
        var school = F.school(with: [mentor, talent])
        let timetable = Timetable(
            placements: [place("2V1-men", F.at(F.tue, 1)), place("talent", F.at(F.tue, 1), ["R2"])],
            enrolments: [
                Enrolment(student: "s1", lesson: "talent", start: F.at(F.tue, 1)),
                Enrolment(student: "s2", lesson: "talent", start: F.at(F.tue, 1)),
            ])
        #expect(cost("studentConflict", timetable, school) == 2)
        // s2 is on track: exempted from Tuesday's mentor lesson, so only s1 clashes.
        school.exemptions = [Exemption(lesson: "2V1-men", days: [F.tue, F.wed, F.thu])]
        let found = violations("studentConflict", timetable, school)
        #expect(found.count == 1)
        #expect(found.first?.involved == ["student:s1"])
    }

    @Test("teacherAvailability: no lesson when the teacher is unavailable or has a day off")
    func teacherAvailability() {
        var school = F.school(with: [F.german2V1(count: 2)])
        school.teachers[0].unavailable = [F.at(F.mon, 3)]
        school.teachers[0].daysOff = [F.fri]
        let bad = Timetable(placements: [place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.fri, 4))])
        #expect(cost("teacherAvailability", bad, school) == 2)
        let good = Timetable(placements: [place("2V1-du", F.at(F.mon, 4)), place("2V1-du", F.at(F.thu, 4))])
        #expect(cost("teacherAvailability", good, school) == 0)
    }

    @Test("groupAvailability: no lesson when the group is unavailable")
    func groupAvailability() {
        var school = F.school(with: [F.german2V1()])
        school.groups[0].unavailable = [F.at(F.wed, 5)]
        #expect(cost("groupAvailability", Timetable(placements: [place("2V1-du", F.at(F.wed, 5))]), school) == 1)
        #expect(cost("groupAvailability", Timetable(placements: [place("2V1-du", F.at(F.wed, 4))]), school) == 0)
    }

    @Test("roomAvailability: no lesson in an unavailable room")
    func roomAvailability() {
        var school = F.school(with: [F.german2V1()])
        school.rooms[0].unavailable = [F.at(F.thu, 3)]
        #expect(cost("roomAvailability", Timetable(placements: [place("2V1-du", F.at(F.thu, 3))]), school) == 1)
        #expect(cost("roomAvailability", Timetable(placements: [place("2V1-du", F.at(F.thu, 3), ["R2"])]), school) == 0)
    }

    @Test("lessonAvailability: no occurrence in a period the lesson is unavailable (ITC)")
    func lessonAvailability() {
        var lesson = F.german2V1()
        lesson.unavailable = [F.at(F.mon, 5)]
        let school = F.school(with: [lesson])
        #expect(cost("lessonAvailability", Timetable(placements: [place("2V1-du", F.at(F.mon, 5))]), school) == 1)
        #expect(cost("lessonAvailability", Timetable(placements: [place("2V1-du", F.at(F.mon, 4))]), school) == 0)
    }

    @Test("allowedSegment: instruction only in instruction periods, and never past the end of the day")
    func allowedSegment() {
        var double = F.maths2V1()
        double.durationInPeriods = 2
        let school = F.school(with: [F.german2V1(), double])
        let bad = Timetable(placements: [place("2V1-du", F.at(F.mon, F.choicePeriod)), place("2V1-wi", F.at(F.mon, 5), ["R2"])])
        #expect(cost("allowedSegment", bad, school) == 2)
        let good = Timetable(placements: [place("2V1-du", F.at(F.mon, 3)), place("2V1-wi", F.at(F.mon, 4), ["R2"])])
        #expect(cost("allowedSegment", good, school) == 0)
    }

    @Test("pinnedTime: a pinned lesson is at its pinned slot")
    func pinnedTime() {
        var lesson = F.german2V1(count: 2)
        lesson.pinned = [F.at(F.fri, 3)]
        let school = F.school(with: [lesson])
        let moved = Timetable(placements: [place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.thu, 3))])
        #expect(cost("pinnedTime", moved, school) == 1)
        let pinned = Timetable(placements: [place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.fri, 3))])
        #expect(cost("pinnedTime", pinned, school) == 0)
    }

    @Test("roomAssignment: the right number of rooms, of the right kind")
    func roomAssignment() {
        var lab = F.maths2V1()
        lab.roomKind = .lab
        let school = F.school(with: [lab])
        #expect(cost("roomAssignment", Timetable(placements: [place("2V1-wi", F.at(F.mon, 3), ["R1"])]), school) == 1)
        #expect(cost("roomAssignment", Timetable(placements: [place("2V1-wi", F.at(F.mon, 3), [])]), school) == 1)
        #expect(cost("roomAssignment", Timetable(placements: [place("2V1-wi", F.at(F.mon, 3), ["LAB", "X9"])]), school) == 2)
        #expect(cost("roomAssignment", Timetable(placements: [place("2V1-wi", F.at(F.mon, 3), ["LAB"])]), school) == 0)
    }

    @Test("roomAssignment: a lesson without roomKind needs an ordinary classroom; 'any' and rooms listed by name take others")
    func roomAssignmentDefaultsToClassroom() {
        var school = F.school(with: [F.maths2V1()])
        let inLab = Timetable(placements: [place("2V1-wi", F.at(F.mon, 3), ["LAB"])])
        #expect(cost(.roomAssignment, inLab, school) == 1)
        #expect(violations(.roomAssignment, inLab, school).first?.message.contains("needs a room of kind classroom") == true)
        school.lessons[0].roomKind = .any
        #expect(cost(.roomAssignment, inLab, school) == 0)
        school.lessons[0].roomKind = nil
        school.lessons[0].allowedRooms = ["LAB"]
        #expect(cost(.roomAssignment, inLab, school) == 0)
        #expect(cost(.roomAssignment, Timetable(placements: [place("2V1-wi", F.at(F.mon, 3), ["R1"])]), school) == 1)
    }

    @Test("clusterTogether: lessons of a block hour start at the same times")
    func clusterTogether() {
        var school = F.school(with: [F.german2V1(count: 2), F.maths2V1(count: 2)])
        school.clusters = [Cluster(id: "block", kind: .blockHour, lessons: ["2V1-du", "2V1-wi"])]
        let apart = Timetable(placements: [
            place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.tue, 3)),
            place("2V1-wi", F.at(F.mon, 3), ["R2"]), place("2V1-wi", F.at(F.wed, 3), ["R2"]),
        ])
        #expect(cost("clusterTogether", apart, school) == 2)
        let together = Timetable(placements: [
            place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.tue, 3)),
            place("2V1-wi", F.at(F.mon, 3), ["R2"]), place("2V1-wi", F.at(F.tue, 3), ["R2"]),
        ])
        #expect(cost("clusterTogether", together, school) == 0)
    }

    @Test("maxPerDay: not twice on one day")
    func maxPerDay() {
        var lesson = F.german2V1(count: 3)
        lesson.maxPerDay = 1
        let school = F.school(with: [lesson])
        let crowded = Timetable(placements: [
            place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.mon, 4)), place("2V1-du", F.at(F.mon, 5)),
        ])
        #expect(cost("maxPerDay", crowded, school) == 2)
        let spread = Timetable(placements: [
            place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.tue, 4)), place("2V1-du", F.at(F.wed, 5)),
        ])
        #expect(cost("maxPerDay", spread, school) == 0)
    }

    @Test("teacherMaxPeriodsPerDay: at most the teacher's daily maximum")
    func teacherMaxPeriodsPerDay() {
        var school = F.school(with: [F.german2V1(count: 3)])
        school.teachers[0].maxPeriodsPerDay = 2
        let day = Timetable(placements: [
            place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.mon, 4)), place("2V1-du", F.at(F.mon, 5)),
        ])
        #expect(cost("teacherMaxPeriodsPerDay", day, school) == 1)
        let two = Timetable(placements: [
            place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.mon, 4)), place("2V1-du", F.at(F.tue, 5)),
        ])
        #expect(cost("teacherMaxPeriodsPerDay", two, school) == 0)
    }

    @Test("teacherMaxDays: a part-timer works at most maxDays days")
    func teacherMaxDays() {
        var school = F.school(with: [F.german2V1(count: 3)])
        school.teachers[0].maxDays = 2
        let three = Timetable(placements: [
            place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.tue, 4)), place("2V1-du", F.at(F.wed, 5)),
        ])
        #expect(cost("teacherMaxDays", three, school) == 1)
        let two = Timetable(placements: [
            place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.mon, 4)), place("2V1-du", F.at(F.wed, 5)),
        ])
        #expect(cost("teacherMaxDays", two, school) == 0)
    }

    @Test("teamTime: a team is released together for its common periods")
    func teamTime() {
        var school = F.school(with: [F.german2V1(count: 3), F.maths2V1(count: 3)])
        // Only Monday's instruction periods count: 3 periods, and the team needs 2 of them free together.
        school.teachers[0].unavailable = Set((1...4).flatMap { day in (3...5).map { F.at(day, $0) } })
        school.teamTimes = [TeamTime(id: "dev", teachers: ["JDV", "ABE"], commonFreePeriods: 2, segment: "instruction")]
        let busyMonday = Timetable(placements: [
            place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.tue, 4)), place("2V1-du", F.at(F.wed, 5)),
            place("2V1-wi", F.at(F.mon, 4), ["R2"]), place("2V1-wi", F.at(F.tue, 3), ["R2"]), place("2V1-wi", F.at(F.wed, 3), ["R2"]),
        ])
        #expect(cost("teamTime", busyMonday, school) == 1)
        var freeMonday = busyMonday
        freeMonday.placements[0].start = F.at(F.thu, 3)
        freeMonday.placements[3].start = F.at(F.thu, 4)
        #expect(cost("teamTime", freeMonday, school) == 0)
    }

    @Test("choiceCapacity: a choice session holds at most its capacity")
    func choiceCapacity() {
        let support = Lesson(
            id: "support", teachers: ["ABE"], countPerWeek: 1, allowedSegments: ["choice"],
            choice: ChoiceSettings(kind: .support, capacity: 2))
        let school = F.school(with: [support])
        let placements = [place("support", F.at(F.mon, 2))]
        let three = Timetable(
            placements: placements, enrolments: ["s1", "s2", "s3"].map { Enrolment(student: .init($0), lesson: "support") })
        #expect(cost("choiceCapacity", three, school) == 1)
        let two = Timetable(placements: placements, enrolments: ["s1", "s2"].map { Enrolment(student: .init($0), lesson: "support") })
        #expect(cost("choiceCapacity", two, school) == 0)
    }

    @Test("choiceMinimumSize: a session runs with at least its minimum, or is cancelled")
    func choiceMinimumSize() {
        let talent = Lesson(
            id: "talent", teachers: ["ABE"], countPerWeek: 2, allowedSegments: ["choice"],
            choice: ChoiceSettings(kind: .talent, minimumSize: 2))
        let school = F.school(with: [talent])
        let placements = [place("talent", F.at(F.mon, 2)), place("talent", F.at(F.tue, 2))]
        let one = Timetable(placements: placements, enrolments: [Enrolment(student: "s1", lesson: "talent", start: F.at(F.mon, 2))])
        #expect(cost("choiceMinimumSize", one, school) == 1)
        let full = Timetable(
            placements: placements,
            enrolments: [
                Enrolment(student: "s1", lesson: "talent", start: F.at(F.mon, 2)),
                Enrolment(student: "s2", lesson: "talent", start: F.at(F.mon, 2)),
            ])
        #expect(cost("choiceMinimumSize", full, school) == 0)
    }

    @Test("choiceEnrolment: the weekly number of choice lessons, required placements, real sessions")
    func choiceEnrolment() {
        let support = Lesson(
            id: "support", teachers: ["ABE"], countPerWeek: 2, allowedSegments: ["choice"], choice: ChoiceSettings(kind: .support))
        var school = F.school(with: [support])
        school.choiceLessonsPerWeek = 1
        school.choiceRequests = [ChoiceRequest(student: "s3", lesson: "support", required: true)]
        let placements = [place("support", F.at(F.mon, 2)), place("support", F.at(F.tue, 2))]
        let partial = Timetable(
            placements: placements,
            enrolments: [
                Enrolment(student: "s1", lesson: "support", start: F.at(F.mon, 2)),
                Enrolment(student: "s2", lesson: "support", start: F.at(F.wed, 2)),  // no session then
            ])
        // s2's enrolment is invalid (1), s2 and s3 miss their one lesson (2), s3's required request is unmet (1).
        #expect(cost("choiceEnrolment", partial, school) == 4)
        let complete = Timetable(
            placements: placements,
            enrolments: [
                Enrolment(student: "s1", lesson: "support", start: F.at(F.mon, 2)),
                Enrolment(student: "s2", lesson: "support", start: F.at(F.tue, 2)),
                Enrolment(student: "s3", lesson: "support", start: F.at(F.tue, 2)),
            ])
        #expect(cost("choiceEnrolment", complete, school) == 0)
        #expect(cost("choiceEnrolment", Timetable(placements: placements), school) == 0, "no enrolment layer yet: not checked")
    }

    @Test("coachMeetings: one conversation per interval, with the student's coach, in a coach window")
    func coachMeetings() {
        var school = F.school
        school.weeksInCycle = 3
        school.coaching = CoachingPolicy(lengthInMinutes: 15, intervalInWeeks: 3, segment: "coach")
        let good: [CoachMeeting] = [
            CoachMeeting(student: "s1", coach: "JDV", week: 0, slot: F.at(F.mon, 0)),
            CoachMeeting(student: "s2", coach: "JDV", week: 1, slot: F.at(F.mon, 0)),
            CoachMeeting(student: "s3", coach: "ABE", week: 2, slot: F.at(F.tue, 0)),
        ]
        #expect(cost("coachMeetings", Timetable(coachMeetings: good), school) == 0)
        var bad = good
        bad[1] = CoachMeeting(student: "s2", coach: "ABE", week: 1, slot: F.at(F.mon, 3))  // not their coach, outside the window
        bad.append(CoachMeeting(student: "s1", coach: "JDV", week: 2, slot: F.at(F.wed, 0)))  // a second one in the cycle
        bad.removeAll { $0.student == "s3" }  // none for s3
        #expect(cost("coachMeetings", Timetable(coachMeetings: bad), school) == 4)
    }
}

@Suite("Where a timetable is stuck")
struct CollisionTests {
    typealias F = Fixture

    @Test("Hard violations are summed per teacher, group and room, with the teacher's load against the periods left")
    func collisions() {
        var school = F.school(with: [F.german2V1(count: 2), F.german3H2(count: 2)])
        school.teachers[0].maxPeriodsPerDay = 1
        school.teachers[0].daysOff = [F.wed]
        let slot = F.at(F.mon, F.firstInstruction)
        let timetable = Timetable(placements: [
            Placement(lesson: school.lessons[0].id, start: slot, rooms: ["R1"]),
            Placement(lesson: school.lessons[0].id, start: F.at(F.tue, F.firstInstruction), rooms: ["R1"]),
            Placement(lesson: school.lessons[1].id, start: slot, rooms: ["R2"]),
            Placement(lesson: school.lessons[1].id, start: F.at(F.thu, F.firstInstruction), rooms: ["R2"]),
        ])
        let report = Checker().check(timetable, against: school)
        let collisions = report.collisions(in: school)
        let first = collisions.first
        #expect(first?.resource == "teacher:JDV")
        #expect(first?.rules == [.teacherConflict: 1], "both lessons in one period: a clash, not a second period that day")
        #expect(first?.load == 4 && first?.available == 4, "four days of at most one period")
        #expect(
            first?.description
                == "teacher JDV: 1 hard violation(s) (teacherConflict 1); 4 lesson periods for the 4 periods left by availability, days off and daily limits (100 % full)"
        )
        #expect(Checker().check(Timetable(), against: F.school).collisions(in: F.school).isEmpty)
    }
}
