import ArgumentParser
import Foundation
import Rooster

/// `rooster validate SCHOOL`: every problem in a school file, before any solver runs.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a school file for errors and impossible loads.",
        discussion: """
            Reports unknown references, duplicate ids, overlapping periods, misspelt keys and loads that \
            cannot fit (a teacher with more lessons than available periods, a lesson longer than its \
            segments), each with the file, line and path and a hint.

            Examples:
              rooster validate Examples/bioritme/school.yaml
              rooster validate comp01.ctt --json

            Exit codes: 0 no errors (warnings allowed), 2 errors or unreadable input.
            """
    )

    @Argument(help: "The school: .yaml, .json, .ctt, .fet or an XHSTT archive (.xml).")
    var school: String

    @OptionGroup var importOptions: ImportOptions

    @Flag(help: "Print the diagnostics as JSON for scripts.")
    var json = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    struct DiagnosticJSON: Encodable {
        var severity: String, code: String, message: String, path: String, line: Int?, hint: String?
    }
    struct Summary: Encodable {
        var file: String, errors: Int, warnings: Int, diagnostics: [DiagnosticJSON]
    }

    func run() throws {
        let loaded = try loadSchool(school, dropUnsupported: importOptions.dropUnsupported)
        let diagnostics = loaded.validate()
        let errors = diagnostics.filter { $0.diagnostic.severity == .error }.count
        let warnings = diagnostics.filter { $0.diagnostic.severity == .warning }.count
        if json {
            try printJSON(
                Summary(
                    file: school, errors: errors, warnings: warnings,
                    diagnostics: diagnostics.map {
                        DiagnosticJSON(
                            severity: $0.diagnostic.severity.rawValue, code: $0.diagnostic.code, message: $0.diagnostic.message,
                            path: $0.diagnostic.path, line: $0.line, hint: $0.diagnostic.hint)
                    }))
        } else {
            for diagnostic in diagnostics { printError(diagnostic.description) }
            let s = loaded.school
            let size =
                "\(s.days.count) days, \(s.teachers.count) teachers, \(s.rooms.count) rooms, \(s.groups.count) groups, "
                + "\(s.students.count) students, \(s.lessons.count) lessons (\(s.lessons.reduce(0) { $0 + min(max($1.countPerWeek, 0), School.arithmeticBound) }) a week)"
            print("\(school): \(s.name): \(size)")
            print(errors == 0 ? "valid: \(warnings) warning(s)" : "invalid: \(errors) error(s), \(warnings) warning(s)")
        }
        if errors > 0 || (strict && warnings > 0) { throw Exit.badInput }
    }
}
