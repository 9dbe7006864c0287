import RoosterModel

/// Every student has their coach conversations: one in each interval of the cycle, with one of
/// their coaches, in a coach window (checked once coach planning is made).
struct CoachMeetings: Rule {
    let descriptor = RuleDescriptor(
        id: .coachMeetings, name: "Coach conversations", level: .hard, layer: .coaching, defaultWeight: 1,
        summary:
            "Each coached student has exactly one conversation per coaching interval, with their own coach, in a coach window, and the policy's triad meetings with their own parent when the parent can come; cost 1 per missing, extra or misplaced meeting."
    )

    func violations(in context: CheckContext) -> [Violation] {
        guard let meetings = context.timetable.coachMeetings, let policy = context.school.coaching else { return [] }
        var result: [Violation] = []
        var weeksOf: [Student.ID: [Int]] = [:]
        var triadsOf: [Student.ID: Int] = [:]
        for meeting in meetings {
            let who = "Student \(meeting.student)"
            let dutchWho = "Leerling \(meeting.student)"
            let involved = ["student:\(meeting.student)", "teacher:\(meeting.coach)"]
            guard let student = context.students[meeting.student] else {
                result.append(
                    violation(
                        1, "\(who) has a coach conversation but is not a student of the school",
                        nl: "\(dutchWho) heeft een coachgesprek maar is geen leerling van de school", involving: involved))
                continue
            }
            if !student.coaches.contains(meeting.coach) {
                result.append(
                    violation(
                        1, "\(who) has a conversation with \(meeting.coach), who is not their coach",
                        nl: "\(dutchWho) heeft een gesprek met \(meeting.coach), die niet de eigen coach is", involving: involved,
                        at: [meeting.slot]))
            }
            if !context.allWeeks.contains(meeting.week) {
                result.append(
                    violation(
                        1, "\(who) has a conversation in week \(meeting.week + 1), outside the \(context.allWeeks.count)-week cycle",
                        nl:
                            "\(dutchWho) heeft een gesprek in week \(meeting.week + 1), buiten de cyclus van \(context.allWeeks.count) weken",
                        involving: involved))
                continue
            }
            if let parent = meeting.parent {
                result += triadViolations(meeting, parent: parent, student: student, policy: policy, context: context)
                triadsOf[student.id, default: 0] += 1
                continue
            }
            if context.school.period(at: meeting.slot)?.segment != policy.segment {
                result.append(
                    violation(
                        1, "\(who) has a conversation with \(meeting.coach) on \(context.label(meeting.slot)), outside the coach windows",
                        nl:
                            "\(dutchWho) heeft een gesprek met \(meeting.coach) op \(context.dutchLabel(meeting.slot)), buiten de coachuren",
                        involving: involved, at: [meeting.slot]))
            }
            weeksOf[student.id, default: []].append(meeting.week)
        }
        if policy.triadsPerCycle > 0 {
            for student in context.school.students where student.parent != nil && !student.coaches.isEmpty {
                let count = triadsOf[student.id] ?? 0
                guard count != policy.triadsPerCycle else { continue }
                result.append(
                    violation(
                        abs(count - policy.triadsPerCycle),
                        "Student \(student.id) has \(count) triad meetings with their parent in the cycle; \(policy.triadsPerCycle) required",
                        nl:
                            "Leerling \(student.id) heeft \(count) driegesprekken met de ouder in de cyclus; \(policy.triadsPerCycle) vereist",
                        involving: ["student:\(student.id)"]))
            }
        }
        for student in context.school.students where !student.coaches.isEmpty {
            let interval = max(student.coachingIntervalInWeeks ?? policy.intervalInWeeks, 1)
            let weeks = weeksOf[student.id] ?? []
            for windowStart in stride(from: 0, to: context.allWeeks.count, by: interval) {
                let window = windowStart..<(windowStart + interval)
                let count = weeks.filter(window.contains).count
                guard count != 1 else { continue }
                let last = context.weekName(min(window.upperBound, context.allWeeks.count) - 1)
                let span = interval == 1 ? "week \(context.weekName(windowStart))" : "weeks \(context.weekName(windowStart))–\(last)"
                let dutchSpan = interval == 1 ? "week \(context.weekName(windowStart))" : "weken \(context.weekName(windowStart))–\(last)"
                result.append(
                    violation(
                        abs(count - 1),
                        "Student \(student.id) has \(count) coach conversations in \(span); one is required",
                        nl: "Leerling \(student.id) heeft \(count) coachgesprekken in \(dutchSpan); één is vereist",
                        involving: ["student:\(student.id)"]))
            }
        }
        return result
    }

    /// A triad meeting is with the student's own parent, when the parent can come, in a period where triads are held.
    private func triadViolations(
        _ meeting: CoachMeeting, parent: Parent.ID, student: Student, policy: CoachingPolicy, context: CheckContext
    ) -> [Violation] {
        let involved = ["student:\(student.id)", "teacher:\(meeting.coach)", "parent:\(parent)"]
        var result: [Violation] = []
        if student.parent != parent {
            result.append(
                violation(
                    1, "Student \(student.id) has a triad meeting with \(parent), who is not their parent",
                    nl: "Leerling \(student.id) heeft een driegesprek met \(parent), die niet de eigen ouder is", involving: involved))
        }
        if let known = context.school.parents.first(where: { $0.id == parent }), !known.available.isEmpty,
            !known.available.contains(meeting.slot)
        {
            result.append(
                violation(
                    1, "The triad meeting of \(student.id) on \(context.label(meeting.slot)) is when their parent \(parent) cannot come",
                    nl: "Het driegesprek van \(student.id) op \(context.dutchLabel(meeting.slot)) is wanneer ouder \(parent) niet kan",
                    involving: involved, at: [meeting.slot]))
        }
        if !policy.triadSegments.isEmpty, !policy.triadSegments.contains(where: { context.school.period(at: meeting.slot)?.segment == $0 })
        {
            result.append(
                violation(
                    1, "The triad meeting of \(student.id) on \(context.label(meeting.slot)) is outside the periods for triad meetings",
                    nl: "Het driegesprek van \(student.id) op \(context.dutchLabel(meeting.slot)) valt buiten de uren voor driegesprekken",
                    involving: involved, at: [meeting.slot]))
        }
        return result
    }
}

/// A parent is at one triad meeting at a time (siblings' meetings follow each other).
struct ParentConflict: Rule {
    let descriptor = RuleDescriptor(
        id: .parentConflict, name: "Parent conflict", level: .hard, layer: .coaching, defaultWeight: 1,
        summary: "A parent has at most one triad meeting at a time; cost 1 per clashing pair.")

    func violations(in context: CheckContext) -> [Violation] {
        var seen: [String: CoachMeeting] = [:]
        var result: [Violation] = []
        for meeting in context.timetable.coachMeetings ?? [] {
            guard let parent = meeting.parent else { continue }
            let key = "\(parent)|\(meeting.week)|\(meeting.slot.day).\(meeting.slot.period)"
            if let other = seen[key] {
                result.append(
                    violation(
                        1,
                        "Parent \(parent) has two triad meetings on \(context.label(meeting.slot)) in week \(context.weekName(meeting.week)): for \(other.student) and \(meeting.student)",
                        nl:
                            "Ouder \(parent) heeft twee driegesprekken op \(context.dutchLabel(meeting.slot)) in week \(context.weekName(meeting.week)): voor \(other.student) en \(meeting.student)",
                        involving: ["parent:\(parent)"], at: [meeting.slot]))
            } else {
                seen[key] = meeting
            }
        }
        return result
    }
}
