import Foundation
import RoosterModel

/// Input that cannot be read at all: a missing file, text that is not UTF-8, broken YAML or
/// JSON, a wrong type, a `.ctt` with a missing section.
///
/// Carries the file and, where known, the line and the document path, and a hint how to fix it.
/// Input that can be read but is wrong (an unknown teacher) is a ``RoosterModel/Diagnostic``, not an error.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file name as given by the user.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    /// Document path such as `lessons[3].duration`, when known.
    public var path: String?
    public var message: String
    public var hint: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, path: String? = nil, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
        self.hint = hint
    }

    /// `school.yaml:12:5: error: … (at lessons[3].duration)` followed by the hint on its own line.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let line, line > 0, let column { location += ":\(column)" }
        var text = "\(location): error: \(message)"
        if let path, !path.isEmpty { text += " (at \(path))" }
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// A diagnostic with the file and line it points at, ready to print like a compiler message.
public struct LocatedDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public var diagnostic: Diagnostic
    public var file: String
    public var line: Int?

    public init(_ diagnostic: Diagnostic, file: String, line: Int?) {
        self.diagnostic = diagnostic
        self.file = file
        self.line = line
    }

    /// `school.yaml:42: error: Unknown teacher 'JDVV' (at lessons[3].teachers[0])` and a hint line.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": \(diagnostic.severity): \(diagnostic.message)"
        if !diagnostic.path.isEmpty { text += " (at \(diagnostic.path))" }
        if let hint = diagnostic.hint { text += "\n  hint: \(hint)" }
        return text
    }
}
