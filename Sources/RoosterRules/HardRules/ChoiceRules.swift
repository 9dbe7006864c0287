import RoosterModel

/// A choice session holds no more students than it has seats (checked once enrolment is made).
struct ChoiceCapacity: Rule {
    let descriptor = RuleDescriptor(
        id: .choiceCapacity, name: "Choice capacity", level: .hard, layer: .enrolment, defaultWeight: 1,
        summary: "A choice session has at most its capacity (or its rooms' seats) enrolled; cost 1 per student above it.")

    func violations(in context: CheckContext) -> [Violation] {
        guard context.timetable.enrolments != nil else { return [] }
        return context.timetable.placements.enumerated().compactMap { index, placement in
            guard let lesson = context.lessons[placement.lesson], let choice = lesson.choice else { return nil }
            let seats = choice.capacity ?? placement.rooms.reduce(0) { $0 + (context.rooms[$1]?.capacity ?? 0) }
            let enrolled = context.students(in: index)
            guard enrolled > seats else { return nil }
            return violation(
                enrolled - seats,
                "\(context.placementActivities[index].label) on \(context.label(placement.start)) has \(enrolled) students enrolled for \(seats) seats",
                nl:
                    "\(context.placementActivities[index].label) op \(context.dutchLabel(placement.start)) heeft \(enrolled) inschrijvingen voor \(seats) plaatsen",
                involving: ["lesson:\(lesson.id)"], at: [placement.start])
        }
    }
}

/// A choice session with too few students is cancelled rather than held (0 or at least the minimum).
struct ChoiceMinimumSize: Rule {
    let descriptor = RuleDescriptor(
        id: .choiceMinimumSize, name: "Choice minimum size", level: .hard, layer: .enrolment, defaultWeight: 1,
        summary: "A choice session has no students or at least its minimum size; cost 1 per student short.")

    func violations(in context: CheckContext) -> [Violation] {
        guard context.timetable.enrolments != nil else { return [] }
        return context.timetable.placements.enumerated().compactMap { index, placement in
            guard let lesson = context.lessons[placement.lesson], let choice = lesson.choice else { return nil }
            let enrolled = context.students(in: index)
            guard enrolled > 0, enrolled < choice.minimumSize else { return nil }
            return violation(
                choice.minimumSize - enrolled,
                "\(context.placementActivities[index].label) on \(context.label(placement.start)) has \(enrolled) students, below its minimum of \(choice.minimumSize); cancel it or add students",
                nl:
                    "\(context.placementActivities[index].label) op \(context.dutchLabel(placement.start)) heeft \(enrolled) leerlingen, minder dan het minimum van \(choice.minimumSize); laat de les vervallen of voeg leerlingen toe",
                involving: ["lesson:\(lesson.id)"], at: [placement.start])
        }
    }
}

/// Every student has the right number of choice lessons, in sessions that exist and are open to
/// them, including every placement a coach required.
struct ChoiceEnrolment: Rule {
    let descriptor = RuleDescriptor(
        id: .choiceEnrolment, name: "Choice enrolment", level: .hard, layer: .enrolment, defaultWeight: 1,
        summary:
            "Each student has choiceLessonsPerWeek choice sessions, only in existing sessions open to them, including required requests; cost 1 per missing, extra or invalid enrolment."
    )

    func violations(in context: CheckContext) -> [Violation] {
        guard let enrolments = context.timetable.enrolments else { return [] }
        var result: [Violation] = []
        var sessions: [Student.ID: Int] = [:]
        var lessonsOf: [Student.ID: Set<Lesson.ID>] = [:]
        for enrolment in enrolments {
            let who = "Student \(enrolment.student)"
            let dutchWho = "Leerling \(enrolment.student)"
            guard let student = context.students[enrolment.student] else {
                result.append(
                    violation(
                        1, "\(who) is enrolled but is not a student of the school",
                        nl: "\(dutchWho) is ingeschreven maar is geen leerling van de school", involving: ["student:\(enrolment.student)"]))
                continue
            }
            guard let lesson = context.lessons[enrolment.lesson] else {
                result.append(
                    violation(
                        1, "\(who) is enrolled in lesson \(enrolment.lesson), which the school does not have",
                        nl: "\(dutchWho) is ingeschreven voor les \(enrolment.lesson), die de school niet heeft",
                        involving: ["student:\(student.id)"]))
                continue
            }
            let label = context.label(ofLesson: lesson.id)
            let starts = (context.placementsOfLesson[lesson.id] ?? []).map { context.timetable.placements[$0].start }
            if let start = enrolment.start, !starts.contains(start) {
                result.append(
                    violation(
                        1, "\(who) is enrolled in \(label) on \(context.label(start)), but it does not run then",
                        nl: "\(dutchWho) is ingeschreven voor \(label) op \(context.dutchLabel(start)), maar dan is die les er niet",
                        involving: ["student:\(student.id)", "lesson:\(lesson.id)"], at: [start]))
                continue
            }
            if let choice = lesson.choice {
                if !choice.openTo.isEmpty, !choice.openTo.contains(where: student.groups.contains) {
                    result.append(
                        violation(
                            1, "\(who) is enrolled in \(label), which is not open to their groups",
                            nl: "\(dutchWho) is ingeschreven voor \(label), die niet openstaat voor de eigen klas",
                            involving: ["student:\(student.id)", "lesson:\(lesson.id)"]))
                }
                sessions[student.id, default: 0] += enrolment.start == nil ? starts.count : 1
            } else if context.clusterOfLesson[lesson.id] == nil {
                result.append(
                    violation(
                        1, "\(who) is enrolled in \(label), which is neither a choice lesson nor part of a cluster",
                        nl: "\(dutchWho) is ingeschreven voor \(label), die geen keuzeles is en niet in een cluster zit",
                        involving: ["student:\(student.id)", "lesson:\(lesson.id)"]))
            } else if !lesson.groups.contains(where: student.groups.contains) {
                result.append(
                    violation(
                        1, "\(who) is enrolled in \(label), but none of its groups is theirs",
                        nl: "\(dutchWho) is ingeschreven voor \(label), maar zit in geen van de klassen ervan",
                        involving: ["student:\(student.id)", "lesson:\(lesson.id)"]))
            }
            lessonsOf[student.id, default: []].insert(lesson.id)
        }
        if let perWeek = context.school.choiceLessonsPerWeek {
            for student in context.school.students {
                let count = sessions[student.id] ?? 0
                guard count != perWeek else { continue }
                result.append(
                    violation(
                        abs(count - perWeek),
                        "Student \(student.id) has \(count) choice lessons this week; \(perWeek) required",
                        nl: "Leerling \(student.id) heeft deze week \(count) keuzelessen; \(perWeek) vereist",
                        involving: ["student:\(student.id)"]))
            }
        }
        for request in context.school.choiceRequests where request.required {
            guard !(lessonsOf[request.student]?.contains(request.lesson) ?? false) else { continue }
            result.append(
                violation(
                    1,
                    "Student \(request.student) must take \(context.label(ofLesson: request.lesson)) (required by their coach) but is not enrolled",
                    nl:
                        "Leerling \(request.student) moet \(context.label(ofLesson: request.lesson)) volgen (verplicht door de coach) maar is niet ingeschreven",
                    involving: ["student:\(request.student)", "lesson:\(request.lesson)"]))
        }
        return result
    }
}
