/// A typed identifier: the ID of a teacher can never be passed where the ID of a room is expected.
///
/// Every entity of the model has a nested `ID` type (`Teacher.ID`, `Room.ID`, …) that is an
/// `Identifier` tagged with the entity type. The raw value is the short code the school uses
/// ("JDV", "2V1", "B1.12") and appears in files and in violation sentences.
public struct Identifier<Tag>: Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The identifier as written in files.
    public var rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
