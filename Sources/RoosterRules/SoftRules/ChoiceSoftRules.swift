import RoosterModel

/// Students get the choice lessons they ranked highest.
struct ChoicePreference: Rule {
    let descriptor = RuleDescriptor(
        id: "choicePreference", name: "Choice preference", level: .soft, defaultWeight: 1,
        summary:
            "Students are enrolled in choice lessons they ranked high; cost rank − 1 per enrolment, and one more than the student's lowest rank for an unrequested one."
    )

    func violations(in context: CheckContext) -> [Violation] {
        guard let enrolments = context.timetable.enrolments else { return [] }
        var ranks: [Student.ID: [Lesson.ID: Int]] = [:]
        for request in context.school.choiceRequests {
            let current = ranks[request.student]?[request.lesson] ?? .max
            ranks[request.student, default: [:]][request.lesson] = min(current, request.rank)
        }
        return enrolments.compactMap { enrolment in
            guard let lesson = context.lessons[enrolment.lesson], lesson.choice != nil else { return nil }
            let own = ranks[enrolment.student] ?? [:]
            let label = context.label(ofLesson: lesson.id)
            let involved = ["student:\(enrolment.student)", "lesson:\(lesson.id)"]
            if let rank = own[lesson.id] {
                guard rank > 1 else { return nil }
                return violation(rank - 1, "Student \(enrolment.student) has \(label), their choice number \(rank)", involving: involved)
            }
            let cost = (own.values.max() ?? 0) + 1
            return violation(cost, "Student \(enrolment.student) has \(label), which they did not ask for", involving: involved)
        }
    }
}

/// Each coach holds about the same number of conversations every week of the cycle.
struct CoachLoadBalance: Rule {
    let descriptor = RuleDescriptor(
        id: "coachLoadBalance", name: "Coach load balance", level: .soft, defaultWeight: 1,
        summary: "A coach's conversations spread evenly over the weeks of the cycle; cost = busiest week minus quietest week, per coach.")

    func violations(in context: CheckContext) -> [Violation] {
        guard let meetings = context.timetable.coachMeetings, context.allWeeks.count > 1 else { return [] }
        var perWeek: [Teacher.ID: [Int: Int]] = [:]
        for meeting in meetings where context.allWeeks.contains(meeting.week) {
            perWeek[meeting.coach, default: [:]][meeting.week, default: 0] += 1
        }
        return perWeek.keys.sorted().compactMap { coach in
            let counts = context.allWeeks.sorted().map { perWeek[coach]?[$0] ?? 0 }
            guard let high = counts.max(), let low = counts.min(), high > low else { return nil }
            let list = counts.enumerated().map { "\(context.weekName($0.offset)): \($0.element)" }.joined(separator: ", ")
            return violation(
                high - low, "Coach \(coach) has an uneven load of conversations per week (\(list))", involving: ["teacher:\(coach)"])
        }
    }
}
