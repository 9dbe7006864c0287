// Lower bounds on the ITC 2007 instances: GLPK's partition bound (one program per curriculum,
// `MIPSolver.partitionBound`) against the best known costs and published lower bounds. Prints a
// Markdown table: parts, parts solved to optimality, bound, seconds.
//
//   swift run -c release --package-path Benchmarks bound-benchmark \
//       [--data ../shared/data/itc2007-ctt] [--seconds 60] [--instances comp01,comp07]
import BenchmarkSupport
import Foundation
import Rooster
import RoosterGLPK

struct Settings {
    var data = "../shared/data/itc2007-ctt"
    var seconds = 60.0
    var instances = (1...7).map { "comp0\($0)" }

    init(_ arguments: [String]) {
        for (flag, value) in flagPairs(arguments) {
            switch flag {
            case "--data": data = value
            case "--seconds": seconds = parsed(value, for: flag, in: BenchmarkRange.seconds) { Double($0) }
            case "--instances": instances = value.split(separator: ",").map(String.init)
            default: reportUnknownFlag(flag)
            }
        }
    }
}

/// Best known UD2 costs (../shared/BENCHMARKS.md).
let bestKnown: [String: Int] = ["comp01": 5, "comp02": 24, "comp03": 62, "comp04": 35, "comp05": 284, "comp06": 27, "comp07": 6]

let settings = Settings(Array(CommandLine.arguments.dropFirst()))
print("Partition bound, at most \(Int(settings.seconds)) s per instance on one core\n")
print("| instance | best known | parts | solved | bound | seconds |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
let logsParts = ProcessInfo.processInfo.environment["BOUND_LOG"] != nil
let log: @Sendable (String) -> Void = { line in if logsParts { FileHandle.standardError.write(Data(line.utf8)) } }
let solver = MIPSolver(backend: GLPKBackend(), log: log)
for instance in settings.instances {
    guard let school = loadITCInstance(instance, from: settings.data) else { continue }
    let start = ContinuousClock.now
    let bound = solver.partitionBound(of: school, options: SolveOptions(timeLimit: .milliseconds(Int64(settings.seconds * 1000))))
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    let known: String = bestKnown[instance].map(String.init) ?? "–"
    let parts: String = bound.map { "\($0.parts)" } ?? "–"
    let solved: String = bound.map { "\($0.partsSolved)" } ?? "–"
    let value: String = bound.map { "\($0.value)" } ?? "none"
    let row: [String] = [instance, known, parts, solved, value, String(format: "%.1f", seconds)]
    print("| " + row.joined(separator: " | ") + " |")
}
