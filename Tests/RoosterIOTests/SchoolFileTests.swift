import Foundation
import RoosterModel
import RoosterSolving
import RoosterTestSupport
import Testing
import Yams

@testable import RoosterIO

@Suite("School files")
struct SchoolFileTests {
    /// The fixture with one of everything the schema has.
    static var richSchool: School {
        var school = Fixture.school(with: [Fixture.german2V1(count: 2), Fixture.maths2V1(count: 2)])
        school.weeksInCycle = 3
        school.teachers[0].unavailable = [Fixture.at(Fixture.mon, 0), Fixture.at(Fixture.mon, 1)]
        school.teachers[0].daysOff = [Fixture.wed]
        school.teachers[0].maxPeriodsPerDay = 5
        school.teachers[1].unwanted = Set((0..<6).map { Fixture.at(Fixture.fri, $0) })
        school.teachers[1].coach = .init(caseload: 20)
        school.rooms[0].site = "Noord"
        school.lessons[0].pinned = [Fixture.at(Fixture.tue, 3)]
        school.lessons[0].maxPerDay = 1
        school.lessons[1].weeks = [0, 2]
        school.lessons[1].durationInPeriods = 2
        school.lessons.append(
            Lesson(
                id: "talent", teachers: ["KOK"], countPerWeek: 2, roomKind: .lab, allowedSegments: ["choice"],
                choice: ChoiceSettings(kind: .talent, capacity: 20, minimumSize: 5, openTo: ["2V1"])))
        school.clusters = [Cluster(id: "block", name: "Block hour", kind: .blockHour, lessons: ["2V1-du", "2V1-wi"])]
        school.choiceRequests = [ChoiceRequest(student: "s1", lesson: "talent", rank: 2, required: true)]
        school.choiceLessonsPerWeek = 1
        school.coaching = CoachingPolicy(lengthInMinutes: 15, intervalInWeeks: 3, segment: "coach")
        school.teamTimes = [TeamTime(id: "dev", teachers: ["JDV", "ABE"], commonFreePeriods: 2, segment: "instruction")]
        school.exemptions = [Exemption(lesson: "2V1-du", days: [Fixture.tue, Fixture.thu])]
        school.ruleWeights = ["teacherGaps": 4]
        let date = { (text: String) in CalendarDate(parsing: text) ?? CalendarDate(year: 2026, month: 1, day: 1) }
        school.calendar = SchoolCalendar(
            first: date("2026-08-31"), last: date("2027-07-16"), region: "midden",
            holidays: [
                .init(name: "Herfstvakantie", first: date("2026-10-17"), last: date("2026-10-25")),
                .init(name: "Voorjaarsvakantie", first: date("2027-02-20"), last: date("2027-02-28"), regions: ["midden"]),
            ],
            studyDays: [.init(name: "Studiedag", first: date("2026-11-20"))],
            examWeeks: [.init(name: "Toetsweek 1", first: date("2027-01-25"), last: date("2027-01-29"))],
            cycleCounting: .calendarWeeks, cycleRestarts: [.init(date: date("2027-01-04"), week: 2)], instructionHoursPerYear: 940)
        school.daySpreads = [DaySpread(lessons: [school.lessons[0].id, school.lessons[1].id], minDays: 2, hard: true)]
        return school
    }

    @Test(
        "Calendar mistakes are located: a date that does not exist, a week outside the cycle, an unknown region, a period ending before it starts"
    )
    func calendarErrors() throws {
        let calendar = """

            calendar:
              start: 2026-08-31
              end: 2027-07-16
              region: midde
              holidays:
                - {name: Herfst, from: 2026-10-25, to: 2026-10-17, regions: [midden]}
                - {name: Mei, from: 2027-04-31, to: 2027-05-09}
              cycleRestarts: [{date: 2027-01-04, week: C}]
            """
        let loaded = try SchoolFile.parse(Self.small + calendar, format: .yaml, file: "small.yaml")
        let found = loaded.validate().map { "\($0.diagnostic.path): \($0.diagnostic.message)" }
        #expect(found.contains { $0.hasPrefix("calendar.holidays[1].from: Not a date: '2027-04-31'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("calendar.cycleRestarts[0].week: Unknown cycle week 'C'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("calendar.region: The region 'midde'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("calendar.holidays[0].to: 'Herfst' ends on 2026-10-17") }, "\(found)")
        let tooLong = calendar.replacingOccurrences(of: "end: 2027-07-16", with: "end: 2099-07-16")
        let long = try SchoolFile.parse(Self.small + tooLong, format: .yaml, file: "small.yaml").validate()
        #expect(long.contains { $0.diagnostic.path == "calendar.end" && $0.diagnostic.message.contains("between 1 and 1100") })
    }

