// Runs the heuristic on the ITC 2007 instances with several seeds, one core each, and prints a
// Markdown table: best known, median and best cost, gap, time to first feasible, moves per second.
//
//   swift run -c release --package-path Benchmarks heuristic-benchmark \
//       [--data ../shared/data/itc2007-ctt] [--seconds 300] [--seeds 1,2,3] [--instances comp01,comp07] \
//       [--parallel 2] [--threads 2] [--independent true] [--rounds 20] [--exchange-from 0.5] [--iterations N] \
//       [--t0 30] [--tend 0.05] [--hard-weight 10000]
//
// --threads: searches per run (cooperating, or apart with --independent true); --parallel: runs at a time.
// --iterations: moves per search instead of a time limit (--seconds is then only a safety limit).
import BenchmarkSupport
import Foundation
import Rooster

struct Settings {
    var data = "../shared/data/itc2007-ctt"
    var seconds = 300.0
    var seeds: [UInt64] = [1, 2, 3, 4, 5]
    var instances = (1...7).map { "comp0\($0)" }
    var parallel = 1
    var t0 = HeuristicSolver().startTemperature
    var tEnd = HeuristicSolver().endTemperature
    var hardWeight = HeuristicSolver().hardWeight
    var threads = 1
    var cooperates = true
    var rounds = HeuristicSolver().exchangeRounds
    var exchangeFrom = HeuristicSolver().exchangeFrom
    var iterations: Int?

    init(_ arguments: [String]) {
        for (flag, value) in flagPairs(arguments) {
            switch flag {
            case "--data": data = value
            case "--seconds": seconds = parsed(value, for: flag, in: BenchmarkRange.seconds) { Double($0) }
            case "--seeds": seeds = parsedList(value, for: flag, in: BenchmarkRange.seed) { UInt64($0) }
            case "--instances": instances = value.split(separator: ",").map(String.init)
            case "--parallel": parallel = parsed(value, for: flag, in: BenchmarkRange.cores) { Int($0) }
            case "--t0": t0 = parsed(value, for: flag, in: BenchmarkRange.temperature) { Double($0) }
            case "--tend": tEnd = parsed(value, for: flag, in: BenchmarkRange.temperature) { Double($0) }
            case "--hard-weight": hardWeight = parsed(value, for: flag, in: BenchmarkRange.hardWeight) { Int($0) }
            case "--threads": threads = parsed(value, for: flag, in: BenchmarkRange.cores) { Int($0) }
            case "--independent": cooperates = parsed(value, for: flag, from: ["true", "false"]) == "false"
            case "--rounds": rounds = parsed(value, for: flag, in: BenchmarkRange.rounds) { Int($0) }
            case "--exchange-from": exchangeFrom = parsed(value, for: flag, in: BenchmarkRange.share) { Double($0) }
            case "--iterations": iterations = parsed(value, for: flag, in: BenchmarkRange.moves) { Int($0) }
            default: reportUnknownFlag(flag)
            }
        }
    }
}

/// Best known UD2 costs and the ITC 2007 winner's averages (../shared/BENCHMARKS.md).
let reference: [String: (best: Int, winner: Double)] = [
    "comp01": (5, 5.0), "comp02": (24, 61.3), "comp03": (62, 94.8), "comp04": (35, 42.8),
    "comp05": (284, 343.5), "comp06": (27, 56.8), "comp07": (6, 33.9),
]

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

struct Run: Sendable {
    var score: Score
    var feasibleAfter: Double?
    var movesPerSecond: Double
}

let settings = Settings(Array(CommandLine.arguments.dropFirst()))
print(
    "Heuristic, \(Int(settings.seconds)) s per run, \(settings.threads) thread(s)"
        + (settings.threads > 1
            ? (settings.cooperates ? ", cooperating in \(settings.rounds) rounds from \(settings.exchangeFrom)" : ", independent") : "")
        + (settings.iterations.map { ", \($0) moves per search" } ?? "")
        + ", seeds \(settings.seeds.map(String.init).joined(separator: ",")), "
        + "T0 \(settings.t0), Tend \(settings.tEnd), hard weight \(settings.hardWeight)\n")
print("| instance | best known | winner avg | median | best | gap (median) | first feasible (median s) | moves/s |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for instance in settings.instances {
    guard let school = loadITCInstance(instance, from: settings.data) else { continue }
    let solver = HeuristicSolver(
        startTemperature: settings.t0, endTemperature: settings.tEnd, hardWeight: settings.hardWeight, cooperates: settings.cooperates,
        exchangeRounds: settings.rounds, exchangeFrom: settings.exchangeFrom)
    var runs: [Run] = []
    for batch in stride(from: 0, to: settings.seeds.count, by: settings.parallel) {
        let seeds = settings.seeds[batch..<min(batch + settings.parallel, settings.seeds.count)]
        runs += await withTaskGroup(of: Run.self) { group in
            for seed in seeds {
                group.addTask {
                    let result = await solver.solve(
                        school,
                        options: SolveOptions(
                            timeLimit: .milliseconds(Int64(settings.seconds * 1000)), iterationLimit: settings.iterations, seed: seed,
                            threads: settings.threads))
                    return Run(
                        score: result.score, feasibleAfter: result.statistics.timeToFirstFeasible.map(seconds),
                        movesPerSecond: result.statistics.movesPerSecond)
                }
            }
            var collected: [Run] = []
            for await run in group { collected.append(run) }
            return collected
        }
    }
    let feasible = runs.filter { $0.score.isFeasible }.map(\.score.soft).sorted()
    let median = feasible.isEmpty ? nil : feasible[feasible.count / 2]
    let best = feasible.first
    let known = reference[instance]
    var gap: Double?
    if let median, let known {
        let bestKnown = Double(known.best)
        gap = (Double(median) - bestKnown) / max(bestKnown, 1)
    }
    let times = runs.compactMap(\.feasibleAfter).sorted()
    let knownText: String = known.map { "\($0.best)" } ?? "–"
    let winnerText: String = known.map { String(format: "%.1f", $0.winner) } ?? "–"
    let medianText: String = median.map { "\($0)" } ?? "infeasible"
    let bestText: String = best.map { "\($0)" } ?? "–"
    let gapText: String = gap.map { String(format: "%.2f", $0) } ?? "–"
    let timeText: String = times.isEmpty ? "–" : String(format: "%.3f", times[times.count / 2])
    let moves: Double = runs.map(\.movesPerSecond).reduce(0, +) / Double(max(runs.count, 1))
    let row: [String] = [instance, knownText, winnerText, medianText, bestText, gapText, timeText, String(format: "%.0f", moves)]
    print("| " + row.joined(separator: " | ") + " |")
}
