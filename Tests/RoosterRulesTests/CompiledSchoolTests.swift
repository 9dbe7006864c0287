import RoosterModel
import RoosterTestSupport
import Testing

@testable import RoosterRules

@Suite("The compiled school every engine reads")
struct CompiledSchoolTests {
    @Test("Units are the clusters first, then every other lesson; each carries its lessons' widest count and duration")
    func units() {
        let school = Fixture.richSchool
        let compiled = CompiledSchool(school: school)
        #expect(compiled.units.map(\.label) == ["cluster blk", "lesson 2V1-du", "lesson 3H2-du", "lesson 2V1-wi", "lesson 3H2-na"])
        let cluster = compiled.units[0]
        #expect(cluster.lessons.map { school.lessons[$0].id } == ["blk-a", "blk-b"])
        #expect(cluster.teachers.map { school.teachers[$0].id } == ["ABE", "KOK"])
        let lab = compiled.units[4]
        #expect(lab.duration == 2 && lab.count == 2)
        // Two-period lab lessons start only where both periods are instruction: 10:00 and 11:00 each day.
        #expect(lab.fittingStarts.map { compiled.slots[$0] }.filter { $0.day == Fixture.mon } == [Fixture.at(0, 3), Fixture.at(0, 4)])
        #expect(compiled.units[3].pinned == [Fixture.at(Fixture.mon, 3)])
        for (u, unit) in compiled.units.enumerated() { for l in unit.lessons { #expect(compiled.unitOfLesson[l] == u) } }
    }

    @Test("Static costs count every unavailable period of a lesson, teacher or group, and weigh unwanted ones")
    func staticCosts() throws {
        var school = Fixture.richSchool
        school.teachers[1].unwanted = [Fixture.at(Fixture.thu, 3)]
        let compiled = CompiledSchool(school: school, checker: Checker(weightOverrides: [.teacherUnwantedTime: 7]))
        let maths = try #require(compiled.units.firstIndex { $0.label == "lesson 2V1-wi" })
        let friday = try #require(compiled.slotIndex[Fixture.at(Fixture.fri, 3)])
        let thursday = try #require(compiled.slotIndex[Fixture.at(Fixture.thu, 3)])
        #expect(compiled.staticCost(ofUnit: maths, start: friday) == (hard: 1, soft: 0))
        #expect(compiled.staticCost(ofUnit: maths, start: thursday) == (hard: 0, soft: 7))
    }

    @Test("Hostile input compiles: duplicate IDs resolve to the first, unknown references are left out")
    func hostile() {
        var school = Fixture.school(with: [Fixture.german2V1(), Fixture.german2V1(count: 5)])
        school.lessons[0].teachers.append("NOBODY")
        school.lessons[0].groups.append("NOGROUP")
        school.groups.append(Group(id: "2V1", size: 99))
        school.lessons[0].countPerWeek = Int.min
        school.groups[0].size = Int.max
        school.lessons.append(Lesson(id: "big", groups: ["2V1", "2V1", "3H2"], countPerWeek: 1))
        let compiled = CompiledSchool(school: school)
        #expect(compiled.lessonIndex["2V1-du"] == 0)
        #expect(compiled.groupIndex["2V1"] == 0)
        #expect(compiled.lessonTeachers[0] == [0])
        #expect(compiled.units[0].count == 0)
        #expect(compiled.lessonStudents[2] == 2 * School.arithmeticBound + 25)  // sizes are clamped: no sum can trap
    }

    @Test("The day shape of all groups at once equals the day shape of each group alone")
    func dayShapeInOnePass() {
        var school = Fixture.richSchool
        school.groups.append(Group(id: "part", size: 10, unavailable: Set((0..<6).map { Fixture.at(Fixture.wed, $0) })))
        school.lessons.append(Lesson(id: "part-du", teachers: ["KOK"], groups: ["part"], countPerWeek: 2, allowedSegments: ["instruction"]))
        school.groups[0].lessonsPerDay = LessonsPerDay(minimum: 2, maximum: 3)
        #expect(school.lessonsPerDayOfGroups() == school.groups.map(school.lessonsPerDay(of:)))
        #expect(school.attendance() == school.groups.map { group in school.days.indices.map { school.attends(group, day: $0) } })
        #expect(school.attendance()[2] == [true, true, false, true, true])
        // The part-time group has 2 periods for 4 days: its minimum is dropped, as for a subgroup.
        #expect(school.lessonsPerDayOfGroups()[2].minimum == 0)
    }
}
