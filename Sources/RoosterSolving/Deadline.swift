/// The moment by which a piece of work must stop, on the monotonic clock.
///
/// A solve turns its time limit into a deadline once, when it starts, and from then on hands
/// deadlines down: to its searches, to the MIP backend, to the steps after it. A step that must
/// leave time for a later one takes a deadline ``reserving(_:)`` that time; a step that gets a
/// part of what is left takes ``share(_:)``. Nobody converts back to durations and forth again, so
/// the time spent building a program or constructing a timetable is never counted twice or lost.
public struct Deadline: Sendable, Hashable, Comparable {
    public let instant: ContinuousClock.Instant

    public init(_ instant: ContinuousClock.Instant) { self.instant = instant }

    /// The deadline `limit` after `start` (now by default).
    public init(after limit: Duration, from start: ContinuousClock.Instant = .now) { instant = start + limit }

    /// Time left, never negative.
    public var remaining: Duration { max(instant - .now, .zero) }

    public var hasPassed: Bool { ContinuousClock.now >= instant }

    /// This deadline moved earlier by `reserve`, for work that must leave time for a step after it.
    public func reserving(_ reserve: Duration) -> Deadline { Deadline(instant - reserve) }

    /// A deadline after `fraction` of the time left from now (0…1).
    public func share(_ fraction: Double) -> Deadline {
        Deadline(after: remaining * min(max(fraction, 0), 1))
    }

    /// The earlier of this deadline and `other`, if any.
    public func earlier(than other: Deadline?) -> Deadline { other.map { min(self, $0) } ?? self }

    public static func < (a: Deadline, b: Deadline) -> Bool { a.instant < b.instant }
}
