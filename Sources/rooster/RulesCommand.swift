import ArgumentParser
import Rooster
import RoosterGLPK

/// `rooster rules`: the rule catalogue with levels and weights.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule of the checker with its level, weight, layer and the engines that optimise it.",
        discussion: """
            Columns: rule, level and weight, the layer it judges (base, enrolment, coaching), the \
            engines whose search aims at it (h heuristic, g glpk, e enrolment, c coach planner), \
            and what it asks.

            Examples:
              rooster rules
              rooster rules --profile itc2007
            """
    )

    @Option(help: "Show the weights of a profile: school (the defaults) or itc2007.")
    var profile: RuleProfile = .school

    func run() {
        let weights = profile.weights
        let width = RuleCatalogue.descriptors.map(\.id.rawValue.count).max() ?? 20
        for descriptor in RuleCatalogue.descriptors {
            let id = descriptor.id.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            let weight = descriptor.level == .hard ? "hard" : "soft \(weights[descriptor.id] ?? descriptor.defaultWeight)"
            let engines = Self.engines.map { $0.coverage.optimised.contains(descriptor.id) ? $0.letter : "-" }.joined()
            print(
                "\(id)  \(weight.padding(toLength: 7, withPad: " ", startingAt: 0))  "
                    + "\(descriptor.layer.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0))  \(engines)  \(descriptor.summary)")
        }
    }

    /// The engines in the order of the column, with their letters.
    static let engines: [(letter: String, coverage: RuleCoverage)] = [
        ("h", HeuristicSolver.coverage), ("g", MIPSolver.coverage), ("e", FlowEnrolment.coverage), ("c", CoachPlanner.coverage),
    ]
}
