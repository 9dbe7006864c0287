import RoosterModel
import RoosterRules
import RoosterSolving

/// The two stages of the exact approach for one school: the start program
/// (``TimetableFormulation``) and the room program (``RoomAssignment``), and the conversions
/// between timetables and column values that warm starts need.
package struct ExactTimetabling: Sendable {
    package let school: School
    package let checker: Checker
    let formulation: TimetableFormulation
    let capacityWeight: Int
    let stabilityWeight: Int

    package init(school: School, checker: Checker) {
        self.school = school
        self.checker = checker
        formulation = TimetableFormulation(school: school, checker: checker)
        capacityWeight = formulation.compiled.weight(.roomCapacity)
        stabilityWeight = formulation.compiled.weight(.roomStability)
    }

    package var model: MIPModel { formulation.model }
    /// Reasons no timetable exists, found while building the program.
    package var problems: [Diagnostic] { formulation.problems }

    /// All column values for a timetable's starts: the other columns (days used, gaps, overflow…)
    /// are completed by a small program with the starts fixed. Nil when the timetable breaks a
    /// hard row of the program or does not fit it.
    package func values(of timetable: Timetable, runner: MIPRunner) -> [Double]? {
        guard let starts = formulation.startValues(of: timetable) else { return nil }
        let (reduced, original) = model.fixing(starts)
        var completion = runner
        completion.start = nil
        completion.deadline = runner.deadline.earlier(than: Deadline(after: .seconds(10)))
        guard let solution = try? completion.solve(reduced), let values = solution.values else { return nil }
        var full = Array(repeating: 0.0, count: model.columns.count)
        for (column, value) in starts { full[column] = value }
        for (index, column) in original.enumerated() { full[column] = values[index] }
        return full
    }

    /// The timetable of a solution of the start program, with rooms from stage 2 (kept as in
    /// `roomsOf` where they still fit).
    package func timetable(from values: [Double], runner: MIPRunner, preferring roomsOf: Timetable? = nil) -> Timetable {
        let starts = formulation.starts(from: values)
        let assignment = RoomAssignment(
            formulation: formulation, starts: starts, capacityWeight: capacityWeight, stabilityWeight: stabilityWeight)
        var preferred: [Int: [Int]] = [:]
        if let roomsOf {
            let lessonIndex = formulation.compiled.lessonIndex, roomIndex = formulation.compiled.roomIndex
            for placement in roomsOf.placements {
                guard let l = lessonIndex[placement.lesson] else { continue }
                for room in placement.rooms {
                    if let r = roomIndex[room], preferred[l]?.contains(r) != true { preferred[l, default: []].append(r) }
                }
            }
        }
        let rooms = assignment.solve(with: runner, preferring: preferred)
        return Timetable(placements: assignment.placements(rooms: rooms))
    }
}

extension ExactTimetabling {
    /// Why the school has no timetable, in words: a smallest set of hard rows — lesson counts,
    /// teacher and group clashes, daily and weekly limits, team time, choice seats — whose relaxation
    /// makes the program feasible (the elastic program, solved by the backend). Nil when the backend
    /// does not finish, or when the program stays infeasible with all of them relaxed (then pins,
    /// availability or segments decide, which the counting checks of `validate` cover).
    package func relaxation(runner: MIPRunner, limit: Int = 12) -> [String]? {
        let (elastic, slacks) = model.elastic { row in
            for prefix in ["count_u", "team_", "seatNeed_c"] where row.name.hasPrefix(prefix) { return .lower }
            for prefix in ["teacher_", "group_", "maxPerDay_u", "maxPeriods_", "maxDays_"] where row.name.hasPrefix(prefix) {
                return .upper
            }
            return nil
        }
        var search = runner
        search.start = nil
        search.stepLimit = nil
        guard let solution = try? search.solve(elastic), let values = solution.values else { return nil }
        let given = slacks.compactMap { slack -> (name: String, amount: Int)? in
            let amount = Int(values[slack.column].rounded())
            return amount > 0 ? (model.rows[slack.row].name, amount) : nil
        }
        return given.prefix(limit).map { describe(row: $0.name, by: $0.amount) }
            + (given.count > limit ? ["… and \(given.count - limit) more"] : [])
    }

    /// A row of the start program in words, relaxed by `amount`.
    private func describe(row name: String, by amount: Int) -> String {
        let compiled = formulation.compiled
        /// The text between a prefix and the last `_` part, and the number after that part's letter.
        func split(_ prefix: String) -> (id: String, number: Int?) {
            let rest = name.dropFirst(prefix.count)
            guard let cut = rest.lastIndex(of: "_") else { return (String(rest), nil) }
            return (String(rest[..<cut]), Int(rest[rest.index(after: cut)...].dropFirst()))
        }
        func slot(_ index: Int?) -> String {
            index.map { compiled.slots.indices.contains($0) ? school.label(compiled.slots[$0]) : "?" } ?? "?"
        }
        func day(_ index: Int?) -> String { index.map { school.days.indices.contains($0) ? school.days[$0].name : "?" } ?? "?" }
        func unit(_ text: String) -> String {
            Int(text).map { compiled.units.indices.contains($0) ? compiled.units[$0].label : text } ?? text
        }
        if name.hasPrefix("count_u") { return "\(unit(String(name.dropFirst(7)))): \(amount) occurrence(s) fewer a week" }
        if name.hasPrefix("teacher_") {
            let (id, s) = split("teacher_")
            return "teacher \(id): \(amount + 1) lessons at once on \(slot(s))"
        }
        if name.hasPrefix("group_") {
            let (id, s) = split("group_")
            return "group \(id): \(amount + 1) lessons at once on \(slot(s))"
        }
        if name.hasPrefix("maxPerDay_u") {
            let (u, d) = split("maxPerDay_u")
            return "\(unit(u)): \(amount) more on \(day(d)) than its maxPerDay"
        }
        if name.hasPrefix("maxPeriods_") {
            let (id, d) = split("maxPeriods_")
            return "teacher \(id): \(amount) period(s) above maxPeriodsPerDay on \(day(d))"
        }
        if name.hasPrefix("maxDays_") { return "teacher \(name.dropFirst(8)): \(amount) day(s) above maxDays" }
        if name.hasPrefix("team_") {
            let team = Int(name.dropFirst(5)).flatMap { school.teamTimes.indices.contains($0) ? school.teamTimes[$0].id.rawValue : nil }
            return "team \(team ?? String(name.dropFirst(5))): \(amount) common free period(s) fewer"
        }
        if name.hasPrefix("seatNeed_c") { return "choice lessons: \(amount) seat(s) fewer for one class of students" }
        return "\(name): relaxed by \(amount)"
    }
}
