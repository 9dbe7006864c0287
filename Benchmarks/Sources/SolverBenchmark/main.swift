// Compares the solvers at the same time limit: heuristic, GLPK and auto, on the ITC 2007
// instances and on generated bioritme schools. Prints a Markdown table: cost, bound, gap, seconds.
//
//   swift run -c release --package-path Benchmarks solver-benchmark \
//       [--data ../shared/data/itc2007-ctt] [--seconds 60] [--seed 1] [--modes heuristic,glpk,auto] \
//       [--instances comp01,comp02,gen200,gen600] [--parallel 2] [--threads 2] [--seeds 1,2,3]
//
// `genN` is a generated bioritme school of about N students (Benchmarks/Sources/BenchmarkSupport),
// generated with --seed whatever --seeds lists, so that the seeds vary only the search.
// Each run uses `--threads` searches (default one; auto adds its GLPK line); with --parallel 2 two
// runs share the machine. With --seeds every instance and mode runs once per seed, one row each.
import BenchmarkSupport
import Foundation
import Rooster
import RoosterGLPK

struct Settings {
    var data = "../shared/data/itc2007-ctt"
    var seconds = 60.0
    var seed: UInt64 = 1
    /// The solvers this benchmark can run, each by its `rooster solve --solver` name.
    static let modes = ["heuristic", "glpk", "auto"]
    var modes = Settings.modes
    var instances = (1...7).map { "comp0\($0)" } + ["gen200", "gen600", "gen1200", "gen2400"]
    var parallel = 1
    var threads = 1
    var seeds: [UInt64] = []

    init(_ arguments: [String]) {
        for (flag, value) in flagPairs(arguments) {
            switch flag {
            case "--data": data = value
            case "--seconds": seconds = parsed(value, for: flag, in: BenchmarkRange.seconds) { Double($0) }
            case "--seed": seed = parsed(value, for: flag, in: BenchmarkRange.seed) { UInt64($0) }
            case "--modes": modes = parsedList(value, for: flag, from: Self.modes)
            case "--instances": instances = value.split(separator: ",").map(String.init)
            case "--parallel": parallel = parsed(value, for: flag, in: BenchmarkRange.cores) { Int($0) }
            case "--threads": threads = parsed(value, for: flag, in: BenchmarkRange.cores) { Int($0) }
            case "--seeds": seeds = parsedList(value, for: flag, in: BenchmarkRange.seed) { UInt64($0) }
            default: reportUnknownFlag(flag)
            }
        }
    }
}

/// Best known UD2 costs (../shared/BENCHMARKS.md).
let bestKnown: [String: Int] = ["comp01": 5, "comp02": 24, "comp03": 62, "comp04": 35, "comp05": 284, "comp06": 27, "comp07": 6]

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

func load(_ instance: String, _ settings: Settings) throws -> School {
    if instance.hasPrefix("gen"), let students = Int(instance.dropFirst(3)), BenchmarkRange.students.contains(students) {
        return BaseSchoolGenerator(students: students, seed: settings.seed).make()
    }
    return try SchoolFile.load(URL(fileURLWithPath: "\(settings.data)/\(instance).ctt")).school
}

func solver(_ mode: String) -> any TimetableSolver {
    switch mode {
    case "glpk": MIPSolver(backend: GLPKBackend())
    case "auto": AutoSolver(mip: MIPSolver(backend: GLPKBackend()))
    default: HeuristicSolver()
    }
}

/// Writes a line at once (print is buffered until exit when stdout is a file).
func emit(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

let settings = Settings(Array(CommandLine.arguments.dropFirst()))
let seeds = settings.seeds.isEmpty ? [settings.seed] : settings.seeds
emit(
    "Solvers at \(Int(settings.seconds)) s per run, \(settings.threads) thread(s), seeds \(seeds.map(String.init).joined(separator: ",")), "
        + "\(settings.parallel) run(s) at a time\n")
emit("| instance | best known | mode | seed | status | hard | soft | bound | gap | seconds |")
emit("| --- | ---: | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
let jobs = settings.instances.flatMap { instance in settings.modes.flatMap { mode in seeds.map { (instance, mode, $0) } } }
for batch in stride(from: 0, to: jobs.count, by: settings.parallel) {
    let rows = await withTaskGroup(of: (Int, String).self) { group in
        for index in batch..<min(batch + settings.parallel, jobs.count) {
            let (instance, mode, seed) = jobs[index]
            group.addTask {
                guard let school = try? load(instance, settings) else { return (index, "| \(instance) | cannot load |") }
                let options = SolveOptions(
                    timeLimit: .milliseconds(Int64(settings.seconds * 1000)), seed: seed, threads: settings.threads)
                let result = await solver(mode).solve(school, options: options)
                let cells: [String] = [
                    instance, bestKnown[instance].map(String.init) ?? "–", mode, "\(seed)", result.status.rawValue, "\(result.score.hard)",
                    "\(result.score.soft)", result.bound.map(String.init) ?? "–", result.gap.map { String(format: "%.2f", $0) } ?? "–",
                    String(format: "%.1f", seconds(result.statistics.elapsed)),
                ]
                return (index, "| " + cells.joined(separator: " | ") + " |")
            }
        }
        var rows: [(Int, String)] = []
        for await row in group { rows.append(row) }
        return rows.sorted { $0.0 < $1.0 }.map(\.1)
    }
    for row in rows { emit(row) }
}
