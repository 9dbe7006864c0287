extension School {
    /// The template of a day, or nil when the day index or its template reference is invalid.
    public func template(ofDay day: Int) -> DayTemplate? {
        guard days.indices.contains(day) else { return nil }
        let templateID = days[day].template
        return dayTemplates.first { $0.id == templateID }
    }

    /// The periods of a day; empty for an invalid day.
    public func periods(ofDay day: Int) -> [Period] {
        template(ofDay: day)?.periods ?? []
    }

    /// The period at a slot, or nil when the slot does not exist.
    public func period(at slot: TimeSlot) -> Period? {
        let periods = periods(ofDay: slot.day)
        return periods.indices.contains(slot.period) ? periods[slot.period] : nil
    }

    /// True when the slot exists in the calendar.
    public func contains(_ slot: TimeSlot) -> Bool { period(at: slot) != nil }

    /// Every slot of the week, day by day.
    public var allSlots: [TimeSlot] {
        days.indices.flatMap { day in periods(ofDay: day).indices.map { TimeSlot(day: day, period: $0) } }
    }

    /// A human label for a slot such as `Tue 10:00`, or `Tue 10:00 (p2)` when the period has a name.
    public func label(_ slot: TimeSlot) -> String {
        let dayName = days.indices.contains(slot.day) ? days[slot.day].name : "day \(slot.day)"
        guard let period = period(at: slot) else { return "\(dayName) period \(slot.period)" }
        return "\(dayName) \(period.start)" + (period.name.map { " (\($0))" } ?? "")
    }

    /// The Dutch label of a slot, `di 10:00 (p2)`: the weekday abbreviated when the day names one.
    public func dutchLabel(_ slot: TimeSlot) -> String {
        guard days.indices.contains(slot.day) else { return "dag \(slot.day) uur \(slot.period)" }
        let day = days[slot.day]
        let dayName = day.weekday.map { ["ma", "di", "wo", "do", "vr", "za", "zo"][$0] } ?? day.name
        guard let period = period(at: slot) else { return "\(dayName) uur \(slot.period)" }
        return "\(dayName) \(period.start)" + (period.name.map { " (\($0))" } ?? "")
    }

    /// The Dutch name of a day: its weekday abbreviated (`di`), else the day's own name.
    public func dutchDayName(_ day: Int) -> String {
        guard days.indices.contains(day) else { return "dag \(day)" }
        return days[day].weekday.map { ["ma", "di", "wo", "do", "vr", "za", "zo"][$0] } ?? days[day].name
    }

    /// True when a lesson of `durationInPeriods` starting at `start` stays on its day and only uses
    /// periods in `segments` (any segment when `segments` is empty).
    public func fits(durationInPeriods: Int, at start: TimeSlot, in segments: [Segment.ID]) -> Bool {
        let periods = periods(ofDay: start.day)
        // Compared without adding, so that a duration near Int.max is "does not fit", not a trap.
        guard start.period >= 0, durationInPeriods >= 1, durationInPeriods <= periods.count - start.period else {
            return false
        }
        if segments.isEmpty { return true }
        for index in start.period..<(start.period + durationInPeriods) {
            guard let segment = periods[index].segment, segments.contains(segment) else { return false }
        }
        return true
    }

    /// The slots a lesson occupies when it starts at `start`. A duration longer than any day (which
    /// validation refuses) is cut at the longest day's length, so that nonsense stays cheap.
    public func occupiedSlots(from start: TimeSlot, durationInPeriods: Int) -> [TimeSlot] {
        let longestDay = dayTemplates.lazy.map(\.periods.count).max() ?? 1
        return (0..<min(max(durationInPeriods, 1), max(longestDay, 1))).map { TimeSlot(day: start.day, period: start.period &+ $0) }
    }

    /// The weeks of the cycle that rules judge one by one: `[nil]` (every week alike) unless some
    /// lesson runs only in some weeks of the cycle, then each week (from 0).
    public var weekPasses: [Int?] {
        let allWeeks = Set(0..<max(weeksInCycle, 1))
        return lessons.contains { $0.weeks != nil && $0.weeks != allWeeks } ? allWeeks.sorted() : [nil]
    }

    /// The students in a group: its declared size, or else the number of students listed in it.
    public func size(of group: Group.ID) -> Int {
        if let declared = groups.first(where: { $0.id == group })?.size { return declared }
        return students.reduce(0) { $0 + ($1.groups.contains(group) ? 1 : 0) }
    }

    /// Students a lesson is meant for: its own count, or the sum of its groups' sizes.
    public func expectedStudents(of lesson: Lesson) -> Int {
        lesson.studentCount ?? lesson.groups.reduce(0) { $0 + size(of: $1) }
    }
}
