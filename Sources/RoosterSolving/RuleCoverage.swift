import RoosterModel
import RoosterRules

/// Which rules of the catalogue an engine optimises, written down once per engine.
///
/// An engine builds one layer of a timetable (``RoosterRules/RuleLayer``). Every rule of that layer
/// is either optimised — the engine's cost or program has a term for it — or declared not optimised
/// with the reason; a catalogue test keeps the two lists complete, so that a new rule cannot be
/// forgotten by a solver without anyone noticing. Solvers report the rules that matter for a school
/// but that they did not optimise in ``SolveResult/unoptimisedRules``.
public struct RuleCoverage: Sendable {
    /// The engine's name as users see it: `heuristic`, `glpk`, `enrolment`, `coach planner`.
    public let engine: String
    /// The layer the engine builds.
    public let layer: RuleLayer
    /// Rules with a term in the engine's cost.
    public let optimised: Set<RuleID>
    /// Rules of the layer the engine leaves to the checker, with the reason.
    public let notOptimised: [RuleID: String]

    public init(engine: String, layer: RuleLayer, optimised: Set<RuleID>, notOptimised: [RuleID: String] = [:]) {
        self.engine = engine
        self.layer = layer
        self.optimised = optimised
        self.notOptimised = notOptimised
    }

    /// Rules of this engine's layer that count in `school` (hard, or soft with a weight above 0)
    /// but that the engine does not optimise: the checker still judges them, the search does not
    /// steer by them.
    public func unoptimisedRules(in school: School, checker: Checker) -> [RuleID] {
        RuleCatalogue.descriptors.filter { descriptor in
            descriptor.layer == layer && !optimised.contains(descriptor.id) && checker.counts(descriptor, in: school)
        }.map(\.id)
    }
}
