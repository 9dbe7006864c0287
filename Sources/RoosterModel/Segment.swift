/// A named part of the school day that lessons refer to: the mentor lesson, the choice lesson,
/// the instruction window, independent-work blocks, coach slots.
///
/// Segments are declared once per school; each ``Period`` of a ``DayTemplate`` names the segment
/// it belongs to. A lesson that may only run in instruction time lists that segment in
/// ``Lesson/allowedSegments`` and the rule holds on every day, whatever the day's template.
public struct Segment: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Segment>

    /// What a segment is for. Solvers and renderers use the kind; users name segments freely.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The mentor lesson (mentorles) that opens a bioritme day.
        case mentor
        /// Periods for choice lessons (keuzelessen) that students enrol in weekly.
        case choice
        /// Fixed instruction lessons and tests.
        case instruction
        /// Independent-work blocks (zelfstandig werken), e.g. 45 minutes after 14:00.
        case independentWork
        /// Coach conversations (coachgesprekken).
        case coaching
        /// A block hour: several subjects at the same time, students choose.
        case block
        /// Anything else.
        case other
    }

    public var id: ID
    public var name: String
    public var kind: Kind

    public init(id: ID, name: String? = nil, kind: Kind = .other) {
        self.id = id
        self.name = name ?? id.rawValue
        self.kind = kind
    }
}
