import RoosterModel

/// Counts idle periods between the first and last busy period of each day; only periods for which
/// `counts` holds can be idle (a group's choice period is not a gap in its day).
func gaps(in busy: Set<TimeSlot>, counting counts: (TimeSlot) -> Bool) -> [(day: Int, gaps: Int, first: TimeSlot)] {
    Dictionary(grouping: busy, by: \.day).keys.sorted().compactMap { day in
        let periods = Set(busy.filter { $0.day == day }.map(\.period))
        guard let low = periods.min(), let high = periods.max() else { return nil }
        let idle = (low...high).filter { !periods.contains($0) && counts(TimeSlot(day: day, period: $0)) }
        guard let firstIdle = idle.first else { return nil }
        return (day, idle.count, TimeSlot(day: day, period: firstIdle))
    }
}

/// Teachers have no idle periods between lessons on a day (tussenuren).
struct TeacherGaps: Rule {
    let descriptor = RuleDescriptor(
        id: .teacherGaps, name: "Teacher gaps", level: .soft, defaultWeight: 1,
        summary:
            "A teacher has no idle periods between their first and last lesson of a day (tussenuren; coach windows are not idle); cost 1 per idle period."
    )

    func violations(in context: CheckContext) -> [Violation] {
        context.weekPasses.flatMap { week -> [Violation] in
            let slots = context.teachingSlots(in: week)
            return slots.keys.sorted().flatMap { teacher in
                gaps(in: slots[teacher] ?? [], counting: context.school.isTeacherGapPeriod).map { day, idle, first in
                    violation(
                        idle,
                        "Teacher \(teacher) has \(idle) idle period\(idle == 1 ? "" : "s") on \(context.dayName(day))\(context.weekSuffix(week)), from \(context.label(first))",
                        nl:
                            "Docent \(teacher) heeft \(idle) \(idle == 1 ? "tussenuur" : "tussenuren") op \(context.dutchDayName(day))\(context.weekSuffix(week)), vanaf \(context.dutchLabel(first))",
                        involving: ["teacher:\(teacher)"], at: [first])
                }
            }
        }
    }
}

/// Groups have no idle periods between lessons on a day (tussenuren).
struct GroupGaps: Rule {
    let descriptor = RuleDescriptor(
        id: .groupGaps, name: "Group gaps", level: .soft, defaultWeight: 3,
        summary:
            "A group has no idle periods between its first and last lesson of a day (tussenuren; mentor, choice, independent-work and coaching periods are not idle); cost 1 per idle period."
    )

    func violations(in context: CheckContext) -> [Violation] {
        context.weekPasses.flatMap { week -> [Violation] in
            let slots = context.groupSlots(in: week)
            return slots.keys.sorted().flatMap { group in
                gaps(in: slots[group] ?? [], counting: context.school.isGroupTeachingPeriod).map { day, idle, first in
                    violation(
                        idle,
                        "Group \(group) has \(idle) idle period\(idle == 1 ? "" : "s") on \(context.dayName(day))\(context.weekSuffix(week)), from \(context.label(first))",
                        nl:
                            "Klas \(group) heeft \(idle) \(idle == 1 ? "tussenuur" : "tussenuren") op \(context.dutchDayName(day))\(context.weekSuffix(week)), vanaf \(context.dutchLabel(first))",
                        involving: ["group:\(group)"], at: [first])
                }
            }
        }
    }
}

/// Teachers keep the periods they asked to keep free.
struct TeacherUnwantedTime: Rule {
    let descriptor = RuleDescriptor(
        id: .teacherUnwantedTime, name: "Teacher unwanted time", level: .soft, defaultWeight: 2,
        summary: "No lesson in a period a teacher prefers to keep free; cost 1 per period.")

    func violations(in context: CheckContext) -> [Violation] {
        context.placementActivities.flatMap { activity in
            Set(activity.lesson?.teachers ?? []).sorted().compactMap { teacherID -> Violation? in
                guard let teacher = context.teachers[teacherID] else { return nil }
                let bad = activity.slots.filter(teacher.unwanted.contains)
                guard let first = bad.first else { return nil }
                return violation(
                    bad.count,
                    "Teacher \(teacherID) prefers \(context.label(first)) free but has \(activity.label)",
                    nl: "Docent \(teacherID) is liever vrij op \(context.dutchLabel(first)) maar heeft \(activity.dutchLabel)",
                    involving: ["teacher:\(teacherID)"], at: bad)
            }
        }
    }
}
