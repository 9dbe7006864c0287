import Foundation
import RoosterModel
import RoosterRules
import Testing

@testable import RoosterIO

/// The XHSTT archive reader, evaluator, import and solution files, on `small-xhstt.xml`: an
/// instance written for these tests with a constraint of every type Rooster evaluates and two
/// solutions whose costs were worked out by hand (the Kottenpark instances themselves are
/// measured in Benchmarks/xhstt).
@Suite("XHSTT")
struct XHSTTTests {
    static let fixture = ITCFixtures.directory.appendingPathComponent("small-xhstt.xml")

    static var text: String { get throws { try String(contentsOf: fixture, encoding: .utf8) } }

    static func archive() throws -> (instance: XHSTTInstance, solutions: [XHSTTSolution]) {
        try XHSTTArchive.read(try text, file: "small-xhstt.xml")
    }

    /// The archive's text with one replacement, for error cases.
    static func changed(_ old: String, _ new: String) throws -> String {
        let original = try text
        #expect(original.contains(old), "the fixture has \(old)")
        return original.replacingOccurrences(of: old, with: new)
    }

    func error(_ text: String) -> InputError? {
        do {
            _ = try XHSTTArchive.read(text, file: "bad.xml")
            return nil
        } catch {
            return error
        }
    }

    @Test("The evaluator gives each stored solution the cost worked out by hand, which the archive reports")
    func storedCosts() throws {
        let (instance, solutions) = try Self.archive()
        #expect(solutions.map(\.group) == ["ByHand", "Broken"])
        let evaluator = XHSTTEvaluator(instance: instance)
        #expect(evaluator.cost(of: solutions[0]) == .init(hard: 0, soft: 22))
        #expect(evaluator.cost(of: solutions[1]) == .init(hard: 4, soft: 7))
        for solution in solutions {
            let reported = try #require(solution.reportedCost)
            #expect(evaluator.cost(of: solution) == .init(hard: reported.hard, soft: reported.soft))
        }
    }

