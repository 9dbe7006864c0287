// Minimal perturbation, as in UniTime's experiments: solve a school, change it (one teacher
// unavailable for a day; separately, one room closed), then re-solve the changed school from the
// old timetable and, beside it, from scratch, each for the same time. Prints a Markdown table:
// occurrences that had to move (in the closed time or room), occurrences moved, hard and soft cost
// (soft without the change rules), seconds.
//
//   swift run -c release --package-path Benchmarks perturbation-benchmark \
//       [--data ../shared/data/itc2007-ctt] [--seconds 30] [--seed 1] \
//       [--instances bioritme,gen2400,comp01,comp02,comp03,comp04,comp05,comp06,comp07]
//
// `bioritme` is Examples/bioritme/school.yaml, `genN` a school made by `rooster generate --students N`
// (SchoolGenerator, the given seed). The old timetable is the heuristic's after --seconds. The
// teacher is the one with the most occurrences on Tuesday in periods they may lose: for schools with
// segments, Tuesday's instruction and independent-work periods (mentor lessons and pinned choice
// sessions stay with their teacher); for ITC 2007 instances, the whole day. The closed room is the
// busiest room of the most common kind. One search on one core each (the heuristic).
import BenchmarkSupport
import Foundation
import Rooster

struct Settings {
    var data = "../shared/data/itc2007-ctt"
    var seconds = 30.0
    var seed: UInt64 = 1
    var instances = ["bioritme", "gen2400"] + (1...7).map { "comp0\($0)" }

    init(_ arguments: [String]) {
        for (flag, value) in flagPairs(arguments) {
            switch flag {
            case "--data": data = value
            case "--seconds": seconds = parsed(value, for: flag, in: BenchmarkRange.seconds) { Double($0) }
            case "--seed": seed = parsed(value, for: flag, in: BenchmarkRange.seed) { UInt64($0) }
            case "--instances": instances = value.split(separator: ",").map(String.init)
            default: reportUnknownFlag(flag)
            }
        }
    }
}

func load(_ instance: String, _ settings: Settings) throws -> School {
    if instance == "bioritme" { return try SchoolFile.load(URL(fileURLWithPath: "Examples/bioritme/school.yaml")).school }
    if instance.hasPrefix("gen"), let students = Int(instance.dropFirst(3)), BenchmarkRange.students.contains(students) {
        return SchoolGenerator(students: students, profile: .bioritme, seed: settings.seed).make()
    }
    return try SchoolFile.load(URL(fileURLWithPath: "\(settings.data)/\(instance).ctt")).school
}

/// A change to a school and the occurrences of the old timetable it forces to move.
struct Change {
    var label: String
    var school: School
    var mustMove: Int
}

let tuesday = 1

