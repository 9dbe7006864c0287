import RoosterEnrolment
import RoosterIO
import RoosterModel
import RoosterRules
import RoosterTestSupport
import Testing

/// Two siblings (s1 in 2V1, s2 in 3H2) with one parent who can come on Tuesday and Thursday only;
/// triad meetings once per cycle, in instruction periods.
enum Family {
    static func school() -> School {
        var school = Fixture.school
        school.parents = [
            Parent(
                id: "P1",
                available: Set([Fixture.tue, Fixture.thu].flatMap { day in (3...5).map { Fixture.at(day, $0) } })),
            Parent(id: "P2"),
        ]
        school.students = [
            Student(id: "s1", groups: ["2V1"], coaches: ["JDV"], parent: "P1"),
            Student(id: "s2", groups: ["3H2"], coaches: ["ABE"], parent: "P1"),
            Student(id: "s3", groups: ["3H2"], coaches: ["ABE"], parent: "P2"),
        ]
        school.coaching = CoachingPolicy(
            lengthInMinutes: 15, intervalInWeeks: 1, segment: "coach", triadsPerCycle: 1, triadSegments: ["instruction"])
        // Tuesday's first instruction period is 2V1's maths lesson.
        school.lessons = [
            Lesson(id: "wi", teachers: ["KOK"], groups: ["2V1"], allowedSegments: ["instruction"], pinned: [Fixture.at(Fixture.tue, 3)])
        ]
        return school
    }

    static let base = Timetable(placements: [Placement(lesson: "wi", start: Fixture.at(Fixture.tue, 3), rooms: ["R1"])])
}

@Suite struct TriadTests {
    @Test func siblingsMeetTheCoachBackToBackWhenTheParentCanCome() throws {
        let school = Family.school()
        let plan = try CoachPlanner().plan(school: school, timetable: Family.base)
        #expect(plan.unplanned.isEmpty, "\(plan.unplanned)")
        let triads = plan.meetings.filter { $0.parent != nil }
        #expect(triads.count == 3)
        let family = triads.filter { $0.parent == "P1" }.sorted { $0.slot < $1.slot }
        #expect(family.count == 2)
        #expect(family[0].slot.day == family[1].slot.day && family[1].slot.period == family[0].slot.period + 1)
        #expect(family.allSatisfy { [Fixture.tue, Fixture.thu].contains($0.slot.day) })
        #expect(!family.contains { $0.student == "s1" && $0.slot == Fixture.at(Fixture.tue, 3) })  // s1 has maths then
        let report = Checker().check(plan.timetable(on: Family.base), against: school)
        #expect(report.score.hard == 0, "\(report.violations.filter { $0.level == .hard }.map(\.message))")
        #expect(report.penaltyByRule["siblingTriads"] == nil)
        #expect(plan.meetings.filter { $0.parent == nil }.count == 3)  // the weekly conversations too
    }

    @Test func theCheckerJudgesTriadMeetings() {
        let school = Family.school()
        var table = Family.base
        table.coachMeetings = [
            CoachMeeting(student: "s1", coach: "JDV", week: 0, slot: Fixture.at(Fixture.mon, Fixture.coachPeriod)),
            CoachMeeting(student: "s2", coach: "ABE", week: 0, slot: Fixture.at(Fixture.mon, Fixture.coachPeriod)),
            CoachMeeting(student: "s3", coach: "ABE", week: 0, slot: Fixture.at(Fixture.tue, Fixture.coachPeriod)),
            // Monday: the parent cannot come; and at the same time as the sibling's meeting.
            CoachMeeting(student: "s1", coach: "JDV", week: 0, slot: Fixture.at(Fixture.mon, 4), parent: "P1"),
            CoachMeeting(student: "s2", coach: "ABE", week: 0, slot: Fixture.at(Fixture.mon, 4), parent: "P1"),
            // s3 with someone else's parent.
            CoachMeeting(student: "s3", coach: "ABE", week: 0, slot: Fixture.at(Fixture.wed, 4), parent: "P1"),
        ]
        let report = Checker().check(table, against: school)
        let messages = report.violations.map(\.message)
        #expect(messages.contains { $0.contains("when their parent P1 cannot come") })
        #expect(messages.contains { $0.contains("Parent P1 has two triad meetings") })
        #expect(messages.contains { $0.contains("with P1, who is not their parent") })
        // The wrong-parent meeting is reported once, as such, not also as a missing triad.
        #expect(!messages.contains { $0.contains("Student s3 has 0 triad meetings") })
        #expect(report.penaltyByRule["parentConflict"] == 1)
        #expect((report.penaltyByRule["siblingTriads"] ?? 0) >= 1)
    }

    @Test func parentsAndTriadsRoundTripThroughFiles() throws {
        var school = Family.school()
        school.name = "Family"
        let text = try SchoolFile.encode(school, as: .yaml)
        #expect(text.contains("triadsPerCycle: 1") && text.contains("parent: P1"))
        let loaded = try SchoolFile.parse(text, format: .yaml, file: "family.yaml")
        #expect(loaded.school.parents == school.parents)
        #expect(loaded.school.students.map(\.parent) == school.students.map(\.parent))
        #expect(loaded.school.coaching == school.coaching)
        var table = Family.base
        table.coachMeetings = [CoachMeeting(student: "s1", coach: "JDV", week: 0, slot: Fixture.at(Fixture.tue, 4), parent: "P1")]
        let json = try TimetableFile.encode(table, for: school, as: .json)
        #expect(try TimetableFile.parse(json, format: .json, for: school) == table)
    }
}
