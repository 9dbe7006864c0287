import RoosterModel

/// An occurrence starts at a time its lesson did not use in the reference timetable: the people
/// who follow it must be told. Lessons absent from the reference are new and cost nothing.
struct TimeChanges: Rule {
    let descriptor = RuleDescriptor(
        id: .timeChanges, name: "Time changes", level: .soft, defaultWeight: 10,
        summary: "With a reference timetable (a re-solve), cost 1 per lesson occurrence at a time its lesson did not use there.")

    func violations(in context: CheckContext) -> [Violation] {
        guard let reference = context.compiled.reference else { return [] }
        return context.school.lessons.enumerated().compactMap { index, lesson in
            guard let before = reference.starts[index] else { return nil }
            let now = (context.placementsOfLesson[lesson.id] ?? []).map { context.timetable.placements[$0].start }
            let moved = now.filter { !before.contains($0) }
            guard !moved.isEmpty else { return nil }
            let was = before.sorted().map { context.label($0) }.joined(separator: ", ")
            let dutchWas = before.sorted().map { context.dutchLabel($0) }.joined(separator: ", ")
            return violation(
                moved.count,
                "\(context.label(ofLesson: lesson.id)) moves to \(moved.sorted().map { context.label($0) }.joined(separator: ", ")) (was \(was))",
                nl:
                    "\(context.label(ofLesson: lesson.id)) verschuift naar \(moved.sorted().map { context.dutchLabel($0) }.joined(separator: ", ")) (was \(dutchWas))",
                involving: ["lesson:\(lesson.id)"], at: moved.sorted())
        }
    }
}

/// An occurrence keeps its reference time but not its rooms.
struct RoomChanges: Rule {
    let descriptor = RuleDescriptor(
        id: .roomChanges, name: "Room changes", level: .soft, defaultWeight: 5,
        summary: "With a reference timetable, cost 1 per lesson occurrence at its old time in other rooms than there.")

    func violations(in context: CheckContext) -> [Violation] {
        guard let reference = context.compiled.reference else { return [] }
        return context.school.lessons.enumerated().flatMap { index, lesson -> [Violation] in
            guard let before = reference.rooms[index] else { return [] }
            return (context.placementsOfLesson[lesson.id] ?? []).compactMap { placementIndex in
                let placement = context.timetable.placements[placementIndex]
                guard let old = before[placement.start], Set(old) != Set(placement.rooms) else { return nil }
                let names = { (rooms: [Room.ID]) in rooms.isEmpty ? "no room" : rooms.map(\.rawValue).joined(separator: "+") }
                let dutchNames = { (rooms: [Room.ID]) in rooms.isEmpty ? "geen lokaal" : rooms.map(\.rawValue).joined(separator: "+") }
                return violation(
                    1,
                    "\(context.label(ofLesson: lesson.id)) on \(context.label(placement.start)) moves from \(names(old)) to \(names(placement.rooms))",
                    nl:
                        "\(context.label(ofLesson: lesson.id)) op \(context.dutchLabel(placement.start)) verhuist van \(dutchNames(old)) naar \(dutchNames(placement.rooms))",
                    involving: ["lesson:\(lesson.id)"] + placement.rooms.map { "room:\($0)" }, at: [placement.start])
            }
        }
    }
}
