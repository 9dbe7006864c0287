import RoosterHeuristic
import RoosterMIP
import RoosterModel
import RoosterRules
import RoosterSolving
import Synchronization

/// The default solver: the heuristic for the whole time, and GLPK beside it only where it pays.
///
/// The heuristic line runs exactly as ``RoosterHeuristic/HeuristicSolver`` would with the same
/// options (its searches cooperating on `threads` cores). The MIP line (GLPK, or any
/// ``RoosterMIP/MIPBackend``) runs beside it on one more task and does two things only, because
/// measurements showed nothing else paying for the time it takes from the heuristic:
///
/// 1. **A bound** for at most a tenth of the time: the partition bound
///    (``RoosterMIP/MIPSolver/partitionBound(of:options:)``), one small program per group of curricula.
/// 2. **A proof** on schools whose whole start program is tiny (at most
///    ``wholeProgramColumnLimit`` columns; comp01 has 5,851): once the heuristic has finished or
///    a quarter of the time has passed, the whole program is solved from the heuristic's best
///    timetable so far (handed over through ``RoosterSolving/SolveOptions/incumbent``). A proven
///    optimum stops the heuristic, and so does a timetable of the heuristic's at the bound.
///
/// The answer is the better timetable of the two lines by the checker's score, the bound the better
/// of the two bounds. On larger schools the MIP line ends after the bound, and the heuristic has
/// the machine to itself.
public struct AutoSolver: TimetableSolver {
    public var heuristic: HeuristicSolver
    public var mip: MIPSolver
    /// Start programs with more columns than this are not solved whole: on two cores the whole
    /// solve takes a core from the heuristic, and on comp01 (5,851 columns) that lost at 60 s
    /// (6 against 5, two seeds) without a proof.
    public var wholeProgramColumnLimit: Int
    /// The share of the time limit the bound may take.
    public var boundShare: Double

    public init(
        heuristic: HeuristicSolver = HeuristicSolver(), mip: MIPSolver, wholeProgramColumnLimit: Int = 2_000, boundShare: Double = 0.1
    ) {
        self.heuristic = heuristic
        self.mip = mip
        self.wholeProgramColumnLimit = wholeProgramColumnLimit
        self.boundShare = min(max(boundShare, 0), 1)
    }

    public func solve(_ school: School, options: SolveOptions) async -> SolveResult {
        let startedAt = ContinuousClock.now
        let heuristic = heuristic
        let handOver = HandOver()
        var heuristicOptions = options
        heuristicOptions.incumbent = { [forward = options.incumbent] timetable, score in
            handOver.offer(timetable, score)
            forward?(timetable, score)
        }
        let alone = Task {
            let result = await heuristic.solve(school, options: heuristicOptions)
            handOver.finish()
            return result
        }
        // A timetable at the proven bound is optimal: the heuristic stops there.
        handOver.whenBoundMet { alone.cancel() }
        let mipLine = await withTaskCancellationHandler {
            await self.mipLine(school, options: options, startedAt: startedAt, handOver: handOver)
        } onCancel: {
            alone.cancel()
        }
        // A proven optimum needs no more search.
        if mipLine.result?.status == .optimal { alone.cancel() }
        var best = await alone.value
        if let result = mipLine.result, result.score < best.score || (result.status == .optimal && result.score == best.score) {
            best = result
        }
        best.statistics.elapsed = ContinuousClock.now - startedAt
        if let bound = mipLine.bound, best.score.isFeasible { best.record(bound: bound) }
        best.unoptimisedRules = Self.coverage.unoptimisedRules(in: school, checker: options.checker)
        return best
    }

