import ArgumentParser
import Foundation
import Rooster

/// `rooster check SCHOOL TIMETABLE`: the score of a timetable and every violation in words.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Score a timetable against every rule and list the violations.",
        discussion: """
            The score is (hard, soft): hard rules make a timetable unusable, soft rules make it worse, \
            weighted by the school's ruleWeights, the --profile and --weight options. A .ctt school with a \
            .sol solution is scored with the ITC 2007 UD2 weights.

            Examples:
              rooster check Examples/bioritme/school.yaml Examples/bioritme/timetable.json
              rooster check comp01.ctt comp01.sol --json
              rooster check school.yaml timetable.json --weight teacherGaps=3 --weight groupGaps=0
              rooster check school.yaml new.json --from old.json     (also counts lessons moved since old.json)
              rooster check school.yaml timetable.json --locale nl   (violations in Dutch)

            Exit codes: 0 no hard violations, 1 hard violations, 2 bad input.
            """
    )

    @Argument(help: "The school: .yaml, .json or .ctt.")
    var school: String

    @Argument(help: "The timetable: .json or .sol.")
    var timetable: String

    @OptionGroup var importOptions: ImportOptions

    @Flag(help: "Print {\"hard\": H, \"soft\": S, \"violations\": [...]} as one line of JSON.")
    var json = false

    @OptionGroup(title: "Weights") var weights: WeightOptions

    @Option(help: "Also count what changed since this timetable: rules timeChanges and roomChanges, as solve --from does.")
    var from: String?

    @Option(help: "Show at most this many violations in text output (0 shows all).")
    var maxViolations = 50

    @Option(help: "Language of the violation texts: en or nl.")
    var locale: RenderLocale = .en

    struct ViolationJSON: Encodable {
        struct Slot: Encodable { var day: Int, period: Int }
        var rule: String, level: String, cost: Int, penalty: Int, message: String, involved: [String], slots: [Slot]
    }
    struct ReportJSON: Encodable {
        var hard: Int, soft: Int, feasible: Bool, penaltyByRule: [String: Int], violations: [ViolationJSON]
    }

    func run() throws {
        let overrides = try weights.overrides()
        let (school, table) = try loadSchoolAndTimetable(self.school, timetable, dropUnsupported: importOptions.dropUnsupported)
        let reference = try from.map { try loadReference($0, for: school) }
        let report = Checker(weightOverrides: overrides, reference: reference).check(table, against: school)
        if json {
            try printJSON(
                ReportJSON(
                    hard: report.score.hard, soft: report.score.soft, feasible: report.score.isFeasible,
                    penaltyByRule: Dictionary(uniqueKeysWithValues: report.penaltyByRule.map { ($0.key.rawValue, $0.value) }),
                    violations: report.violations.map {
                        ViolationJSON(
                            rule: $0.rule.rawValue, level: $0.level.rawValue, cost: $0.cost, penalty: $0.penalty,
                            message: $0.message(in: locale.messageLanguage),
                            involved: $0.involved, slots: $0.slots.map { .init(day: $0.day, period: $0.period) })
                    }))
        } else {
            printText(report)
            for collision in report.collisions(in: school) { print("most involved: \(collision)") }
        }
        if !report.score.isFeasible { throw Exit.hardViolations }
    }

    private func printText(_ report: CheckReport) {
        let shown = maxViolations > 0 ? Array(report.violations.prefix(maxViolations)) : report.violations
        for violation in shown {
            let weight =
                violation.level == .soft && violation.penalty != violation.cost ? " ×\(violation.penalty / max(violation.cost, 1))" : ""
            print("\(violation.level) \(violation.rule) (\(violation.cost)\(weight)): \(violation.message(in: locale.messageLanguage))")
        }
        if shown.count < report.violations.count {
            print("… and \(report.violations.count - shown.count) more (use --max-violations 0 to see all)")
        }
        let byRule = report.penaltyByRule.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("score: \(report.score.hard) hard, \(report.score.soft) soft" + (byRule.isEmpty ? "" : " (\(byRule))"))
        print(report.score.isFeasible ? "feasible: no hard rule is broken" : "infeasible: \(report.score.hard) hard violation cost")
    }
}
