import RoosterModel

/// A teacher teaches one lesson at a time, and is not in a lesson during their own coach conversation.
struct TeacherConflict: Rule {
    let descriptor = RuleDescriptor(
        id: .teacherConflict, name: "Teacher conflict", level: .hard, defaultWeight: 1,
        summary: "A teacher has at most one lesson or coach conversation at a time; cost 1 per clashing pair per period.")

    func violations(in context: CheckContext) -> [Violation] {
        var byTeacher: [Teacher.ID: [Activity]] = [:]
        for activity in context.placementActivities {
            for teacher in Set(activity.lesson?.teachers ?? []) { byTeacher[teacher, default: []].append(activity) }
        }
        for (index, meeting) in (context.timetable.coachMeetings ?? []).enumerated() {
            byTeacher[meeting.coach, default: []].append(context.meetingActivities[index])
        }
        return byTeacher.keys.sorted().flatMap { teacher in
            clashes(among: byTeacher[teacher] ?? []).map { clash in
                violation(
                    clash.slots.count,
                    "Teacher \(teacher) has two lessons \(context.when(clash)): \(clash.first.label) and \(clash.second.label)",
                    nl:
                        "Docent \(teacher) heeft twee lessen \(context.dutchWhen(clash)): \(clash.first.dutchLabel) en \(clash.second.dutchLabel)",
                    involving: ["teacher:\(teacher)"], at: clash.slots)
            }
        }
    }
}

/// A group follows one lesson at a time, except lessons of one cluster, which split the group.
struct GroupConflict: Rule {
    let descriptor = RuleDescriptor(
        id: .groupConflict, name: "Group conflict", level: .hard, defaultWeight: 1,
        summary: "A group has at most one lesson at a time (lessons of one cluster excepted); cost 1 per clashing pair per period.")

    func violations(in context: CheckContext) -> [Violation] {
        var byGroup: [Group.ID: [Activity]] = [:]
        for activity in context.placementActivities {
            for group in Set(activity.lesson?.groups ?? []) { byGroup[group, default: []].append(activity) }
        }
        return byGroup.keys.sorted().flatMap { group in
            clashes(among: byGroup[group] ?? [], allowed: CheckContext.sameCluster).map { clash in
                violation(
                    clash.slots.count,
                    "Group \(group) has two lessons \(context.when(clash)): \(clash.first.label) and \(clash.second.label)",
                    nl:
                        "Klas \(group) heeft twee lessen \(context.dutchWhen(clash)): \(clash.first.dutchLabel) en \(clash.second.dutchLabel)",
                    involving: ["group:\(group)"], at: clash.slots)
            }
        }
    }
}

/// A room holds one lesson at a time.
struct RoomConflict: Rule {
    let descriptor = RuleDescriptor(
        id: .roomConflict, name: "Room conflict", level: .hard, defaultWeight: 1,
        summary: "A room holds at most one lesson at a time; cost 1 per clashing pair per period.")

    func violations(in context: CheckContext) -> [Violation] {
        var byRoom: [Room.ID: [Activity]] = [:]
        for (index, placement) in context.timetable.placements.enumerated() {
            for room in Set(placement.rooms) { byRoom[room, default: []].append(context.placementActivities[index]) }
        }
        return byRoom.keys.sorted().flatMap { room in
            clashes(among: byRoom[room] ?? []).map { clash in
                violation(
                    clash.slots.count,
                    "Room \(room) holds two lessons \(context.when(clash)): \(clash.first.label) and \(clash.second.label)",
                    nl:
                        "Lokaal \(room) heeft twee lessen \(context.dutchWhen(clash)): \(clash.first.dutchLabel) en \(clash.second.dutchLabel)",
                    involving: ["room:\(room)"], at: clash.slots)
            }
        }
    }
}

/// An individual student is in one place at a time: their enrolled choice lessons, block-hour
/// choices and coach conversations do not clash with each other or with their group's lessons.
///
/// Clashes between two lessons of the student's groups are ``GroupConflict``s and not repeated here.
/// Lessons a student is exempted from (on-track students skipping the mentor lesson) do not count.
struct StudentConflict: Rule {
    let descriptor = RuleDescriptor(
        id: .studentConflict, name: "Student conflict", level: .hard, layer: .enrolment, defaultWeight: 1,
        summary:
            "A student's own activities (enrolments, coach conversations) never clash with each other or with their lessons; cost 1 per clashing pair per period."
    )

    func violations(in context: CheckContext) -> [Violation] {
        let enrolments = context.timetable.enrolments ?? []
        let meetings = context.timetable.coachMeetings ?? []
        guard !enrolments.isEmpty || !meetings.isEmpty else { return [] }

        var individual: [Student.ID: [Activity]] = [:]
        for enrolment in enrolments {
            for index in context.placementsOfLesson[enrolment.lesson] ?? [] {
                let placement = context.timetable.placements[index]
                if let start = enrolment.start, start != placement.start { continue }
                individual[enrolment.student, default: []].append(context.placementActivities[index])
            }
        }
        for (index, meeting) in meetings.enumerated() {
            individual[meeting.student, default: []].append(context.meetingActivities[index])
        }
        let exemptionDays = Dictionary(
            context.school.exemptions.map { ($0.lesson, $0.days) }, uniquingKeysWith: { $0.union($1) })
        var placementsOfGroup: [Group.ID: [Int]] = [:]
        for (index, activity) in context.placementActivities.enumerated() {
            for group in Set(activity.lesson?.groups ?? []) { placementsOfGroup[group, default: []].append(index) }
        }
        var result: [Violation] = []
        for studentID in individual.keys.sorted() {
            let own = individual[studentID] ?? []
            let student = context.students[studentID]
            let enrolledLessons = Set(own.compactMap { $0.lesson?.id })
            let enrolledClusters = Set(own.compactMap(\.cluster))
            var all = own
            let groupPlacements = Set((student?.groups ?? []).flatMap { placementsOfGroup[$0] ?? [] }).sorted()
            for activity in groupPlacements.map({ context.placementActivities[$0] }) {
                guard let lesson = activity.lesson, lesson.choice == nil, !enrolledLessons.contains(lesson.id), let student
                else { continue }
                // In a cluster the student attends only the lesson they enrolled in.
                if let cluster = activity.cluster, enrolledClusters.contains(cluster) { continue }
                if student.onTrack, let days = exemptionDays[lesson.id], let day = activity.slots.first?.day, days.contains(day) {
                    continue
                }
                all.append(activity)
            }
            for clash in clashes(among: all, allowed: CheckContext.sameCluster) {
                // Only clashes that involve the student's own activities; group clashes are reported elsewhere.
                let isOwn = { (activity: Activity) in own.contains { same($0, activity) } }
                guard isOwn(clash.first) || isOwn(clash.second) else { continue }
                result.append(
                    violation(
                        clash.slots.count,
                        "Student \(studentID) has two activities \(context.when(clash)): \(clash.first.label) and \(clash.second.label)",
                        nl:
                            "Leerling \(studentID) heeft twee activiteiten \(context.dutchWhen(clash)): \(clash.first.dutchLabel) en \(clash.second.dutchLabel)",
                        involving: ["student:\(studentID)"], at: clash.slots))
            }
        }
        return result
    }

    private func same(_ a: Activity, _ b: Activity) -> Bool {
        switch (a.source, b.source) {
        case (.placement(let x), .placement(let y)), (.coachMeeting(let x), .coachMeeting(let y)): x == y
        default: false
        }
    }
}
