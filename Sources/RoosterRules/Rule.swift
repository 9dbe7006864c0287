import RoosterModel

/// Whether breaking a rule makes a timetable unusable (hard) or only worse (soft).
public enum RuleLevel: String, Hashable, Sendable {
    case hard, soft
}

/// The layer of a timetable a rule judges, and so the engine that is responsible for it.
public enum RuleLayer: String, Hashable, Sendable, CaseIterable {
    /// Lessons in periods and rooms, made once a term by `rooster solve`.
    case base
    /// Students in choice sessions and block hours, made every week by `rooster enrol`.
    case enrolment
    /// Coach conversations and triad meetings, made once per coach cycle by `rooster coach`.
    case coaching
}

/// What the catalogue says about a rule: its ID, display name, level, layer, default weight and meaning.
public struct RuleDescriptor: Hashable, Sendable {
    /// The lowerCamel ID used in files and on the command line, e.g. `teacherConflict`.
    public var id: RuleID
    /// The display name, e.g. "Teacher conflict".
    public var name: String
    public var level: RuleLevel
    /// The layer the rule judges; rules of a layer absent from a timetable are not checked.
    public var layer: RuleLayer
    /// The weight of a soft rule when neither the school nor the caller sets one; 1 for hard rules.
    public var defaultWeight: Int
    /// One sentence: what the rule asks and what one unit of cost is.
    public var summary: String

    public init(id: RuleID, name: String, level: RuleLevel, layer: RuleLayer = .base, defaultWeight: Int, summary: String) {
        self.id = id
        self.name = name
        self.level = level
        self.layer = layer
        self.defaultWeight = defaultWeight
        self.summary = summary
    }
}

/// A rule of the checker: it looks at a timetable in context and lists every violation.
///
/// Rules are stateless values. Each reports *unweighted* costs; the ``Checker`` applies weights.
protocol Rule: Sendable {
    var descriptor: RuleDescriptor { get }
    func violations(in context: CheckContext) -> [Violation]
}

extension Rule {
    /// A violation of this rule, in English and in Dutch.
    func violation(_ cost: Int, _ message: String, nl dutch: String, involving involved: [String] = [], at slots: [TimeSlot] = [])
        -> Violation
    {
        Violation(
            rule: descriptor.id, level: descriptor.level, cost: cost, message: message, dutchMessage: dutch, involved: involved,
            slots: slots)
    }
}

/// The languages a violation is written in.
public enum MessageLanguage: String, CaseIterable, Sendable {
    case english = "en", dutch = "nl"
}

/// One broken rule, in words.
public struct Violation: Hashable, Sendable, CustomStringConvertible {
    public var rule: RuleID
    public var level: RuleLevel
    /// The unweighted cost: clashing periods, missing days, students over capacity, …
    public var cost: Int
    /// Cost times the rule's weight (equal to `cost` for hard rules); set by the ``Checker``.
    public var penalty: Int
    /// A sentence naming the people, rooms and times involved.
    public var message: String
    /// The same sentence in Dutch, for roostermakers and reports with `--locale nl`.
    public var dutchMessage: String
    /// What is involved, as `kind:id` (`teacher:JDV`, `lesson:2V1-du`), for tools that highlight.
    public var involved: [String]
    /// The slots involved, if any.
    public var slots: [TimeSlot]

    public init(
        rule: RuleID, level: RuleLevel, cost: Int, penalty: Int? = nil, message: String, dutchMessage: String? = nil,
        involved: [String] = [], slots: [TimeSlot] = []
    ) {
        self.rule = rule
        self.level = level
        self.cost = cost
        self.penalty = penalty ?? cost
        self.message = message
        self.dutchMessage = dutchMessage ?? message
        self.involved = involved
        self.slots = slots
    }

    public var description: String { "[\(level) \(rule)] \(message)" }
}

extension Violation {
    /// The sentence in a language.
    public func message(in language: MessageLanguage) -> String {
        language == .dutch ? dutchMessage : message
    }
}
