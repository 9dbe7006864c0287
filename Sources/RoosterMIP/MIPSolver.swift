import RoosterModel
import RoosterRules
import RoosterSolving

/// Rooster's exact solver: the school as a mixed-integer program solved by a ``MIPBackend`` (GLPK
/// from `RoosterGLPK`), with a proven bound next to the cost.
///
/// Stage 1 places the lessons (``TimetableFormulation``), stage 2 assigns rooms
/// (``RoomAssignment``); the result's score comes from the ``RoosterRules/Checker``. The status is
/// ``RoosterSolving/SolveStatus/optimal`` only when the backend proved stage 1 optimal and the checker's
/// score equals that optimum. Good for small schools and for bounds; for large schools use
/// ``AutoSolver``, which starts from the heuristic.
///
/// A solve runs synchronously on the calling thread (GLPK keeps state per thread); a backend error
/// becomes a diagnostic, never a crash.
///
/// ```swift
/// import RoosterGLPK
/// let result = await MIPSolver(backend: GLPKBackend()).solve(school, options: SolveOptions(timeLimit: .seconds(30)))
/// print(result.status, result.score, result.bound ?? -1)   // optimal 0 hard, 5 soft 5
/// ```
public struct MIPSolver: TimetableSolver {
    /// The program that solves the mixed-integer programs.
    public var backend: any MIPBackend
    /// Stop when the relative gap between the best timetable and the bound is at most this.
    public var mipGap: Double
    /// The backend's memory limit in megabytes (0: none). Reaching it ends the solve with an error diagnostic.
    public var memoryLimitMegabytes: Int
    /// Receives the backend's log lines.
    public var log: (@Sendable (String) -> Void)?

    public init(
        backend: any MIPBackend, mipGap: Double = 0, memoryLimitMegabytes: Int = 0, log: (@Sendable (String) -> Void)? = nil
    ) {
        self.backend = backend
        self.mipGap = mipGap
        self.memoryLimitMegabytes = memoryLimitMegabytes
        self.log = log
    }

    /// The program of ``TimetableFormulation`` has rows or terms for every rule of the base
    /// timetable; room capacity and stability are exact in stage 2 (room assignment). In a re-solve
    /// the reference is GLPK's warm start and the rooms it prefers; `timeChanges` is in the
    /// objective, `roomChanges` only judged.
    public static let coverage = RuleCoverage(
        engine: "mip", layer: .base,
        optimised: [
            .lessonCount, .teacherConflict, .groupConflict, .roomConflict, .teacherAvailability, .groupAvailability,
            .roomAvailability, .lessonAvailability, .allowedSegment, .pinnedTime, .roomAssignment, .clusterTogether, .maxPerDay,
            .lessonsApart, .teacherMaxPeriodsPerDay, .teacherMaxDays, .teamTime, .choiceSeats,
            .roomCapacity, .minWorkingDays, .isolatedLessons, .roomStability, .teacherGaps, .groupGaps, .teacherUnwantedTime, .dailyLessons,
            .teacherExtraDays, .teacherShortDays, .timeChanges,
        ],
        notOptimised: [
            .roomChanges: "the room stage prefers the reference rooms but has no term for keeping them (roomChanges is only judged)",
            .lessonsApartPreferred: "soft day spreads have no term in the program yet (only judged); hard ones are rows",
        ])

    /// The share of the time limit the partition bound may take before the whole program.
    public static let partitionBoundShare = 0.1

    /// Solves the whole program; first, for a tenth of the time, the partition bound
    /// (``partitionBound(of:options:)``), which holds where the whole program's bound is weak or
    /// its LP does not finish. The result's bound is the better of the two.
    public func solve(_ school: School, options: SolveOptions) async -> SolveResult {
        let startedAt = ContinuousClock.now
        let errors = school.validate().filter { $0.severity == .error }
        guard errors.isEmpty else { return .rejecting(school, errors: errors, checker: options.checker) }
        var boundOptions = options
        boundOptions.deadline = Deadline(after: options.timeLimit * Self.partitionBoundShare, from: startedAt)
            .earlier(than: options.deadline(from: startedAt))
        let partition = partitionBound(of: school, options: boundOptions)
        var whole = options
        whole.deadline = options.deadline(from: startedAt)
        var result = solve(ExactTimetabling(school: school, checker: options.checker), options: whole, start: options.reference)
        if let partition, result.status != .infeasible, result.status != .invalidModel { result.record(bound: partition.value) }
        result.unoptimisedRules = Self.coverage.unoptimisedRules(in: school, checker: options.checker)
        return result
    }

    /// Solves with a timetable (for example the heuristic's) as the backend's first incumbent.
    func solve(_ school: School, options: SolveOptions, start: Timetable?) -> SolveResult {
        let checker = options.checker
        let errors = school.validate().filter { $0.severity == .error }
        guard errors.isEmpty else { return .rejecting(school, errors: errors, checker: checker) }
        return solve(ExactTimetabling(school: school, checker: checker), options: options, start: start)
    }

