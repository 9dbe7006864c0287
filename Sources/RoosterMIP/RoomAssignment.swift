import RoosterModel

/// Stage 2: the exact rooms for a base timetable whose starts are fixed.
///
/// One binary per occurrence and allowed room; a room holds one occurrence per period; the cost
/// is the room-capacity overflow plus one per extra distinct room of a lesson (room stability),
/// with the weights of the school. A greedy assignment (the lesson's earlier room first, then the
/// smallest room that seats everyone) is the backend's starting solution, and the answer when it has
/// no time left, so stage 2 never does worse than greedy.
struct RoomAssignment {
    struct Occurrence {
        var lesson: Int
        var start: Int
        var slots: [Int]
        /// Rooms allowed and free at every slot of the occurrence.
        var options: [Int]
    }

    let formulation: TimetableFormulation
    let occurrences: [Occurrence]
    /// Per occurrence, its start-to-finish placement without rooms.
    private let starts: [[Int]]
    let capacityWeight: Int
    let stabilityWeight: Int

    init(formulation: TimetableFormulation, starts: [[Int]], capacityWeight: Int, stabilityWeight: Int) {
        self.formulation = formulation
        self.starts = starts
        self.capacityWeight = capacityWeight
        self.stabilityWeight = stabilityWeight
        let school = formulation.school
        var occurrences: [Occurrence] = []
        for (u, unit) in formulation.units.enumerated() {
            for start in starts[u] {
                let covered = Array(start..<(start + unit.duration))
                for lesson in unit.lessons where school.lessons[lesson].roomCount > 0 {
                    let options = formulation.roomOptions[lesson].filter { r in
                        covered.allSatisfy { !school.rooms[r].unavailable.contains(formulation.slots[$0]) }
                    }
                    occurrences.append(Occurrence(lesson: lesson, start: start, slots: covered, options: options))
                }
            }
        }
        self.occurrences = occurrences
    }

    private func overflow(_ o: Occurrence, _ room: Int) -> Int {
        guard formulation.school.lessons[o.lesson].choice == nil else { return 0 }
        return max(formulation.students[o.lesson] - formulation.school.rooms[room].capacity, 0)
    }

    /// Rooms per occurrence, greedily: larger lessons first, keeping a lesson's room where possible.
    func greedy(preferring preferred: [Int: [Int]] = [:]) -> [[Int]] {
        let school = formulation.school
        var taken = Set<[Int]>()  // [room, slot]
        var chosen = Array(repeating: [Int](), count: occurrences.count)
        var usedBy: [Int: [Int]] = preferred
        let order = occurrences.indices.sorted {
            let a = occurrences[$0], b = occurrences[$1]
            if a.options.count != b.options.count { return a.options.count < b.options.count }
            return formulation.students[a.lesson] > formulation.students[b.lesson]
        }
        for o in order {
            let occurrence = occurrences[o]
            let need = school.lessons[occurrence.lesson].roomCount
            let earlier = usedBy[occurrence.lesson] ?? []
            let ranked = occurrence.options.sorted { a, b in
                let keepA = earlier.contains(a), keepB = earlier.contains(b)
                if keepA != keepB { return keepA }
                let overA = overflow(occurrence, a), overB = overflow(occurrence, b)
                if overA != overB { return overA < overB }
                return school.rooms[a].capacity < school.rooms[b].capacity
            }
            for room in ranked where chosen[o].count < need {
                guard occurrence.slots.allSatisfy({ !taken.contains([room, $0]) }) else { continue }
                chosen[o].append(room)
                occurrence.slots.forEach { taken.insert([room, $0]) }
                if !earlier.contains(room) { usedBy[occurrence.lesson, default: []].append(room) }
            }
        }
        return chosen
    }

