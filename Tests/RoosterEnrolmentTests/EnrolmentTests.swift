import Foundation
import RoosterEnrolment
import RoosterGLPK
import RoosterGenerate
import RoosterHeuristic
import RoosterIO
import RoosterModel
import RoosterRules
import RoosterSolving
import RoosterTestSupport
import Testing

/// A small bioritme week: two choice periods (Mon and Tue at 9:00), four sessions, a mentor lesson
/// (exempted on Tuesday for on-track students) and a maths lesson that takes Wednesday's choice period.
enum Week {
    static let mon = Fixture.at(Fixture.mon, Fixture.choicePeriod)
    static let tue = Fixture.at(Fixture.tue, Fixture.choicePeriod)
    static let wed = Fixture.at(Fixture.wed, Fixture.choicePeriod)

    static func school(students count: Int = 6) -> School {
        var school = Fixture.school
        school.students = (1...count).map { Student(id: .init("s\($0)"), groups: ["2V1"], onTrack: $0 == 1) }
        school.groups[0].size = count
        school.choiceLessonsPerWeek = 2
        let choice = { (id: Lesson.ID, teacher: Teacher.ID, seats: Int, minimum: Int) in
            Lesson(
                id: id, teachers: [teacher], allowedSegments: ["choice"],
                choice: ChoiceSettings(kind: .support, capacity: seats, minimumSize: minimum))
        }
        school.lessons = [
            choice("maths-mon", "JDV", 3, 0), choice("olc-mon", "ABE", 10, 0),
            choice("german-tue", "JDV", 2, 0), choice("olc-tue", "ABE", 10, 0),
            choice("drama-wed", "ABE", 10, 3),
            Lesson(id: "wi", teachers: ["KOK"], groups: ["2V1"], allowedSegments: ["choice"]),
        ]
        return school
    }

    static func timetable() -> Timetable {
        Timetable(placements: [
            Placement(lesson: "maths-mon", start: mon, rooms: ["R1"]), Placement(lesson: "olc-mon", start: mon, rooms: ["R2"]),
            Placement(lesson: "german-tue", start: tue, rooms: ["R1"]), Placement(lesson: "olc-tue", start: tue, rooms: ["R2"]),
            Placement(lesson: "drama-wed", start: wed, rooms: ["R1"]), Placement(lesson: "wi", start: wed, rooms: ["R2"]),
        ])
    }
}

/// Hard violations of the enrolment's own rules (the base timetable is checked elsewhere).
func enrolmentViolations(_ table: Timetable, _ school: School) -> [Violation] {
    Checker().check(table, against: school).violations.filter {
        $0.level == .hard
            && ["choiceCapacity", "choiceMinimumSize", "choiceEnrolment", "studentConflict", "coachMeetings", "teacherConflict"]
                .contains($0.rule.rawValue)
    }
}

