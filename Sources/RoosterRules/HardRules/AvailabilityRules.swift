import RoosterModel

/// A lesson is not placed when one of its teachers is unavailable or has a day off, and a coach
/// conversation is not held then either.
struct TeacherAvailability: Rule {
    let descriptor = RuleDescriptor(
        id: .teacherAvailability, name: "Teacher availability", level: .hard, defaultWeight: 1,
        summary: "No lesson or coach conversation when a teacher is unavailable or has a day off; cost 1 per period.")

    func violations(in context: CheckContext) -> [Violation] {
        var result: [Violation] = []
        func check(_ teacherID: Teacher.ID, _ activity: Activity) {
            guard let teacher = context.teachers[teacherID] else { return }
            let bad = activity.slots.filter { teacher.unavailable.contains($0) || teacher.daysOff.contains($0.day) }
            guard let first = bad.first else { return }
            let dayOff = teacher.daysOff.contains(first.day)
            let reason = dayOff ? "has a day off" : "is unavailable"
            let dutchReason = dayOff ? "heeft een vrije dag" : "is niet beschikbaar"
            result.append(
                violation(
                    bad.count, "Teacher \(teacherID) \(reason) on \(context.label(first)) but has \(activity.label)",
                    nl: "Docent \(teacherID) \(dutchReason) op \(context.dutchLabel(first)) maar heeft \(activity.dutchLabel)",
                    involving: ["teacher:\(teacherID)"], at: bad))
        }
        for activity in context.placementActivities {
            for teacher in Set(activity.lesson?.teachers ?? []).sorted() { check(teacher, activity) }
        }
        for (index, meeting) in (context.timetable.coachMeetings ?? []).enumerated() {
            check(meeting.coach, context.meetingActivities[index])
        }
        return result
    }
}

/// A lesson is not placed when one of its groups is unavailable.
struct GroupAvailability: Rule {
    let descriptor = RuleDescriptor(
        id: .groupAvailability, name: "Group availability", level: .hard, defaultWeight: 1,
        summary: "No lesson when one of its groups is unavailable; cost 1 per period.")

    func violations(in context: CheckContext) -> [Violation] {
        context.placementActivities.flatMap { activity in
            Set(activity.lesson?.groups ?? []).sorted().compactMap { groupID -> Violation? in
                guard let group = context.groups[groupID] else { return nil }
                let bad = activity.slots.filter(group.unavailable.contains)
                guard let first = bad.first else { return nil }
                return violation(
                    bad.count, "Group \(groupID) is unavailable on \(context.label(first)) but has \(activity.label)",
                    nl: "Klas \(groupID) is niet beschikbaar op \(context.dutchLabel(first)) maar heeft \(activity.dutchLabel)",
                    involving: ["group:\(groupID)"], at: bad)
            }
        }
    }
}

/// A room is not used when it is unavailable.
struct RoomAvailability: Rule {
    let descriptor = RuleDescriptor(
        id: .roomAvailability, name: "Room availability", level: .hard, defaultWeight: 1,
        summary: "No lesson in a room when the room is unavailable; cost 1 per period.")

    func violations(in context: CheckContext) -> [Violation] {
        context.timetable.placements.enumerated().flatMap { index, placement in
            let activity = context.placementActivities[index]
            return Set(placement.rooms).sorted().compactMap { roomID -> Violation? in
                guard let room = context.rooms[roomID] else { return nil }
                let bad = activity.slots.filter(room.unavailable.contains)
                guard let first = bad.first else { return nil }
                return violation(
                    bad.count, "Room \(roomID) is unavailable on \(context.label(first)) but holds \(activity.label)",
                    nl: "Lokaal \(roomID) is niet beschikbaar op \(context.dutchLabel(first)) maar er is \(activity.dutchLabel)",
                    involving: ["room:\(roomID)"], at: bad)
            }
        }
    }
}

/// A lesson is not placed in a period it is unavailable for (ITC 2007 course unavailability).
struct LessonAvailability: Rule {
    let descriptor = RuleDescriptor(
        id: .lessonAvailability, name: "Lesson availability", level: .hard, defaultWeight: 1,
        summary: "No occurrence of a lesson in a period the lesson is unavailable; cost 1 per period.")

    func violations(in context: CheckContext) -> [Violation] {
        context.placementActivities.compactMap { activity in
            guard let lesson = activity.lesson else { return nil }
            let bad = activity.slots.filter(lesson.unavailable.contains)
            guard let first = bad.first else { return nil }
            return violation(
                bad.count, "\(activity.label) is placed on \(context.label(first)), where it is unavailable",
                nl: "\(activity.dutchLabel) staat op \(context.dutchLabel(first)), waar de les niet kan",
                involving: ["lesson:\(lesson.id)"], at: bad)
        }
    }
}
