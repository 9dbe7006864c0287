import ArgumentParser
import Rooster

/// `rooster rules`: the rule catalogue with levels and weights.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule of the checker with its level and weight.",
        discussion: """
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
            print("\(id)  \(weight.padding(toLength: 7, withPad: " ", startingAt: 0))  \(descriptor.summary)")
        }
    }
}
