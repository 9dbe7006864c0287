import RoosterModel

extension CheckContext {
    /// The periods each teacher teaches in a week pass (all weeks alike when `week` is nil).
    func teachingSlots(in week: Int?) -> [Teacher.ID: Set<TimeSlot>] {
        var result: [Teacher.ID: Set<TimeSlot>] = [:]
        for activity in placementActivities where active(activity, in: week) {
            for teacher in activity.lesson?.teachers ?? [] { result[teacher, default: []].formUnion(activity.slots) }
        }
        return result
    }

    /// The periods each group has lessons in a week pass; choice lessons (no groups) are not included.
    func groupSlots(in week: Int?) -> [Group.ID: Set<TimeSlot>] {
        var result: [Group.ID: Set<TimeSlot>] = [:]
        for activity in placementActivities where active(activity, in: week) {
            for group in activity.lesson?.groups ?? [] { result[group, default: []].formUnion(activity.slots) }
        }
        return result
    }

    /// " in week B" for a single-week pass, "" when all weeks are alike.
    func weekSuffix(_ week: Int?) -> String { week.map { " in week \(weekName($0))" } ?? "" }

    /// The display name of a day index.
    func dayName(_ day: Int) -> String {
        school.days.indices.contains(day) ? school.days[day].name : "day \(day)"
    }

    /// The Dutch name of a day index (`di`).
    func dutchDayName(_ day: Int) -> String { school.dutchDayName(day) }
}
