import RoosterModel
import RoosterRules

/// What a solver may spend and how it reports progress.
public struct SolveOptions: Sendable {
    /// Wall-clock limit; the solver returns its best timetable when it is reached.
    public var timeLimit: Duration
    /// Moves per search at most (the heuristic), or branch-and-bound steps (the MIP solver); with a
    /// fixed limit a search is repeatable for its seed whatever the machine's speed. Nil means no
    /// limit besides time. Auto applies it to its heuristic lines only.
    public var iterationLimit: Int?
    /// Seed of the random number generator; the same seed and limits give the same timetable.
    public var seed: UInt64
    /// Heuristic searches in parallel (seeds `seed`, `seed + 1`, …), sharing their best timetable
    /// between rounds; the best one wins. One by default here; the `rooster` command uses one per core.
    public var threads: Int
    /// Weights that override the school's soft-rule weights, as for ``RoosterRules/Checker``.
    public var weightOverrides: [RuleID: Int]
    /// Called from the search with the best score so far, about ten times a second at most.
    public var progress: (@Sendable (SolveProgress) -> Void)?
    /// Called with each better timetable a solver finds and its score, from the solver's thread:
    /// the heuristic calls it at the end of each round of its searches. A solver that combines
    /// others hands timetables between them this way; an app can show the best week so far.
    public var incumbent: (@Sendable (Timetable, Score) -> Void)?
    /// A deadline that wins over the time limit when it is earlier: a solver that combines others
    /// gives each part its share this way.
    public var deadline: Deadline?
    /// The timetable in use before this solve (a re-solve after a change): the search starts from
    /// it, and every lesson occurrence moved away from it costs `timeChanges` or `roomChanges`.
    /// Lock lessons in place with ``RoosterModel/School/locking(_:in:)``.
    public var reference: Timetable?

    /// The checker that judges this solve: the weight overrides and the reference.
    public var checker: Checker { Checker(weightOverrides: weightOverrides, reference: reference) }

    /// When a solve that started at `start` must stop: the time limit from then, or the deadline if earlier.
    public func deadline(from start: ContinuousClock.Instant) -> Deadline {
        Deadline(after: timeLimit, from: start).earlier(than: deadline)
    }

    public init(
        timeLimit: Duration = .seconds(60), iterationLimit: Int? = nil, seed: UInt64 = 1, threads: Int = 1,
        weightOverrides: [RuleID: Int] = [:], progress: (@Sendable (SolveProgress) -> Void)? = nil
    ) {
        self.timeLimit = timeLimit
        self.iterationLimit = iterationLimit
        self.seed = seed
        self.threads = max(threads, 1)
        self.weightOverrides = weightOverrides
        self.progress = progress
    }
}

/// A progress report during a search.
public struct SolveProgress: Sendable {
    public var elapsed: Duration
    public var iterations: Int
    /// The score of the current timetable.
    public var current: Score
    /// The best score so far.
    public var best: Score

    public init(elapsed: Duration, iterations: Int, current: Score, best: Score) {
        self.elapsed = elapsed
        self.iterations = iterations
        self.current = current
        self.best = best
    }
}
