import ArgumentParser
import Foundation
import Rooster
import RoosterGLPK

/// `rooster solve SCHOOL`: build a timetable with the heuristic, GLPK, or both (auto).
struct SolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Build a timetable for a school.",
        discussion: """
            Solvers: 'heuristic' builds a timetable greedily and improves it by simulated annealing \
            until the time limit, one search per --threads (default: one per core), sharing their best \
            timetable as they cool (with --iterations a run is repeatable for its seed and thread count). \
            'glpk' solves the school as a mixed-integer program with GLPK and reports a proven bound \
            (--iterations bounds its branch-and-bound steps). \
            'auto' (the default) runs the heuristic for the whole time and GLPK beside it: a lower bound \
            (the partition bound) for a tenth of the time, and on small schools the whole program from \
            the heuristic's best timetable, which can prove it optimal. \
            Every result is scored by the same checker as 'rooster check'.

            On a school with weekly choice lessons, block hours or a coaching policy, the result is the \
            whole week: the base timetable, then the students' enrolment (as 'rooster enrol') and the \
            coach conversations (as 'rooster coach'), checked together. --base-only stops after the \
            base timetable.

            --write-mps and --write-lp write the mixed-integer program (lessons' starts; rooms are \
            assigned afterwards) before solving, so that other MIP solvers can be tried on it.

            Examples:
              rooster solve Examples/bioritme/school.yaml --time-limit 60 --out timetable.json
              rooster solve comp01.ctt --time-limit 10 --seed 3 --out comp01.sol
              rooster solve comp01.ctt --iterations 200000 --solver heuristic --json
              rooster solve comp01.ctt --solver glpk --time-limit 120 --write-mps comp01.mps
              rooster solve school.yaml --weight groupGaps=5 --weight teacherGaps=0
              rooster solve school.yaml --time-limit 60 --render html --out site   (site/timetable.json and the pages)

            Exit codes: 0 a timetable without hard violations, 1 the best timetable still breaks a hard \
            rule, 2 bad input or no timetable possible, 3 an output cannot be written.
            """
    )

    enum Solver: String, ExpressibleByArgument, CaseIterable {
        case auto, heuristic, glpk
    }

    @Argument(help: "The school: .yaml, .json, .ctt, .fet or an XHSTT archive (.xml).")
    var school: String

    @OptionGroup var importOptions: ImportOptions

    @Option(help: "The solver.")
    var solver: Solver = .auto

    @Option(help: "Seconds to search.")
    var timeLimit: Double = 60

    @Option(help: "Moves per search at most (heuristic), or branch-and-bound steps (glpk); makes a run repeatable.")
    var iterations: Int?

    @Option(help: "Seed of the search.")
    var seed: UInt64 = 1

    @Option(help: "Searches in parallel, sharing their best timetable between rounds (default: one per core).")
    var threads: Int?

    @OptionGroup(title: "Weights") var weights: WeightOptions

    @Option(help: "Write the timetable here (.json, or .sol for ITC 2007 schools).")
    var out: String?

    @Flag(help: "Print a one-line JSON summary on stdout.")
    var json = false

    @Flag(help: "No progress line on stderr.")
    var quiet = false

    @Option(help: "GLPK stops when the relative gap between timetable and bound is at most this.")
    var mipGap: Double = 0

    @Option(help: "Write the mixed-integer program in free MPS format.")
    var writeMps: String?

    @Option(help: "Write the mixed-integer program in CPLEX LP format.")
    var writeLp: String?

    @Flag(help: "Print GLPK's log on stderr.")
    var glpkLog = false

    @Option(help: "Also render the timetable in this format (text, html, csv, ics, json) into --render-out.")
    var render: RenderFormat?

    @Option(help: "The folder for --render (default: --out, which is then a folder that also gets timetable.json).")
    var renderOut: String?

    @OptionGroup(title: "Rendering") var renderOptions: RenderOptions

    @Option(
        help: ArgumentHelp(
            "Re-solve from this timetable (.json): start from it, keep its enrolments where possible, and count every lesson moved away from it (rules timeChanges and roomChanges).",
            valueName: "TIMETABLE"))
    var from: String?

    @Option(
        help: ArgumentHelp(
            "With --from: keep these where that timetable has them: lesson:ID, teacher:ID, group:ID or day:DAY (repeatable). Placements marked \"locked\": true in it are kept too.",
            valueName: "KIND:ID"))
    var lock: [String] = []

    @Flag(help: "Only the base timetable: no enrolment and no coach conversations, even when the school has them.")
    var baseOnly = false

    @Flag(help: "Debug mode: check every incremental cost change against a full recomputation and the checker (slow).")
    var verifyDeltas = false

    func validate() throws {
        try CommandLineRange.check(timeLimit, in: CommandLineRange.seconds, "--time-limit")
        if let threads { try CommandLineRange.check(threads, in: CommandLineRange.threads, "--threads") }
        if let iterations { try CommandLineRange.check(iterations, in: CommandLineRange.iterations, "--iterations") }
        if render != nil, renderOut == nil, out == nil { throw ValidationError("--render needs a folder: --out DIR or --render-out DIR") }
        if !lock.isEmpty, from == nil { throw ValidationError("--lock keeps lessons where the --from timetable has them: give --from") }
        guard (0...1).contains(mipGap) else { throw ValidationError("--mip-gap must be between 0 and 1") }
        if let out, TimetableFile.Format(fileName: out) == nil, render == nil || renderOut != nil {
            throw ValidationError("Cannot tell the timetable format of '\(out)': use .json or .sol")
        }
    }

    struct Summary: Encodable {
        var status: String, hard: Int, soft: Int, seconds: Double, iterations: Int, movesPerSecond: Double
        var timeToFeasible: Double?
        var bound: Int?
        var gap: Double?
        /// Rules that count for this school but that the solver did not optimise.
        var unoptimisedRules: [String]
        /// Students short of choice lessons after the enrolment, and conversations not planned; nil without that layer.
        var studentsShort: Int?
        var conversationsUnplanned: Int?
    }

    func run() async throws {
        let loaded = try loadSchool(school, dropUnsupported: importOptions.dropUnsupported)
        // Exactly what `rooster validate` refuses, before any work: read errors such as a misspelt
        // key included, which the solvers (given the school, not the file) cannot see.
        let errors = loaded.validate().filter { $0.diagnostic.severity == .error }
        if !errors.isEmpty {
            for error in errors { printError(error.description) }
            let status: SolveStatus = errors.allSatisfy(\.diagnostic.provesNoTimetable) ? .infeasible : .invalidModel
            printError("\(school): not solved (\(status.rawValue))")
            throw Exit.badInput
        }
        let showProgress = !quiet && !json && isatty(2) != 0
        let printProgress: @Sendable (SolveProgress) -> Void = { progress in
            let line =
                "\u{1B}[2K\r" + String(format: "%6.1f s", progress.elapsed.inSeconds)
                + "  current \(progress.current)  best \(progress.best)"
            printError(line, newline: false)
        }
        var options = SolveOptions(
            timeLimit: .milliseconds(Int64(timeLimit * 1000)), iterationLimit: iterations, seed: seed,
            threads: threads ?? CommandLineRange.machineThreads,
            weightOverrides: try weights.overrides(), progress: showProgress ? printProgress : nil)
        let reference = try from.map { try loadReference($0, for: loaded.school) }
        options.reference = reference
        // With --render and no --render-out, --out is a folder: the timetable goes in as timetable.json.
        let folderMode = render != nil && renderOut == nil
        let timetablePath = folderMode ? out.map { URL(fileURLWithPath: $0).appendingPathComponent("timetable.json").path } : out
        try checkOutputs(folderMode ? nil : out, writeMps, writeLp)  // a folder for --render is made later
        let school = try lockedSchool(loaded.school, reference: reference)
        try writeModels(school)
        let heuristic = HeuristicSolver(verifiesDeltas: verifyDeltas)
        let log: (@Sendable (String) -> Void)? = glpkLog ? { @Sendable text in printError(text, newline: false) } : nil
        let glpk = MIPSolver(backend: GLPKBackend(), mipGap: mipGap, log: log)
        let solver: any TimetableSolver =
            switch self.solver {
            case .heuristic: heuristic
            case .glpk: glpk
            case .auto: AutoSolver(heuristic: heuristic, mip: glpk)
            }
        // Ctrl-C or SIGTERM stops the search; the best timetable so far is still written.
        let search = Task { [options] in await solver.solve(school, options: options) }
        let interruptions = Interruptions(cancelling: search)
        let result = await search.value
        interruptions.stop()
        if showProgress { printError("") }
        if result.status == SolveStatus.invalidModel || result.status == SolveStatus.infeasible {
            for diagnostic in result.diagnostics { printError(loaded.locate(diagnostic).description) }
            printError("\(self.school): not solved (\(result.status.rawValue))")
            throw Exit.badInput
        }
        let week = try weeklyLayers(on: result, school: school, previous: reference)
        let timetable = week?.timetable ?? result.timetable
        let report = week.map { _ in options.checker.check(timetable, against: school) } ?? result.report
        if folderMode, let out {
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                printError("\(out): error: cannot create the folder: \(error.localizedDescription)")
                throw Exit.cannotWrite
            }
        }
        let foundNothing = result.timetable.placements.isEmpty && !school.lessons.isEmpty
        if let timetablePath, !foundNothing {
            let format = TimetableFile.Format(fileName: timetablePath) ?? .json
            try reportingInputErrors {
                try TimetableFile.write(timetable, for: loaded, to: URL(fileURLWithPath: timetablePath), as: format)
            }
        }
        if let render, result.status != .invalidModel, !foundNothing {
            try renderOptions.render(render, school: loaded.school, timetable: timetable, to: renderOut ?? out)
        }
        if json {
            try printJSON(
                Summary(
                    status: result.status.rawValue, hard: report.score.hard, soft: report.score.soft,
                    seconds: result.statistics.elapsed.inSeconds, iterations: result.statistics.iterations,
                    movesPerSecond: result.statistics.movesPerSecond,
                    timeToFeasible: result.statistics.timeToFirstFeasible.map(\.inSeconds), bound: result.bound, gap: result.gap,
                    unoptimisedRules: result.unoptimisedRules.map(\.rawValue), studentsShort: week?.enrolment?.shortfalls.count,
                    conversationsUnplanned: week?.coaching?.unplanned.count))
        } else {
            if result.timetable.placements.isEmpty {
                print(
                    "no timetable found within the limits\(timetablePath.map { "; \($0) left as it was" } ?? ""); "
                        + "try a longer --time-limit or --solver auto")
            } else {
                for violation in report.violations where violation.level == .hard {
                    print("hard \(violation.rule): \(violation.message)")
                }
                // Where the search is stuck: the resources most involved, with their load.
                for collision in report.collisions(in: school) { print("most involved: \(collision)") }
            }
            print(
                "\(result.status.rawValue): \(result.score.hard) hard, \(result.score.soft) soft in \(String(format: "%.1f", result.statistics.elapsed.inSeconds)) s, "
                    + "\(result.statistics.iterations) moves (\(Int(result.statistics.movesPerSecond)) per second)"
                    + (result.bound.map { "; bound \($0)" } ?? "") + (foundNothing ? "" : timetablePath.map { "; wrote \($0)" } ?? ""))
            if let week { printWeek(week, report: report, reference: reference) }
            if !result.unoptimisedRules.isEmpty {
                print(
                    "not optimised by \(self.solver.rawValue), only checked: \(result.unoptimisedRules.map(\.rawValue).joined(separator: ", "))"
                )
            }
        }
        if verifyDeltas {
            printError("delta verification: \(result.statistics.deltaMismatches) mismatch(es)")
        }
        if !report.score.isFeasible { throw Exit.hardViolations }
    }
}