    /// The assignment program, its columns per occurrence and room, and the column values of `rooms`.
    func program(start rooms: [[Int]]) -> (model: MIPModel, columns: [[Int: Int]], start: [Double]) {
        let school = formulation.school
        var model = MIPModel()
        var columns = Array(repeating: [Int: Int](), count: occurrences.count)
        var start: [Double] = []
        func add(_ name: String, _ kind: MIPModel.Kind, lower: Double? = 0, upper: Double? = nil, cost: Double = 0, value: Double) -> Int {
            start.append(value)
            return model.addColumn(name, kind, lower: lower, upper: upper, cost: cost)
        }
        var usesOfRoomSlot: [[Int]: [Int]] = [:]
        var occurrencesOfLesson: [Int: [Int]] = [:]
        for (o, occurrence) in occurrences.enumerated() {
            occurrencesOfLesson[occurrence.lesson, default: []].append(o)
            let need = school.lessons[occurrence.lesson].roomCount
            var terms: [(Int, Double)] = []
            for room in occurrence.options {
                let cost = need == 1 ? Double(capacityWeight * overflow(occurrence, room)) : 0
                let column = add("z_o\(o)_\(school.rooms[room].id)", .binary, cost: cost, value: rooms[o].contains(room) ? 1 : 0)
                columns[o][room] = column
                terms.append((column, 1))
                for s in occurrence.slots { usesOfRoomSlot[[room, s], default: []].append(column) }
            }
            // A missing room is a hard violation: allowed, but at a price no soft cost reaches.
            let missing = add("missing_o\(o)", .integer, lower: 0, upper: Double(need), cost: 100_000, value: Double(need - rooms[o].count))
            model.addRow("rooms_o\(o)", terms + [(missing, 1)], lower: Double(need), upper: Double(need))
            if need > 1, capacityWeight > 0, school.lessons[occurrence.lesson].choice == nil {
                let seats = rooms[o].reduce(0) { $0 + school.rooms[$1].capacity }
                let over = add(
                    "over_o\(o)", .continuous, lower: 0, cost: Double(capacityWeight),
                    value: Double(max(formulation.students[occurrence.lesson] - seats, 0)))
                let seatTerms = occurrence.options.compactMap { room in columns[o][room].map { ($0, Double(school.rooms[room].capacity)) } }
                model.addRow("over_o\(o)", [(over, 1)] + seatTerms, lower: Double(formulation.students[occurrence.lesson]))
            }
        }
        for (key, uses) in usesOfRoomSlot.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) where uses.count > 1 {
            model.addRow("room_\(key[0])_s\(key[1])", uses.map { ($0, 1) }, upper: 1)
        }
        if stabilityWeight > 0 {
            for (lesson, list) in occurrencesOfLesson.sorted(by: { $0.key < $1.key }) {
                model.objectiveConstant -= Double(stabilityWeight * school.lessons[lesson].roomCount)
                for room in Set(list.flatMap { occurrences[$0].options }).sorted() {
                    let usedNow = list.contains { rooms[$0].contains(room) }
                    let used = add("used_l\(lesson)_r\(room)", .binary, cost: Double(stabilityWeight), value: usedNow ? 1 : 0)
                    for o in list {
                        if let z = columns[o][room] { model.addRow("used_l\(lesson)_r\(room)_o\(o)", [(used, 1), (z, -1)], lower: 0) }
                    }
                }
            }
        }
        return (model, columns, start)
    }

    /// Rooms per occurrence: the backend improves the greedy assignment within the runner's limits.
    func solve(with runner: MIPRunner, preferring preferred: [Int: [Int]] = [:]) -> [[Int]] {
        let greedy = greedy(preferring: preferred)
        guard !occurrences.isEmpty else { return greedy }
        let (model, columns, start) = program(start: greedy)
        var runner = runner
        runner.start = start
        guard let solution = try? runner.solve(model), let values = solution.values,
            model.objective(of: values) < model.objective(of: start) - 0.5
        else { return greedy }
        return occurrences.indices.map { o in
            columns[o].filter { values[$0.value] > 0.5 }.map(\.key).sorted()
        }
    }

    /// The placements of the base timetable with these rooms.
    func placements(rooms: [[Int]]) -> [Placement] {
        let school = formulation.school
        var roomsOf: [[Int]: [Room.ID]] = [:]
        for (o, occurrence) in occurrences.enumerated() {
            roomsOf[[occurrence.lesson, occurrence.start], default: []] += rooms[o].map { school.rooms[$0].id }
        }
        var placements: [Placement] = []
        for (u, unit) in formulation.units.enumerated() {
            for start in starts[u] {
                for lesson in unit.lessons {
                    placements.append(
                        Placement(
                            lesson: school.lessons[lesson].id, start: formulation.slots[start], rooms: roomsOf[[lesson, start]] ?? []))
                }
            }
        }
        return placements
    }
}
