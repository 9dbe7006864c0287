import RoosterModel

/// A lesson's occurrences spread over at least `minDays` days (ITC 2007 *MinimumWorkingDays*).
struct MinWorkingDays: Rule {
    let descriptor = RuleDescriptor(
        id: .minWorkingDays, name: "Minimum working days", level: .soft, defaultWeight: 5,
        summary: "A lesson's occurrences are on at least minDays different days; cost 1 per day short.")

    func violations(in context: CheckContext) -> [Violation] {
        context.school.lessons.compactMap { lesson in
            guard let minDays = lesson.minDays else { return nil }
            let days = Set((context.placementsOfLesson[lesson.id] ?? []).map { context.timetable.placements[$0].start.day }).count
            guard days < minDays else { return nil }
            return violation(
                minDays - days,
                "\(context.label(ofLesson: lesson.id)) is spread over \(days) days instead of at least \(minDays)",
                nl: "\(context.label(ofLesson: lesson.id)) is verdeeld over \(days) dagen in plaats van minstens \(minDays)",
                involving: ["lesson:\(lesson.id)"])
        }
    }
}

/// A group's lessons are not isolated: each has another lesson of the group right before or after
/// it on the same day (ITC 2007 *CurriculumCompactness*).
///
/// Lessons of one cluster in the same period count once.
struct IsolatedLessons: Rule {
    let descriptor = RuleDescriptor(
        id: .isolatedLessons, name: "Isolated lessons", level: .soft, defaultWeight: 0,
        summary: "A group's lesson has a neighbouring lesson of the group on the same day; cost 1 per isolated lesson.")

    func violations(in context: CheckContext) -> [Violation] {
        var result: [Violation] = []
        for week in context.weekPasses {
            /// Per group and slot, the distinct lessons or clusters in it.
            var units: [Group.ID: [TimeSlot: Set<String>]] = [:]
            for activity in context.placementActivities where context.active(activity, in: week) {
                guard let lesson = activity.lesson else { continue }
                let unit = activity.cluster.map { "cluster:\($0)" } ?? "lesson:\(lesson.id)"
                for group in Set(lesson.groups) {
                    for slot in activity.slots { units[group, default: [:]][slot, default: []].insert(unit) }
                }
            }
            for group in units.keys.sorted() {
                guard let bySlot = units[group] else { continue }
                for slot in bySlot.keys.sorted() {
                    let before = TimeSlot(day: slot.day, period: slot.period - 1)
                    let after = TimeSlot(day: slot.day, period: slot.period + 1)
                    guard bySlot[before] == nil, bySlot[after] == nil, let here = bySlot[slot] else { continue }
                    result.append(
                        violation(
                            here.count,
                            "Group \(group) has an isolated lesson on \(context.label(slot))\(context.weekSuffix(week))",
                            nl: "Klas \(group) heeft een losse les op \(context.dutchLabel(slot))\(context.weekSuffix(week))",
                            involving: ["group:\(group)"], at: [slot]))
                }
            }
        }
        return result
    }
}
