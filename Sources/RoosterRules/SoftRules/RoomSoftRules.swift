import RoosterModel

/// A lesson fits in its rooms (ITC 2007 *RoomCapacity*).
struct RoomCapacity: Rule {
    let descriptor = RuleDescriptor(
        id: .roomCapacity, name: "Room capacity", level: .soft, defaultWeight: 1,
        summary: "The students of an occurrence fit in the seats of its rooms; cost 1 per student above capacity.")

    func violations(in context: CheckContext) -> [Violation] {
        context.timetable.placements.enumerated().compactMap { index, placement in
            guard let lesson = context.lessons[placement.lesson], !placement.rooms.isEmpty else { return nil }
            // Choice sessions are limited by choiceCapacity instead.
            guard lesson.choice == nil else { return nil }
            let seats = placement.rooms.reduce(0) { $0 + (context.rooms[$1]?.capacity ?? 0) }
            let students = context.students(in: index)
            guard students > seats else { return nil }
            let rooms = placement.rooms.map(\.rawValue).joined(separator: "+")
            return violation(
                students - seats,
                "\(context.placementActivities[index].label) on \(context.label(placement.start)) has \(students) students in room \(rooms) with \(seats) seats",
                nl:
                    "\(context.placementActivities[index].label) op \(context.dutchLabel(placement.start)) heeft \(students) leerlingen in lokaal \(rooms) met \(seats) plaatsen",
                involving: ["lesson:\(lesson.id)"] + placement.rooms.map { "room:\($0)" }, at: [placement.start])
        }
    }
}

/// All occurrences of a lesson use the same room (ITC 2007 *RoomStability*).
struct RoomStability: Rule {
    let descriptor = RuleDescriptor(
        id: .roomStability, name: "Room stability", level: .soft, defaultWeight: 1,
        summary: "A lesson keeps its rooms all week; cost 1 per distinct room beyond the number it needs at once.")

    func violations(in context: CheckContext) -> [Violation] {
        context.school.lessons.compactMap { lesson in
            let rooms = Set((context.placementsOfLesson[lesson.id] ?? []).flatMap { context.timetable.placements[$0].rooms })
            let extra = rooms.count - max(lesson.roomCount, 1)
            guard extra > 0 else { return nil }
            return violation(
                extra,
                "\(context.label(ofLesson: lesson.id)) moves between \(rooms.count) rooms (\(rooms.sorted().map(\.rawValue).joined(separator: ", ")))",
                nl:
                    "\(context.label(ofLesson: lesson.id)) wisselt tussen \(rooms.count) lokalen (\(rooms.sorted().map(\.rawValue).joined(separator: ", ")))",
                involving: ["lesson:\(lesson.id)"])
        }
    }
}