@Suite struct EnrolmentTests {
    @Test(arguments: ["exact", "greedy"])
    func everyStudentGetsTwoSessionsWithinSeats(method: String) throws {
        var school = Week.school()
        school.choiceRequests = (1...6).flatMap { n in
            [
                ChoiceRequest(student: .init("s\(n)"), lesson: "maths-mon", rank: 1),
                ChoiceRequest(student: .init("s\(n)"), lesson: "german-tue", rank: 2),
            ]
        }
        let problem = EnrolmentProblem(school: school, timetable: Week.timetable())
        let plan =
            method == "exact"
            ? ExactEnrolment(backend: GLPKBackend()).enrol(problem)
            : EnrolmentPlan(problem: problem, assignment: GreedyEnrolment().solve(problem), method: .greedy)
        let table = plan.timetable(on: Week.timetable())
        #expect(enrolmentViolations(table, school).isEmpty)
        #expect(plan.shortfalls.isEmpty)
        let inMaths = plan.enrolments.filter { $0.lesson == "maths-mon" }.count
        let inGerman = plan.enrolments.filter { $0.lesson == "german-tue" }.count
        #expect(inMaths == 3 && inGerman == 2)  // every seat of a requested session is used
        #expect(plan.enrolments.filter { $0.lesson == "drama-wed" }.isEmpty)  // Wednesday is the group's maths lesson
        // Six first choices for three seats: three unmet, each because the session is full.
        #expect(plan.statistics.firstChoicesMet == 3)
        #expect(plan.unmet.filter { $0.request.rank == 1 }.allSatisfy { $0.reason == .full(seats: 3) })
        // The checker's preference cost is the enrolment's preference cost.
        let preference = Checker().check(table, against: school).penaltyByRule["choicePreference"] ?? 0
        #expect(preference == problem.objective(of: plan.assignment))
        if method == "exact" { #expect(plan.method == .exact(optimal: true)) }
    }

    @Test func requiredPlacementsComeFirstAndMinimumSizesHold() throws {
        var school = Week.school()
        // Drama needs three students; only two ask for it, so it is cancelled when nobody is forced.
        school.lessons[5] = Lesson(id: "wi", teachers: ["KOK"], groups: ["3H2"], allowedSegments: ["instruction"])
        var table = Week.timetable()
        table.placements[5].start = Fixture.at(Fixture.wed, Fixture.firstInstruction)
        school.choiceLessonsPerWeek = 3
        school.choiceRequests = [
            ChoiceRequest(student: "s1", lesson: "drama-wed", rank: 1), ChoiceRequest(student: "s2", lesson: "drama-wed", rank: 1),
            ChoiceRequest(student: "s3", lesson: "german-tue", rank: 1, required: true),
            ChoiceRequest(student: "s4", lesson: "german-tue", rank: 1), ChoiceRequest(student: "s5", lesson: "german-tue", rank: 1),
        ]
        let problem = EnrolmentProblem(school: school, timetable: table)
        for plan in [
            ExactEnrolment(backend: GLPKBackend()).enrol(problem),
            EnrolmentPlan(problem: problem, assignment: GreedyEnrolment().solve(problem), method: .greedy),
        ] {
            let result = plan.timetable(on: table)
            #expect(enrolmentViolations(result, school).isEmpty, "\(plan.method)")
            #expect(plan.enrolments.contains(Enrolment(student: "s3", lesson: "german-tue", start: Week.tue)))
            let drama = plan.enrolments.filter { $0.lesson == "drama-wed" }.count
            #expect(drama == 0 || drama >= 3)
            for unmet in plan.unmet { #expect(!unmet.reason.sentence.isEmpty) }
        }
    }

    @Test func reasonsNameTheCause() throws {
        var school = Week.school(students: 3)
        school.choiceRequests = [
            ChoiceRequest(student: "s1", lesson: "drama-wed", rank: 1),  // Wednesday holds the group's maths lesson
            ChoiceRequest(student: "s2", lesson: "wi", rank: 1),  // not a choice lesson
            ChoiceRequest(student: "s3", lesson: "maths-mon", rank: 1), ChoiceRequest(student: "s3", lesson: "olc-mon", rank: 2),
        ]
        let problem = EnrolmentProblem(school: school, timetable: Week.timetable())
        let plan = ExactEnrolment(backend: GLPKBackend()).enrol(problem)
        let reason = { (student: Student.ID, lesson: Lesson.ID) in
            plan.unmet.first { $0.request.student == student && $0.request.lesson == lesson }?.reason
        }
        if case .clashes(let words) = reason("s1", "drama-wed") {
            #expect(words.first?.contains("wi") == true)
        } else {
            Issue.record("drama should clash with the maths lesson, got \(String(describing: reason("s1", "drama-wed")))")
        }
        #expect(reason("s2", "wi") == .notOffered)
        #expect(reason("s3", "olc-mon") == .timeTaken(by: ["maths-mon"]))
    }

    @Test func onTrackStudentsAreFreeInExemptedLessons() throws {
        var school = Week.school(students: 2)
        school.lessons.append(Lesson(id: "mentor", teachers: ["KOK"], groups: ["2V1"], countPerWeek: 1, allowedSegments: ["choice"]))
        school.exemptions = [Exemption(lesson: "mentor", days: [Fixture.tue])]
        var table = Week.timetable()
        table.placements.append(Placement(lesson: "mentor", start: Week.tue, rooms: ["LAB"]))
        let problem = EnrolmentProblem(school: school, timetable: table)
        let plan = ExactEnrolment(backend: GLPKBackend()).enrol(problem)
        // s1 is on track: Tuesday is free, so both choice lessons fit; s2 has the mentor lesson on Tuesday.
        #expect(plan.enrolments.filter { $0.student == "s1" }.count == 2)
        #expect(plan.enrolments.filter { $0.student == "s2" }.count == 1)
        #expect(plan.shortfalls.map(\.student) == ["s2"])
        let violations = enrolmentViolations(plan.timetable(on: table), school)
        #expect(violations.allSatisfy { $0.rule == "choiceEnrolment" }, "\(violations.map(\.message))")
    }

    @Test func reEnrolmentKeepsUnaffectedPlacements() async throws {
        let seed: UInt64 = 5
        print("re-enrolment on a generated bioritme school, seed \(seed)")
        let (school, base) = try await generatedWeek(students: 90, seed: seed)
        let first = ExactEnrolment(backend: GLPKBackend(), seed: seed).enrol(EnrolmentProblem(school: school, timetable: base))
        #expect(enrolmentViolations(first.timetable(on: base), school).isEmpty)
        // Move one session to another choice period that no one of its teacher holds.
        var moved = base
        let index = try #require(moved.placements.firstIndex { $0.lesson.rawValue.hasSuffix("support") && $0.start.day == 0 })
        let lessonOf = Dictionary(school.lessons.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let teacher = lessonOf[moved.placements[index].lesson]?.teachers.first
        let busy = Set(moved.placements.filter { lessonOf[$0.lesson]?.teachers.contains { $0 == teacher } ?? false }.map(\.start))
        let free = try #require(school.allSlots.first { school.period(at: $0)?.segment == "choice" && !busy.contains($0) })
        moved.placements[index].start = free
        let lesson = moved.placements[index].lesson
        let again = ExactEnrolment(backend: GLPKBackend(), seed: seed).enrol(
            EnrolmentProblem(school: school, timetable: moved, previous: first.enrolments), previous: first.enrolments)
        #expect(enrolmentViolations(again.timetable(on: moved), school).isEmpty)
        let unaffected = first.enrolments.filter { $0.lesson != lesson }
        let students = Set(first.enrolments.filter { $0.lesson == lesson }.map(\.student))
        // Placements of students who did not have the moved session are all kept.
        let kept = again.changes.filter { $0.kind == .kept }.map(\.before)
        for enrolment in unaffected where !students.contains(enrolment.student) { #expect(kept.contains(enrolment)) }
        #expect(again.changes.filter { $0.before.lesson == lesson }.allSatisfy { $0.kind != .kept })
        #expect(again.changes.count == first.enrolments.count)
    }

    @Test func bioritmeEndToEnd() async throws {
        let seed: UInt64 = 3
        print("bioritme end to end, generated school of 120 students, seed \(seed)")
        let (school, base) = try await generatedWeek(students: 120, seed: seed)
        let plan = ExactEnrolment(backend: GLPKBackend(), seed: seed).enrol(EnrolmentProblem(school: school, timetable: base))
        #expect(plan.shortfalls.isEmpty)
        let week = plan.timetable(on: base)
        let coaching = try CoachPlanner().plan(school: school, timetable: week)
        #expect(coaching.unplanned.isEmpty)
        let full = coaching.timetable(on: week)
        let report = Checker().check(full, against: school)
        #expect(report.score.hard == 0, "\(report.violations.filter { $0.level == .hard }.prefix(5).map(\.message))")
        // Every student: eight choice sessions and one conversation in the three-week cycle.
        for student in school.students {
            #expect(plan.enrolments.filter { $0.student == student.id }.count == 8)
            #expect(coaching.meetings.filter { $0.student == student.id }.count == 1)
        }
        #expect(coaching.worstImbalance <= 1)
    }

    @Test func coachExampleGetsEveryConversation() throws {
        let loaded = try SchoolFile.load(root.appendingPathComponent("Examples/coach/school.yaml"))
        var base = try TimetableFile.load(root.appendingPathComponent("Examples/coach/timetable.json"), for: loaded.school)
        base.coachMeetings = nil
        let plan = try CoachPlanner().plan(school: loaded.school, timetable: base)
        #expect(plan.unplanned.isEmpty)
        #expect(plan.meetings.count == loaded.school.students.count)  // once in the three-week cycle
        #expect(enrolmentViolations(plan.timetable(on: base), loaded.school).isEmpty)
        #expect(plan.worstImbalance <= 1)
    }

    @Test func blockHoursSplitStudentsWithinSeats() async throws {
        let seed: UInt64 = 11
        print("block hours on a generated school, seed \(seed)")
        let (school, base) = try await generatedWeek(students: 160, profile: .blocks, seed: seed)
        let plan = ExactEnrolment(backend: GLPKBackend(), seed: seed).enrol(EnrolmentProblem(school: school, timetable: base))
        let table = plan.timetable(on: base)
        let report = Checker().check(table, against: school)
        #expect(report.score.hard == 0, "\(report.violations.filter { $0.level == .hard }.prefix(3).map(\.message))")
        #expect(report.penaltyByRule["roomCapacity"] == nil)  // no block room over its seats
        // One lesson per student per block session.
        let sessions = Set(base.placements.filter { school.clusters.flatMap(\.lessons).contains($0.lesson) }.map(\.start))
        for student in school.students.prefix(20) {
            let own = plan.enrolments.filter { $0.student == student.id }
            #expect(own.count == 2, "two blocks a week")
            #expect(Set(own.compactMap(\.start)).isSubset(of: sessions))
        }
        #expect(plan.statistics.firstChoiceShare > 0.5)
    }

    var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

}

@Suite struct WeeklyFileTests {
    @Test func requestsReadWithSemicolonsBOMAndQuotes() throws {
        let school = Week.school(students: 2)
        let text = "\u{FEFF}student;lesson;rank;required\r\ns1;maths-mon;1;ja\r\n\"s1\";\"german-tue\";2;\r\ns2;olc-tue;;no\r\n"
        let requests = try WeeklyFiles.parseRequests(text, for: school, file: "requests.csv")
        #expect(
            requests == [
                ChoiceRequest(student: "s1", lesson: "maths-mon", rank: 1, required: true),
                ChoiceRequest(student: "s1", lesson: "german-tue", rank: 2),
                ChoiceRequest(student: "s2", lesson: "olc-tue", rank: 1),
            ])
    }

    @Test("Requests with old Mac line ends (CR only, as classic Excel saved them) read like any other; errors keep their lines")
    func requestsWithCarriageReturnsOnly() throws {
        let school = Week.school(students: 2)
        let text = "student,lesson,rank\rs1,maths-mon,1\rs2,olc-tue,2\r"
        #expect(
            try WeeklyFiles.parseRequests(text, for: school, file: "r.csv") == [
                ChoiceRequest(student: "s1", lesson: "maths-mon", rank: 1), ChoiceRequest(student: "s2", lesson: "olc-tue", rank: 2),
            ])
        #expect {
            try WeeklyFiles.parseRequests("student,lesson\rs1,maths-mon\rs9,maths-mon\r", for: school, file: "r.csv")
        } throws: { error in (error as? InputError)?.line == 3 }
    }

    @Test func badRequestsNameTheLineAndTheFix() throws {
        let school = Week.school(students: 2)
        let cases: [(String, Int, String)] = [
            ("student,lesson\ns1,maths-mon\ns9,maths-mon\n", 3, "unknown student 's9'"),
            ("student,lesson\ns1,wi\n", 2, "neither a choice lesson"),
            ("student,lesson,rank\ns1,maths-mon,first\n", 2, "rank 'first'"),
            ("pupil,lesson\ns1,maths-mon\n", 1, "no column 'student'"),
            ("student,lesson\n\"s1,maths-mon\n", 2, "not closed"),
        ]
        for (text, line, message) in cases {
            #expect {
                try WeeklyFiles.parseRequests(text, for: school, file: "r.csv")
            } throws: { error in
                guard let error = error as? InputError else { return false }
                return error.line == line && error.message.contains(message) && error.hint != nil && error.file == "r.csv"
            }
        }
    }