    /// Given a solution, each constraint's cost: every constraint type once at least with a cost.
    @Test("Each constraint type counts its deviations and applies its weight and cost function")
    func costPerConstraint() throws {
        let (instance, solutions) = try Self.archive()
        let evaluator = XHSTTEvaluator(instance: instance)
        func costs(_ solution: XHSTTSolution) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: evaluator.evaluate(solution).map { ($0.constraint.id, $0.cost) })
        }
        let zero = Dictionary(uniqueKeysWithValues: instance.constraints.map { ($0.id, 0) })
        // Feasible: T2 teaches on Monday's last hour (5, linear); T1 has one idle time on Tuesday
        // (3 × 1²); T2 teaches on two days, one more than allowed (10 × 1²); T1 and T2 each have a
        // day with one busy time where two are asked (2 × (1 + 1)²... per resource: 2 × 1² each).
        #expect(costs(solutions[0]) == zero.merging(["LateMonday": 5, "TeacherIdle": 3, "T2Days": 10, "MinDaily": 4]) { $1 })
        // Broken: L2 has no time (1), so it is not linked to L1 (1 time in one set, not the other);
        // M1 and M2 both start on Monday (1 too many); M2 and P1 both hold class C1 at Mo2 (1 clash).
        #expect(
            costs(solutions[1])
                == zero.merging(["AssignTimes": 1, "Link": 1, "Spread": 1, "NoClashes": 1, "LateMonday": 5, "MinDaily": 2]) { $1 })
        // A room outside the preferred set, a double lesson starting on the last hour, a missing
        // room, a split event, a resource on an unavailable time:
        var wrong = solutions[0]
        wrong.events[0].resources["Room"] = instance.resources.firstIndex { $0.id == "Room_Gym" }
        wrong.events[3].time = instance.times.firstIndex { $0.id == "Mo3" }
        wrong.events[2].resources = [:]
        wrong.events[1].time = instance.times.firstIndex { $0.id == "Mo3" }
        wrong.events.append(.init(event: 1, duration: 1, time: 0, resources: [:]))
        let broken = costs(wrong)
        #expect(broken["OrdinaryRooms"] == 1 && broken["DoubleStarts"] == 2 && broken["AssignRooms"] == 2)
        #expect(broken["NoSplits"] == 1 && broken["T1Away"] == 1, "\(broken)")
    }

    @Test("Cost functions: Step counts a deviation once, Linear by its size, Quadratic by its square")
    func costFunctions() {
        #expect(XHSTTConstraint.CostFunction.step.cost(weight: 7, deviation: 3) == 7)
        #expect(XHSTTConstraint.CostFunction.linear.cost(weight: 7, deviation: 3) == 21)
        #expect(XHSTTConstraint.CostFunction.quadratic.cost(weight: 7, deviation: 3) == 63)
        #expect(XHSTTConstraint.CostFunction.quadratic.cost(weight: 7, deviation: 0) == 0)
        #expect(XHSTTConstraint.Limits(minimum: 2, maximum: 4).deviation(0) == 2)
        #expect(XHSTTConstraint.Limits(minimum: 2, maximum: 4).deviation(6) == 2)
    }

    @Test("Bad archives are refused with the line and what is wrong")
    func readErrors() throws {
        let unknown = error(try Self.changed(#"<Course Reference="EN-C2"/>"#, #"<Course Reference="EN-C9"/>"#))
        #expect(unknown?.message == "Unknown event group 'EN-C9'" && unknown?.line == 73, "\(String(describing: unknown))")
        let type = error(
            try Self.changed("<LinkEventsConstraint Id=\"Link\">", "<OrderEventsConstraint Id=\"Link\">").replacingOccurrences(
                of: "</LinkEventsConstraint>", with: "</OrderEventsConstraint>"))
        #expect(type?.message.contains("<OrderEventsConstraint>") == true)
        let duration = error(try Self.changed("<Name>EN C2</Name><Duration>1</Duration>", "<Name>EN C2</Name><Duration>0</Duration>"))
        #expect(duration?.message.contains("from 1 to 6") == true, "\(String(describing: duration))")
        let weight = error(try Self.changed("<Weight>10</Weight>", "<Weight>-1</Weight>"))
        #expect(weight?.message.contains("<Weight> is '-1'") == true)
        let limits = error(try Self.changed("<Minimum>2</Minimum><Maximum>999</Maximum>", "<Minimum>5</Minimum><Maximum>3</Maximum>"))
        #expect(limits?.message == "<Minimum> 5 is above <Maximum> 3")
        let doctype = error(
            try Self.changed("<HighSchoolTimetableArchive>", "<!DOCTYPE x [<!ENTITY a \"b\">]><HighSchoolTimetableArchive>"))
        #expect(doctype != nil)
        let root = error("<fet version=\"6\"></fet>")
        #expect(root?.message.contains("Not an XHSTT archive") == true)
        let missing = error(try Self.changed(#"<Instance Id="SMALL">"#, #"<Instance Id="OTHER">"#))
        #expect(missing == nil, "solutions of another instance are left out")
        #expect(try XHSTTArchive.read(try Self.changed(#"<Instance Id="SMALL">"#, #"<Instance Id="OTHER">"#), file: "x").solutions.isEmpty)
    }

    @Test(
        "The import: days, resources by type, lessons with their rooms, links as clusters, spreads, unavailable times, teachers' week, weights"
    )
    func importMapping() throws {
        let loaded = try XHSTTImport.parse(try Self.text, file: "small-xhstt.xml")
        let school = loaded.school
        #expect(school.days.map(\.name) == ["ma", "di"] && school.periods(ofDay: 1).count == 3)
        #expect(school.teachers.map(\.id) == ["T1", "T2"] && school.groups.map(\.id) == ["C1", "C2", "S1"])
        #expect(school.rooms.map(\.id) == ["R1", "R2", "Gym"])
        let lessons = Dictionary(uniqueKeysWithValues: school.lessons.map { ($0.id.rawValue, $0) })
        #expect(lessons["M1"]?.allowedRooms == ["R1", "R2"] && lessons["M1"]?.roomCount == 1)
        #expect(lessons["P1"]?.allowedRooms == ["Gym"] && lessons["P1"]?.durationInPeriods == 2)
        #expect(Set(lessons["P1"]?.groups ?? []) == ["C1", "S1"], "an event's resource group is its resources")
        #expect(school.clusters.map(\.lessons) == [["L1", "L2"]])
        #expect(school.daySpreads.map(\.lessons) == [["M1", "M2"]] && school.daySpreads.first?.hard == true)
        #expect(school.teachers[0].unavailable == [TimeSlot(day: 0, period: 2)])
        #expect(school.teachers[1].unwanted == [TimeSlot(day: 0, period: 2)])
        #expect(school.ruleWeights[.teacherGaps] == 3 && school.ruleWeights[.groupGaps] == 1)
        #expect(school.ruleWeights[.teacherUnwantedTime] == 5 && school.ruleWeights[.minWorkingDays] == 0)
        // Soft busy days and a soft daily minimum: the teachers' preferred days and minimum periods.
        #expect(school.teachers.map(\.preferredMaxDays) == [nil, 1] && school.teachers.map(\.minPeriodsPerDay) == [2, 2])
        #expect(school.ruleWeights[.teacherExtraDays] == 10 && school.ruleWeights[.teacherShortDays] == 2)
        #expect(loaded.validate().filter { $0.diagnostic.severity == .error }.isEmpty)
    }

    @Test("A constraint Rooster cannot represent is an error naming its type, count and line, a warning with --drop-unsupported")
    func unsupportedConstraint() throws {
        // A daily maximum of busy times beside the minimum: Rooster's minimum has no soft maximum.
        let text = try Self.changed("<Minimum>2</Minimum><Maximum>999</Maximum>", "<Minimum>2</Minimum><Maximum>2</Maximum>")
        let strict = try XHSTTImport.parse(text, file: "small-xhstt.xml")
        let errors = strict.validate().filter { $0.diagnostic.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        #expect(
            errors.first?.diagnostic.message.hasPrefix("1 LimitBusyTimesConstraint(s), first 'MinDaily', cannot be represented") == true)
        #expect(errors.first?.line == 151, "\(String(describing: errors.first))")
        let dropped = try XHSTTImport.parse(text, file: "small-xhstt.xml", dropUnsupported: true)
        #expect(dropped.validate().filter { $0.diagnostic.severity == .error }.isEmpty)
        #expect(dropped.school.teachers.allSatisfy { $0.minPeriodsPerDay == nil })
    }

    @Test("A stored solution is a Rooster timetable the checker scores like the evaluator's hard cost, and goes back to the same solution")
    func solutionRoundTrip() throws {
        let (instance, solutions) = try Self.archive()
        let loaded = try XHSTTImport.school(from: instance, file: "small-xhstt.xml", dropUnsupported: true)
        let mapping = try XHSTTMapping(instance, file: "small-xhstt.xml")
        let evaluator = XHSTTEvaluator(instance: instance)
        for (solution, hard) in zip(solutions, [0, 4]) {
            let timetable = try XHSTTSolutionFile.timetable(solution, instance: instance, mapping: mapping, file: "x")
            #expect(Checker().check(timetable, against: loaded.school).score.hard == hard, "\(solution.group)")
            // Back as a solution: the same cost, except that the lesson without a time (L2 in
            // Broken) has no placement and so no room either.
            let back = XHSTTSolutionFile.solution(timetable, instance: instance, mapping: mapping)
            var expected = evaluator.cost(of: solution)
            expected.hard += hard > 0 ? 1 : 0
            #expect(evaluator.cost(of: back) == expected, "\(solution.group)")
        }
        // Written as an archive with the instance, read back: the same cost, reported in the file.
        let timetable = try XHSTTSolutionFile.timetable(solutions[0], instance: instance, mapping: mapping, file: "x")
        let solution = XHSTTSolutionFile.solution(timetable, instance: instance, mapping: mapping)
        let text = XHSTTSolutionFile.archive(solution, instance: instance, cost: evaluator.cost(of: solution))
        let (again, stored) = try XHSTTArchive.read(text, file: "written.xml")
        #expect(again.events.count == 6 && again.constraints.count == instance.constraints.count)
        #expect(stored.count == 1 && stored[0].reportedCost?.soft == 22)
        #expect(XHSTTEvaluator(instance: again).cost(of: stored[0]) == .init(hard: 0, soft: 22))
    }

    @Test("A solution that splits an event is refused as a timetable, with the event named")
    func splitSolution() throws {
        let (instance, solutions) = try Self.archive()
        var split = solutions[0]
        split.events[3].duration = 1
        split.events.append(.init(event: 3, duration: 1, time: 2, resources: [:]))
        let mapping = try XHSTTMapping(instance, file: "x")
        #expect(throws: InputError.self) { try XHSTTSolutionFile.timetable(split, instance: instance, mapping: mapping, file: "x") }
    }

    @Test("School files sniff an XHSTT archive, and TimetableFile reads and writes its solutions as .xml")
    func timetableFiles() throws {
        let loaded = try SchoolFile.load(Self.fixture, displayName: "small-xhstt.xml", dropUnsupported: true)
        #expect(loaded.format == .xhstt && loaded.xhstt?.id == "SMALL")
        #expect(SchoolFormat.sniff(try Self.text) == .xhstt && SchoolFormat(fileName: "x.xml") == nil)
        let (timetable, note) = try TimetableFile.load(Self.fixture, for: loaded)
        #expect(note?.contains("the last of 2 solutions (Broken)") == true)
        #expect(timetable.placements.count == 5, "L2 has no time in the last solution")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("rooster-xhstt-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: out) }
        try TimetableFile.write(timetable, for: loaded, to: out, as: .fet)
        let (_, written) = try XHSTTArchive.read(try String(contentsOf: out, encoding: .utf8), file: "out.xml")
        // The unplaced lesson L2 now lacks its room as well as its time: one hard cost more.
        #expect(written.count == 1 && written[0].reportedCost?.hard == 5 && written[0].events.count == 5)
    }
}
