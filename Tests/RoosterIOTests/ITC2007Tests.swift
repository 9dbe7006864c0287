import Foundation
import RoosterModel
import RoosterRules
import Testing

@testable import RoosterIO

/// The bundled ITC 2007 instances and solutions: files copied from `../shared/data/itc2007-ctt`.
enum ITCFixtures {
    /// The bundled fixtures folder (SwiftPM copies it into the test bundle).
    static let directory = Bundle.module.resourceURL?.appendingPathComponent("Fixtures") ?? URL(fileURLWithPath: "Fixtures")

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    static func school(_ name: String) throws -> School {
        try SchoolFile.load(url("\(name).ctt"), displayName: "\(name).ctt").school
    }

    static func solution(_ name: String, for school: School) throws -> Timetable {
        try TimetableFile.load(url("\(name).sol"), for: school, displayName: "\(name).sol")
    }
}

@Suite("ITC 2007 track 3")
struct ITC2007Tests {
    /// Published UD2 costs of the bundled solutions (`../shared/BENCHMARKS.md`).
    static let knownCosts = [
        ("comp01", 5), ("comp02", 36), ("comp03", 66), ("comp04", 37), ("comp05", 305), ("comp06", 40), ("comp07", 14),
    ]

    @Test(
        "The checker scores each bundled solution with exactly its known UD2 cost and no hard violation",
        arguments: knownCosts)
    func knownSolutionCosts(instance: String, cost: Int) throws {
        let school = try ITCFixtures.school(instance)
        let timetable = try ITCFixtures.solution(instance, for: school)
        let report = Checker().check(timetable, against: school)
        #expect(report.score == Score(hard: 0, soft: cost), "\(instance): \(report.violations.prefix(3))")
    }

    @Test("Every instance is valid, and its size matches its header")
    func instancesValidate() throws {
        let sizes = ["comp01": (30, 6, 160), "comp05": (54, 9, 152), "comp07": (131, 20, 434)]
        for (name, size) in sizes {
            let loaded = try SchoolFile.load(ITCFixtures.url("\(name).ctt"))
            #expect(loaded.validate().filter { $0.diagnostic.severity == .error }.isEmpty, "\(name)")
            #expect(loaded.school.lessons.count == size.0)
            #expect(loaded.school.rooms.count == size.1)
            #expect(loaded.school.lessons.reduce(0) { $0 + $1.countPerWeek } == size.2)
        }
    }

    @Test("A clash in a solution is a hard violation")
    func clashIsHard() throws {
        let school = try ITCFixtures.school("comp01")
        var timetable = try ITCFixtures.solution("comp01", for: school)
        // Move a lecture onto the slot of another lecture of the same teacher.
        let lesson = try #require(school.lessons.first { $0.countPerWeek >= 2 })
        let indices = timetable.placements.indices.filter { timetable.placements[$0].lesson == lesson.id }
        timetable.placements[indices[1]].start = timetable.placements[indices[0]].start
        let report = Checker().check(timetable, against: school)
        #expect(report.score.hard > 0)
        #expect(report.violations.contains { $0.rule == "teacherConflict" })
    }

    @Test("A missing lecture is a hard violation")
    func missingLectureIsHard() throws {
        let school = try ITCFixtures.school("comp01")
        var timetable = try ITCFixtures.solution("comp01", for: school)
        timetable.placements.removeLast()
        let report = Checker().check(timetable, against: school)
        #expect(report.score.hard == 1)
        #expect(report.violations.first?.rule == "lessonCount")
    }

    @Test("The original ITC files (tabs, other room ids) parse the same as the canonical ones")
    func originalFormat() throws {
        let original = try SchoolFile.load(ITCFixtures.url("original/comp01.ctt")).school
        let canonical = try ITCFixtures.school("comp01")
        #expect(original.lessons == canonical.lessons)
        #expect(original.rooms.map(\.capacity) == canonical.rooms.map(\.capacity))
    }

