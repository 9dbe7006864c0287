/// What a re-solve keeps where the reference timetable has it: a lesson, everything a teacher or a
/// group has, or everything on a day.
public enum TimetableLock: Hashable, Sendable, CustomStringConvertible {
    case lesson(Lesson.ID)
    case teacher(Teacher.ID)
    case group(Group.ID)
    /// A day by index into ``School/days``.
    case day(Int)

    /// Reads `lesson:ID`, `teacher:ID`, `group:ID` or `day:DAY` (a day's id, e.g. `day:tue`).
    public init?(parsing text: String, in school: School) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        switch parts[0] {
        case "lesson": self = .lesson(.init(parts[1]))
        case "teacher": self = .teacher(.init(parts[1]))
        case "group": self = .group(.init(parts[1]))
        case "day":
            guard let day = school.days.firstIndex(where: { $0.id.rawValue == parts[1] }) else { return nil }
            self = .day(day)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .lesson(let id): "lesson:\(id)"
        case .teacher(let id): "teacher:\(id)"
        case .group(let id): "group:\(id)"
        case .day(let day): "day:\(day)"
        }
    }
}

extension School {
    /// This school with the locked part of `reference` pinned: each locked occurrence becomes a pin
    /// of its lesson at its reference start (added to the lesson's own pins, at most `countPerWeek`
    /// in all). Placements marked ``Placement/locked`` in the reference are locked too. Every solver
    /// keeps pins, and the checker's `pinnedTime` rule proves that they were kept.
    public func locking(_ locks: [TimetableLock], in reference: Timetable) -> School {
        var lessonsLocked = Set<Lesson.ID>(), days = Set<Int>()
        var teachersLocked = Set<Teacher.ID>(), groupsLocked = Set<Group.ID>()
        for lock in locks {
            switch lock {
            case .lesson(let id): lessonsLocked.insert(id)
            case .teacher(let id): teachersLocked.insert(id)
            case .group(let id): groupsLocked.insert(id)
            case .day(let day): days.insert(day)
            }
        }
        for lesson in lessons
        where lesson.teachers.contains(where: teachersLocked.contains) || lesson.groups.contains(where: groupsLocked.contains) {
            lessonsLocked.insert(lesson.id)
        }
        var pins: [Lesson.ID: [TimeSlot]] = [:]
        for placement in reference.placements
        where placement.locked || lessonsLocked.contains(placement.lesson) || days.contains(placement.start.day) {
            pins[placement.lesson, default: []].append(placement.start)
        }
        var locked = self
        for (index, lesson) in lessons.enumerated() {
            guard let added = pins[lesson.id] else { continue }
            var all = lesson.pinned
            for start in added.sorted() where !all.contains(start) && all.count < lesson.countPerWeek { all.append(start) }
            locked.lessons[index].pinned = all
        }
        return locked
    }
}