extension SolveCommand {
    /// The enrolment and coach conversations on the solver's timetable, unless `--base-only` or the
    /// school has no weekly layer; nil then.
    func weeklyLayers(on result: SolveResult, school: School, previous: Timetable?) throws -> WeeklyLayers? {
        guard !baseOnly, !result.timetable.placements.isEmpty, WeeklyLayers.isNeeded(for: school) else { return nil }
        do {
            return try WeeklyLayers.plan(school: school, base: result.timetable, previous: previous, seed: seed)
        } catch {
            printError("\(self.school): error: \(error)\n  hint: fix the coaching policy, or solve with --base-only")
            throw Exit.badInput
        }
    }

    /// One line per weekly layer: what the enrolment and the coach planner made.
    func printWeek(_ week: WeeklyLayers, report: CheckReport, reference: Timetable?) {
        if let enrolment = week.enrolment {
            print(
                "enrolment: \(enrolment.enrolments.count) enrolments, \(enrolment.shortfalls.count) students short of choice lessons, "
                    + "\(enrolment.unmet.count) requests unmet (rooster enrol for the weekly re-run)")
            if !enrolment.changes.isEmpty {
                let count = { (kind: EnrolmentPlan.Change.Kind) in enrolment.changes.filter { $0.kind == kind }.count }
                print("enrolments of --from: \(count(.kept)) kept, \(count(.moved)) moved, \(count(.lost)) lost")
            }
        }
        if let coaching = week.coaching {
            print("coaching: \(coaching.meetings.count) conversations and triad meetings, \(coaching.unplanned.count) not planned")
            let earlier = (reference?.coachMeetings ?? []).filter { $0.parent == nil }.count
            if earlier > 0 { print("conversations of --from: \(coaching.kept) of \(earlier) kept") }
        }
        let check = from.map { "rooster check --from \($0)" } ?? "rooster check"
        print("the whole week: \(report.score.hard) hard, \(report.score.soft) soft (\(check) judges the same)")
    }

    /// The school with `--lock` and the reference's locked placements pinned; the school itself without `--from`.
    func lockedSchool(_ school: School, reference: Timetable?) throws -> School {
        guard let reference else { return school }
        let locks = try lock.map { text in
            guard let parsed = TimetableLock(parsing: text, in: school) else {
                printError(
                    "error: --lock \(text): expected lesson:ID, teacher:ID, group:ID or day:DAY (days: \(school.days.map(\.id.rawValue).joined(separator: ", ")))"
                )
                throw Exit.badInput
            }
            return parsed
        }
        return school.locking(locks, in: reference)
    }

    /// Writes the mixed-integer program when asked (the library writes through a temporary file).
    func writeModels(_ school: School) throws {
        guard writeMps != nil || writeLp != nil else { return }
        do {
            try MIPSolver(backend: GLPKBackend()).writeModel(of: school, mps: writeMps, lp: writeLp)
        } catch {
            printError(
                "\([writeMps, writeLp].compactMap { $0 }.joined(separator: ", ")): error: \(error)\n  hint: check that the folder exists and is writable"
            )
            throw Exit.cannotWrite
        }
    }
}
