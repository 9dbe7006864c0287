import RoosterModel
import RoosterRules

/// What a solver's answer means. An infeasible school is an answer, not an error.
public enum SolveStatus: String, Sendable, Hashable {
    /// The timetable is proven best (score (0, 0), or proven by an exact solver).
    case optimal
    /// The timetable breaks no hard rule; better ones may exist.
    case feasible
    /// No timetable can meet every hard rule; ``SolveResult/diagnostics`` say why.
    case infeasible
    /// The limit was reached before a feasible timetable was found; the best one is returned with
    /// its violations.
    case limitReached
    /// The school has errors; nothing was solved.
    case invalidModel
}

/// Counts and times of one solve.
public struct SolveStatistics: Sendable, Hashable {
    /// Moves tried, over all searches.
    public var iterations: Int = 0
    /// Moves per second, over all searches.
    public var movesPerSecond: Double = 0
    public var elapsed: Duration = .zero
    /// When the first timetable without hard violations was found.
    public var timeToFirstFeasible: Duration?
    /// Each improvement of the best score, with when it happened.
    public var history: [Improvement] = []
    /// Moves whose incremental cost differed from a full recomputation; counted only when a
    /// solver is asked to verify its deltas, and 0 unless the solver has a bug.
    public var deltaMismatches = 0

    public struct Improvement: Sendable, Hashable {
        public var elapsed: Duration
        public var score: Score

        public init(elapsed: Duration, score: Score) {
            self.elapsed = elapsed
            self.score = score
        }
    }

    public init() {}
}

/// A solver's answer: the status, the best timetable, its score from the ``RoosterRules/Checker``,
/// and how the search went.
public struct SolveResult: Sendable {
    public var status: SolveStatus
    /// The best timetable found; empty when the model is invalid.
    public var timetable: Timetable
    /// The checker's report on ``timetable``: the score and every violation in words.
    public var report: CheckReport
    public var statistics: SolveStatistics
    /// Why the school is invalid or infeasible, when it is.
    public var diagnostics: [Diagnostic]
    /// A proven lower bound on the soft cost of any feasible timetable, when an exact solver found one.
    public var bound: Int?
    /// Rules that count in this school but that the solver did not optimise (``RuleCoverage``):
    /// the report judges them, the search did not aim at them.
    public var unoptimisedRules: [RuleID] = []

    public init(status: SolveStatus, timetable: Timetable, report: CheckReport, statistics: SolveStatistics, diagnostics: [Diagnostic] = [])
    {
        self.status = status
        self.timetable = timetable
        self.report = report
        self.statistics = statistics
        self.diagnostics = diagnostics
    }

    /// The checker's score of the timetable.
    public var score: Score { report.score }

    /// The relative distance between the soft cost and the bound, `(cost − bound) / cost`; 0 when
    /// the timetable is proven optimal, nil without a bound or a feasible timetable.
    public var gap: Double? {
        guard let bound, score.isFeasible else { return nil }
        return score.soft == 0 ? 0 : Double(max(score.soft - bound, 0)) / Double(score.soft)
    }

    /// Records a proven lower bound from another source (the partition bound): the better of it and
    /// the bound already there, capped at a feasible score; a feasible result the bound reaches is
    /// proven optimal.
    public mutating func record(bound proven: Int) {
        let better = max(bound ?? 0, proven)
        bound = score.isFeasible ? min(better, score.soft) : better
        if score.isFeasible, proven >= score.soft { status = .optimal }
    }

    /// The answer for a school whose validation found errors: impossible loads prove that no
    /// timetable exists (``SolveStatus/infeasible``); other errors make the model unusable.
    public static func rejecting(_ school: School, errors: [Diagnostic], checker: Checker) -> SolveResult {
        let status: SolveStatus = errors.allSatisfy(\.provesNoTimetable) ? .infeasible : .invalidModel
        return SolveResult(
            status: status, timetable: Timetable(), report: checker.check(Timetable(), against: school), statistics: SolveStatistics(),
            diagnostics: errors)
    }
}

/// A solver: takes a school, returns a timetable judged by the checker.
///
/// Solvers are values that can be shared between tasks. `solve` honours Swift task cancellation by
/// returning the best timetable so far.
public protocol TimetableSolver: Sendable {
    func solve(_ school: School, options: SolveOptions) async -> SolveResult
}
