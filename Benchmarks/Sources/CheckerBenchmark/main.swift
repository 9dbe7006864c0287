// Times reading, validating and checking (full scoring) of the ITC 2007 instances and the bundled
// examples, and prints a Markdown table. The full check is what every solver move would cost without
// incremental scoring, so it is the baseline an incremental scorer must beat.
//
//   swift run -c release --package-path Benchmarks checker-benchmark [ITC_FOLDER] [REPETITIONS]
import BenchmarkSupport
import Foundation
import Rooster

let arguments = PositionalArguments(Array(CommandLine.arguments.dropFirst()), names: ["ITC_FOLDER", "REPETITIONS"])
let itcFolder = arguments.text(0) ?? "../shared/data/itc2007-ctt"
let repetitions = arguments.value(1, default: 20, in: BenchmarkRange.repetitions) { Int($0) }

/// Median wall-clock milliseconds of `body` over the repetitions.
func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    var samples: [Double] = []
    for _ in 0..<repetitions {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        samples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
    }
    return samples.sorted()[samples.count / 2]
}

struct Case {
    var name: String
    var school: URL
    var timetable: URL
}

var cases: [Case] = (1...7).map { n in
    Case(
        name: "comp0\(n)", school: URL(fileURLWithPath: "\(itcFolder)/comp0\(n).ctt"),
        timetable: URL(fileURLWithPath: "\(itcFolder)/solutions/comp0\(n).sol"))
}
for example in ["bioritme", "coach", "blocks"] {
    cases.append(
        Case(
            name: example, school: URL(fileURLWithPath: "Examples/\(example)/school.yaml"),
            timetable: URL(fileURLWithPath: "Examples/\(example)/timetable.json")))
}

print("| instance | placements | read school ms | validate ms | read timetable ms | check ms | score |")
print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
for benchmark in cases {
    do {
        var loaded = try SchoolFile.load(benchmark.school)
        let read = try milliseconds { loaded = try SchoolFile.load(benchmark.school) }
        let validate = milliseconds { _ = loaded.validate() }
        var timetable = try TimetableFile.load(benchmark.timetable, for: loaded.school)
        let readTimetable = try milliseconds { timetable = try TimetableFile.load(benchmark.timetable, for: loaded.school) }
        var report = Checker().check(timetable, against: loaded.school)
        let check = milliseconds { report = Checker().check(timetable, against: loaded.school) }
        let row = [
            benchmark.name, "\(timetable.placements.count)", String(format: "%.1f", read), String(format: "%.1f", validate),
            String(format: "%.1f", readTimetable), String(format: "%.2f", check), "(\(report.score.hard), \(report.score.soft))",
        ]
        print("| " + row.joined(separator: " | ") + " |")
    } catch {
        print("| \(benchmark.name) | error: \(error) |")
    }
}
