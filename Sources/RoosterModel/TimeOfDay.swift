/// A clock time within a school day, stored as minutes since midnight.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minutes since midnight, `0..<1440`.
    public var minutesSinceMidnight: Int

    public init(minutesSinceMidnight: Int) { self.minutesSinceMidnight = minutesSinceMidnight }

    /// A time from hours and minutes, e.g. `TimeOfDay(hour: 8, minute: 15)`.
    public init(hour: Int, minute: Int) { self.minutesSinceMidnight = hour * 60 + minute }

    /// Parses `"8:15"` or `"08:15"`; returns nil for anything else or for a time outside 00:00–23:59.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    public var hour: Int { minutesSinceMidnight / 60 }
    public var minute: Int { minutesSinceMidnight % 60 }

    /// The time as `HH:MM`.
    public var description: String {
        let h = hour < 10 ? "0\(hour)" : "\(hour)"
        let m = minute < 10 ? "0\(minute)" : "\(minute)"
        return "\(h):\(m)"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }

    /// This time moved by a number of minutes (saturating, so absurd lengths cannot overflow).
    public func adding(minutes: Int) -> TimeOfDay {
        let (sum, overflow) = minutesSinceMidnight.addingReportingOverflow(minutes)
        return TimeOfDay(minutesSinceMidnight: overflow ? (minutes > 0 ? .max : .min) : sum)
    }
}