    /// Solves a program built before (the school already validated).
    package func solve(_ exact: ExactTimetabling, options: SolveOptions, start: Timetable?) -> SolveResult {
        let startedAt = ContinuousClock.now
        let school = exact.school, checker = exact.checker
        guard exact.problems.isEmpty else {
            return SolveResult(
                status: .infeasible, timetable: Timetable(), report: checker.check(Timetable(), against: school),
                statistics: SolveStatistics(), diagnostics: exact.problems)
        }
        let deadline = options.deadline(from: startedAt)
        let history = History(startedAt: startedAt, progress: options.progress)
        let roomReserve = Self.roomReserve(until: deadline, from: startedAt)
        var runner = runner(deadline: deadline.reserving(roomReserve))
        runner.stepLimit = options.iterationLimit
        runner.progress = { history.record($0) }
        if let start { runner.start = exact.values(of: start, runner: self.runner(deadline: deadline)) }
        let solution: MIPSolution
        do {
            solution = try runner.solve(exact.model)
        } catch {
            return failure(school, checker, "\(backend.name) failed: \(error.message)", startedAt)
        }
        var statistics = SolveStatistics()
        statistics.history = history.improvements
        let bound = exact.formulation.boundIsValid ? solution.bound.map { Int(($0 - 1e-6).rounded(.up)) } : nil
        guard let values = solution.values else {
            if solution.status == .infeasible {
                let reason = Diagnostic(
                    .error, "noTimetable", "\(backend.name) proved that no timetable meets every hard rule of the model", at: "",
                    hint: "run 'rooster validate' and relax availability, pins or segments")
                var result = failure(school, checker, nil, startedAt)
                result.status = .infeasible
                result.diagnostics = [reason]
                // What would make it feasible: a smallest set of hard rows to relax, if time is left.
                if !deadline.hasPassed, !Task.isCancelled, let relaxed = exact.relaxation(runner: runner), !relaxed.isEmpty {
                    result.diagnostics.append(
                        Diagnostic(
                            .error, "smallestRelaxation",
                            "\(backend.name) found that relaxing these makes the school feasible: " + relaxed.joined(separator: "; "),
                            at: "", hint: "change the lessons, teachers or limits named here"))
                }
                return result
            }
            var result = failure(school, checker, nil, startedAt)
            result.bound = bound
            return result
        }
        let timetable = exact.timetable(from: values, runner: roomRunner(until: deadline, reserve: roomReserve), preferring: start)
        let report = checker.check(timetable, against: exact.formulation.compiled)
        statistics.elapsed = ContinuousClock.now - startedAt
        if report.score.isFeasible { statistics.timeToFirstFeasible = history.improvements.first?.elapsed ?? statistics.elapsed }
        let proven =
            solution.status == .optimal && exact.formulation.isExact && solution.objective.map { Int($0.rounded()) } == report.score.soft
        let status: SolveStatus = !report.score.isFeasible ? .limitReached : proven || report.score == .zero ? .optimal : .feasible
        var result = SolveResult(status: status, timetable: timetable, report: report, statistics: statistics)
        result.bound = bound.map { min($0, report.score.soft) }
        return result
    }

    /// The time kept for assigning rooms after the start program: a tenth of the solve's time, at most 20 s.
    package static func roomReserve(until deadline: Deadline, from start: ContinuousClock.Instant) -> Duration {
        min((deadline.instant - start) / 10, .seconds(20))
    }

    /// The backend for the room stage: until the solve's deadline, but at least 100 ms and at most the reserve.
    package func roomRunner(until deadline: Deadline, reserve: Duration) -> MIPRunner {
        runner(deadline: Deadline(after: max(deadline.remaining, .milliseconds(100))).earlier(than: Deadline(after: reserve)))
    }

    /// The backend with this solver's settings and a deadline.
    package func runner(deadline: Deadline) -> MIPRunner {
        var runner = MIPRunner(backend)
        runner.deadline = deadline
        runner.mipGap = mipGap
        runner.memoryLimitMegabytes = memoryLimitMegabytes
        runner.log = log
        return runner
    }

    private func failure(_ school: School, _ checker: Checker, _ message: String?, _ startedAt: ContinuousClock.Instant) -> SolveResult {
        var statistics = SolveStatistics()
        statistics.elapsed = ContinuousClock.now - startedAt
        let diagnostics =
            message.map { [Diagnostic(.error, "mipError", $0, at: "", hint: "raise the memory limit or report the school")] } ?? []
        return SolveResult(
            status: message == nil ? .limitReached : .invalidModel, timetable: Timetable(),
            report: checker.check(Timetable(), against: school),
            statistics: statistics, diagnostics: diagnostics)
    }

    /// Writes the school's start program (stage 1) in free MPS and/or CPLEX LP format, so that
    /// other MIP solvers can be tried on it. Each file is written whole or not at all.
    public func writeModel(of school: School, weightOverrides: [RuleID: Int] = [:], mps: String? = nil, lp: String? = nil)
        throws(MIPError)
    {
        let exact = ExactTimetabling(school: school, checker: Checker(weightOverrides: weightOverrides))
        try backend.write(exact.model, mps: mps, lp: lp)
    }
}

/// Improvements of the incumbent during a solve, reported to the caller's progress handler.
final class History: @unchecked Sendable {
    let startedAt: ContinuousClock.Instant
    let progress: (@Sendable (SolveProgress) -> Void)?
    private(set) var improvements: [SolveStatistics.Improvement] = []
    private var lastReport = ContinuousClock.now
    private var nodes = 0

    init(startedAt: ContinuousClock.Instant, progress: (@Sendable (SolveProgress) -> Void)?) {
        self.startedAt = startedAt
        self.progress = progress
    }

    /// Called synchronously from the backend's callback, on the solving thread only.
    func record(_ report: MIPProgress) {
        nodes += 1
        let now = ContinuousClock.now
        if let incumbent = report.incumbent {
            let score = Score(hard: 0, soft: Int(incumbent.rounded()))
            if improvements.last.map({ score < $0.score }) ?? true {
                improvements.append(SolveStatistics.Improvement(elapsed: now - startedAt, score: score))
            }
        }
        guard let progress, now - lastReport > .milliseconds(100), let best = improvements.last?.score else { return }
        lastReport = now
        progress(SolveProgress(elapsed: now - startedAt, iterations: nodes, current: best, best: best))
    }
}
