import RoosterModel

/// Every student has their coach conversations: one in each interval of the cycle, with one of
/// their coaches, in a coach window (checked once coach planning is made).
struct CoachMeetings: Rule {
    let descriptor = RuleDescriptor(
        id: "coachMeetings", name: "Coach conversations", level: .hard, defaultWeight: 1,
        summary:
            "Each coached student has exactly one conversation per coaching interval, with their own coach, in a coach window; cost 1 per missing, extra or misplaced conversation."
    )

    func violations(in context: CheckContext) -> [Violation] {
        guard let meetings = context.timetable.coachMeetings, let policy = context.school.coaching else { return [] }
        var result: [Violation] = []
        var weeksOf: [Student.ID: [Int]] = [:]
        for meeting in meetings {
            let who = "Student \(meeting.student)"
            let involved = ["student:\(meeting.student)", "teacher:\(meeting.coach)"]
            guard let student = context.students[meeting.student] else {
                result.append(violation(1, "\(who) has a coach conversation but is not a student of the school", involving: involved))
                continue
            }
            if !student.coaches.contains(meeting.coach) {
                result.append(
                    violation(
                        1, "\(who) has a conversation with \(meeting.coach), who is not their coach", involving: involved,
                        at: [meeting.slot]))
            }
            if !context.allWeeks.contains(meeting.week) {
                result.append(
                    violation(
                        1, "\(who) has a conversation in week \(meeting.week + 1), outside the \(context.allWeeks.count)-week cycle",
                        involving: involved))
                continue
            }
            if context.school.period(at: meeting.slot)?.segment != policy.segment {
                result.append(
                    violation(
                        1, "\(who) has a conversation with \(meeting.coach) on \(context.label(meeting.slot)), outside the coach windows",
                        involving: involved, at: [meeting.slot]))
            }
            weeksOf[student.id, default: []].append(meeting.week)
        }
        for student in context.school.students where !student.coaches.isEmpty {
            let interval = max(student.coachingIntervalInWeeks ?? policy.intervalInWeeks, 1)
            let weeks = weeksOf[student.id] ?? []
            for windowStart in stride(from: 0, to: context.allWeeks.count, by: interval) {
                let window = windowStart..<(windowStart + interval)
                let count = weeks.filter(window.contains).count
                guard count != 1 else { continue }
                let span =
                    interval == 1
                    ? "week \(context.weekName(windowStart))"
                    : "weeks \(context.weekName(windowStart))–\(context.weekName(min(window.upperBound, context.allWeeks.count) - 1))"
                result.append(
                    violation(
                        abs(count - 1),
                        "Student \(student.id) has \(count) coach conversations in \(span); one is required",
                        involving: ["student:\(student.id)"]))
            }
        }
        return result
    }
}
