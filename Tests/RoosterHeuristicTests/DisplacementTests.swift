import RoosterModel
import RoosterRules
import RoosterTestSupport
import Testing

@testable import RoosterHeuristic

@Suite("Displacement counted")
struct DisplacementTests {
    /// The rich fixture without the rules that limit a day by choice (teacher limits, team time,
    /// `maxPerDay` 2), with what the counting must get right: hard day spreads (one with pinned,
    /// fixed occurrences, one two days apart), lessons at most once a day (one pinned once), a cluster, a double lab
    /// lesson, two lessons without a common teacher or group competing for one room, and a room
    /// unavailable on Wednesday.
    static var school: School {
        var school = Fixture.richSchool
        school.teachers = school.teachers.map { teacher in
            var teacher = teacher
            teacher.maxDays = nil
            teacher.maxPeriodsPerDay = nil
            return teacher
        }
        school.teamTimes = []
        school.lessons[0].maxPerDay = 1  // 2V1-du, three times, once pinned
        school.lessons[0].pinned = [Fixture.at(Fixture.tue, 4)]
        school.lessons[1].maxPerDay = 1  // 3H2-du
        school.lessons[2].allowedRooms = ["R2"]  // 2V1-wi, pinned on Monday
        school.lessons[5].allowedRooms = ["R2"]  // blk-b, KOK with 3H2: shares nothing with 2V1-wi
        school.rooms[1].unavailable = [Fixture.at(Fixture.wed, 4)]
        school.daySpreads = [
            DaySpread(lessons: ["2V1-wi", "blk-a"], minDays: 1, hard: true),
            DaySpread(lessons: ["3H2-na"], minDays: 2, hard: true),
            DaySpread(lessons: ["3H2-du", "blk-a"], minDays: 1, hard: true),
        ]
        return school
    }

    @Test(
        "Counting finds what trial finds: the same events displaced in the same order (or none possible) for every start of every waiting event, from random partial weeks without hard violations (seeds 1–40)"
    )
    func countingEqualsTrial() {
        let school = Self.school
        #expect(school.validate().filter { $0.severity == .error }.isEmpty)
        let problem = SearchProblem(school: school, checker: Checker())
        #expect(!problem.hasHardDayLimits)
        var compared = 0, possible = 0, displacing = 0
        for seed in UInt64(1)...40 {
            var search = AnnealingSearch(problem: problem, seed: seed)
            var rng = SeededGenerator(seed: seed)
            // Fixed events first (they always stand), then the others at random starts where
            // they break no hard rule.
            let order =
                problem.events.indices.filter { problem.events[$0].isFixed }
                + problem.events.indices.filter { !problem.events[$0].isFixed }.shuffled(using: &rng)
            for e in order {
                let starts = problem.events[e].starts.count
                for _ in 0..<3 {
                    let option = rng.below(starts)
                    search.state.place(e, option: option, rooms: search.chooseRooms(e, option: option))
                    if search.state.baseHard == 0 { break }
                    search.state.unplace(e)
                }
            }
            #expect(search.state.baseHard == 0, "seed \(seed)")
            for e in problem.events.indices where search.state.startOption[e] < 0 {
                for option in problem.events[e].starts.indices {
                    let counted = search.displacementByCounting(placing: e, at: option)
                    let tried = search.displacementByTrial(placing: e, at: option)
                    compared += 1
                    #expect(counted?.rooms == tried?.rooms, "seed \(seed), event \(e), start \(option)")
                    #expect(
                        counted?.displaced == tried?.displaced,
                        "seed \(seed), event \(e), start \(option): counted \(counted?.displaced ?? []), tried \(tried?.displaced ?? [])")
                    if let counted {
                        possible += 1
                        if !counted.displaced.isEmpty { displacing += 1 }
                    }
                }
            }
            #expect(search.state.baseHard == 0 && search.state.recomputedCost().hard == 0, "seed \(seed): the state is left as it was")
        }
        print("displacement: \(compared) starts compared, \(possible) possible, \(displacing) displacing")
        #expect(compared > 500 && possible > 100 && displacing > 50 && compared - possible > 50)
    }
}
