import RoosterModel
import RoosterRules
import RoosterTestSupport
import Testing

@testable import RoosterRender

@Suite("Timetable diff")
struct DiffTests {
    typealias F = Fixture

    @Test("Moves, room changes, removals and additions are found lesson by lesson, with who is affected and both scores")
    func changes() {
        let school = F.school(with: [F.german2V1(count: 2), F.maths2V1(count: 1), F.german3H2(count: 1)])
        let german = school.lessons[0].id, maths = school.lessons[1].id, other = school.lessons[2].id
        let old = Timetable(placements: [
            Placement(lesson: german, start: F.at(F.mon, F.firstInstruction), rooms: ["R1"]),
            Placement(lesson: german, start: F.at(F.tue, F.firstInstruction), rooms: ["R1"]),
            Placement(lesson: maths, start: F.at(F.wed, F.firstInstruction), rooms: ["R2"]),
        ])
        let new = Timetable(placements: [
            Placement(lesson: german, start: F.at(F.mon, F.firstInstruction), rooms: ["R2"]),
            Placement(lesson: german, start: F.at(F.thu, F.firstInstruction), rooms: ["R1"]),
            Placement(lesson: other, start: F.at(F.fri, F.firstInstruction), rooms: ["R1"]),
        ])
        let diff = TimetableDiff(old: old, new: new, school: school)
        #expect(diff.count(.moved) == 1 && diff.count(.roomChanged) == 1 && diff.count(.removed) == 1 && diff.count(.added) == 1)
        let move = diff.changes.first { $0.kind == .moved }
        #expect(move?.before?.start == F.at(F.tue, F.firstInstruction) && move?.after?.start == F.at(F.thu, F.firstInstruction))
        #expect(diff.affected.first { $0.kind == "teacher" } == .init(kind: "teacher", id: "JDV", changes: 3))
        #expect(diff.affected.contains(.init(kind: "student", id: "s1", changes: 3)), "students through their group")
        #expect(diff.after.penaltyByRule[.timeChanges] == 10, "the new timetable is judged with the old as its reference")
        #expect(diff.before.penaltyByRule[.timeChanges] == nil)
        #expect(diff.text(school: school).hasPrefix("changes: 1 moved, 1 in other rooms, 1 removed, 1 added\n"))
        #expect(diff.csv(school: school).split(separator: "\r\n").count == 5)
        let dutch = diff.text(school: school, locale: .nl)
        #expect(dutch.hasPrefix("wijzigingen: 1 verplaatst, 1 in een ander lokaal, 1 vervallen, 1 toegevoegd\n"), "\(dutch)")
        #expect(dutch.contains("verplaatst 2V1-du: di ") && dutch.contains("docenten getroffen: "))
        let page = diff.html(school: school, locale: .nl)
        #expect(page.contains("<html lang=\"nl\">") && page.contains("Wijzigingen in het rooster van") && !page.contains("moved"))
    }
}
