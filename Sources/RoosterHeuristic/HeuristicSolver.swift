import RoosterModel
import RoosterRules
import RoosterSolving

/// Rooster's native solver: no external library, any size, best timetable so far at any moment.
///
/// Each search builds a timetable greedily and improves it by simulated annealing over moves,
/// swaps, Kempe chains and room changes, with incremental scoring (see ``AnnealingSearch``). With
/// `threads` > 1 the searches (seeds `seed`, `seed + 1`, …) run in parallel in rounds, and between
/// rounds the worse ones continue from the best one's timetable (``CooperativeSearch``); the best
/// timetable of all wins. With an iteration limit a solve is repeatable for its seed, thread count
/// and limit; with only a time limit the number of moves, and so the result, depends on the machine.
///
/// The result's score always comes from the ``RoosterRules/Checker``. The solver places the base
/// timetable (lessons, rooms); enrolment and coach conversations are later layers.
///
/// ```swift
/// let result = await HeuristicSolver().solve(school, options: SolveOptions(timeLimit: .seconds(10), seed: 7))
/// print(result.status, result.score)   // feasible 0 hard, 41 soft
/// ```
public struct HeuristicSolver: TimetableSolver {
    /// Verify every incremental delta against a full recomputation, and regularly against the
    /// checker; very slow, for tests. Mismatches are counted in ``RoosterSolving/SolveStatistics/deltaMismatches``.
    public var verifiesDeltas: Bool
    /// Annealing temperature at the start, in units of soft cost. The default 30 accepts a move
    /// that adds one isolated lesson and one missing working day (cost 7 in ITC 2007) about four
    /// times in five: hot enough to leave the first feasible timetable's neighbourhood on tightly
    /// constrained schools (ITC comp05, four seeds of 60 s: median 356 against 616 with a start of 3).
    public var startTemperature: Double
    /// Annealing temperature at the end; the temperature falls geometrically in between.
    public var endTemperature: Double

    /// Cost of one hard violation in soft units during the search. High values keep the search in
    /// feasible timetables; lower ones let it pass through infeasible ones. The best timetable is
    /// always chosen hard violations first.
    public var hardWeight: Int

    /// With more than one thread, whether the searches share their best current timetable between
    /// rounds (``CooperativeSearch``) instead of running apart and keeping the best at the end.
    public var cooperates: Bool
    /// Rounds of a cooperative solve; the searches may exchange timetables at the end of each.
    public var exchangeRounds: Int
    /// The share of the rounds before the first exchange (0: from the first round on).
    public var exchangeFrom: Double

    public init(
        verifiesDeltas: Bool = false, startTemperature: Double = 30, endTemperature: Double = 0.05, hardWeight: Int = 10_000,
        cooperates: Bool = true, exchangeRounds: Int = 20, exchangeFrom: Double = 0.5
    ) {
        self.verifiesDeltas = verifiesDeltas
        self.cooperates = cooperates
        self.exchangeRounds = max(exchangeRounds, 1)
        self.exchangeFrom = min(max(exchangeFrom, 0), 1)
        self.hardWeight = hardWeight
        self.startTemperature = startTemperature
        self.endTemperature = endTemperature
    }

    /// The heuristic's cost mirrors every rule of the base timetable: the hard rules as hard cost
    /// or by construction (segments, pins, room kinds, clusters, occurrence counts), the soft rules
    /// as incremental terms (``SearchState``).
    public static let coverage = RuleCoverage(
        engine: "heuristic", layer: .base,
        optimised: [
            .lessonCount, .teacherConflict, .groupConflict, .roomConflict, .teacherAvailability, .groupAvailability,
            .roomAvailability, .lessonAvailability, .allowedSegment, .pinnedTime, .roomAssignment, .clusterTogether, .maxPerDay,
            .lessonsApart, .teacherMaxPeriodsPerDay, .teacherMaxDays, .teamTime, .choiceSeats,
            .roomCapacity, .minWorkingDays, .lessonsApartPreferred, .isolatedLessons, .roomStability, .teacherGaps, .groupGaps,
            .teacherUnwantedTime, .teacherExtraDays, .teacherShortDays, .dailyLessons, .timeChanges, .roomChanges,
        ])

    public func solve(_ school: School, options: SolveOptions) async -> SolveResult {
        var result = await search(school, options: options)
        result.unoptimisedRules = Self.coverage.unoptimisedRules(in: school, checker: options.checker)
        return result
    }

