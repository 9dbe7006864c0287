import RoosterModel
import RoosterTestSupport
import Testing

/// Validation finds what no timetable can fix, before any solver runs.
@Suite("School validation")
struct ValidationTests {
    typealias F = Fixture

    func codes(_ school: School) -> [String] { school.validate().map(\.code) }

    func paths(_ school: School, code: String) -> [String] {
        school.validate().filter { $0.code == code }.map(\.path)
    }

    @Test("The fixture is valid")
    func fixtureIsValid() {
        #expect(F.school(with: [F.german2V1(count: 3), F.maths2V1(count: 3)]).validate().isEmpty)
    }

    @Test("Duplicate IDs are errors at the second occurrence")
    func duplicateIDs() {
        var school = F.school
        school.teachers.append(Teacher(id: "JDV"))
        #expect(paths(school, code: "duplicateID") == ["teachers[3].id"])
    }

    @Test("Numbers outside their documented ranges and empty IDs are errors at their paths, extremes included")
    func ranges() {
        var lesson = F.german2V1()
        lesson.minDays = -3
        lesson.studentCount = Int.max
        lesson.roomCount = 101
        lesson.maxPerDay = Int.min  // once trapped the count of a lesson's days (found by Tests/scripts/hostile_input.py)
        lesson.countPerWeek = 3
        var school = F.school(with: [lesson])
        school.weeksInCycle = Int.max
        school.groups[0].size = -1
        school.rooms[0].capacity = Int.min
        school.ruleWeights = ["teacherGaps": 1_000_001]
        school.teamTimes = [TeamTime(id: "t", teachers: ["JDV"], commonFreePeriods: Int.max)]
        school.teachers.append(Teacher(id: " "))
        #expect(
            Set(paths(school, code: "invalidValue")) == [
                "lessons[0].minDays", "lessons[0].studentCount", "lessons[0].roomCount", "lessons[0].maxPerDay", "weeksInCycle",
                "groups[0].size",
                "rooms[0].capacity", "ruleWeights.teacherGaps", "teamTimes[0].commonFreePeriods",
            ])
        #expect(paths(school, code: "emptyID") == ["teachers[3].id"])
        let message = school.validate().first { $0.path == "weeksInCycle" }?.message ?? ""
        #expect(message.contains("between 1 and 52"), "\(message)")
    }

    @Test("Control characters (ESC, NUL) in ids and names are errors: they would reach terminals, pages and calendars")
    func controlCharacters() {
        var school = F.school
        school.teachers[0].name = "Jan \u{1B}[2J de Vries"
        school.rooms[1].id = "R\u{0}2"
        school.name = "Tab\tis fine? No"
        #expect(Set(paths(school, code: "controlCharacter")) == ["teachers[0].name", "rooms[1].id", "name"])
        school = F.school
        school.teachers[0].name = "Jan de Vriés — ‘mentor’"
        #expect(paths(school, code: "controlCharacter").isEmpty)
    }

    @Test("Unknown references name the path of the reference")
    func unknownReferences() {
        var lesson = F.german2V1()
        lesson.teachers = ["XYZ"]
        lesson.groups = ["9Z9"]
        lesson.allowedSegments = ["nowhere"]
        var school = F.school(with: [lesson])
        school.students[0].coaches = ["NOBODY"]
        #expect(
            Set(paths(school, code: "unknownReference")) == [
                "lessons[0].teachers[0]", "lessons[0].groups[0]", "lessons[0].allowedSegments[0]", "students[0].coaches[0]",
            ])
    }

    @Test("Periods that overlap are an error")
    func overlappingPeriods() {
        var school = F.school
        school.dayTemplates[0].periods[4].start = TimeOfDay(hour: 10, minute: 30)
        #expect(paths(school, code: "overlappingPeriods") == ["dayTemplates[0].periods[4].start"])
    }

    @Test("A teacher with more lesson periods than available periods is overloaded")
    func teacherOverloaded() {
        var school = F.school(with: [F.german2V1(count: 3), F.german3H2(count: 3)])
        school.teachers[0].maxDays = 2
        school.teachers[0].maxPeriodsPerDay = 2
        #expect(paths(school, code: "teacherOverloaded") == ["teachers[0]"])
        school.teachers[0].maxDays = 3
        #expect(paths(school, code: "teacherOverloaded").isEmpty)
    }

    @Test("A lesson's occurrences must fit its days: maxPerDay, teachers' days off and unavailable times count (issue 15)")
    func lessonOverloaded() {
        var lesson = F.german2V1(count: 6)
        lesson.maxPerDay = 1
        var school = F.school(with: [lesson])
        #expect(
            school.validate().filter { $0.code == "lessonOverloaded" }.map(\.message) == [
                "Lesson \(lesson.id) runs 6 times a week with at most 1 a day, but its 5 usable day(s) hold at most 5"
            ])
        #expect(school.validate().first { $0.code == "lessonOverloaded" }?.provesNoTimetable == true)
        school.lessons[0].maxPerDay = 2
        #expect(paths(school, code: "lessonOverloaded").isEmpty)
        school.teachers[0].daysOff = [F.mon, F.tue, F.wed]
        #expect(paths(school, code: "lessonOverloaded") == ["lessons[0]"], "two days left hold four")
        school.teachers[0].daysOff = [F.mon, F.tue]
        #expect(paths(school, code: "lessonOverloaded").isEmpty)
        school.lessons[0].unavailable = [F.at(F.wed, F.firstInstruction), F.at(F.wed, F.firstInstruction + 1)]
        #expect(paths(school, code: "lessonOverloaded") == ["lessons[0]"], "Wednesday keeps one start")
    }

    @Test("A teacher's lessons must fit in the periods of their segments")
    func teacherOverloadedInSegment() {
        // Six mentor lessons a week, but the mentor segment has one period a day.
        let mentor = Lesson(id: "men", teachers: ["KOK"], groups: ["2V1"], countPerWeek: 3, allowedSegments: ["mentor"])
        let other = Lesson(id: "men2", teachers: ["KOK"], groups: ["3H2"], countPerWeek: 3, allowedSegments: ["mentor"])
        let found = F.school(with: [mentor, other]).validate().filter { $0.code == "teacherOverloaded" }
        #expect(found.map(\.message) == ["Teacher KOK teaches 6 periods a week in segment(s) mentor but is available for at most 5"])
    }

    @Test("A group with more lesson periods than its allowed segments hold is overloaded")
    func groupOverloaded() {
        // 2V1 needs 16 instruction periods; the week has 15.
        let school = F.school(with: [F.german2V1(count: 8), F.maths2V1(count: 8)])
        let found = school.validate().filter { $0.code == "groupOverloaded" }
        #expect(found.map(\.path) == ["groups[0]"])
        #expect(found.first?.message == "Group 2V1 has 16 lesson periods in segment(s) instruction, but only 15 periods exist there")
        // Lessons of one cluster run together and count once.
        var clustered = school
        clustered.clusters = [Cluster(id: "c", lessons: ["2V1-du", "2V1-wi"])]
        #expect(paths(clustered, code: "groupOverloaded").isEmpty)
    }

    @Test("A lesson longer than any run of its segments cannot be placed")
    func lessonTooLong() {
        var block = F.maths2V1()
        block.durationInPeriods = 4  // instruction runs are three periods long
        #expect(paths(F.school(with: [block]), code: "lessonTooLong") == ["lessons[0].duration"])
        block.durationInPeriods = 3
        #expect(paths(F.school(with: [block]), code: "lessonTooLong").isEmpty)
    }

    @Test("A room kind no room has is an error")
    func missingRoomKind() {
        var gym = F.maths2V1()
        gym.roomKind = .gym
        #expect(paths(F.school(with: [gym]), code: "noRoomOfKind") == ["lessons[0].roomKind"])
    }

    @Test("A lesson without roomKind in a school without classrooms is an error that says how to fix it")
    func noClassroomForPlainLesson() {
        var school = F.school(with: [F.maths2V1()])
        school.rooms = school.rooms.map { room in
            var room = room
            room.kind = .lab
            return room
        }
        let errors = school.validate().filter { $0.code == "noRoomOfKind" }
        #expect(errors.map(\.path) == ["lessons[0].roomKind"])
        #expect(errors.first?.hint?.contains("any for every room") == true)
        school.lessons[0].roomKind = .any
        #expect(school.validate().filter { $0.code == "noRoomOfKind" }.isEmpty)
    }

    @Test("Choice capacity below weekly demand is an error")
    func choiceCapacityBelowDemand() {
        let support = Lesson(
            id: "support", teachers: ["ABE"], countPerWeek: 1, allowedSegments: ["choice"], choice: ChoiceSettings(capacity: 2))
        var school = F.school(with: [support])
        school.choiceLessonsPerWeek = 1  // 3 students need 3 seats, 2 are offered
        #expect(paths(school, code: "choiceCapacity") == ["choiceLessonsPerWeek"])
        school.lessons[0].choice?.capacity = 3
        #expect(paths(school, code: "choiceCapacity").isEmpty)
    }

    @Test("Cluster lessons must have the same shape")
    func clusterShape() {
        var school = F.school(with: [F.german2V1(count: 2), F.maths2V1(count: 3)])
        school.clusters = [Cluster(id: "c", lessons: ["2V1-du", "2V1-wi"])]
        #expect(paths(school, code: "clusterShape") == ["clusters[0].lessons[1]"])
    }

    @Test("A coaching interval must divide the cycle; caseloads hold")
    func coaching() {
        var school = F.school
        school.weeksInCycle = 2
        school.coaching = CoachingPolicy(intervalInWeeks: 3, segment: "coach")
        #expect(paths(school, code: "invalidValue") == ["coaching.intervalInWeeks"])
        school.weeksInCycle = 3
        school.teachers[0].coach = .init(caseload: 1)
        #expect(paths(school, code: "caseloadExceeded") == ["teachers[0].coach.caseload"])
    }

    @Test("Slots outside the calendar are errors")
    func slotsOutOfRange() {
        var lesson = F.german2V1()
        lesson.pinned = [TimeSlot(day: 7, period: 0)]
        #expect(codes(F.school(with: [lesson])).contains("slotOutOfRange"))
    }
}