    @Test("A solution exports to .sol and reads back to the same timetable")
    func solutionRoundTrip() throws {
        let school = try ITCFixtures.school("comp02")
        let timetable = try ITCFixtures.solution("comp02", for: school)
        let text = try SolutionFormat.format(timetable)
        #expect(try SolutionFormat.parse(text, school: school, file: "x.sol") == timetable)
        let json = try TimetableFile.encode(timetable, for: school, as: .json)
        #expect(try TimetableFile.parse(json, format: .json, for: school) == timetable)
    }

    /// Ways to damage an instance file.
    enum Damage: String, CaseIterable, Sendable {
        case truncatedInCourses, noRoomsSection, wordForNumber, noEnd

        func apply(_ text: String) -> String {
            switch self {
            case .truncatedInCourses: text.split(separator: "\n", omittingEmptySubsequences: false).prefix(20).joined(separator: "\n")
            case .noRoomsSection: text.replacingOccurrences(of: "ROOMS:", with: "")
            case .wordForNumber: text.replacingOccurrences(of: "Days: 5", with: "Days: five")
            case .noEnd: text.replacingOccurrences(of: "END.", with: "")
            }
        }

        var expected: String {
            switch self {
            case .truncatedInCourses, .noEnd: "ends early"
            case .noRoomsSection: "Expected the section 'ROOMS:'"
            case .wordForNumber: "Expected the number of days"
            }
        }
    }

    @Test("Truncated or damaged .ctt files give an error with the line, never a crash", arguments: Damage.allCases)
    func damagedInstances(damage: Damage) throws {
        let text = try String(contentsOf: ITCFixtures.url("comp01.ctt"), encoding: .utf8)
        let error = #expect(throws: InputError.self) { try CTTFormat.parse(damage.apply(text), file: "broken.ctt") }
        #expect(error?.message.contains(damage.expected) == true, "\(damage): \(String(describing: error))")
        #expect(error?.line != nil, "\(damage)")
    }

    @Test("A lesson placed more often than the week has periods is refused at its first excess line, in .sol and JSON")
    func repeatedPlacements() throws {
        let school = try ITCFixtures.school("comp01")  // 30 periods a week
        let sol = String(repeating: "c0001 rB 1 1\n", count: 2_000)
        let error = #expect(throws: InputError.self) { try TimetableFile.parse(sol, format: .sol, for: school, file: "x.sol") }
        #expect(error?.line == 31 && error?.message.contains("placed more than 30 times") == true, "\(String(describing: error))")
        let placement = Placement(lesson: "c0001", start: TimeSlot(day: 1, period: 1), rooms: ["rB"])
        let json = try TimetableFile.encode(Timetable(placements: Array(repeating: placement, count: 40)), for: school, as: .json)
        let jsonError = #expect(throws: InputError.self) { try TimetableFile.parse(json, format: .json, for: school, file: "x.json") }
        #expect(jsonError?.path == "placements[30]" && jsonError?.line != nil)
        // As often as the week has periods is still a timetable to judge (with its clashes).
        let thirty = String(repeating: "c0001 rB 1 1\n", count: 30)
        #expect(try TimetableFile.parse(thirty, format: .sol, for: school, file: "x.sol").placements.count == 30)
    }

    @Test("A .sol line with an unknown course, room or slot names its line")
    func badSolutionLines() throws {
        let school = try ITCFixtures.school("comp01")
        for (text, message) in [
            ("c0001 rB 0 0\nnope rB 0 0\n", "Unknown course"), ("c0001 rZ 0 0\n", "Unknown room"),
            ("c0001 rB 9 0\n", "not in the calendar"), ("c0001 rB x\n", "Expected 'course room day period'"),
        ] {
            let error = #expect(throws: InputError.self) { try SolutionFormat.parse(text, school: school, file: "x.sol") }
            #expect(error?.message.contains(message) == true, "\(text)")
            #expect(error?.line == text.split(separator: "\n").count, "\(text)")
        }
    }
}
