/// A finding about the input, found before any solver runs.
///
/// Bad input is reported, not thrown: validation collects every diagnostic it can find so the
/// roostermaker can fix them all in one go.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error, warning, note

        private var order: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }
    }

    public var severity: Severity
    /// A stable code for scripts, e.g. `unknownReference`, `teacherOverloaded`.
    public var code: String
    public var message: String
    /// Where in the document, as a path like `lessons[3].teachers[0]`; empty for the whole school.
    public var path: String
    /// How to fix it.
    public var hint: String?

    public init(_ severity: Severity, _ code: String, _ message: String, at path: String, hint: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.path = path
        self.hint = hint
    }

    public var description: String {
        var text = "\(severity): \(message)"
        if !path.isEmpty { text += " [\(path)]" }
        if let hint { text += " (hint: \(hint))" }
        return text
    }
}

extension Diagnostic {
    /// Codes of the counting checks (``School/validate()``) whose errors prove that no timetable
    /// can meet every hard rule: more lessons than periods, rooms or seats, not a question of input.
    public static let impossibilityCodes: Set<String> = [
        "teacherOverloaded", "groupOverloaded", "roomsOverloaded", "lessonTooLong", "notEnoughRooms", "noRoomOfKind",
        "choiceCapacity", "caseloadExceeded", "pinnedOutsideSegment", "lessonOverloaded",
    ]

    /// True for an error that proves the school has no timetable (see ``impossibilityCodes``).
    public var provesNoTimetable: Bool { severity == .error && Self.impossibilityCodes.contains(code) }
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
