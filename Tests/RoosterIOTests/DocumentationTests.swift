import Foundation
import RoosterModel
import RoosterRules
import Testing

@testable import RoosterIO

/// The annotated examples in `docs/school-format.md` parse and validate, so the documentation stays true.
@Suite("Documentation")
struct DocumentationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The first fenced block of a language in a Markdown file.
    func block(_ language: String, in file: String) throws -> String {
        let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
        let start = try #require(text.range(of: "```\(language)\n"))
        let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
        return String(text[start.upperBound..<end.lowerBound])
    }

    @Test("The annotated school in docs/school-format.md is valid")
    func annotatedSchool() throws {
        let loaded = try SchoolFile.parse(try block("yaml", in: "docs/school-format.md"), format: .yaml, file: "school-format.md")
        #expect(loaded.validate().map(\.description) == [])
        #expect(loaded.school.weeksInCycle == 3)
        #expect(loaded.school.clusters.first?.kind == .parallelLevels)
    }

    @Test("The README's table of rules is the catalogue: every rule with its level, default weight and summary")
    func rulesTable() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        for rule in RuleCatalogue.descriptors {
            let weight = rule.level == .hard ? "—" : String(rule.defaultWeight)
            let row = "| `\(rule.id)` | \(rule.level) | \(weight) | \(rule.summary) |"
            #expect(readme.contains(row), "README.md lacks: \(row)")
        }
    }

    @Test("The table of number ranges in docs/school-format.md is the one validation checks (InputRanges)")
    func rangesTable() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("docs/school-format.md"), encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## Numbers and their ranges").dropFirst().first)
        let rows = section.components(separatedBy: "\n## ")[0].split(separator: "\n").filter { $0.hasPrefix("| `") }
        let documented = rows.map { row -> String in
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return "\(cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))) \(cells[1])"
        }
        #expect(documented == InputRanges.table.map { "\($0.field) \($0.range.lowerBound)–\($0.range.upperBound)" })
    }

    @Test("The timetable example in docs/school-format.md reads against the annotated school")
    func annotatedTimetable() throws {
        let school = try SchoolFile.parse(try block("yaml", in: "docs/school-format.md"), format: .yaml).school
        let timetable = try TimetableFile.parse(try block("json", in: "docs/school-format.md"), format: .json, for: school)
        #expect(timetable.placements.count == 1)
        #expect(timetable.enrolments?.count == 2)
        #expect(timetable.coachMeetings?.first?.slot == TimeSlot(day: 0, period: 0))
    }
}
