import ArgumentParser
import Foundation
import Rooster

/// `rooster diff OLD NEW --school S`: what a re-solve changed, and for whom.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List what changed between two timetables of one school, and who is affected.",
        discussion: """
            Lesson by lesson: occurrences moved in time, in other rooms, removed or added; then the \
            teachers, groups, rooms and students affected, with their number of changes; and both \
            scores side by side, rule by rule (the new one with the old as its reference, so that \
            timeChanges and roomChanges count). Text on the terminal; CSV (one row per change) and \
            HTML (a page to publish) with --format.

            Examples:
              rooster solve school.yaml --from timetable.json --out new.json
              rooster diff timetable.json new.json --school school.yaml
              rooster diff timetable.json new.json --school school.yaml --format html --out changes.html

            Exit codes: 0 success, 2 bad input, 3 the output cannot be written.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, html }

    @Argument(help: "The timetable before (.json or .sol).")
    var old: String

    @Argument(help: "The timetable after.")
    var new: String

    @Option(help: "The school both timetables are for (after the change).")
    var school: String

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(help: "Write here instead of standard output.")
    var out: String?

    @Option(help: "Field separator for CSV: ',' or ';' (Dutch Excel).")
    var delimiter: String = ","

    @Option(help: "Language of text and HTML: en or nl.")
    var locale: RenderLocale = .en

    @OptionGroup(title: "Weights") var weights: WeightOptions

    func validate() throws {
        guard delimiter == "," || delimiter == ";" else { throw ValidationError("--delimiter must be ',' or ';'") }
    }

    func run() throws {
        try checkOutputs(out)
        let (school, after) = try loadSchoolAndTimetable(self.school, new)
        let before = try loadReference(old, for: school)
        let diff = TimetableDiff(old: before, new: after, school: school, checker: Checker(weightOverrides: try weights.overrides()))
        let text =
            switch format {
            case .text: diff.text(school: school, limit: out == nil ? 50 : .max, locale: locale)
            case .csv: diff.csv(school: school, delimiter: Character(delimiter))
            case .html: diff.html(school: school, locale: locale)
            }
        guard let out else {
            print(text, terminator: "")
            return
        }
        try reportingInputErrors { try AtomicFile.write(text, to: URL(fileURLWithPath: out)) }
        printError("wrote \(out): \(diff.changes.count) change(s)")
    }
}
