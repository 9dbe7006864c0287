/// One period of one day of the week: the unit a timetable places lessons in.
///
/// Both indices count from 0: `day` indexes ``School/days`` and `period` indexes the periods of
/// that day's ``DayTemplate``. Days can have templates of different lengths, so the valid
/// `period` range depends on the day.
public struct TimeSlot: Hashable, Comparable, Sendable {
    /// Index into ``School/days``, from 0.
    public var day: Int
    /// Index into the periods of the day's template, from 0.
    public var period: Int

    public init(day: Int, period: Int) {
        self.day = day
        self.period = period
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.day, lhs.period) < (rhs.day, rhs.period)
    }
}
