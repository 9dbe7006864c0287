/// The arithmetic boundary for schools that were not validated.
///
/// ``School/validate()`` rejects every number outside its documented range (``InputRanges``), and
/// the command line validates before any work. A library caller may still hand the checker a school
/// it never validated; ``boundedForArithmetic()`` clamps its counts so that no sum, product or range
/// built from them can trap, and the checker reports on that copy instead of crashing its host.
extension School {
    /// The largest magnitude any count keeps: sums of a million of them still fit in an `Int`.
    public static let arithmeticBound = 1_000_000
    /// The longest cycle the checker will enumerate weeks of (validation allows 1…52).
    public static let weeksBound = 1_000

    /// This school with every count clamped to ±``arithmeticBound`` (weeks in the cycle to
    /// ``weeksBound``), or nil when every count is already inside: the common case costs one read of
    /// each field and copies nothing.
    public func boundedForArithmetic() -> School? {
        var copy = self
        var changed = false
        func clamped(_ value: Int, to limit: Int = Self.arithmeticBound) -> Int? {
            guard value < -limit || value > limit else { return nil }
            changed = true
            return min(max(value, -limit), limit)
        }
        func clamped(_ slots: Set<TimeSlot>) -> Set<TimeSlot>? {
            guard slots.contains(where: { clamped($0) != nil }) else { return nil }
            return Set(slots.map { clamped($0) ?? $0 })
        }
        func clamped(_ slot: TimeSlot) -> TimeSlot? {
            let limit = Self.arithmeticBound
            let range = -limit...limit
            guard !range.contains(slot.day) || !range.contains(slot.period) else { return nil }
            changed = true
            return TimeSlot(day: min(max(slot.day, -limit), limit), period: min(max(slot.period, -limit), limit))
        }
        func clamped(_ numbers: Set<Int>) -> Set<Int>? {
            guard numbers.contains(where: { clamped($0) != nil }) else { return nil }
            return Set(numbers.map { clamped($0) ?? $0 })
        }

        if let value = clamped(weeksInCycle, to: Self.weeksBound) { copy.weeksInCycle = value }
        if let number = choiceLessonsPerWeek, let value = clamped(number) { copy.choiceLessonsPerWeek = value }
        for (rule, weight) in ruleWeights { if let value = clamped(weight) { copy.ruleWeights[rule] = value } }
        for (t, template) in dayTemplates.enumerated() {
            for (p, period) in template.periods.enumerated() {
                if let value = clamped(period.lengthInMinutes) { copy.dayTemplates[t].periods[p].lengthInMinutes = value }
                if let value = clamped(period.start.minutesSinceMidnight) {
                    copy.dayTemplates[t].periods[p].start.minutesSinceMidnight = value
                }
            }
        }
        for (index, teacher) in teachers.enumerated() {
            if let slots = clamped(teacher.unavailable) { copy.teachers[index].unavailable = slots }
            if let slots = clamped(teacher.unwanted) { copy.teachers[index].unwanted = slots }
            if let days = clamped(teacher.daysOff) { copy.teachers[index].daysOff = days }
            if let number = teacher.maxPeriodsPerDay, let value = clamped(number) { copy.teachers[index].maxPeriodsPerDay = value }
            if let number = teacher.maxDays, let value = clamped(number) { copy.teachers[index].maxDays = value }
            if let number = teacher.preferredMaxDays, let value = clamped(number) { copy.teachers[index].preferredMaxDays = value }
            if let number = teacher.minPeriodsPerDay, let value = clamped(number) { copy.teachers[index].minPeriodsPerDay = value }
            if let number = teacher.coach?.caseload, let value = clamped(number) { copy.teachers[index].coach?.caseload = value }
        }
        for (index, room) in rooms.enumerated() {
            if let value = clamped(room.capacity) { copy.rooms[index].capacity = value }
            if let slots = clamped(room.unavailable) { copy.rooms[index].unavailable = slots }
        }
        for (index, group) in groups.enumerated() {
            if let number = group.size, let value = clamped(number) { copy.groups[index].size = value }
            if let slots = clamped(group.unavailable) { copy.groups[index].unavailable = slots }
            if let number = group.lessonsPerDay?.minimum, let value = clamped(number) { copy.groups[index].lessonsPerDay?.minimum = value }
            if let number = group.lessonsPerDay?.maximum, let value = clamped(number) { copy.groups[index].lessonsPerDay?.maximum = value }
        }
        for (index, student) in students.enumerated() {
            if let number = student.coachingIntervalInWeeks, let value = clamped(number) {
                copy.students[index].coachingIntervalInWeeks = value
            }
        }
        for (index, lesson) in lessons.enumerated() {
            if let value = clamped(lesson.countPerWeek) { copy.lessons[index].countPerWeek = value }
            if let value = clamped(lesson.durationInPeriods) { copy.lessons[index].durationInPeriods = value }
            if let value = clamped(lesson.roomCount) { copy.lessons[index].roomCount = value }
            if let number = lesson.studentCount, let value = clamped(number) { copy.lessons[index].studentCount = value }
            if let number = lesson.maxPerDay, let value = clamped(number) { copy.lessons[index].maxPerDay = value }
            if let number = lesson.minDays, let value = clamped(number) { copy.lessons[index].minDays = value }
            if lesson.pinned.contains(where: { clamped($0) != nil }) {
                copy.lessons[index].pinned = lesson.pinned.map { clamped($0) ?? $0 }
            }
            if let slots = clamped(lesson.unavailable) { copy.lessons[index].unavailable = slots }
            if let weeks = lesson.weeks, let value = clamped(weeks) { copy.lessons[index].weeks = value }
            if let number = lesson.choice?.capacity, let value = clamped(number) { copy.lessons[index].choice?.capacity = value }
            if let number = lesson.choice?.minimumSize, let value = clamped(number) { copy.lessons[index].choice?.minimumSize = value }
        }
        for (index, request) in choiceRequests.enumerated() {
            if let value = clamped(request.rank) { copy.choiceRequests[index].rank = value }
        }
        if let policy = coaching {
            if let value = clamped(policy.lengthInMinutes) { copy.coaching?.lengthInMinutes = value }
            if let value = clamped(policy.intervalInWeeks) { copy.coaching?.intervalInWeeks = value }
            if let value = clamped(policy.triadsPerCycle) { copy.coaching?.triadsPerCycle = value }
        }
        for (index, team) in teamTimes.enumerated() {
            if let value = clamped(team.commonFreePeriods) { copy.teamTimes[index].commonFreePeriods = value }
        }
        for (index, exemption) in exemptions.enumerated() {
            if let days = clamped(exemption.days) { copy.exemptions[index].days = days }
        }
        for (index, parent) in parents.enumerated() {
            if let slots = clamped(parent.available) { copy.parents[index].available = slots }
        }
        for (index, spread) in daySpreads.enumerated() {
            if let value = clamped(spread.minDays) { copy.daySpreads[index].minDays = value }
        }
        return changed ? copy : nil
    }
}
