import RoosterModel

/// A teacher teaches on no more days than they prefer (a part-timer's wish).
struct TeacherExtraDays: Rule {
    let descriptor = RuleDescriptor(
        id: .teacherExtraDays, name: "Teacher extra days", level: .soft, defaultWeight: 1,
        summary: "A teacher teaches on at most preferredMaxDays days a week; cost 1 per day above it.")

    func violations(in context: CheckContext) -> [Violation] {
        context.weekPasses.flatMap { week -> [Violation] in
            let slots = context.teachingSlots(in: week)
            return context.school.teachers.compactMap { teacher -> Violation? in
                guard let preferred = teacher.preferredMaxDays, let taught = slots[teacher.id] else { return nil }
                let days = Set(taught.map(\.day)).count
                guard days > preferred else { return nil }
                return violation(
                    days - preferred,
                    "Teacher \(teacher.id) teaches on \(days) days\(context.weekSuffix(week)), \(days - preferred) more than the \(preferred) preferred",
                    nl:
                        "Docent \(teacher.id) geeft les op \(days) dagen\(context.weekSuffix(week)), \(days - preferred) meer dan de gewenste \(preferred)",
                    involving: ["teacher:\(teacher.id)"])
            }
        }
    }
}

/// On a day a teacher comes in, they teach enough periods to make it worth the journey.
struct TeacherShortDays: Rule {
    let descriptor = RuleDescriptor(
        id: .teacherShortDays, name: "Teacher short days", level: .soft, defaultWeight: 1,
        summary:
            "On each day a teacher teaches, at least minPeriodsPerDay periods (days without lessons do not count); cost 1 per period short."
    )

    func violations(in context: CheckContext) -> [Violation] {
        context.weekPasses.flatMap { week -> [Violation] in
            let slots = context.teachingSlots(in: week)
            return context.school.teachers.flatMap { teacher -> [Violation] in
                guard let minimum = teacher.minPeriodsPerDay, let taught = slots[teacher.id] else { return [] }
                let perDay = Dictionary(grouping: taught, by: \.day)
                return perDay.keys.sorted().compactMap { day in
                    guard let periods = perDay[day]?.sorted(by: { $0.period < $1.period }), periods.count < minimum else { return nil }
                    return violation(
                        minimum - periods.count,
                        "Teacher \(teacher.id) teaches only \(periods.count) period\(periods.count == 1 ? "" : "s") on \(context.dayName(day))\(context.weekSuffix(week)), fewer than \(minimum)",
                        nl:
                            "Docent \(teacher.id) geeft op \(context.dutchDayName(day))\(context.weekSuffix(week)) maar \(periods.count) uur les, minder dan \(minimum)",
                        involving: ["teacher:\(teacher.id)"], at: periods.first.map { [$0] } ?? [])
                }
            }
        }
    }
}
