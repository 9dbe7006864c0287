import RoosterModel

/// Each group has lessons on every day it attends, and not too many: no class-day without
/// instruction (``School/lessonsPerDay``, ``Group/lessonsPerDay``).
struct DailyLessons: Rule {
    let descriptor = RuleDescriptor(
        id: .dailyLessons, name: "Lessons per day", level: .soft, defaultWeight: 10,
        summary:
            "A group has between its minimum (default 1) and maximum periods of lessons, outside mentor, choice, independent-work and coaching periods, on each day it attends; cost 1 per period short or above."
    )

    func violations(in context: CheckContext) -> [Violation] {
        let school = context.school, compiled = context.compiled
        let limited = school.groups.indices.compactMap { g -> (Int, LessonsPerDay)? in
            let limits = LessonsPerDay(minimum: compiled.groupDailyMinimum[g], maximum: compiled.groupDailyMaximum[g])
            return limits.minimum > 0 || limits.maximum != nil ? (g, limits) : nil
        }
        guard !limited.isEmpty else { return [] }
        return context.weekPasses.flatMap { week -> [Violation] in
            let slots = context.groupSlots(in: week)
            return limited.flatMap { g, limits -> [Violation] in
                let group = school.groups[g]
                let teaching = (slots[group.id] ?? []).filter { compiled.slotIndex[$0].map { compiled.groupTeachingSlot[$0] } ?? true }
                return school.days.indices.compactMap { day -> Violation? in
                    guard compiled.groupAttends[g * compiled.dayCount + day] else { return nil }
                    let count = teaching.filter { $0.day == day }.count
                    let short = max(limits.minimum - count, 0), above = limits.maximum.map { max(count - $0, 0) } ?? 0
                    guard short + above > 0 else { return nil }
                    let when = "\(context.dayName(day))\(context.weekSuffix(week))"
                    let dutchWhen = "\(context.dutchDayName(day))\(context.weekSuffix(week))"
                    let message =
                        short > 0
                        ? "Group \(group.id) has \(count) lesson period\(count == 1 ? "" : "s") on \(when), fewer than its minimum of \(limits.minimum)"
                        : "Group \(group.id) has \(count) lesson periods on \(when), more than its maximum of \(limits.maximum ?? 0)"
                    let dutch =
                        short > 0
                        ? "Klas \(group.id) heeft \(count) \(count == 1 ? "lesuur" : "lesuren") op \(dutchWhen), minder dan het minimum van \(limits.minimum)"
                        : "Klas \(group.id) heeft \(count) lesuren op \(dutchWhen), meer dan het maximum van \(limits.maximum ?? 0)"
                    return violation(
                        short + above, message, nl: dutch, involving: ["group:\(group.id)"], at: [TimeSlot(day: day, period: 0)])
                }
            }
        }
    }
}
