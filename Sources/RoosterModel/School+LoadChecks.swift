/// Impossible loads found by counting, before any solver runs (FET calls these "pre-generation
/// checks"): if more periods are needed than exist, no timetable can be feasible.
extension SchoolValidator {
    /// Counts above this are certainly wrong; sums of clamped counts cannot overflow.
    static let countLimit = 100_000

    /// A teacher's lessons must fit in the periods the teacher is available, segment by segment:
    /// lessons that may only run in instruction time compete for the instruction periods alone.
    mutating func checkTeacherLoads() {
        var units: [Teacher.ID: [(periods: Int, segments: Set<Segment.ID>)]] = [:]
        for lesson in school.lessons {
            for teacher in Set(lesson.teachers) {
                units[teacher, default: []].append((lesson.weeklyPeriods, Set(lesson.allowedSegments)))
            }
        }
        for (index, teacher) in school.teachers.enumerated() {
            guard let teacherUnits = units[teacher.id] else { continue }
            for segments in Set(teacherUnits.map(\.segments)) {
                let needed = teacherUnits.filter { unit in
                    segments.isEmpty || (!unit.segments.isEmpty && unit.segments.isSubset(of: segments))
                }.reduce(0) { $0 + $1.periods }
                guard needed > 0 else { continue }
                let available = school.availablePeriods(of: teacher, in: segments)
                guard needed > available else { continue }
                let scope = segments.isEmpty ? "" : " in segment(s) \(segments.map(\.rawValue).sorted().joined(separator: ", "))"
                error(
                    "teacherOverloaded",
                    "Teacher \(teacher.id) teaches \(needed) periods a week\(scope) but is available for at most \(available)",
                    at: "teachers[\(index)]",
                    hint: "move lessons to another teacher, or relax the teacher's unavailability, days off or daily maximum")
            }
        }
    }

    mutating func checkGroupLoads() {
        /// The lesson periods of one group that need the same segments.
        struct Unit { var periods: Int; var segments: Set<Segment.ID> }
        var units: [Group.ID: [Unit]] = [:]
        var countedClusters: Set<[Group.ID: Cluster.ID]> = []
        var clusterOf: [Lesson.ID: Cluster.ID] = [:]
        for cluster in school.clusters { for lesson in cluster.lessons { clusterOf[lesson] = cluster.id } }
        for lesson in school.lessons {
            for group in Set(lesson.groups) {
                // Lessons of one cluster run at the same time: a group's share of the cluster counts once.
                if let cluster = clusterOf[lesson.id] {
                    guard countedClusters.insert([group: cluster]).inserted else { continue }
                }
                units[group, default: []].append(Unit(periods: lesson.weeklyPeriods, segments: Set(lesson.allowedSegments)))
            }
        }
        for (index, group) in school.groups.enumerated() {
            guard let groupUnits = units[group.id] else { continue }
            let freeSlots = school.allSlots.filter { !group.unavailable.contains($0) }
            for segments in Set(groupUnits.map(\.segments)) {
                // Lessons restricted to a subset of these segments compete for the same periods.
                let needed = groupUnits.filter { unit in
                    segments.isEmpty || (!unit.segments.isEmpty && unit.segments.isSubset(of: segments))
                }.reduce(0) { $0 + $1.periods }
                let available = freeSlots.filter { slot in
                    segments.isEmpty || school.period(at: slot)?.segment.map(segments.contains) == true
                }.count
                if needed > available {
                    let scope =
                        segments.isEmpty ? "in the week" : "in segment(s) \(segments.map(\.rawValue).sorted().joined(separator: ", "))"
                    error(
                        "groupOverloaded",
                        "Group \(group.id) has \(needed) lesson periods \(scope), but only \(available) periods exist there",
                        at: "groups[\(index)]", hint: "remove lessons, allow more segments, or lengthen the day templates")
                }
            }
        }
    }

