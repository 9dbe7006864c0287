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
        periods(ofDay: day).indices.contains { period in
            let slot = TimeSlot(day: day, period: period)
            return isGroupTeachingPeriod(slot) && !group.unavailable.contains(slot)
        }
    }

    /// The daily lesson limits that hold for a group: its own, else the school's. The minimum is
    /// dropped (0) when the group's week has fewer teaching periods than days it attends times the
    /// minimum — a subgroup or a part-time class cannot have lessons every day. Both are clamped to
    /// 0 through the longest day's periods.
    public func lessonsPerDay(of group: Group) -> LessonsPerDay {
        var limits = group.lessonsPerDay ?? lessonsPerDay
        // Out-of-range limits are validation errors; clamped here so that no rule or solver overflows.
        let longest = dayTemplates.map(\.periods.count).max() ?? 0
        limits.minimum = min(max(limits.minimum, 0), longest)
        limits.maximum = limits.maximum.map { min(max($0, 0), longest) }
        let days = self.days.indices.filter { attends(group, day: $0) }.count
        if limits.minimum > 0, weeklyTeachingPeriods(of: group.id) < days * limits.minimum { limits.minimum = 0 }
        return limits
    }

    /// Periods of group lessons a week that may lie in teaching periods: a cluster counts once (its
    /// lessons run at the same time), lessons confined to mentor or choice segments not at all.
    public func weeklyTeachingPeriods(of group: Group.ID) -> Int {
        let teachingSegments = Set(segments.filter(\.kind.isGroupTeaching).map(\.id))
        let clusterOf = Dictionary(
            clusters.flatMap { cluster in cluster.lessons.map { ($0, cluster.id) } }, uniquingKeysWith: { a, _ in a })
        var perCluster: [Cluster.ID: Int] = [:]
        var total = 0
        for lesson in lessons where lesson.choice == nil && lesson.groups.contains(group) {
            guard lesson.allowedSegments.isEmpty || lesson.allowedSegments.contains(where: teachingSegments.contains) else { continue }
            let periods = max(lesson.countPerWeek, 0).multipliedReportingOverflow(by: max(lesson.durationInPeriods, 1))
            let amount = periods.overflow ? Int.max / 2 : periods.partialValue
            if let cluster = clusterOf[lesson.id] {
                perCluster[cluster] = max(perCluster[cluster] ?? 0, amount)
            } else {
                total = total > Int.max / 2 ? total : total + amount
            }
        }
        return perCluster.values.reduce(total) { $0 > Int.max / 2 ? $0 : $0 + $1 }
    }
}
