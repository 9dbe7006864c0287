import RoosterRules
import RoosterSolving

/// Annealing searches on several cores that share their work.
///
/// The searches run in rounds, each cooling over the whole solve, not per round. In the second
/// half, at the end of each round, every search whose current timetable scores worse than the best
/// current one among them continues from that one; each keeps its own random stream, so they fan
/// out again from the shared timetable. This is the synchronous parallel annealing with multiple
/// Markov chains of Lee and Lee ("Synchronous and asynchronous parallel simulated annealing with
/// multiple Markov chains", IEEE Transactions on Parallel and Distributed Systems 7, 1996): the
/// worse chains are dropped for the better one, so the cores select among continuations instead of
/// running searches that never meet. The rounds also hand the best timetable so far to the caller
/// (``HeuristicSolver`` passes it on as ``RoosterSolving/SolveOptions/incumbent``).
///
/// With an iteration limit the rounds end at fixed move counts, so a solve is repeatable for its
/// seed, thread count and limit; with only a time limit they end at fixed fractions of the time.
struct CooperativeSearch {
    /// Rounds over the whole solve; the searches exchange timetables between rounds.
    let rounds: Int
    /// The share of the rounds before the first exchange: the searches explore apart while they
    /// are hot and share only as they cool (measured on four ITC instances: exchanging from the
    /// start was no better; see Benchmarks/README.md). ``HeuristicSolver/exchangeFrom`` sets it.
    let exchangeFrom: Double

    /// One search, used by one task at a time: each round hands it to a task and waits for all.
    private final class Worker: @unchecked Sendable {
        var search: AnnealingSearch
        init(_ search: AnnealingSearch) { self.search = search }
    }

    /// Runs `searches` (one per core) from construction to the end of `schedule`; returns them
    /// in the order given, each with its outcome. `improved` hears of each better timetable at the
    /// end of a round.
    func run(
        _ searches: [AnnealingSearch], schedule: AnnealingSearch.Limit, startedAt: ContinuousClock.Instant,
        progress: (@Sendable (SolveProgress) -> Void)?, improved: ((AnnealingSearch.Outcome) -> Void)? = nil
    ) async -> [AnnealingSearch] {
        let workers = searches.map(Worker.init)
        await inParallel(workers) { worker, _ in worker.search.begin(schedule: schedule, startedAt: startedAt) }
        var reported: Score?
        func report() {
            guard let improved, let best = workers.map(\.search.outcome).min(by: { $0.score < $1.score }),
                reported.map({ best.score < $0 }) ?? true
            else { return }
            reported = best.score
            improved(best)
        }
        report()
        let rounds = max(rounds, 1)
        for round in 1...rounds {
            if workers.contains(where: { $0.search.isFinished && $0.search.outcome.score == .zero }) { break }
            let stop = round == rounds ? schedule : roundEnd(round, of: rounds, schedule: schedule, startedAt: startedAt)
            await inParallel(workers) { worker, index in
                worker.search.anneal(until: stop, schedule: schedule, startedAt: startedAt, progress: index == 0 ? progress : nil)
            }
            report()
            if Task.isCancelled || schedule.deadline.hasPassed || workers.allSatisfy(\.search.isFinished) { break }
            if Double(round) >= exchangeFrom * Double(rounds) { exchange(workers) }
        }
        return workers.map(\.search)
    }

    /// Where round `round` ends: that share of the schedule's moves, or of its time.
    private func roundEnd(
        _ round: Int, of rounds: Int, schedule: AnnealingSearch.Limit, startedAt: ContinuousClock.Instant
    ) -> AnnealingSearch.Limit {
        if let iterations = schedule.iterations {
            return AnnealingSearch.Limit(deadline: schedule.deadline, iterations: iterations / rounds * round)
        }
        let instant = startedAt + (schedule.deadline.instant - startedAt) * (Double(round) / Double(rounds))
        return AnnealingSearch.Limit(deadline: Deadline(instant), iterations: nil)
    }

    /// Every search whose current timetable scores worse than the best current one continues from
    /// that one (the first of equals, so the exchange does not depend on which task ended first).
    private func exchange(_ workers: [Worker]) {
        var leader = 0
        var best = workers[0].search.score
        for index in workers.indices.dropFirst() {
            let score = workers[index].search.score
            if score < best { (leader, best) = (index, score) }
        }
        let leading = workers[leader].search
        for worker in workers where worker.search.score > best { worker.search.adopt(leading) }
    }

    /// Runs `body` on every worker in a task of its own and waits for all of them.
    private func inParallel(_ workers: [Worker], _ body: @escaping @Sendable (Worker, Int) -> Void) async {
        await withTaskGroup(of: Void.self) { group in
            for (index, worker) in workers.enumerated() { group.addTask { body(worker, index) } }
        }
    }
}
