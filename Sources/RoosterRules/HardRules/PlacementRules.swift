import RoosterModel

/// Every lesson is placed exactly its number of times per week, and nothing else is placed.
struct LessonCount: Rule {
    let descriptor = RuleDescriptor(
        id: .lessonCount, name: "Lessons placed", level: .hard, defaultWeight: 1,
        summary:
            "Each lesson has exactly countPerWeek occurrences; cost 1 per missing or extra occurrence, or placement of an unknown lesson.")

    func violations(in context: CheckContext) -> [Violation] {
        var result: [Violation] = []
        for lesson in context.school.lessons {
            let placed = context.placementsOfLesson[lesson.id]?.count ?? 0
            guard placed != lesson.countPerWeek else { continue }
            let label = context.label(ofLesson: lesson.id)
            let short = placed < lesson.countPerWeek
            let message =
                short
                ? "\(label) is placed \(placed) of \(lesson.countPerWeek) times a week; \(lesson.countPerWeek - placed) missing"
                : "\(label) is placed \(placed) times a week, \(placed - lesson.countPerWeek) more than its \(lesson.countPerWeek)"
            let dutch =
                short
                ? "\(label) staat \(placed) van de \(lesson.countPerWeek) keer per week ingeroosterd; \(lesson.countPerWeek - placed) ontbreken"
                : "\(label) staat \(placed) keer per week ingeroosterd, \(placed - lesson.countPerWeek) meer dan de \(lesson.countPerWeek)"
            result.append(violation(abs(placed - lesson.countPerWeek), message, nl: dutch, involving: ["lesson:\(lesson.id)"]))
        }
        for (index, placement) in context.timetable.placements.enumerated() where context.lessons[placement.lesson] == nil {
            result.append(
                violation(
                    1, "Placement \(index) refers to lesson \(placement.lesson), which the school does not have",
                    nl: "Plaatsing \(index) verwijst naar les \(placement.lesson), die de school niet heeft",
                    involving: ["lesson:\(placement.lesson)"]))
        }
        return result
    }
}

/// A lesson stays inside its day and its allowed segments (instruction only 10:00–14:00).
struct AllowedSegment: Rule {
    let descriptor = RuleDescriptor(
        id: .allowedSegment, name: "Allowed segment", level: .hard, defaultWeight: 1,
        summary: "Each occurrence lies within one day and only in periods of the lesson's allowed segments; cost 1 per occurrence.")

    func violations(in context: CheckContext) -> [Violation] {
        context.timetable.placements.enumerated().compactMap { index, placement in
            guard let lesson = context.lessons[placement.lesson] else { return nil }
            guard !context.school.fits(durationInPeriods: lesson.durationInPeriods, at: placement.start, in: lesson.allowedSegments)
            else { return nil }
            let label = context.placementActivities[index].label
            let message: String, dutch: String
            if !context.school.fits(durationInPeriods: lesson.durationInPeriods, at: placement.start, in: []) {
                message = "\(label) at \(context.label(placement.start)) does not fit in the day (\(lesson.durationInPeriods) periods)"
                dutch = "\(label) om \(context.dutchLabel(placement.start)) past niet in de dag (\(lesson.durationInPeriods) uur)"
            } else {
                let allowed = lesson.allowedSegments.map(\.rawValue).joined(separator: ", ")
                message = "\(label) at \(context.label(placement.start)) is outside its allowed segments (\(allowed))"
                dutch = "\(label) om \(context.dutchLabel(placement.start)) valt buiten de toegestane dagdelen (\(allowed))"
            }
            return violation(1, message, nl: dutch, involving: ["lesson:\(lesson.id)"], at: [placement.start])
        }
    }
}

/// A pinned lesson has an occurrence at each of its pinned start slots.
struct PinnedTime: Rule {
    let descriptor = RuleDescriptor(
        id: .pinnedTime, name: "Pinned time", level: .hard, defaultWeight: 1,
        summary: "Each pinned start slot of a lesson holds an occurrence of it; cost 1 per pinned slot missed.")

    func violations(in context: CheckContext) -> [Violation] {
        context.school.lessons.flatMap { lesson -> [Violation] in
            guard !lesson.pinned.isEmpty else { return [] }
            var starts = (context.placementsOfLesson[lesson.id] ?? []).map { context.timetable.placements[$0].start }
            return lesson.pinned.compactMap { pin in
                if let found = starts.firstIndex(of: pin) {
                    starts.remove(at: found)
                    return nil
                }
                return violation(
                    1, "\(context.label(ofLesson: lesson.id)) is pinned at \(context.label(pin)) but not placed there",
                    nl: "\(context.label(ofLesson: lesson.id)) is vastgezet op \(context.dutchLabel(pin)) maar staat daar niet",
                    involving: ["lesson:\(lesson.id)"], at: [pin])
            }
        }
    }
}

/// Each occurrence has the number of rooms its lesson needs, of the right kind, among the allowed rooms.
struct RoomAssignment: Rule {
    let descriptor = RuleDescriptor(
        id: .roomAssignment, name: "Room assignment", level: .hard, defaultWeight: 1,
        summary:
            "Each occurrence uses roomCount existing rooms, of the lesson's room kind (an ordinary classroom when it names none, every room for any) and among its allowed rooms; cost 1 per missing, extra or wrong room."
    )

