import ArgumentParser
import Foundation
import Rooster
import RoosterGLPK

/// `rooster enrol SCHOOL --timetable T --requests R.csv --out E.csv`: this week's choice lessons
/// and block-hour choices on a fixed base timetable.
struct EnrolCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrol",
        abstract: "Enrol students in this week's choice lessons and block-hour lessons.",
        discussion: """
            On a fixed base timetable, each student gets the school's choiceLessonsPerWeek choice \
            sessions (at most one at a time, never during their own lessons; on-track students are free \
            in lessons they are exempted from) and one lesson of each block hour or parallel cluster of \
            their groups, within seats and minimum group sizes, as close to their ranked requests as \
            possible. Placements a coach required come first. Solved exactly as a minimum-cost flow; \
            when minimum sizes make the flow's optimum unusable, sessions are cancelled and the flow \
            solved again, and small schools go on to GLPK's full program for the proof.

            REQUESTS.csv has the columns student, lesson, rank (optional: the order of the student's \
            rows) and required (optional: yes/no); ',' or ';' separated. Without --requests the school \
            file's choiceRequests are used.

            --previous ENROLMENT.csv re-enrols after the base timetable changed: earlier placements are \
            kept where possible, and the summary lists how many were kept, moved or lost.

            Examples:
              rooster enrol Examples/bioritme/school.yaml --timetable Examples/bioritme/timetable.json \\
                --requests requests.csv --out enrolment.csv --unmet unmet.csv --timetable-out week.json
              rooster enrol school.yaml --timetable new.json --previous enrolment.csv --out enrolment2.csv

            Exit codes: 0 every student placed and the enrolment breaks no hard rule, 1 otherwise, 2 bad input, 3 an output cannot be written.
            """
    )

    @Argument(help: "The school: .yaml or .json.")
    var school: String

    @Option(help: "The base timetable (.json).")
    var timetable: String

    @Option(help: "This week's requests (.csv).")
    var requests: String?

    @Option(help: "An earlier enrolment (.csv) to keep as much of as possible.")
    var previous: String?

    @Option(help: "Write the enrolment here (.csv).")
    var out: String?

    @Option(help: "Write every unmet request with its reason here (.csv).")
    var unmet: String?

    @Option(help: "Write the base timetable with this enrolment here (.json), for check and render.")
    var timetableOut: String?

    @Option(help: "Week of the cycle to enrol for (A = 1); by default every week is treated alike.")
    var week: Int?

    @Option(help: "Seconds the exact method may spend.")
    var timeLimit: Double = 30

    @Option(help: "exact (minimum-cost flow, then GLPK where needed) or greedy.")
    var method: Method = .exact

    @Option(help: "Seed of the greedy enrolment's student order.")
    var seed: UInt64 = 1

    @Flag(help: "Print GLPK's log on stderr.")
    var glpkLog = false

    @Flag(help: "Do not split students over cluster lessons; only choice lessons.")
    var noClusters = false

    @Flag(help: "Print a one-line JSON summary on stdout.")
    var json = false

    enum Method: String, ExpressibleByArgument, CaseIterable { case exact, greedy }

    func validate() throws {
        try CommandLineRange.check(timeLimit, in: CommandLineRange.seconds, "--time-limit")
        if let week, week < 1 { throw ValidationError("--week counts from 1 (week A)") }
    }

    func run() async throws {
        let started = ContinuousClock.now
        try checkOutputs(out, unmet, timetableOut)
        var (school, base) = try loadSchoolAndTimetable(self.school, timetable)
        if let week, week > max(school.weeksInCycle, 1) {
            throw ValidationError("--week \(week) is outside the school's \(school.weeksInCycle)-week cycle")
        }
        guard school.choiceLessonsPerWeek != nil || (!noClusters && !school.clusters.isEmpty) else {
            printError("\(self.school): the school has no choiceLessonsPerWeek and no clusters; there is nothing to enrol")
            throw Exit.badInput
        }
        let requests = try requests.map { path in
            try reportingInputErrors { try WeeklyFiles.loadRequests(URL(fileURLWithPath: path), for: school, displayName: path) }
        }
        let earlier =
            try previous.map { path in
                try reportingInputErrors { try WeeklyFiles.loadEnrolments(URL(fileURLWithPath: path), for: school, displayName: path) }
            } ?? []
        if let requests { school.choiceRequests = requests }
        base.enrolments = nil
        let problem = EnrolmentProblem(
            school: school, timetable: base, previous: earlier, week: week.map { $0 - 1 }, clusters: !noClusters)
        let plan: EnrolmentPlan
        switch method {
        case .exact:
            let log: (@Sendable (String) -> Void)? = glpkLog ? { @Sendable text in printError(text, newline: false) } : nil
            let exact = ExactEnrolment(backend: GLPKBackend(), timeLimit: .milliseconds(Int(timeLimit * 1000)), seed: seed, log: log)
            // Ctrl-C or SIGTERM stops GLPK's proof; the flow's plan, found first, is still written.
            let enrolment = Task { exact.enrol(problem, previous: earlier) }
            let interruptions = Interruptions(cancelling: enrolment)
            plan = await enrolment.value
            interruptions.stop()
        case .greedy:
            plan = EnrolmentPlan(
                problem: problem, assignment: GreedyEnrolment(seed: seed).solve(problem), method: .greedy, previous: earlier)
        }
        let table = plan.timetable(on: base)
        let report = Checker().check(table, against: school)
        let enrolmentHard = report.violations.filter {
            $0.level == .hard
                && FlowEnrolment.coverage.optimised.union([.roomCapacity]).contains($0.rule)
        }

        try writeOutputs(plan, school: school, base: base, table: table)
        let elapsed = (ContinuousClock.now - started).inSeconds
        if json {
            try printJSON(Summary(plan: plan, report: report, seconds: elapsed))
        } else {
            printSummary(plan, report: report, seconds: elapsed)
            for violation in enrolmentHard.prefix(10) { print("  hard \(violation.rule): \(violation.message)") }
        }
        if !plan.shortfalls.isEmpty || !report.score.isFeasible { throw Exit.hardViolations }
    }

    private func writeOutputs(_ plan: EnrolmentPlan, school: School, base: Timetable, table: Timetable) throws {
        do {
            if let out {
                try AtomicFile.write(
                    WeeklyFiles.encodeEnrolments(plan.enrolments, school: school, timetable: base, requests: school.choiceRequests),
                    to: URL(fileURLWithPath: out))
            }
            if let unmet { try AtomicFile.write(WeeklyFiles.encodeUnmet(plan.unmetRows), to: URL(fileURLWithPath: unmet)) }
            if let timetableOut { try TimetableFile.write(table, for: school, to: URL(fileURLWithPath: timetableOut), as: .json) }
        } catch {
            printError("\(error)")
            throw Exit.cannotWrite
        }
    }

    private func printSummary(_ plan: EnrolmentPlan, report: CheckReport, seconds: Double) {
        let s = plan.statistics
        print(
            "enrolment: \(plan.method) in \(String(format: "%.1f", seconds)) s; objective \(s.objective)"
                + (plan.bound.map { ", bound \($0)" } ?? ""))
        print("  \(s.students) students, \(s.enrolments) enrolments (\(s.unrequested) in lessons they did not ask for)")
        print(
            "  requests met \(s.requestsMet) of \(s.requests); first choices \(s.firstChoicesMet) of \(s.firstChoices) (\(String(format: "%.1f", s.firstChoiceShare * 100)) %); required \(s.requiredMet) of \(s.required)"
        )
        print("  cancelled sessions \(plan.cancelled.count); students short of lessons \(plan.shortfalls.count)")
        if !plan.unmet.isEmpty {
            let byReason = Dictionary(grouping: plan.unmet, by: \.reason.code).map { "\($0.key) \($0.value.count)" }.sorted()
            print(
                "  unmet requests \(plan.unmet.count): \(byReason.joined(separator: ", "))" + (unmet.map { " (every one in \($0))" } ?? ""))
        }
        if !plan.changes.isEmpty {
            let count = { (kind: EnrolmentPlan.Change.Kind) in plan.changes.filter { $0.kind == kind }.count }
            print("  earlier placements: kept \(count(.kept)), moved \(count(.moved)), lost \(count(.lost))")
        }
        for shortfall in plan.shortfalls.prefix(10) {
            print("  short: \(shortfall.student) has \(shortfall.placed) of \(shortfall.required): \(shortfall.reason)")
        }
        let preference = report.penaltyByRule[.choicePreference] ?? 0
        print("  checker: \(report.score.hard) hard, \(report.score.soft) soft (choicePreference \(preference))")
    }

    struct Summary: Encodable {
        var method: String, seconds: Double, students: Int, enrolments: Int, requests: Int, requestsMet: Int
        var firstChoices: Int, firstChoicesMet: Int, required: Int, requiredMet: Int, unmet: Int, short: Int, cancelled: Int
        var kept: Int, moved: Int, lost: Int, hard: Int, soft: Int, objective: Int, bound: Int?

        init(plan: EnrolmentPlan, report: CheckReport, seconds: Double) {
            let s = plan.statistics
            method = "\(plan.method)"
            self.seconds = seconds
            students = s.students
            enrolments = s.enrolments
            requests = s.requests
            requestsMet = s.requestsMet
            firstChoices = s.firstChoices
            firstChoicesMet = s.firstChoicesMet
            required = s.required
            requiredMet = s.requiredMet
            unmet = plan.unmet.count
            short = plan.shortfalls.count
            cancelled = plan.cancelled.count
            kept = plan.changes.filter { $0.kind == .kept }.count
            moved = plan.changes.filter { $0.kind == .moved }.count
            lost = plan.changes.filter { $0.kind == .lost }.count
            hard = report.score.hard
            soft = report.score.soft
            objective = s.objective
            bound = plan.bound
        }
    }
}

