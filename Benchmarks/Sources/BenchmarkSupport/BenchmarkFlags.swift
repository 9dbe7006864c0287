import Foundation
import Rooster

/// The `--flag value` pairs of a benchmark's command line, in order. An argument without its pair
/// (`--help`, a flag without a value) stops the benchmark before any run: a slip of the keyboard
/// should not start an hour of runs with the default settings (it once did, beside a measurement).
public func flagPairs(_ arguments: [String]) -> [(flag: String, value: String)] {
    guard arguments.count.isMultiple(of: 2) else {
        stop("\(arguments.last ?? "") has no value: options come as --flag value pairs (see the comment at the top of this benchmark's main.swift)")
    }
    return stride(from: 0, to: arguments.count, by: 2).map { (arguments[$0], arguments[$0 + 1]) }
}

/// Stops the benchmark, before any run, on a flag it does not know.
public func reportUnknownFlag(_ flag: String) -> Never {
    stop("unknown option \(flag) (see the comment at the top of this benchmark's main.swift)")
}

private func stop(_ message: String) -> Never {
    FileHandle.standardError.write(Data("\(message)\n".utf8))
    exit(2)
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