    func violations(in context: CheckContext) -> [Violation] {
        var result: [Violation] = []
        for (index, placement) in context.timetable.placements.enumerated() {
            guard let lesson = context.lessons[placement.lesson] else { continue }
            let label = context.placementActivities[index].label
            let when = context.label(placement.start)
            let dutchWhen = context.dutchLabel(placement.start)
            let involved = ["lesson:\(lesson.id)"]
            if placement.rooms.count != lesson.roomCount {
                result.append(
                    violation(
                        abs(placement.rooms.count - lesson.roomCount),
                        "\(label) on \(when) has \(placement.rooms.count) room(s) but needs \(lesson.roomCount)",
                        nl:
                            "\(label) op \(dutchWhen) heeft \(placement.rooms.count) \(placement.rooms.count == 1 ? "lokaal" : "lokalen") maar heeft er \(lesson.roomCount) nodig",
                        involving: involved,
                        at: [placement.start]))
            }
            var seen: Set<Room.ID> = []
            for roomID in placement.rooms {
                guard seen.insert(roomID).inserted else {
                    result.append(
                        violation(
                            1, "\(label) on \(when) lists room \(roomID) twice",
                            nl: "\(label) op \(dutchWhen) noemt lokaal \(roomID) twee keer", involving: involved + ["room:\(roomID)"],
                            at: [placement.start]))
                    continue
                }
                guard let room = context.rooms[roomID] else {
                    result.append(
                        violation(
                            1, "\(label) on \(when) is in room \(roomID), which the school does not have",
                            nl: "\(label) op \(dutchWhen) is in lokaal \(roomID), dat de school niet heeft",
                            involving: involved + ["room:\(roomID)"], at: [placement.start]))
                    continue
                }
                guard !lesson.accepts(room) else { continue }
                if let allowed = lesson.allowedRooms, !allowed.contains(roomID) {
                    result.append(
                        violation(
                            1, "\(label) on \(when) is in room \(roomID), which is not among its allowed rooms",
                            nl: "\(label) op \(dutchWhen) is in lokaal \(roomID), dat niet bij de toegestane lokalen hoort",
                            involving: involved + ["room:\(roomID)"], at: [placement.start]))
                } else {
                    let kind = lesson.roomKind ?? .classroom
                    result.append(
                        violation(
                            1, "\(label) on \(when) needs a room of kind \(kind) but is in \(roomID) (\(room.kind))",
                            nl: "\(label) op \(dutchWhen) heeft een lokaal van soort \(kind) nodig maar is in \(roomID) (\(room.kind))",
                            involving: involved + ["room:\(roomID)"], at: [placement.start]))
                }
            }
        }
        return result
    }
}

/// The lessons of a cluster (block hour, parallel levels) start at the same times.
struct ClusterTogether: Rule {
    let descriptor = RuleDescriptor(
        id: .clusterTogether, name: "Cluster together", level: .hard, defaultWeight: 1,
        summary: "Lessons of one cluster start at the same slots; cost 1 per cluster slot a lesson is missing from.")

    func violations(in context: CheckContext) -> [Violation] {
        context.school.clusters.flatMap { cluster -> [Violation] in
            let starts = cluster.lessons.map { lesson in
                Set((context.placementsOfLesson[lesson] ?? []).map { context.timetable.placements[$0].start })
            }
            let union = starts.reduce(into: Set<TimeSlot>()) { $0.formUnion($1) }
            return zip(cluster.lessons, starts).compactMap { lesson, own in
                let missing = union.subtracting(own).sorted()
                guard let first = missing.first else { return nil }
                return violation(
                    missing.count,
                    "\(context.label(ofLesson: lesson)) does not run with the rest of cluster \(cluster.id) on \(context.label(first))"
                        + (missing.count > 1 ? " and \(missing.count - 1) more" : ""),
                    nl:
                        "\(context.label(ofLesson: lesson)) loopt niet gelijk met de rest van cluster \(cluster.id) op \(context.dutchLabel(first))"
                        + (missing.count > 1 ? " en nog \(missing.count - 1)" : ""),
                    involving: ["cluster:\(cluster.id)", "lesson:\(lesson)"], at: missing)
            }
        }
    }
}

/// A lesson occurs at most `maxPerDay` times on one day ("not twice on one day").
struct MaxPerDay: Rule {
    let descriptor = RuleDescriptor(
        id: .maxPerDay, name: "Spread over days", level: .hard, defaultWeight: 1,
        summary: "A lesson occurs at most maxPerDay times on one day; cost 1 per occurrence above it.")

    func violations(in context: CheckContext) -> [Violation] {
        context.school.lessons.flatMap { lesson -> [Violation] in
            guard let limit = lesson.maxPerDay else { return [] }
            var perDay: [Int: Int] = [:]
            for index in context.placementsOfLesson[lesson.id] ?? [] {
                perDay[context.timetable.placements[index].start.day, default: 0] += 1
            }
            return perDay.keys.sorted().compactMap { day in
                guard let count = perDay[day], count > limit else { return nil }
                return violation(
                    count - limit,
                    "\(context.label(ofLesson: lesson.id)) occurs \(count) times on \(context.dayName(day)), at most \(limit) allowed",
                    nl:
                        "\(context.label(ofLesson: lesson.id)) staat \(count) keer op \(context.dutchDayName(day)), hoogstens \(limit) toegestaan",
                    involving: ["lesson:\(lesson.id)"])
            }
        }
    }
}
