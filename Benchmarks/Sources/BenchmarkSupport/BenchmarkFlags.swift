import Foundation
import Rooster

/// The `--flag value` pairs of a benchmark's command line, in order. An argument without its pair
/// (`--help`, a flag without a value) stops the benchmark before any run: a slip of the keyboard
/// should not start an hour of runs with the default settings (it once did, beside a measurement).
public func flagPairs(_ arguments: [String]) -> [(flag: String, value: String)] {
    guard arguments.count.isMultiple(of: 2) else {
        stop(
            "\(arguments.last ?? "") has no value: options come as --flag value pairs (see the comment at the top of this benchmark's main.swift)"
        )
    }
    return stride(from: 0, to: arguments.count, by: 2).map { (arguments[$0], arguments[$0 + 1]) }
}

/// Stops the benchmark, before any run, on a flag it does not know.
public func reportUnknownFlag(_ flag: String) -> Never {
    stop("unknown option \(flag) (see the comment at the top of this benchmark's main.swift)")
}

/// The ranges of the benchmarks' numeric options, in one place.
public enum BenchmarkRange {
    /// `--seconds`, a time limit per run.
    public static let seconds = 0.01...86_400.0
    public static let seed = UInt64(0)...UInt64.max
    /// `--threads` (searches per run) and `--parallel` (runs at a time).
    public static let cores = 1...256
    /// `--rounds` of the cooperating searches.
    public static let rounds = 1...10_000
    /// `--iterations`, moves per search.
    public static let moves = 1...Int.max
    /// `--t0`, `--tend`.
    public static let temperature = 0.000_001...1_000_000.0
    public static let hardWeight = 1...1_000_000_000
    /// `--exchange-from`, a share of the rounds.
    public static let share = 0.0...1.0
    /// Students of a generated school.
    public static let students = 1...100_000
    /// Timings per case of the checker benchmark.
    public static let repetitions = 1...1_000_000
}

/// `value`, given for `option`, read by `read` and checked against `range`. A value that does not
/// read or lies outside the range stops the benchmark before any run (`--seconds 3OO` used to run
/// with the default time).
public func parsed<Value: Comparable>(
    _ value: String, for option: String, in range: ClosedRange<Value>, _ read: (String) -> Value?
) -> Value {
    guard let parsed = read(value), range.contains(parsed) else {
        stop("\(option) \(value): expected a value in \(range.lowerBound)...\(range.upperBound)")
    }
    return parsed
}

/// A comma-separated list given for `option` (`--seeds 1,2,3`), each item read and checked as by
/// ``parsed(_:for:in:_:)``; an empty list stops the benchmark too.
public func parsedList<Value: Comparable>(
    _ value: String, for option: String, in range: ClosedRange<Value>, _ read: (String) -> Value?
) -> [Value] {
    let items = value.split(separator: ",").map { parsed(String($0), for: option, in: range, read) }
    if items.isEmpty { stop("\(option) needs at least one value") }
    return items
}

/// `value`, given for `option`, when it is one of `allowed`; any other stops the benchmark.
public func parsed(_ value: String, for option: String, from allowed: [String]) -> String {
    guard allowed.contains(value) else { stop("\(option) \(value): expected one of \(allowed.joined(separator: ", "))") }
    return value
}

/// A comma-separated list given for `option` (`--modes heuristic,auto`), each item one of `allowed`.
public func parsedList(_ value: String, for option: String, from allowed: [String]) -> [String] {
    let items = value.split(separator: ",").map { parsed(String($0), for: option, from: allowed) }
    if items.isEmpty { stop("\(option) needs at least one value") }
    return items
}

/// The positional arguments of a benchmark that takes them in a fixed order
/// (`scaling-benchmark STUDENTS SECONDS SEED`). More arguments than names, or one that does not
/// read, stop the benchmark before any run; a missing one takes its default.
public struct PositionalArguments {
    private let values: [String]
    private let names: [String]

    /// `arguments` as given after the program name; `names` as in the usage line.
    public init(_ arguments: [String], names: [String]) {
        if arguments.count > names.count {
            stop(
                "at most \(names.count) arguments (\(names.joined(separator: " "))), got \(arguments.count): \(arguments.joined(separator: " "))"
            )
        }
        self.values = arguments
        self.names = names
    }

    /// Argument `index` read and checked as by ``parsed(_:for:in:_:)``, or `fallback` when not given.
    public func value<Value: Comparable>(
        _ index: Int, default fallback: Value, in range: ClosedRange<Value>, _ read: (String) -> Value?
    ) -> Value {
        guard index < values.count else { return fallback }
        return parsed(values[index], for: names[index], in: range, read)
    }

    /// Argument `index` as one of the cases of `Choice` (by raw value), or `fallback` when not given.
    public func choice<Choice: RawRepresentable & CaseIterable>(_ index: Int, default fallback: Choice) -> Choice
    where Choice.RawValue == String {
        guard index < values.count,
            let choice = Choice(rawValue: parsed(values[index], for: names[index], from: Choice.allCases.map(\.rawValue)))
        else { return fallback }
        return choice
    }

    /// Argument `index` as written (a path), or nil when not given.
    public func text(_ index: Int) -> String? { index < values.count ? values[index] : nil }
}

/// Ends the benchmark with `message` on stderr: exit 2 for a command line it cannot use, 1 for a file.
public func stop(_ message: String, exitCode: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data("\(message)\n".utf8))
    exit(exitCode)
}

/// What `body` reads or writes, or the end of the benchmark (exit 1) with a message that names
/// `file` and the error, rather than a crash on a missing or broken file.
public func orStop<Value>(_ file: String, _ body: () throws -> Value) -> Value {
    do {
        return try body()
    } catch {
        let message = "\(error)"
        stop(message.contains(file) ? message : "\(file): \(message)", exitCode: 1)
    }
}

/// The ITC 2007 instance `name` from `folder` (`name.ctt`); nil after printing a table row that
/// names the error, so that one unreadable instance does not end a benchmark.
public func loadITCInstance(_ name: String, from folder: String) -> School? {
    do {
        return try SchoolFile.load(URL(fileURLWithPath: "\(folder)/\(name).ctt")).school
    } catch {
        print("| \(name) | error: \(error) |")
        return nil
    }
}
