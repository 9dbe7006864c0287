import RoosterHeuristic
import RoosterMIP
import RoosterModel
import RoosterRules
import RoosterSolving

/// The default solver: the heuristic finds a timetable, then the MIP solver starts from it.
///
/// Two lines of search run side by side (one core each): the heuristic alone for the whole time
/// limit, exactly as ``RoosterHeuristic/HeuristicSolver`` would run with the same options, and the
/// MIP line (GLPK, or any ``RoosterMIP/MIPBackend``):
///
/// 1. The native heuristic runs for half the time (seed + 1).
/// 2. Large-neighbourhood search: the backend re-optimises the starts of a few days, or of the lessons
///    around a few teachers and groups, with everything else fixed — until the end for large
///    programs, for a quarter of the rest for small ones.
/// 3. When the start program is small enough, the backend then solves it whole with the best timetable
///    as first incumbent: this proves a bound, and on small schools (comp01 among them) the optimum.
///
/// The answer is the better timetable of the two lines by the checker's score, so auto is never
/// worse than the heuristic alone with the same options (given a second core; on one core the two
/// lines share it). The bound comes from the MIP line.
public struct AutoSolver: TimetableSolver {
    public var heuristic: HeuristicSolver
    public var mip: MIPSolver
    /// Start programs with more columns than this skip the whole-program phase.
    public var wholeProgramColumnLimit: Int

    public init(heuristic: HeuristicSolver = HeuristicSolver(), mip: MIPSolver, wholeProgramColumnLimit: Int = 20_000) {
        self.heuristic = heuristic
        self.mip = mip
        self.wholeProgramColumnLimit = wholeProgramColumnLimit
    }

    public func solve(_ school: School, options: SolveOptions) async -> SolveResult {
        let startedAt = ContinuousClock.now
        let heuristic = heuristic
        let alone = Task { await heuristic.solve(school, options: options) }
        var viaMIP = options
        viaMIP.seed = options.seed &+ 1
        viaMIP.progress = nil
        var best = await withTaskCancellationHandler {
            await mipLine(school, options: viaMIP, startedAt: startedAt)
        } onCancel: {
            alone.cancel()
        }
        // A proven optimum needs no more search.
        if best.status == .optimal { alone.cancel() }
        let heuristicResult = await alone.value
        if heuristicResult.score < best.score || best.timetable.placements.isEmpty {
            let bound = best.bound
            best = heuristicResult
            best.bound = bound
        }
        best = finished(best, startedAt, bound: best.bound)
        best.unoptimisedRules = Self.coverage.unoptimisedRules(in: school, checker: options.checker)
        return best
    }

    /// The heuristic for half the time, then the MIP solver from its timetable.
    private func mipLine(_ school: School, options: SolveOptions, startedAt: ContinuousClock.Instant) async -> SolveResult {
        let deadline = options.deadline(from: startedAt)
        var heuristicOptions = options
        heuristicOptions.deadline = Deadline(after: options.timeLimit / 2, from: startedAt).earlier(than: deadline)
        var best = await heuristic.solve(school, options: heuristicOptions)
        guard best.status == .feasible || best.status == .limitReached, !Task.isCancelled else { return finished(best, startedAt) }

        let checker = options.checker
        let log = mip.log ?? { _ in }
        func elapsed() -> String {
            String(((ContinuousClock.now - startedAt).inSeconds * 100).rounded() / 100)
        }
        log("auto: heuristic line at \(best.score) after \(elapsed()) s\n")
        let exact = ExactTimetabling(school: school, checker: checker)
        log("auto: program of \(exact.model.columns.count) columns and \(exact.model.rows.count) rows built after \(elapsed()) s\n")
        guard exact.problems.isEmpty, !deadline.hasPassed else { return finished(best, startedAt) }
        var bound: Int?
        let small = exact.model.columns.count <= wholeProgramColumnLimit
        let roomReserve = MIPSolver.roomReserve(until: deadline, from: startedAt)
        // 1. Neighbourhoods: until the end for large programs; for small ones a quarter of what is
        //    left, so that the whole solve after them starts from a better incumbent.
        let neighbourhoodEnd = small ? deadline.reserving(roomReserve).share(0.25) : deadline.reserving(roomReserve)
        if let start = exact.values(of: best.timetable, runner: mip.runner(deadline: deadline)), !neighbourhoodEnd.hasPassed {
            log("auto: neighbourhood search from cost \(Int(exact.model.objective(of: start).rounded())) after \(elapsed()) s\n")
            let improved = exact.improve(
                start, until: neighbourhoodEnd, seed: options.seed, runner: mip.runner(deadline: deadline), log: log)
            log("auto: neighbourhood search ends at cost \(Int(exact.model.objective(of: improved).rounded())) after \(elapsed()) s\n")
            if exact.model.objective(of: improved) < exact.model.objective(of: start) - 0.5 {
                let timetable = exact.timetable(
                    from: improved, runner: mip.roomRunner(until: deadline, reserve: roomReserve), preferring: best.timetable)
                let report = checker.check(timetable, against: school)
                log("auto: rooms assigned, \(report.score) after \(elapsed()) s\n")
                if report.score < best.score {
                    best = SolveResult(
                        status: report.score.isFeasible ? .feasible : .limitReached, timetable: timetable, report: report,
                        statistics: best.statistics)
                }
            }
        }
        // 2. Small programs: the whole program from the best timetable, for the bound or the proof.
        if small, !deadline.hasPassed, !Task.isCancelled {
            var whole = options
            whole.deadline = deadline
            whole.iterationLimit = nil  // the heuristic's moves; the MIP line is bounded by the deadline
            let result = mip.solve(exact, options: whole, start: best.timetable)
            log(
                "auto: whole program \(result.status.rawValue) at \(result.score), bound \(result.bound.map(String.init) ?? "none"), after \(elapsed()) s\n"
            )
            bound = result.bound
            if result.score < best.score || (result.status == .optimal && result.score == best.score) { best = result }
        }
        return finished(best, startedAt, bound: bound)
    }

    /// Auto keeps the better timetable of its two lines by the checker's score, so a rule either
    /// line optimises is optimised: the MIP line's neighbourhoods cannot trade it away unseen.
    public static let coverage: RuleCoverage = {
        let optimised = HeuristicSolver.coverage.optimised.union(MIPSolver.coverage.optimised)
        let left = HeuristicSolver.coverage.notOptimised.merging(MIPSolver.coverage.notOptimised) { first, _ in first }
        return RuleCoverage(engine: "auto", layer: .base, optimised: optimised, notOptimised: left.filter { !optimised.contains($0.key) })
    }()

    private func finished(_ result: SolveResult, _ startedAt: ContinuousClock.Instant, bound: Int? = nil) -> SolveResult {
        var result = result
        result.statistics.elapsed = ContinuousClock.now - startedAt
        if let bound { result.bound = min(bound, result.score.soft) }
        if result.score.isFeasible, let bound, bound >= result.score.soft { result.status = .optimal }
        return result
    }
}
