import RoosterModel
import RoosterTestSupport
import Testing

@testable import RoosterRules

/// Given a base timetable's choice sessions, expect the number of weekly choice lessons no
/// enrolment can seat: seats per period, students free then, one session at a time.
@Suite("choiceSeats")
struct ChoiceSeatsTests {
    typealias F = Fixture

    /// Three students (s1, s2 in 2V1 with s2 on track; s3 in 3H2) who take two choice lessons a week;
    /// a support lesson of two sessions with two seats each and a talent lesson with one seat.
    func school() -> School {
        var school = F.school(with: [
            Lesson(
                id: "support", teachers: ["ABE"], countPerWeek: 3, allowedSegments: ["choice"],
                choice: ChoiceSettings(kind: .support, capacity: 2)),
            Lesson(
                id: "talent", teachers: ["KOK"], countPerWeek: 1, allowedSegments: ["choice"],
                choice: ChoiceSettings(kind: .talent, capacity: 1)),
            F.german2V1(),
        ])
        school.choiceLessonsPerWeek = 2
        return school
    }

    func sessions(_ starts: [(Lesson.ID, Int)], german: Int = F.wed) -> Timetable {
        Timetable(
            placements: starts.map { Placement(lesson: $0.0, start: F.at($0.1, F.choicePeriod), rooms: ["R1"]) }
                + [Placement(lesson: "2V1-du", start: F.at(german, F.firstInstruction), rooms: ["R2"])])
    }

    @Test("Seats spread over enough periods leave no shortfall; piled into one period they do")
    func spread() {
        let school = school()
        // Mon 3 seats, Tue 2, Wed 2: each student takes two of the three periods.
        #expect(cost(.choiceSeats, sessions([("support", F.mon), ("talent", F.mon), ("support", F.tue), ("support", F.wed)]), school) == 0)
        // Mon 5 seats, Tue 2: in Monday's period a student takes one session, so 3 + 2 = 5 of 6.
        let piled = sessions([("support", F.mon), ("support", F.mon), ("talent", F.mon), ("support", F.tue)])
        #expect(cost(.choiceSeats, piled, school) == 1)
        let message = violations(.choiceSeats, piled, school).first?.message ?? ""
        #expect(message.contains("seat 5 of the 6 choice lessons 3 students need"), "\(message)")
        #expect(message.contains("has 2 choice seats for 3 students"), "\(message)")
    }

    @Test("A group lesson in a choice period takes its students out of it, unless they are on track and exempted")
    func busyStudents() {
        var school = school()
        // German of 2V1 in Tuesday's choice period: only s3 can use Tuesday's two seats.
        let timetable = sessions([("support", F.mon), ("talent", F.mon), ("support", F.tue)], german: F.tue)
        var moved = timetable
        moved.placements[3].start = F.at(F.tue, F.choicePeriod)
        #expect(cost(.choiceSeats, moved, school) == 2)
        // s2 is on track and may skip German on Tuesday: s2 and s3 use Tuesday.
        school.exemptions = [Exemption(lesson: "2V1-du", days: [F.tue])]
        #expect(cost(.choiceSeats, moved, school) == 1)
    }

    @Test("Sessions open to one group seat only its students")
    func openTo() {
        var school = school()
        school.lessons[0].choice?.openTo = ["3H2"]
        // Only s3 may take support: s1 and s2 have the single talent seat between them.
        let timetable = sessions([("support", F.mon), ("talent", F.mon), ("support", F.tue), ("support", F.wed)])
        #expect(cost(.choiceSeats, timetable, school) == 3)
    }

    @Test("Schools without weekly choice lessons are not judged")
    func noChoiceLessons() {
        var school = school()
        school.choiceLessonsPerWeek = nil
        #expect(cost(.choiceSeats, sessions([]), school) == 0)
    }
}
