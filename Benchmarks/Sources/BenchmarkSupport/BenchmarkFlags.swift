import Foundation

/// The `--flag value` pairs of a benchmark's command line, in order; a flag without a value ends them.
public func flagPairs(_ arguments: [String]) -> [(flag: String, value: String)] {
    stride(from: 0, to: arguments.count - 1, by: 2).map { (arguments[$0], arguments[$0 + 1]) }
}

/// Says on standard error that a benchmark does not know a flag.
public func reportUnknownFlag(_ flag: String) {
    FileHandle.standardError.write(Data("unknown option \(flag)\n".utf8))
}
