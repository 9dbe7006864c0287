import BenchmarkSupport
// The whole week from Rooster's own solve, judged as a roostermaker would: solve (auto, as
// `rooster solve`), enrol, plan coach conversations, then measure the week's shape.
//
//   swift run -c release --package-path Benchmarks whole-week-benchmark [SECONDS] [SEED] [SCHOOLS...]
//   swift run -c release --package-path Benchmarks whole-week-benchmark --measure LABEL SCHOOL.yaml FULL.json SECONDS
//
// SCHOOLS are example names (bioritme, coach, blocks) or generated bioritme sizes (600, 1200, 2400);
// examples get SECONDS, generated schools twice that. --measure prints the row of a week made
// elsewhere (for example by an older `rooster`), for before-and-after tables.
import Foundation
import Rooster
import RoosterGLPK

let arguments = Array(CommandLine.arguments.dropFirst())

func row(_ label: String, _ school: School, _ week: Timetable, seconds: Double) {
    let shape = WeekShape(school: school, timetable: week)
    let base = WeekShape(school: school, timetable: Timetable(placements: week.placements))
    print(
        "| \(label) | \(shape.classDays) | \(shape.withoutInstruction) | \(shape.withOneLesson) | \(shape.groupGaps) | "
            + "\(shape.teacherGaps) | \(base.choiceSeatShortfall) | \(shape.hard) | \(String(format: "%.0f", seconds)) |")
}

if arguments.first == "--measure" {
    let measured = PositionalArguments(Array(arguments.dropFirst()), names: ["LABEL", "SCHOOL.yaml", "FULL.json", "SECONDS"])
    guard let label = measured.text(0), let schoolPath = measured.text(1), let weekPath = measured.text(2) else {
        stop("--measure needs LABEL SCHOOL.yaml FULL.json SECONDS")
    }
    let school = orStop(schoolPath) { try SchoolFile.load(URL(fileURLWithPath: schoolPath)).school }
    let week = orStop(weekPath) { try TimetableFile.load(URL(fileURLWithPath: weekPath), for: school) }
    row(label, school, week, seconds: measured.value(3, default: 0, in: 0...BenchmarkRange.seconds.upperBound) { Double($0) })
    exit(0)
}

let settings = PositionalArguments(Array(arguments.prefix(2)), names: ["SECONDS", "SEED"])
let seconds = settings.value(0, default: 30, in: BenchmarkRange.seconds) { Double($0) }
let seed = settings.value(1, default: 1, in: BenchmarkRange.seed) { UInt64($0) }
let names = arguments.count > 2 ? Array(arguments.dropFirst(2)) : ["bioritme", "coach", "blocks", "600", "1200", "2400"]

print(
    "| school | class-days | without instruction | one lesson | group gaps | teacher gaps | base choice seats short | hard after enrol + coach | seconds |"
)
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for name in names {
    let school: School
    var limit = seconds
    if Int(name) != nil {
        let students = parsed(name, for: "a generated school's students", in: BenchmarkRange.students) { Int($0) }
        school = SchoolGenerator(students: students, profile: .bioritme, seed: seed).make()
        limit *= 2
    } else {
        let path = "Examples/\(name)/school.yaml"
        school = orStop(path) { try SchoolFile.load(URL(fileURLWithPath: path)).school }
    }
    let started = ContinuousClock.now
    let result = await AutoSolver(mip: MIPSolver(backend: GLPKBackend())).solve(
        school, options: SolveOptions(timeLimit: .milliseconds(Int64(limit * 1000)), seed: seed))
    let week = (try? WeeklyLayers.plan(school: school, base: result.timetable, seed: seed))?.timetable ?? result.timetable
    row("\(name) (seed \(seed), \(Int(limit)) s)", school, week, seconds: (ContinuousClock.now - started).inSeconds)
}
