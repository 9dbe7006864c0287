// The weekly layers on generated schools: enrolment (greedy and exact) and coach planning, with
// their time and quality, after a base timetable from the heuristic.
//
//   swift run -c release --package-path Benchmarks weekly-benchmark STUDENTS [BASE_SECONDS] [SEED] [PROFILE]
//
// Prints one Markdown row per method. The base timetable's solve time is not part of the measurement.
import BenchmarkSupport
import Foundation
import Rooster
import RoosterGLPK

let arguments = PositionalArguments(Array(CommandLine.arguments.dropFirst()), names: ["STUDENTS", "BASE_SECONDS", "SEED", "PROFILE"])
let students = arguments.value(0, default: 600, in: BenchmarkRange.students) { Int($0) }
let baseSeconds = arguments.value(1, default: 60, in: BenchmarkRange.seconds) { Double($0) }
let seed = arguments.value(2, default: 7, in: BenchmarkRange.seed) { UInt64($0) }
let profile = arguments.choice(3, default: SchoolGenerator.Profile.bioritme)

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

let school = SchoolGenerator(students: students, profile: profile, seed: seed).make()
let base = await HeuristicSolver().solve(school, options: SolveOptions(timeLimit: .milliseconds(Int64(baseSeconds * 1000)), seed: seed))
guard base.score.isFeasible else {
    print("| \(profile) \(students) | base timetable not feasible in \(baseSeconds) s: \(base.score) |")
    exit(1)
}

func row(_ label: String, _ plan: EnrolmentPlan, _ elapsed: Duration) {
    let s = plan.statistics
    let table = plan.timetable(on: base.timetable)
    let report = Checker().check(table, against: school)
    print(
        "| \(profile) \(students) | \(label) | \(plan.method) | \(String(format: "%.2f", seconds(elapsed))) | \(s.enrolments) | "
            + "\(String(format: "%.1f", s.firstChoiceShare * 100)) % | \(s.requestsMet)/\(s.requests) | \(s.requiredMet)/\(s.required) | "
            + "\(plan.unmet.count) | \(plan.shortfalls.count) | \(plan.cancelled.count) | \(report.score.hard) | \(report.penaltyByRule["choicePreference"] ?? 0) |"
    )
}

let clock = ContinuousClock()
var problem: EnrolmentProblem?
let built = clock.measure { problem = EnrolmentProblem(school: school, timetable: base.timetable) }
guard let problem else { exit(1) }
print(
    "| \(profile) \(students) | problem | \(problem.itemCount) items, \(problem.studentsToPlace) students | \(String(format: "%.2f", seconds(built))) | | | | | | | | | |"
)
var greedy: EnrolmentAssignment?
let greedyTime = clock.measure { greedy = GreedyEnrolment(seed: seed).solve(problem) }
if let greedy { row("greedy", EnrolmentPlan(problem: problem, assignment: greedy, method: .greedy), greedyTime + built) }
var exact: EnrolmentPlan?
let exactTime = clock.measure { exact = ExactEnrolment(backend: GLPKBackend(), timeLimit: .seconds(60), seed: seed).enrol(problem) }
if let exact { row("exact", exact, exactTime + built) }

if let exact, school.coaching != nil {
    let week = exact.timetable(on: base.timetable)
    var coaching: CoachPlanner.Plan?
    let coachTime = clock.measure { coaching = try? CoachPlanner().plan(school: school, timetable: week) }
    if let coaching {
        let report = Checker().check(coaching.timetable(on: week), against: school)
        print(
            "| \(profile) \(students) | coach | \(coaching.meetings.filter { $0.parent == nil }.count) conversations, "
                + "\(coaching.meetings.filter { $0.parent != nil }.count) triads | \(String(format: "%.2f", seconds(coachTime))) | "
                + "unplanned \(coaching.unplanned.count) | imbalance \(coaching.worstImbalance) | other coach \(coaching.reassigned.count) | | | | | \(report.score.hard) | |"
        )
    }
}