    @Test func enrolmentsRoundTrip() throws {
        var school = Week.school(students: 3)
        school.choiceRequests = [ChoiceRequest(student: "s1", lesson: "maths-mon", rank: 1)]
        let plan = ExactEnrolment(backend: GLPKBackend()).enrol(EnrolmentProblem(school: school, timetable: Week.timetable()))
        let text = WeeklyFiles.encodeEnrolments(
            plan.enrolments, school: school, timetable: Week.timetable(), requests: school.choiceRequests)
        #expect(text.hasPrefix("student,lesson,subject,kind,day,time,rooms,rank\r\n"))
        #expect(text.contains("s1,maths-mon,,support,mon,09:00,R1,1\r\n"))
        let back = try WeeklyFiles.parseEnrolments(text, for: school, file: "e.csv")
        #expect(back == plan.enrolments)
    }
}

/// A generated school and a feasible base timetable from the heuristic (bounded by moves, so repeatable).
func generatedWeek(students: Int, profile: SchoolGenerator.Profile = .bioritme, seed: UInt64) async throws -> (School, Timetable) {
    let school = SchoolGenerator(students: students, profile: profile, seed: seed).make()
    let result = await HeuristicSolver().solve(school, options: SolveOptions(timeLimit: .seconds(300), iterationLimit: 300_000, seed: seed))
    try #require(result.score.isFeasible, "the base timetable must be feasible: \(result.report.violations.prefix(3).map(\.message))")
    return (school, result.timetable)
}