    @Test("A school round-trips through YAML and JSON unchanged", arguments: [SchoolFormat.yaml, .json])
    func roundTrip(format: SchoolFormat) throws {
        let school = Self.richSchool
        let text = try SchoolFile.encode(school, as: format)
        let loaded = try SchoolFile.parse(text, format: format, file: "school.\(format)")
        #expect(loaded.readDiagnostics.isEmpty)
        #expect(loaded.school == school)
    }

    @Test("YAML and JSON of the same school give the same model; the format is sniffed without an extension")
    func sameSchema() throws {
        let yaml = try SchoolFile.encode(Self.richSchool, as: .yaml)
        let json = try SchoolFile.encode(Self.richSchool, as: .json)
        #expect(try SchoolFile.parse(yaml).school == SchoolFile.parse(json).school)
        #expect(try SchoolFile.parse(json).format == .json)
    }

    static let small = """
        schema: rooster-school/1
        name: Small
        segments:
          - {id: instruction, kind: instruction}
        dayTemplates:
          - id: day
            periods:
              - {start: "09:00", length: 50, segment: instruction}
              - {start: "10:00", length: 50, segment: instruction}
        days:
          - {id: mon, template: day}
        teachers:
          - {id: JDV}
        groups:
          - {id: 2V1, size: 20}
        rooms:
          - {id: R1, capacity: 30}
        lessons:
          - id: du
            teachers: [JDV]
            groups: [2V1]
            countPerWeek: 2

        """

    @Test("A valid small file loads without diagnostics")
    func smallLoads() throws {
        let loaded = try SchoolFile.parse(Self.small, format: .yaml, file: "small.yaml")
        #expect(loaded.validate().isEmpty)
        #expect(loaded.school.lessons.first?.countPerWeek == 2)
    }

    @Test("An unknown reference is reported with its line and path")
    func unknownReferenceLine() throws {
        let text = Self.small.replacingOccurrences(of: "teachers: [JDV]", with: "teachers: [JDVV]")
        let diagnostics = try SchoolFile.parse(text, format: .yaml, file: "small.yaml").validate()
        let first = try #require(diagnostics.first)
        #expect(first.diagnostic.code == "unknownReference")
        #expect(first.diagnostic.path == "lessons[0].teachers[0]")
        #expect(first.line == 20)
        #expect(first.description.hasPrefix("small.yaml:20: error: Unknown teacher 'JDVV'"))
    }

    @Test(
        "A YAML alias bomb (446 bytes standing for 10^8 values) is refused after counting, not expanded",
        arguments: [
            SchoolFormat.yaml, .json,
        ])
    func aliasBomb(format: SchoolFormat) throws {
        var lines = ["format: rooster-school/1", "name: bomb", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...7 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        lines.append("days: *a7")
        #expect {
            try SchoolFile.parse(lines.joined(separator: "\n"), format: format, file: "bomb")
        } throws: { error in
            guard let error = error as? InputError else { return false }
            // As JSON the text is not valid; as YAML it is too large. Neither walks the expanded tree.
            return error.file == "bomb" && (format == .json || error.message.contains("anchors and aliases"))
        }
        // A school that uses an alias sensibly still reads.
        let shared = Self.small.replacingOccurrences(
            of: "\"09:00\", length: 50, segment: instruction", with: "\"09:00\", length: 50, segment: &s instruction"
        )
        .replacingOccurrences(of: "\"10:00\", length: 50, segment: instruction", with: "\"10:00\", length: 50, segment: *s")
        #expect(shared.contains("*s"))
        let loaded = try SchoolFile.parse(shared, format: .yaml)
        #expect(loaded.school.dayTemplates.first?.periods.map(\.segment) == ["instruction", "instruction"])
    }

    @Test("A duplicate key in a JSON school is an error with its line, as in YAML (JSON decoders keep the last silently)")
    func duplicateJSONKey() throws {
        let json = try SchoolFile.encode(try SchoolFile.parse(Self.small, format: .yaml).school, as: .json)
        let broken = json.replacingOccurrences(of: "\"countPerWeek\" : 2", with: "\"countPerWeek\" : 2, \"countPerWeek\" : 9")
        #expect(broken != json)
        let error = #expect(throws: InputError.self) { try SchoolFile.parse(broken, format: .json, file: "dup.json") }
        #expect(error?.message.contains("Duplicate key(s) countPerWeek") == true && error?.line != nil, "\(String(describing: error))")
    }

    @Test("Rooster's linear YAML encoder writes exactly what Yams' YAMLEncoder writes", arguments: ["bioritme", "coach", "blocks"])
    func yamlEncoderMatchesYams(_ example: String) throws {
        let url = DocumentationTests.root.appendingPathComponent("Examples/\(example)/school.yaml")
        var school = try SchoolFile.load(url).school
        school.teachers[0].name = "Ms \"quoted\": yes\nsecond line"  // quoting and newline style
        school.subjects.append(Subject(id: "10:00", name: "on"))  // plain text that reads as a number or a boolean
        let document = SchoolDocument(school)
        #expect(try YAMLNodeEncoder.encode(document) == YAMLEncoder().encode(document))
    }

