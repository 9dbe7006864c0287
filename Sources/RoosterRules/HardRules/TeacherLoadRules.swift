import RoosterModel

/// A teacher teaches at most `maxPeriodsPerDay` periods on a day.
struct TeacherMaxPeriodsPerDay: Rule {
    let descriptor = RuleDescriptor(
        id: .teacherMaxPeriodsPerDay, name: "Teacher periods per day", level: .hard, defaultWeight: 1,
        summary: "A teacher teaches at most maxPeriodsPerDay periods a day; cost 1 per period above it.")

    func violations(in context: CheckContext) -> [Violation] {
        context.weekPasses.flatMap { week -> [Violation] in
            let slots = context.teachingSlots(in: week)
            return context.school.teachers.flatMap { teacher -> [Violation] in
                guard let limit = teacher.maxPeriodsPerDay, let taught = slots[teacher.id] else { return [] }
                let perDay = Dictionary(grouping: taught, by: \.day)
                return perDay.keys.sorted().compactMap { day in
                    guard let count = perDay[day]?.count, count > limit else { return nil }
                    return violation(
                        count - limit,
                        "Teacher \(teacher.id) teaches \(count) periods on \(context.dayName(day))\(context.weekSuffix(week)), at most \(limit) allowed",
                        nl:
                            "Docent \(teacher.id) geeft \(count) uur les op \(context.dutchDayName(day))\(context.weekSuffix(week)), hoogstens \(limit) toegestaan",
                        involving: ["teacher:\(teacher.id)"])
                }
            }
        }
    }
}

/// A teacher works on at most `maxDays` days a week.
struct TeacherMaxDays: Rule {
    let descriptor = RuleDescriptor(
        id: .teacherMaxDays, name: "Teacher days", level: .hard, defaultWeight: 1,
        summary: "A teacher teaches on at most maxDays days a week; cost 1 per day above it.")

    func violations(in context: CheckContext) -> [Violation] {
        context.weekPasses.flatMap { week -> [Violation] in
            let slots = context.teachingSlots(in: week)
            return context.school.teachers.compactMap { teacher -> Violation? in
                guard let limit = teacher.maxDays, let taught = slots[teacher.id] else { return nil }
                let days = Set(taught.map(\.day)).count
                guard days > limit else { return nil }
                return violation(
                    days - limit,
                    "Teacher \(teacher.id) teaches on \(days) days\(context.weekSuffix(week)), at most \(limit) allowed",
                    nl: "Docent \(teacher.id) geeft les op \(days) dagen\(context.weekSuffix(week)), hoogstens \(limit) toegestaan",
                    involving: ["teacher:\(teacher.id)"])
            }
        }
    }
}

/// The teachers of a team are free together for the periods they need (joint release time).
struct TeamTimeRule: Rule {
    let descriptor = RuleDescriptor(
        id: .teamTime, name: "Team time", level: .hard, defaultWeight: 1,
        summary:
            "The teachers of a team share commonFreePeriods free, available periods (in the team's segment if set); cost 1 per period short."
    )

    func violations(in context: CheckContext) -> [Violation] {
        guard !context.school.teamTimes.isEmpty else { return [] }
        return context.weekPasses.flatMap { week -> [Violation] in
            let slots = context.teachingSlots(in: week)
            return context.school.teamTimes.compactMap { team -> Violation? in
                let members = team.teachers.compactMap { context.teachers[$0] }
                let common = context.school.allSlots.filter { slot in
                    if let segment = team.segment, context.school.period(at: slot)?.segment != segment { return false }
                    return members.allSatisfy { teacher in
                        !(slots[teacher.id]?.contains(slot) ?? false) && !teacher.unavailable.contains(slot)
                            && !teacher.daysOff.contains(slot.day)
                    }
                }.count
                guard common < team.commonFreePeriods else { return nil }
                return violation(
                    team.commonFreePeriods - common,
                    "Team \(team.name) (\(team.teachers.map(\.rawValue).joined(separator: ", "))) is free together for \(common) periods\(context.weekSuffix(week)), needs \(team.commonFreePeriods)",
                    nl:
                        "Team \(team.name) (\(team.teachers.map(\.rawValue).joined(separator: ", "))) is samen \(common) uur vrij\(context.weekSuffix(week)), nodig: \(team.commonFreePeriods)",
                    involving: ["team:\(team.id)"] + team.teachers.map { "teacher:\($0)" })
            }
        }
    }
}