    private func search(_ school: School, options: SolveOptions) async -> SolveResult {
        let startedAt = ContinuousClock.now
        let checker = options.checker
        let errors = school.validate().filter { $0.severity == .error }
        guard errors.isEmpty else { return .rejecting(school, errors: errors, checker: checker) }
        let problem = SearchProblem(school: school, checker: checker)
        let proofs = problem.problems + problem.fixedConflicts()
        guard proofs.isEmpty else {
            return SolveResult(
                status: .infeasible, timetable: Timetable(), report: checker.check(Timetable(), against: school),
                statistics: SolveStatistics(), diagnostics: proofs)
        }
        let deadline = options.deadline(from: startedAt)
        let verify = verifiesDeltas
        // A re-solve repairs instead of exploring: it starts cold enough that a change without a gain
        // (a lesson moved in time or room) is rarely accepted: about once in 150 tries.
        let changeWeight = [problem.weight(.timeChanges), problem.weight(.roomChanges)].filter { $0 > 0 }.min().map(Double.init)
        let start = problem.compiled.reference != nil ? min(startTemperature, (changeWeight ?? startTemperature * 5) / 5) : startTemperature
        let temperatures = (start: start, end: min(endTemperature, start))
        let hardWeight = hardWeight
        // One problem per search: searches on different cores that read one shared problem contend
        // for its objects' reference counts (measured: a fifth fewer moves per search on two cores).
        let problems = [problem] + (1..<max(options.threads, 1)).map { _ in SearchProblem(school: school, checker: checker) }
        let searches = problems.enumerated().map { index, problem in
            AnnealingSearch(
                problem: problem, seed: options.seed &+ UInt64(index), temperatures: temperatures, hardWeight: hardWeight,
                verify: verify, checker: checker)
        }
        let schedule = AnnealingSearch.Limit(deadline: deadline, iterations: options.iterationLimit)
        let finished: [AnnealingSearch]
        if cooperates {
            let incumbent = options.incumbent
            finished = await CooperativeSearch(rounds: exchangeRounds, exchangeFrom: exchangeFrom).run(
                searches, schedule: schedule, startedAt: startedAt, progress: options.progress,
                improved: incumbent.map { incumbent in
                    { outcome in
                        // The checker's score, not the search's: the two differ on rules the search does not model.
                        let timetable = problem.timetable(starts: outcome.startOption, rooms: outcome.rooms)
                        incumbent(timetable, checker.check(timetable, against: problem.compiled).score)
                    }
                })
        } else {
            finished = await withTaskGroup(of: (Int, AnnealingSearch).self) { group in
                for (index, search) in searches.enumerated() {
                    let progress = index == 0 ? options.progress : nil
                    group.addTask {
                        var search = search
                        _ = search.run(deadline: deadline, iterationLimit: schedule.iterations, startedAt: startedAt, progress: progress)
                        return (index, search)
                    }
                }
                var done: [(Int, AnnealingSearch)] = []
                for await search in group { done.append(search) }
                return done.sorted { $0.0 < $1.0 }.map(\.1)
            }
        }
        let outcomes = finished.map(\.outcome)
        guard let best = outcomes.min(by: { $0.score < $1.score }) else {
            return SolveResult(
                status: .limitReached, timetable: Timetable(), report: checker.check(Timetable(), against: school),
                statistics: SolveStatistics())
        }
        let timetable = problem.timetable(starts: best.startOption, rooms: best.rooms)
        let report = checker.check(timetable, against: problem.compiled)
        var statistics = SolveStatistics()
        statistics.iterations = outcomes.reduce(0) { $0 + $1.iterations }
        statistics.elapsed = ContinuousClock.now - startedAt
        let seconds = statistics.elapsed.inSeconds
        statistics.movesPerSecond = seconds > 0 ? Double(statistics.iterations) / seconds : 0
        statistics.timeToFirstFeasible = outcomes.compactMap(\.timeToFirstFeasible).min()
        statistics.history = best.history
        statistics.deltaMismatches = outcomes.reduce(0) { $0 + $1.deltaMismatches }
        let status: SolveStatus = report.score.isFeasible ? (report.score == .zero ? .optimal : .feasible) : .limitReached
        return SolveResult(status: status, timetable: timetable, report: report, statistics: statistics)
    }
}