/// The periods of Tuesday a teacher can lose: all of them without segments, else instruction and work.
func losablePeriods(_ school: School) -> Set<TimeSlot> {
    let kinds = Dictionary(school.segments.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
    return Set(
        school.allSlots.filter { slot in
            guard slot.day == tuesday else { return false }
            guard let segment = school.period(at: slot)?.segment, let kind = kinds[segment] else { return true }
            return kind == .instruction || kind == .independentWork
        })
}

func occupied(_ placement: Placement, _ lessons: [Lesson.ID: Lesson], _ school: School) -> [TimeSlot] {
    school.occupiedSlots(from: placement.start, durationInPeriods: lessons[placement.lesson]?.durationInPeriods ?? 1)
}

func teacherChange(_ school: School, _ old: Timetable) -> Change? {
    let lessons = Dictionary(school.lessons.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let lost = losablePeriods(school)
    var hits: [Teacher.ID: Int] = [:]
    for placement in old.placements where occupied(placement, lessons, school).contains(where: lost.contains) {
        for teacher in Set(lessons[placement.lesson]?.teachers ?? []) { hits[teacher, default: 0] += 1 }
    }
    // A teacher whose lessons may all leave those periods: none pinned there.
    let candidates = hits.filter { teacher, _ in
        !school.lessons.contains { $0.teachers.contains(teacher) && $0.pinned.contains(where: lost.contains) }
    }
    guard let (teacher, count) = candidates.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
        let index = school.teachers.firstIndex(where: { $0.id == teacher })
    else { return nil }
    var changed = school
    changed.teachers[index].unavailable.formUnion(lost)
    return Change(label: "teacher \(teacher) off Tuesday", school: changed, mustMove: count)
}

func roomChange(_ school: School, _ old: Timetable) -> Change? {
    var use: [Room.ID: Int] = [:]
    for placement in old.placements { for room in placement.rooms { use[room, default: 0] += 1 } }
    let kinds = Dictionary(grouping: school.rooms, by: \.kind)
    guard let common = kinds.max(by: { $0.value.count < $1.value.count })?.value, common.count > 1 else { return nil }
    // Only where the other rooms of the kind have the periods: else the change has no timetable at all.
    let ids = Set(common.map(\.id)), slots = school.allSlots.count
    let demand = old.placements.reduce(0) { total, placement in
        total + placement.rooms.filter(ids.contains).count * (school.lessons.first { $0.id == placement.lesson }?.durationInPeriods ?? 1)
    }
    guard demand <= (common.count - 1) * slots else { return nil }
    guard let room = common.max(by: { (use[$0.id] ?? 0, $1.id.rawValue) < (use[$1.id] ?? 0, $0.id.rawValue) }),
        let index = school.rooms.firstIndex(where: { $0.id == room.id })
    else { return nil }
    var changed = school
    changed.rooms[index].unavailable = Set(school.allSlots)
    return Change(label: "room \(room.id) closed", school: changed, mustMove: use[room.id] ?? 0)
}

/// Occurrences of `new` not at a time their lesson used in `old`, or at such a time in other rooms
/// (what `rooster diff` lists as moved, in other rooms or added).
func moved(_ old: Timetable, _ new: Timetable, in school: School) -> Int {
    let diff = TimetableDiff(old: old, new: new, school: school)
    return diff.count(.moved) + diff.count(.roomChanged) + diff.count(.added)
}

let settings = Settings(Array(CommandLine.arguments.dropFirst()))
let limit = Duration.milliseconds(Int64(settings.seconds * 1000))
let changeRules: Set<RuleID> = [.timeChanges, .roomChanges]
print("| Instance | Change | Had to move | Re-solve: moved | hard | soft | Scratch: moved | hard | soft |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for instance in settings.instances {
    let school: School
    do { school = try load(instance, settings) } catch {
        FileHandle.standardError.write(Data("\(instance): \(error)\n".utf8))
        continue
    }
    let first = await HeuristicSolver().solve(school, options: SolveOptions(timeLimit: limit, seed: settings.seed))
    for change in [teacherChange(school, first.timetable), roomChange(school, first.timetable)].compactMap({ $0 }) {
        var options = SolveOptions(timeLimit: limit, seed: settings.seed)
        options.reference = first.timetable
        let again = await HeuristicSolver().solve(change.school, options: options)
        let scratch = await HeuristicSolver().solve(change.school, options: SolveOptions(timeLimit: limit, seed: settings.seed))
        func soft(_ result: SolveResult) -> Int {
            result.report.violations.filter { $0.level == .soft && !changeRules.contains($0.rule) }.reduce(0) { $0 + $1.penalty }
        }
        print(
            "| \(instance) | \(change.label) | \(change.mustMove) | \(moved(first.timetable, again.timetable, in: change.school)) | \(again.score.hard) | \(soft(again)) "
                + "| \(moved(first.timetable, scratch.timetable, in: change.school)) | \(scratch.score.hard) | \(soft(scratch)) |")
    }
}
print(
    "\nOld timetables: the heuristic for \(settings.seconds) s (seed \(settings.seed)); each re-solve and scratch solve \(settings.seconds) s."
)
