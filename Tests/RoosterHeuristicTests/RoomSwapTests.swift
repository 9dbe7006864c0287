import RoosterModel
import RoosterRules
import RoosterTestSupport
import Testing

@testable import RoosterHeuristic

@Suite("Room swaps")
struct RoomSwapTests {
    @Test(
        "With both rooms taken in every period, a room change swaps rooms with the other lesson: no clash, exact costs, and the stable week is reached (seed 1)"
    )
    func swapsWhereChangesWouldClash() {
        let slots = [Fixture.at(Fixture.mon, 3), Fixture.at(Fixture.tue, 3), Fixture.at(Fixture.wed, 3)]
        var school = Fixture.school(with: [
            Lesson(id: "A", teachers: ["JDV"], groups: ["2V1"], countPerWeek: 3, allowedRooms: ["R1", "R2"], pinned: slots),
            Lesson(id: "B", teachers: ["KOK"], groups: ["3H2"], countPerWeek: 3, allowedRooms: ["R1", "R2"], pinned: slots),
        ])
        school.ruleWeights[.roomStability] = 1
        let problem = SearchProblem(school: school, checker: Checker())
        var search = AnnealingSearch(problem: problem, seed: 1)
        // Each lesson alternates between the rooms: room stability costs 1 per lesson.
        let r1 = school.rooms.firstIndex { $0.id == "R1" } ?? -1, r2 = school.rooms.firstIndex { $0.id == "R2" } ?? -1
        for (e, event) in problem.events.enumerated() {
            let isA = event.members[0].lesson == 0
            let occurrence = problem.events[..<e].filter { $0.unit == event.unit }.count
            search.state.place(e, option: 0, rooms: [(occurrence % 2 == 0) == isA ? r1 : r2])
        }
        #expect(search.state.hard == 0 && search.state.soft == 2)
        var swaps = 0, lowest = search.state.soft
        for _ in 0..<200 {
            if case .two = search.changeRoom() { swaps += 1 }
            let recomputed = search.state.recomputedCost()
            #expect(search.state.hard == 0, "a room change never makes a room clash here")
            #expect(recomputed.hard == search.state.hard && recomputed.soft == search.state.soft)
            lowest = min(lowest, search.state.soft)
        }
        #expect(swaps > 20, "\(swaps) swaps")
        #expect(lowest == 0, "each lesson in one room at some point")
    }
}