    @Test("A misspelt key is an error with a suggestion")
    func misspeltKey() throws {
        let text = Self.small.replacingOccurrences(of: "countPerWeek: 2", with: "countPerweek: 2")
        let diagnostics = try SchoolFile.parse(text, format: .yaml, file: "small.yaml").validate()
        let typo = try #require(diagnostics.first { $0.diagnostic.code == "unknownKey" })
        #expect(typo.diagnostic.path == "lessons[0].countPerweek")
        #expect(typo.diagnostic.hint == "did you mean 'countPerWeek'?")
        #expect(typo.line == 22)
    }

    @Test("A wrong type names the path and the line", arguments: [SchoolFormat.yaml, .json])
    func wrongType(format: SchoolFormat) throws {
        var text = Self.small.replacingOccurrences(of: "countPerWeek: 2", with: "countPerWeek: often")
        if format == .json {
            let yaml = try SchoolFile.parse(Self.small, format: .yaml)
            text = try SchoolFile.encode(yaml.school, as: .json).replacingOccurrences(
                of: "\"countPerWeek\" : 2", with: "\"countPerWeek\" : \"often\"")
        }
        let error = #expect(throws: InputError.self) { try SchoolFile.parse(text, format: format, file: "small") }
        #expect(error?.path == "lessons[0].countPerWeek")
        #expect(error?.message == "Expected a whole number here")
        #expect(error?.line != nil)
    }

    @Test("A missing required key is named")
    func missingKey() throws {
        let text = Self.small.replacingOccurrences(of: "  - {id: mon, template: day}", with: "  - {id: mon}")
        let error = #expect(throws: InputError.self) { try SchoolFile.parse(text, format: .yaml, file: "small.yaml") }
        #expect(error?.path == "days[0].template")
        #expect(error?.line == 11)
    }

    @Test("Broken YAML gives the line of the problem")
    func brokenYAML() throws {
        let text = Self.small.replacingOccurrences(of: "teachers: [JDV]", with: "teachers: [JDV")
        let error = #expect(throws: InputError.self) { try SchoolFile.parse(text, format: .yaml, file: "small.yaml") }
        #expect(error?.message.hasPrefix("Invalid YAML") == true)
        #expect(error?.line != nil)
    }

    @Test("Truncated JSON is an error, not a crash")
    func truncatedJSON() throws {
        let json = try SchoolFile.encode(Self.richSchool, as: .json)
        #expect(throws: InputError.self) { try SchoolFile.parse(String(json.prefix(json.count / 2)), format: .json, file: "half.json") }
    }

    @Test("Bad times and unknown days become diagnostics with paths")
    func badTimesAndDays() throws {
        let text = Self.small.replacingOccurrences(of: "\"10:00\"", with: "\"25:00\"")
            .replacingOccurrences(of: "  - {id: JDV}", with: "  - {id: JDV, daysOff: [tue]}")
        let codes = try SchoolFile.parse(text, format: .yaml, file: "small.yaml").validate().map(\.diagnostic.path)
        #expect(codes.contains("dayTemplates[0].periods[1].start"))
        #expect(codes.contains("teachers[0].daysOff[0]"))
    }

    @Test(
        "Garbage of every kind is refused with an InputError",
        arguments: [
            "not a school", "[1, 2, 3]", "{{{{", String(repeating: "[", count: 100_000), String(repeating: "- ", count: 50_000) + "x", "",
        ])
    func garbage(text: String) {
        #expect(throws: InputError.self) { try SchoolFile.parse(text, format: .yaml, file: "garbage") }
    }

    @Test("Ten megabytes of random bytes are refused quickly and clearly (seed 2)")
    func tenMegabytesOfGarbage() throws {
        var generator = SeededGenerator(seed: 2)
        let bytes = (0..<10_000_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rooster-garbage-\(UUID()).yaml")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = #expect(throws: InputError.self) { try SchoolFile.load(url, displayName: "garbage.yaml") }
        #expect(error?.message == "The file is not UTF-8 text")
    }

    @Test("Ten megabytes of printable garbage are refused as not a school (seed 3)")
    func tenMegabytesOfText() throws {
        var generator = SeededGenerator(seed: 3)
        let alphabet = Array("abc xyz:-,[]{}\n\"'#")
        let text = String((0..<10_000_000).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        #expect(throws: InputError.self) { try SchoolFile.parse(text, format: .yaml, file: "garbage.yaml") }
    }

    @Test("A missing file is an InputError naming it")
    func missingFile() {
        let error = #expect(throws: InputError.self) {
            try SchoolFile.load(URL(fileURLWithPath: "/nonexistent/school.yaml"), displayName: "school.yaml")
        }
        #expect(error?.file == "school.yaml")
    }
}
