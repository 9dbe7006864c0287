import RoosterModel
import RoosterRules

/// A lower bound on room capacity and room stability from the rooms' weekly periods alone.
///
/// Every timetable puts each lesson's occurrences in rooms; over the week a room holds at most as
/// many lesson periods as it has available periods. This program chooses only those numbers:
/// `take(l, r)`, how many occurrences of lesson `l` use room `r` (an occurrence uses a room once),
/// and `uses(l, r)`, whether `l` uses `r` at all. Room capacity costs per occurrence in a room too
/// small (for a lesson in several rooms at once, the shortfall of its largest rooms, a constant),
/// room stability each room used beyond those a lesson needs at once. Times, clashes and the other
/// rules are left out, so its optimum is at most the room capacity and stability cost of any
/// timetable: a bound on them where the program with times is too large for its LP to finish
/// (ITC 2007 comp07: 434 lectures in 500 room periods, the time-indexed program 41,000 columns).
struct RoomPackingBound {
    private(set) var model = MIPModel()

    /// Nil when a lesson has fewer allowed rooms than it needs at once (the school is infeasible).
    init?(compiled: CompiledSchool, capacityWeight: Int, stabilityWeight: Int) {
        let school = compiled.school
        let available = school.rooms.indices.map { r in
            (0..<compiled.slotCount).filter { !compiled.roomUnavailable[r * compiled.slotCount + $0] }.count
        }
        var periodsOfRoom = [[(Int, Double)]](repeating: [], count: school.rooms.count)
        for (l, lesson) in school.lessons.enumerated() where lesson.roomCount > 0 && lesson.countPerWeek > 0 {
            let options = compiled.roomOptions[l]
            let need = lesson.roomCount, occurrences = lesson.countPerWeek, duration = max(lesson.durationInPeriods, 1)
            guard options.count >= need else { return nil }
            let countsCapacity = lesson.choice == nil && capacityWeight > 0
            let students = compiled.lessonStudents[l]
            if countsCapacity, need > 1 {
                // Several rooms at once: at least the shortfall of the largest ones, every time.
                let seats = options.map { school.rooms[$0].capacity }.sorted(by: >).prefix(need).reduce(0, +)
                model.objectiveConstant += Double(occurrences * max(students - seats, 0) * capacityWeight)
            }
            var taken: [(Int, Double)] = []
            var used: [(Int, Double)] = []
            for r in options {
                let fits = available[r] / duration
                guard fits > 0 else { continue }
                let shortfall = countsCapacity && need == 1 ? max(students - school.rooms[r].capacity, 0) * capacityWeight : 0
                let take = model.addColumn(
                    "take_l\(l)_r\(r)", .integer, lower: 0, upper: Double(min(occurrences, fits)), cost: Double(shortfall))
                let uses = model.addColumn("uses_l\(l)_r\(r)", .binary, cost: Double(stabilityWeight))
                model.addRow("link_l\(l)_r\(r)", [(take, 1), (uses, -Double(min(occurrences, fits)))], upper: 0)
                taken.append((take, 1))
                used.append((uses, 1))
                periodsOfRoom[r].append((take, Double(duration)))
            }
            model.addRow("occurrences_l\(l)", taken, lower: Double(occurrences * need), upper: Double(occurrences * need))
            // Rooms it needs at once are free of stability cost.
            model.addRow("rooms_l\(l)", used, lower: Double(need))
            model.objectiveConstant -= Double(need * stabilityWeight)
        }
        for (r, terms) in periodsOfRoom.enumerated() where !terms.isEmpty {
            model.addRow("periods_r\(r)", terms, upper: Double(available[r]))
        }
    }
}
