/// One period of a day template: a start time, a length and the segment it belongs to.
///
/// Periods of one template need not be equally long: a 15-minute coach slot, a 20-minute mentor
/// lesson, 50-minute lessons and a 3-hour block can follow each other.
public struct Period: Hashable, Sendable {
    /// A label such as "1" or "mentor"; nil shows the start time instead.
    public var name: String?
    public var start: TimeOfDay
    public var lengthInMinutes: Int
    /// The segment this period belongs to, if any.
    public var segment: Segment.ID?

    public init(name: String? = nil, start: TimeOfDay, lengthInMinutes: Int, segment: Segment.ID? = nil) {
        self.name = name
        self.start = start
        self.lengthInMinutes = lengthInMinutes
        self.segment = segment
    }

    /// The time the period ends.
    public var end: TimeOfDay { start.adding(minutes: lengthInMinutes) }
}

/// The shape of a school day: its periods in order.
///
/// Several days can share a template (Monday to Thursday), and a day can have its own (a short
/// Friday). A lesson longer than one period occupies consecutive periods of one template.
public struct DayTemplate: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<DayTemplate>

    public var id: ID
    public var name: String
    /// The periods in the order of the day, indexed from 0.
    public var periods: [Period]

    public init(id: ID, name: String? = nil, periods: [Period]) {
        self.id = id
        self.name = name ?? id.rawValue
        self.periods = periods
    }
}

/// A day of the school week, with the template that gives its periods.
public struct Day: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Day>

    public var id: ID
    /// The display name, e.g. "Tue" or "di".
    public var name: String
    public var template: DayTemplate.ID

    public init(id: ID, name: String? = nil, template: DayTemplate.ID) {
        self.id = id
        self.name = name ?? id.rawValue
        self.template = template
    }

    /// The weekday (0 = Monday … 6 = Sunday) this school day falls on, read from its ID or name
    /// (`mon`, `ma`, `Monday`, `maandag`, …); nil for days that name no weekday.
    public var weekday: Int? {
        for text in [id.rawValue, name].map({ $0.lowercased() }) {
            if let index = Self.englishPrefixes.firstIndex(where: { text.hasPrefix($0) }) { return index }
            if let index = Self.dutchPrefixes.firstIndex(where: { text.hasPrefix($0) }) { return index }
        }
        return nil
    }

    private static let englishPrefixes = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let dutchPrefixes = ["ma", "di", "wo", "do", "vr", "za", "zo"]
}
