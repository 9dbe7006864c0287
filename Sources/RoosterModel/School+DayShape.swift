/// How many periods of lessons a group has on each day it attends: the shape of a day schools
/// check first (no class-day without instruction, no day of eight lessons beside one of two).
public struct LessonsPerDay: Hashable, Sendable {
    /// Periods of lessons at least, on every day the group attends; 1 by default.
    public var minimum: Int
    /// Periods of lessons at most; nil for no limit.
    public var maximum: Int?

    public init(minimum: Int = 1, maximum: Int? = nil) {
        self.minimum = minimum
        self.maximum = maximum
    }
}

extension Segment.Kind {
    /// Whether a group is meant to be taught as a group in a period of this kind. Mentor, choice,
    /// independent-work and coaching periods are not: a group without a lesson then is not idle
    /// (no *tussenuur*), and its lessons there are not instruction.
    public var isGroupTeaching: Bool {
        switch self {
        case .mentor, .choice, .independentWork, .coaching: false
        case .instruction, .block, .other: true
        }
    }
}

extension School {
    /// The kind of the segment a slot belongs to; nil without a segment.
    public func segmentKind(at slot: TimeSlot) -> Segment.Kind? {
        guard let id = period(at: slot)?.segment else { return nil }
        return segments.first { $0.id == id }?.kind
    }

    /// Whether a group is meant to be taught in this period (see ``Segment/Kind/isGroupTeaching``);
    /// periods without a segment are.
    public func isGroupTeachingPeriod(_ slot: TimeSlot) -> Bool {
        segmentKind(at: slot)?.isGroupTeaching ?? true
    }

    /// Whether a teacher's free period here counts as idle: coach windows do not, since a coach may
    /// hold conversations in them.
    public func isTeacherGapPeriod(_ slot: TimeSlot) -> Bool {
        segmentKind(at: slot) != .coaching
    }

    /// Whether the group attends school on a day: some teaching period of the day is available to it.
    public func attends(_ group: Group, day: Int) -> Bool {
        days.indices.contains(day) && attends(group, among: teachingSlots(ofDay: day))
    }

    /// ``attends(_:day:)`` for every group and day at once: `attendance()[group][day]`, groups in
    /// the order of ``groups``.
    public func attendance() -> [[Bool]] {
        let teaching = teachingSlotsByDay()
        return groups.map { group in teaching.map { attends(group, among: $0) } }
    }

    /// The daily lesson limits that hold for a group: its own, else the school's. The minimum is
    /// dropped (0) when the group's week has fewer teaching periods than days it attends times the
    /// minimum — a subgroup or a part-time class cannot have lessons every day. Both are clamped to
    /// 0 through the longest day's periods.
    public func lessonsPerDay(of group: Group) -> LessonsPerDay {
        let days = teachingSlotsByDay().filter { attends(group, among: $0) }.count
        return lessonsPerDay(of: group, attendedDays: days, weeklyTeachingPeriods: weeklyTeachingPeriods(of: group.id))
    }

    /// ``lessonsPerDay(of:)`` for every group at once, in the order of ``groups``: one pass over the lessons.
    public func lessonsPerDayOfGroups() -> [LessonsPerDay] {
        let weekly = weeklyTeachingPeriodsByGroup()
        return zip(groups, attendance()).map { group, days in
            lessonsPerDay(of: group, attendedDays: days.filter { $0 }.count, weeklyTeachingPeriods: weekly[group.id] ?? 0)
        }
    }

    private func lessonsPerDay(of group: Group, attendedDays: Int, weeklyTeachingPeriods: Int) -> LessonsPerDay {
        var limits = group.lessonsPerDay ?? lessonsPerDay
        // Out-of-range limits are validation errors; clamped here so that no rule or solver overflows.
        let longest = dayTemplates.map(\.periods.count).max() ?? 0
        limits.minimum = min(max(limits.minimum, 0), longest)
        limits.maximum = limits.maximum.map { min(max($0, 0), longest) }
        if limits.minimum > 0, weeklyTeachingPeriods < attendedDays * limits.minimum { limits.minimum = 0 }
        return limits
    }

    /// Periods of group lessons a week that may lie in teaching periods: a cluster counts once (its
    /// lessons run at the same time), lessons confined to mentor or choice segments not at all.
    public func weeklyTeachingPeriods(of group: Group.ID) -> Int {
        weeklyTeachingPeriodsByGroup()[group] ?? 0
    }

    /// ``weeklyTeachingPeriods(of:)`` for every group that has lessons, in one pass over the lessons.
    public func weeklyTeachingPeriodsByGroup() -> [Group.ID: Int] {
        let teachingSegments = Set(segments.filter(\.kind.isGroupTeaching).map(\.id))
        let clusterOf = Dictionary(
            clusters.flatMap { cluster in cluster.lessons.map { ($0, cluster.id) } }, uniquingKeysWith: { a, _ in a })
        // Sums stop growing at Int.max / 2, so absurd counts cannot overflow.
        func plus(_ a: Int, _ b: Int) -> Int { a > Int.max / 2 ? a : a + b }
        var perCluster: [Group.ID: [Cluster.ID: Int]] = [:]
        var total: [Group.ID: Int] = [:]
        for lesson in lessons where lesson.choice == nil {
            guard lesson.allowedSegments.isEmpty || lesson.allowedSegments.contains(where: teachingSegments.contains) else { continue }
            let periods = max(lesson.countPerWeek, 0).multipliedReportingOverflow(by: max(lesson.durationInPeriods, 1))
            let amount = periods.overflow ? Int.max / 2 : periods.partialValue
            for group in Set(lesson.groups) {
                if let cluster = clusterOf[lesson.id] {
                    perCluster[group, default: [:]][cluster] = max(perCluster[group]?[cluster] ?? 0, amount)
                } else {
                    total[group] = plus(total[group] ?? 0, amount)
                }
            }
        }
        for (group, clusters) in perCluster { total[group] = clusters.values.reduce(total[group] ?? 0, plus) }
        return total
    }

    /// The group-teaching periods of each day.
    private func teachingSlotsByDay() -> [[TimeSlot]] { days.indices.map(teachingSlots(ofDay:)) }

    private func teachingSlots(ofDay day: Int) -> [TimeSlot] {
        periods(ofDay: day).indices.map { TimeSlot(day: day, period: $0) }.filter(isGroupTeachingPeriod)
    }

    private func attends(_ group: Group, among teachingSlots: [TimeSlot]) -> Bool {
        teachingSlots.contains { !group.unavailable.contains($0) }
    }
}