    /// The partition bound, then for small programs the whole program from the heuristic's best
    /// timetable. Returns the best bound and the whole solve's result, if one ran.
    private func mipLine(
        _ school: School, options: SolveOptions, startedAt: ContinuousClock.Instant, handOver: HandOver
    ) async -> (bound: Int?, result: SolveResult?) {
        let deadline = options.deadline(from: startedAt)
        let checker = options.checker
        let log = mip.log ?? { _ in }
        func elapsed() -> String { String(((ContinuousClock.now - startedAt).inSeconds * 100).rounded() / 100) }
        guard school.validate().allSatisfy({ $0.severity != .error }) else { return (nil, nil) }

        var boundOptions = options
        boundOptions.deadline = Deadline(after: options.timeLimit * boundShare, from: startedAt).earlier(than: deadline)
        boundOptions.iterationLimit = nil  // the heuristic's moves; the bound is limited by its share of the time
        var bound = mip.partitionBound(of: school, options: boundOptions)?.value
        log("auto: partition bound \(bound.map(String.init) ?? "none") after \(elapsed()) s\n")
        if let bound { handOver.record(bound: bound) }

        let exact = ExactTimetabling(school: school, checker: checker)
        log("auto: program of \(exact.model.columns.count) columns and \(exact.model.rows.count) rows\n")
        guard exact.problems.isEmpty, exact.model.columns.count <= wholeProgramColumnLimit else { return (bound, nil) }
        // The whole program starts from the heuristic's best: when it has finished, or after a quarter of the time.
        let handOverTime = startedAt + (deadline.instant - startedAt) / 4
        while !handOver.isFinished, ContinuousClock.now < handOverTime, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(20))
        }
        guard let start = handOver.best, !deadline.hasPassed, !Task.isCancelled else { return (bound, nil) }
        if let bound, start.score.isFeasible, bound >= start.score.soft { return (bound, nil) }
        var whole = options
        whole.deadline = deadline
        whole.iterationLimit = nil
        let result = mip.solve(exact, options: whole, start: start.timetable)
        log(
            "auto: whole program \(result.status.rawValue) at \(result.score), bound \(result.bound.map(String.init) ?? "none"), after \(elapsed()) s\n"
        )
        if let wholeBound = result.bound { bound = max(bound ?? 0, wholeBound) }
        return (bound, result)
    }

    /// Auto keeps the better timetable of its two lines by the checker's score, so a rule either
    /// line optimises is optimised.
    public static let coverage: RuleCoverage = {
        let optimised = HeuristicSolver.coverage.optimised.union(MIPSolver.coverage.optimised)
        let left = HeuristicSolver.coverage.notOptimised.merging(MIPSolver.coverage.notOptimised) { first, _ in first }
        return RuleCoverage(engine: "auto", layer: .base, optimised: optimised, notOptimised: left.filter { !optimised.contains($0.key) })
    }()
}

/// The heuristic line's best timetable so far, for the MIP line to start from, and the MIP line's
/// bound: when the best timetable is feasible and meets it, no timetable is better, and the
/// heuristic is stopped.
private final class HandOver: Sendable {
    private struct State {
        var best: (timetable: Timetable, score: Score)?
        var finished = false
        var bound: Int?
        var stop: (@Sendable () -> Void)?
    }

    private let state = Mutex(State())

    func offer(_ timetable: Timetable, _ score: Score) {
        let stop = state.withLock { state -> (@Sendable () -> Void)? in
            if state.best.map({ score < $0.score }) ?? true { state.best = (timetable, score) }
            return Self.stopIfBoundMet(&state)
        }
        stop?()
    }

    func finish() { state.withLock { $0.finished = true } }

    func record(bound: Int) {
        let stop = state.withLock { state -> (@Sendable () -> Void)? in
            state.bound = max(state.bound ?? 0, bound)
            return Self.stopIfBoundMet(&state)
        }
        stop?()
    }

    /// Calls `stop` once, when the best timetable meets the bound.
    func whenBoundMet(_ stop: @escaping @Sendable () -> Void) { state.withLock { $0.stop = stop } }

    var best: (timetable: Timetable, score: Score)? { state.withLock { $0.best } }
    var isFinished: Bool { state.withLock { $0.finished } }

    /// The stop to call (taken, so that it runs once) when the best timetable is feasible and at the bound.
    private static func stopIfBoundMet(_ state: inout State) -> (@Sendable () -> Void)? {
        guard let best = state.best, let bound = state.bound, best.score.isFeasible, best.score.soft <= bound else { return nil }
        defer { state.stop = nil }
        return state.stop
    }
}
