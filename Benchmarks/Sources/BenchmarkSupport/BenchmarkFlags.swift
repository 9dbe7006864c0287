import Foundation
import Rooster

/// The `--flag value` pairs of a benchmark's command line, in order; a flag without a value ends them.
public func flagPairs(_ arguments: [String]) -> [(flag: String, value: String)] {
    stride(from: 0, to: arguments.count - 1, by: 2).map { (arguments[$0], arguments[$0 + 1]) }
}

/// Says on standard error that a benchmark does not know a flag.
public func reportUnknownFlag(_ flag: String) {
    FileHandle.standardError.write(Data("unknown option \(flag)\n".utf8))
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
