import ArgumentParser
import Foundation
import Rooster

/// Exit codes shared by all commands.
enum Exit {
    /// The timetable breaks at least one hard rule.
    static let hardViolations = ExitCode(1)
    /// The input is bad: unreadable, malformed, or invalid.
    static let badInput = ExitCode(2)
    /// An output cannot be written: a missing or read-only folder, a folder, device or pipe where
    /// the file should be, a full disk. The file that was there stays as it was.
    static let cannotWrite = ExitCode(3)
}

/// Writes a line (or, without `newline`, a partial line) to standard error.
func printError(_ text: String, newline: Bool = true) {
    FileHandle.standardError.write(Data((text + (newline ? "\n" : "")).utf8))
}

/// Runs `body`; an ``InputError`` is printed and becomes exit code 2, a write error exit code 3.
func reportingInputErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as InputError {
        printError(error.description)
        throw Exit.badInput
    } catch let error as AtomicFile.WriteError {
        printError(error.description)
        throw Exit.cannotWrite
    }
}

/// Reads a school, printing read errors and exiting with 2 when it cannot be used.
func loadSchool(_ path: String, dropUnsupported: Bool = false) throws -> LoadedSchool {
    try reportingInputErrors {
        try SchoolFile.load(URL(fileURLWithPath: path), displayName: path, dropUnsupported: dropUnsupported)
    }
}

/// `--drop-unsupported`, for commands that read FET and XHSTT files.
struct ImportOptions: ParsableArguments {
    @Flag(
        help:
            "FET and XHSTT files: solve without the constraints Rooster cannot represent (listed as warnings) instead of refusing the file."
    )
    var dropUnsupported = false
}

/// Reads a valid school and a timetable for it, or prints why not and exits with 2.
func loadSchoolAndTimetable(_ schoolPath: String, _ timetablePath: String, dropUnsupported: Bool = false) throws -> (School, Timetable) {
    let loaded = try loadValidSchool(schoolPath, dropUnsupported: dropUnsupported)
    return (loaded.school, try loadTimetable(timetablePath, for: loaded))
}

/// Reads a school that validates without errors, or prints its errors and exits with 2.
func loadValidSchool(_ path: String, dropUnsupported: Bool = false) throws -> LoadedSchool {
    let loaded = try loadSchool(path, dropUnsupported: dropUnsupported)
    let errors = loaded.validate().filter { $0.diagnostic.severity == .error }
    if !errors.isEmpty {
        for error in errors { printError(error.description) }
        printError("\(path): the school has \(errors.count) error(s); fix them first (rooster validate \(path))")
        throw Exit.badInput
    }
    return loaded
}

/// Reads a timetable for a loaded school (for an XHSTT school, `.xml` is a solution archive).
func loadTimetable(_ path: String, for loaded: LoadedSchool) throws -> Timetable {
    let (timetable, note) = try reportingInputErrors {
        try TimetableFile.load(URL(fileURLWithPath: path), for: loaded, displayName: path)
    }
    if let note { printError(note) }
    return timetable
}

/// Reads the timetable of before a change (`--from`, `diff OLD`): entries for lessons, rooms,
/// students or days the school no longer has are dropped with a warning on standard error.
func loadReference(_ path: String, for school: School) throws -> Timetable {
    let (timetable, dropped) = try reportingInputErrors {
        try TimetableFile.loadReference(URL(fileURLWithPath: path), for: school, displayName: path)
    }
    if let first = dropped.first {
        printError(
            "\(path): warning: \(dropped.count) entr\(dropped.count == 1 ? "y" : "ies") the school no longer has are left out, e.g.:")
        printError("  \(first.description.replacingOccurrences(of: "\n", with: "\n  "))")
    }
    return timetable
}

/// Prints a value as one line of JSON on standard output.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// `--profile` and `--weight`: the soft-rule weights of a run, shared by the commands that score.
struct WeightOptions: ParsableArguments {
    @Option(help: "Use a named set of soft-rule weights instead of the school's: school or itc2007.")
    var profile: RuleProfile?

    @Option(
        name: .customLong("weight"),
        help: ArgumentHelp("Set a soft rule's weight, e.g. teacherGaps=3 (repeatable).", valueName: "rule=weight"))
    var weights: [String] = []

    func validate() throws { _ = try overrides() }

    /// The profile's weights with the explicit `--weight`s over them.
    func overrides() throws -> [RuleID: Int] {
        (profile?.weights ?? [:]).merging(try parseWeights(weights)) { _, explicit in explicit }
    }
}

/// Parses `rule=weight` options into weight overrides.
func parseWeights(_ options: [String]) throws -> [RuleID: Int] {
    var weights: [RuleID: Int] = [:]
    for option in options {
        let parts = option.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, let weight = Int(parts[1]), weight >= 0 else {
            throw ValidationError("--weight takes RULE=WEIGHT with a whole number ≥ 0, e.g. --weight teacherGaps=3; got '\(option)'")
        }
        let rule = RuleID(String(parts[0]))
        guard let descriptor = RuleCatalogue.descriptor(rule), descriptor.level == .soft else {
            throw ValidationError("'\(parts[0])' is not a soft rule; run 'rooster rules' for the list")
        }
        weights[rule] = weight
    }
    return weights
}

extension RuleProfile: ExpressibleByArgument {}

/// The ranges of the numbers the command line takes, checked in one place: an absurd number is
/// an error that says the range, never a trap or a hang.
enum CommandLineRange {
    /// Seconds of a search: from a millisecond to a week.
    static let seconds: ClosedRange<Double> = 0.001...604_800
    /// Parallel searches: up to 256 (each keeps its own copy of the timetable).
    static let threads: ClosedRange<Int> = 1...256
    /// The default number of searches: one per core the process may use.
    static var machineThreads: Int { min(max(ProcessInfo.processInfo.activeProcessorCount, threads.lowerBound), threads.upperBound) }
    /// Moves per search: at least one, at most 10^12.
    static let iterations: ClosedRange<Int> = 1...1_000_000_000_000

    /// Checks a number against its range, naming the option and the range.
    static func check<T: Comparable>(_ value: T, in range: ClosedRange<T>, _ option: String) throws {
        guard range.contains(value) else {
            throw ValidationError("\(option) must be between \(range.lowerBound) and \(range.upperBound); got \(value)")
        }
    }
}

/// Checks every output path before any work starts, so that a long run never ends in "cannot
/// write": a missing or read-only folder, or a folder, device or pipe at the path, is exit 3 now.
func checkOutputs(_ paths: String?...) throws {
    try reportingInputErrors {
        for path in paths.compactMap({ $0 }) { try AtomicFile.checkWritable(URL(fileURLWithPath: path)) }
    }
}

/// While alive, Ctrl-C (SIGINT) and SIGTERM — what `timeout`, systemd and container runtimes
/// send — cancel a task instead of ending the process, so that the best result so far is still
/// checked and written. ``stop()`` restores the default handlers.
final class Interruptions {
    private let sources: [any DispatchSourceSignal]
    private static let signals = [SIGINT, SIGTERM]
    /// A queue of its own: a serial queue gets a thread even while solver threads fill the global
    /// pool (on two cores a solve keeps both busy, and a handler on `.global()` would wait for it).
    private static let queue = DispatchQueue(label: "rooster.interruptions")

    init(cancelling task: Task<some Sendable, Never>) {
        sources = Self.signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: Self.queue)
            source.setEventHandler { task.cancel() }
            source.resume()
            return source
        }
    }

    func stop() {
        for source in sources { source.cancel() }
        for number in Self.signals { signal(number, SIG_DFL) }
    }
}