/// `rooster coach SCHOOL --timetable T --out C.csv`: every student's coach conversations over the cycle.
struct CoachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coach",
        abstract: "Plan every student's coach conversations over the coach cycle.",
        discussion: """
            Each coached student gets one conversation per coaching interval (every week, or once in two \
            or three weeks) with their first coach who has room in their caseload, in a period of the \
            coaching segment when both are free (lessons, enrolled choice sessions, days off and \
            unavailability are respected), spread evenly over each coach's weeks. With triadsPerCycle in \
            the coaching policy, each student with a parent also gets triad meetings (coach, student and \
            parent) in the triad segments when the parent can come, siblings back to back.

            Example:
              rooster coach Examples/coach/school.yaml --timetable Examples/coach/timetable.json --out coaching.csv

            Exit codes: 0 every conversation planned, 1 some could not be planned, 2 bad input, 3 an output cannot be written.
            """
    )

    @Argument(help: "The school: .yaml or .json.")
    var school: String

    @Option(help: "The timetable (.json): base timetable, with the enrolment when there is one.")
    var timetable: String

    @Option(help: "Write the conversations here (.csv).")
    var out: String?

    @Option(help: "Write the timetable with the conversations here (.json), for check and render.")
    var timetableOut: String?

    func run() throws {
        let started = ContinuousClock.now
        try checkOutputs(out, timetableOut)
        let (school, loadedBase) = try loadSchoolAndTimetable(self.school, timetable)
        var base = loadedBase
        base.coachMeetings = nil
        let plan: CoachPlanner.Plan
        do {
            plan = try CoachPlanner().plan(school: school, timetable: base)
        } catch {
            printError("\(self.school): \(error)")
            throw Exit.badInput
        }
        let table = plan.timetable(on: base)
        do {
            if let out {
                try AtomicFile.write(
                    WeeklyFiles.encodeCoachMeetings(plan.meetings, school: school, lengthInMinutes: school.coaching?.lengthInMinutes ?? 15),
                    to: URL(fileURLWithPath: out))
            }
            if let timetableOut { try TimetableFile.write(table, for: school, to: URL(fileURLWithPath: timetableOut), as: .json) }
        } catch {
            printError("\(error)")
            throw Exit.cannotWrite
        }
        let report = Checker().check(table, against: school)
        let triads = plan.meetings.filter { $0.parent != nil }.count
        let elapsed = String(format: "%.1f", (ContinuousClock.now - started).inSeconds)
        print(
            "coaching: \(plan.meetings.count - triads) conversations and \(triads) triad meetings for \(plan.load.count) coaches in \(elapsed) s"
        )
        print(
            "  unplanned \(plan.unplanned.count); largest weekly imbalance of a coach \(plan.worstImbalance); with another coach than their first \(plan.reassigned.count)"
        )
        for entry in plan.unplanned.prefix(10) {
            print(
                "  unplanned \(entry.isTriad ? "triad meeting" : "conversation"): \(entry.student) from week \(entry.week + 1): \(entry.reason)"
            )
        }
        let coachHard = report.violations.filter {
            $0.level == .hard && CoachPlanner.coverage.optimised.union([.studentConflict, .teacherConflict]).contains($0.rule)
        }
        for violation in coachHard.prefix(10) { print("  hard \(violation.rule): \(violation.message)") }
        print(
            "  checker: \(report.score.hard) hard, \(report.score.soft) soft (coachLoadBalance \(report.penaltyByRule[.coachLoadBalance] ?? 0))"
        )
        if !plan.unplanned.isEmpty || !report.score.isFeasible { throw Exit.hardViolations }
    }
}

extension EnrolmentPlan {
    /// The rows of the unmet-requests file: unmet requests first, then students short of choices.
    var unmetRows: [WeeklyFiles.UnmetRow] {
        unmet.map {
            WeeklyFiles.UnmetRow(student: $0.request.student, request: $0.request, reason: $0.reason.code, explanation: $0.reason.sentence)
        }
            + shortfalls.map {
                WeeklyFiles.UnmetRow(
                    student: $0.student, request: nil, reason: "short", explanation: "\($0.placed) of \($0.required) placed: \($0.reason)")
            }
    }
}