    mutating func checkRoomLoads() {
        let slotCount = school.allSlots.count
        var demandByKind: [RoomKind?: Int] = [:]
        for lesson in school.lessons where lesson.allowedRooms == nil {
            demandByKind[lesson.neededRoomKind, default: 0] += lesson.weeklyPeriods * min(max(lesson.roomCount, 0), Self.countLimit)
        }
        func supply(_ kind: RoomKind?) -> Int {
            school.rooms.filter { kind == nil || $0.kind == kind }.reduce(0) { $0 + slotCount - $1.unavailable.count }
        }
        for (kind, needed) in demandByKind.sorted(by: { ($0.key?.rawValue ?? "") < ($1.key?.rawValue ?? "") }) {
            guard let kind, supply(kind) > 0, needed > supply(kind) else { continue }
            error(
                "roomsOverloaded",
                "Lessons need \(needed) periods in rooms of kind '\(kind)', but those rooms have \(supply(kind)) periods a week",
                at: "rooms", hint: "add rooms of kind '\(kind)' or let some lessons use another kind")
        }
        let total = demandByKind.values.reduce(0, +)
        if total > supply(nil) {
            error(
                "roomsOverloaded", "Lessons need \(total) room periods a week, but all rooms together have \(supply(nil))",
                at: "rooms", hint: "add rooms")
        }
    }

    /// A lesson's occurrences must fit on the days it can run: at most `maxPerDay` a day (else as
    /// many as the day's usable periods hold), never on a day off of one of its teachers, only where
    /// a start fits its segments and is not unavailable to it.
    mutating func checkLessonDays() {
        let teachers = Dictionary(school.teachers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, lesson) in school.lessons.enumerated() where lesson.countPerWeek > 0 && lesson.durationInPeriods >= 1 {
            var capacity = 0
            var usableDays = 0
            for day in school.days.indices {
                guard !lesson.teachers.contains(where: { teachers[$0]?.daysOff.contains(day) == true }) else { continue }
                let starts = school.periods(ofDay: day).indices.map { TimeSlot(day: day, period: $0) }.filter { start in
                    !lesson.unavailable.contains(start)
                        && school.fits(durationInPeriods: lesson.durationInPeriods, at: start, in: lesson.allowedSegments)
                }
                guard !starts.isEmpty else { continue }
                usableDays += 1
                // Occurrences on one day cannot overlap: count starts at least a duration apart.
                var fitting = 0
                var nextFree = Int.min
                for start in starts where start.period >= nextFree {
                    fitting += 1
                    nextFree = start.period + lesson.durationInPeriods
                }
                capacity += min(fitting, max(lesson.maxPerDay ?? fitting, 0))  // a negative maxPerDay is its own error
                if capacity >= lesson.countPerWeek { break }
            }
            guard capacity < lesson.countPerWeek else { continue }
            let limit = lesson.maxPerDay.map { " with at most \($0) a day" } ?? ""
            error(
                "lessonOverloaded",
                "Lesson \(lesson.id) runs \(lesson.countPerWeek) times a week\(limit), but its \(usableDays) usable day(s) hold at most \(capacity)",
                at: "lessons[\(index)]",
                hint: "lower countPerWeek, raise maxPerDay, or allow more days, segments or times (teachers' days off count)")
        }
    }
}

extension School {
    /// The periods a teacher can teach in a week (in `segments`, or anywhere when empty): free of
    /// unavailability and days off, at most `maxPeriodsPerDay` a day, on the best `maxDays` days.
    public func availablePeriods(of teacher: Teacher, in segments: Set<Segment.ID> = []) -> Int {
        var perDay: [Int] = days.indices.map { day in
            if teacher.daysOff.contains(day) { return 0 }
            let free = periods(ofDay: day).indices.filter { period in
                let slot = TimeSlot(day: day, period: period)
                guard !teacher.unavailable.contains(slot) else { return false }
                return segments.isEmpty || self.period(at: slot)?.segment.map(segments.contains) == true
            }.count
            return min(free, max(teacher.maxPeriodsPerDay ?? free, 0))
        }
        perDay.sort(by: >)
        return perDay.prefix(max(teacher.maxDays ?? perDay.count, 0)).reduce(0, +)
    }

    /// The lesson periods a week that name this teacher (occurrences × duration).
    public func teachingLoad(of teacher: Teacher.ID) -> Int {
        lessons.filter { $0.teachers.contains(teacher) }.reduce(0) { $0 + $1.weeklyPeriods }
    }
}

extension Lesson {
    /// Lesson periods a week (all occurrences), or 0 for an invalid lesson. Clamped far above any
    /// real week, so that absurd counts of an unvalidated school are reported instead of overflowing.
    public var weeklyPeriods: Int {
        let limit = SchoolValidator.countLimit
        return min(max(countPerWeek, 0), limit) * min(max(durationInPeriods, 0), limit)
    }
}
