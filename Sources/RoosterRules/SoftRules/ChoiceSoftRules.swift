import RoosterModel

/// Students get the choice lessons they ranked highest.
struct ChoicePreference: Rule {
    let descriptor = RuleDescriptor(
        id: .choicePreference, name: "Choice preference", level: .soft, layer: .enrolment, defaultWeight: 1,
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
                return violation(
                    rank - 1, "Student \(enrolment.student) has \(label), their choice number \(rank)",
                    nl: "Leerling \(enrolment.student) heeft \(label), keuze nummer \(rank)", involving: involved)
            }
            let cost = (own.values.max() ?? 0) + 1
            return violation(
                cost, "Student \(enrolment.student) has \(label), which they did not ask for",
                nl: "Leerling \(enrolment.student) heeft \(label), waar de leerling niet om vroeg", involving: involved)
        }
    }
}

/// Each coach holds about the same number of conversations every week of the cycle.
struct CoachLoadBalance: Rule {
    let descriptor = RuleDescriptor(
        id: .coachLoadBalance, name: "Coach load balance", level: .soft, layer: .coaching, defaultWeight: 1,
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
                high - low, "Coach \(coach) has an uneven load of conversations per week (\(list))",
                nl: "Coach \(coach) heeft een ongelijke verdeling van gesprekken over de weken (\(list))", involving: ["teacher:\(coach)"])
        }
    }
}

/// Siblings' triad meetings follow each other, so that their parent comes once.
struct SiblingTriads: Rule {
    let descriptor = RuleDescriptor(
        id: .siblingTriads, name: "Sibling triads back to back", level: .soft, layer: .coaching, defaultWeight: 1,
        summary:
            "A parent's triad meetings for several children are in consecutive periods of one day and week; cost 1 per gap between them.")

    func violations(in context: CheckContext) -> [Violation] {
        var byParent: [Parent.ID: [CoachMeeting]] = [:]
        for meeting in context.timetable.coachMeetings ?? [] {
            if let parent = meeting.parent { byParent[parent, default: []].append(meeting) }
        }
        return byParent.keys.sorted().compactMap { parent in
            let meetings = (byParent[parent] ?? []).sorted { ($0.week, $0.slot) < ($1.week, $1.slot) }
            guard Set(meetings.map(\.student)).count > 1 else { return nil }
            let gaps = zip(meetings, meetings.dropFirst()).filter { a, b in
                a.student != b.student && !(a.week == b.week && a.slot.day == b.slot.day && b.slot.period == a.slot.period + 1)
            }.count
            guard gaps > 0 else { return nil }
            let list = meetings.map { "\($0.student) \(context.label($0.slot)) week \(context.weekName($0.week))" }.joined(separator: ", ")
            let dutchList = meetings.map { "\($0.student) \(context.dutchLabel($0.slot)) week \(context.weekName($0.week))" }
                .joined(separator: ", ")
            return violation(
                gaps, "Parent \(parent) comes more than once for their children's triad meetings (\(list))",
                nl: "Ouder \(parent) komt meer dan eens voor de driegesprekken van de kinderen (\(dutchList))",
                involving: ["parent:\(parent)"])
        }
    }
}
