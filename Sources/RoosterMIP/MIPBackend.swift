import RoosterSolving

/// A program that solves mixed-integer programs: GLPK (module `RoosterGLPK`) today; CBC or HiGHS
/// would be another conformance. Everything above it — the timetable and room formulations, the
/// exact enrolment, the MIP solver and the auto mode — is written against this protocol only.
///
/// A backend must return, never trap or abort, on any model ``MIPModel`` builds, and must stop
/// when ``MIPSettings/deadline`` passes or the current task is cancelled, with the best solution so far.
public protocol MIPBackend: Sendable {
    /// The name users see in logs and messages: `glpk`.
    var name: String { get }
    /// Solves the model (minimising) within the settings' limits.
    func solve(_ model: MIPModel, settings: MIPSettings) throws(MIPError) -> MIPSolution
    /// Writes the model in free MPS and/or CPLEX LP format, with readable names; each file whole or not at all.
    func write(_ model: MIPModel, mps: String?, lp: String?) throws(MIPError)
}

/// Limits and hints for one solve, understood by every backend (a backend ignores what it cannot use).
public struct MIPSettings: Sendable {
    /// When the solve must stop, checked by the backend as often as it can.
    public var deadline: Deadline
    /// Branch-and-bound steps (the backend's callbacks: node selection, heuristics, cuts, branching)
    /// at most; nil for none. With a step limit and a distant deadline a solve ends the same way on
    /// any machine, however loaded — what tests need.
    public var stepLimit: Int?
    /// Stop when the relative gap between the incumbent and the bound is at most this.
    public var mipGap = 0.0
    /// The backend's memory limit in megabytes (0: none). Reaching it is an ``MIPError``.
    public var memoryLimitMegabytes = 0
    public var cuts = true
    public var heuristics = true
    /// Solve the root LP with the primal simplex from an advanced basis instead of the dual simplex.
    public var primalSimplex = false
    /// A feasible solution to start from (one value per column), as the first incumbent.
    public var start: [Double]?
    /// Receives the backend's terminal output.
    public var log: (@Sendable (String) -> Void)?
    /// Receives the incumbent and bound during branch-and-bound.
    public var progress: (@Sendable (MIPProgress) -> Void)?

    public init(deadline: Deadline = Deadline(after: .seconds(60))) {
        self.deadline = deadline
    }
}

/// What a backend found for one model.
public struct MIPSolution: Sendable {
    public enum Status: Sendable { case optimal, feasible, infeasible, noSolutionYet }
    public var status: Status
    /// Objective of the returned values.
    public var objective: Double?
    /// A proven lower bound on the optimum (minimisation), when known.
    public var bound: Double?
    /// Column values of the best integer solution.
    public var values: [Double]?

    public init(status: Status, objective: Double? = nil, bound: Double? = nil, values: [Double]? = nil) {
        self.status = status
        self.objective = objective
        self.bound = bound
        self.values = values
    }
}

/// Progress inside branch-and-bound.
public struct MIPProgress: Sendable {
    public var incumbent: Double?
    public var bound: Double?

    public init(incumbent: Double?, bound: Double?) {
        self.incumbent = incumbent
        self.bound = bound
    }
}

/// The backend reported an error (out of memory, a numerical failure) or could not write a file.
/// The host process is unaffected.
public struct MIPError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    public init(message: String) { self.message = message }
}

/// A backend with the settings of one solve, as the formulations hand it around: copy it, change a
/// setting (`runner.deadline = …`), solve.
@dynamicMemberLookup
package struct MIPRunner: Sendable {
    package var backend: any MIPBackend
    package var settings: MIPSettings

    package init(_ backend: any MIPBackend, settings: MIPSettings = MIPSettings()) {
        self.backend = backend
        self.settings = settings
    }

    package subscript<Value>(dynamicMember path: WritableKeyPath<MIPSettings, Value>) -> Value {
        get { settings[keyPath: path] }
        set { settings[keyPath: path] = newValue }
    }

    package func solve(_ model: MIPModel) throws(MIPError) -> MIPSolution { try backend.solve(model, settings: settings) }
}
