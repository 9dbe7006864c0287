// Scaling series of the heuristic on generated bioritme schools: time to the first feasible
// timetable, final score, moves per second and peak memory, one school size per process run.
//
//   swift run -c release --package-path Benchmarks scaling-benchmark STUDENTS [SECONDS] [SEED] [WRITE_SCHOOL.yaml]
//
// Peak memory is the process's maximum resident set size (getrusage), so run one size per process.
import BenchmarkSupport
import Foundation
import Rooster

let arguments = PositionalArguments(Array(CommandLine.arguments.dropFirst()), names: ["STUDENTS", "SECONDS", "SEED", "WRITE_SCHOOL.yaml"])
let students = arguments.value(0, default: 600, in: BenchmarkRange.students) { Int($0) }
let limit = arguments.value(1, default: 60, in: BenchmarkRange.seconds) { Double($0) }
let seed = arguments.value(2, default: 1, in: BenchmarkRange.seed) { UInt64($0) }

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

let school = BaseSchoolGenerator(students: students, seed: seed).make()
if let path = arguments.text(3) {
    orStop(path) { try SchoolFile.write(school, to: URL(fileURLWithPath: path), as: .yaml) }
}
let errors = school.validate().filter { $0.severity == .error }
if !errors.isEmpty {
    for error in errors.prefix(5) { print(error) }
    exit(2)
}
let result = await HeuristicSolver().solve(school, options: SolveOptions(timeLimit: .milliseconds(Int64(limit * 1000)), seed: seed))
var usage = rusage()
getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
let peakMB = Double(usage.ru_maxrss) / 1024  // Linux reports kilobytes
let placements = result.timetable.placements.count
let feasible = result.statistics.timeToFirstFeasible.map { String(format: "%.2f", seconds($0)) } ?? "not within limit"
print(
    "| \(students) | \(school.groups.count) | \(school.teachers.count) | \(school.rooms.count) | \(placements) | \(feasible) | "
        + "(\(result.score.hard), \(result.score.soft)) | \(Int(result.statistics.movesPerSecond)) | \(String(format: "%.0f", peakMB)) |")
