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
            .sol solution is scored with the ITC 2007 UD2 weights. An XHSTT archive (.xml) is also scored by \
            the XHSTT evaluator, which counts every constraint of the instance as the format defines it; \
            without a timetable, check scores each solution the archive stores.

            Examples:
              rooster check Examples/bioritme/school.yaml Examples/bioritme/timetable.json
              rooster check comp01.ctt comp01.sol --json
              rooster check school.yaml timetable.json --weight teacherGaps=3 --weight groupGaps=0
              rooster check school.yaml new.json --from old.json     (also counts lessons moved since old.json)
              rooster check school.yaml timetable.json --locale nl   (violations in Dutch)
              rooster check NetherlandsKottenpark2005.xml                  (the solutions the archive stores)
              rooster check NetherlandsKottenpark2005.xml solution.xml     (also the XHSTT cost)

            Exit codes: 0 no hard violations, 1 hard violations, 2 bad input.
            """
    )

    @Argument(help: "The school: .yaml, .json, .ctt, .fet or an XHSTT archive (.xml).")
    var school: String

    @Argument(help: "The timetable: .json, .sol or .xml (FET activities, XHSTT solution); optional for an XHSTT archive.")
    var timetable: String?

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
    struct XHSTTJSON: Encodable { var hard: Int, soft: Int }
    struct ReportJSON: Encodable {
        var hard: Int, soft: Int, feasible: Bool, penaltyByRule: [String: Int], violations: [ViolationJSON]
        /// For a school read from an XHSTT archive: the timetable's cost as the archive's evaluator computes it.
        var xhstt: XHSTTJSON?
    }

    func run() throws {
        let overrides = try weights.overrides()
        let loaded = try loadValidSchool(self.school, dropUnsupported: importOptions.dropUnsupported)
        guard let timetable else {
            guard let instance = loaded.xhstt else {
                throw ValidationError("Missing the timetable: rooster check SCHOOL TIMETABLE (only an XHSTT archive stores its own)")
            }
            return try checkStoredSolutions(of: instance, loaded: loaded)
        }
        let school = loaded.school
        let table = try loadTimetable(timetable, for: loaded)
        let reference = try from.map { try loadReference($0, for: school) }
        let report = Checker(weightOverrides: overrides, reference: reference).check(table, against: school)
        let xhsttEntries = try loaded.xhstt.map { instance in
            let solution = XHSTTSolutionFile.solution(table, instance: instance, mapping: try XHSTTMapping(instance, file: loaded.file))
            return XHSTTEvaluator(instance: instance).evaluate(solution)
        }
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
                    },
                    xhstt: xhsttEntries.map(XHSTTEvaluator.total).map { XHSTTJSON(hard: $0.hard, soft: $0.soft) }))
        } else {
            printText(report)
            for collision in report.collisions(in: school) { print("most involved: \(collision)") }
            if let xhsttEntries { printXHSTT(xhsttEntries) }
        }
        if !report.score.isFeasible { throw Exit.hardViolations }
    }

    /// The XHSTT cost and what makes it up, by constraint type.
    private func printXHSTT(_ entries: [XHSTTEvaluator.Entry]) {
        print("XHSTT cost: \(XHSTTEvaluator.total(entries))\(Self.breakdown(entries))")
    }

    /// ` (LimitIdleTimes 10, …)`: the nonzero costs per constraint type.
    static func breakdown(_ entries: [XHSTTEvaluator.Entry]) -> String {
        var byType: [String: Int] = [:]
        for entry in entries where entry.cost > 0 {
            byType[entry.constraint.type.replacingOccurrences(of: "Constraint", with: ""), default: 0] += entry.cost
        }
        return byType.isEmpty ? "" : " (" + byType.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
    }

    /// Every solution an XHSTT archive stores: the evaluator's cost beside the cost the archive
    /// reports, and Rooster's score of the same timetable.
    private func checkStoredSolutions(of instance: XHSTTInstance, loaded: LoadedSchool) throws {
        let (_, solutions) = try reportingInputErrors {
            try XHSTTArchive.load(URL(fileURLWithPath: school), displayName: school, instance: instance.id)
        }
        guard !solutions.isEmpty else {
            print("\(school): instance \(instance.id) has no stored solutions")
            return
        }
        let evaluator = XHSTTEvaluator(instance: instance)
        let mapping = try reportingInputErrors { try XHSTTMapping(instance, file: school) }
        for (index, solution) in solutions.enumerated() {
            let entries = evaluator.evaluate(solution)
            let cost = XHSTTEvaluator.total(entries)
            let reported = solution.reportedCost.map { ", archive reports (\($0.hard), \($0.soft))" } ?? ""
            var rooster = ""
            if let table = try? XHSTTSolutionFile.timetable(solution, instance: instance, mapping: mapping, file: school) {
                let score = Checker().check(table, against: loaded.school).score
                rooster = "; Rooster: \(score.hard) hard, \(score.soft) soft"
            }
            print("\(index + 1). \(solution.group): XHSTT cost \(cost)\(reported)\(Self.breakdown(entries))\(rooster)")
        }
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
