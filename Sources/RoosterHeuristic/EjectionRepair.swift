import RoosterSolving

/// Repair by ejection chains, the way FET reaches its first timetable ("recursive swapping"):
/// keep a partial timetable that breaks no hard rule, take out an event that is not placed, put
/// it where it displaces the fewest placed events (those it would clash with or otherwise break a
/// hard rule with), and queue the displaced ones. Events displaced often count as harder, and an
/// event placed a moment ago is not displaced again at once, so that the chain does not cycle.
///
/// Annealing on hard cost alone stalls on tightly packed schools (students' weeks nearly full,
/// double periods, hard day spreads): a single move or swap almost always makes a clash
/// somewhere, so the search walks on plateaus of ten or twenty violations. Displacing explicitly
/// reaches timetables those moves do not.
extension AnnealingSearch {
    /// Steps for which a placed event is not displaced again.
    static let ejectionTabuTenure = 20
    /// How often the next event to place is drawn at random rather than the hardest (measured on
    /// FET's densest example files: 30 % solved more of them than always the hardest).
    static let ejectionRandomPickPercent = 30

    /// Runs ejection chains from the constructed timetable until nothing is left to place (true),
    /// or until `budget` evaluations of a start, the deadline (if any) or cancellation (false: the events
    /// still out go back where they add the least hard cost, for annealing to repair). Returns
    /// the evaluations spent, so that a run bounded by iterations stays repeatable.
    mutating func repairByEjection(deadline: Deadline?, budget: Int) -> (feasible: Bool, evaluations: Int) {
        guard problem.choiceSeats == nil else { return (false, 0) }
        var evaluations = 0
        // Take out violating events, the worst first, until the placed ones break no hard rule.
        var queue: [Int] = []
        while state.baseHard > 0 {
            var worst = -1, worstGain = 0
            for e in movable where state.startOption[e] >= 0 {
                let before = state.baseHard, option = state.startOption[e], rooms = state.rooms[e]
                state.unplace(e)
                let gain = before - state.baseHard
                state.place(e, option: option, rooms: rooms)
                if gain > worstGain {
                    worstGain = gain
                    worst = e
                }
            }
            evaluations += movable.count
            guard worst >= 0 else { return (false, evaluations) }  // what is left comes from fixed events
            state.unplace(worst)
            queue.append(worst)
        }
        var ejections = Array(repeating: 0, count: problem.events.count)
        var placedAt = Array(repeating: -Self.ejectionTabuTenure - 1, count: problem.events.count)
        var step = 0
        while !queue.isEmpty, evaluations < budget {
            if step & 15 == 0, deadline?.hasPassed == true || Task.isCancelled { break }
            step += 1
            // The hardest event waiting (displaced most often, then the fewest starts), or, some
            // of the time, any: without that noise the chain tends to cycle among a few events.
            var pick = 0
            if rng.below(100) < Self.ejectionRandomPickPercent {
                pick = rng.below(queue.count)
            } else {
                for index in queue.indices.dropFirst() {
                    let a = queue[index], b = queue[pick]
                    if (ejections[a], -problem.events[a].starts.count) > (ejections[b], -problem.events[b].starts.count) { pick = index }
                }
            }
            let e = queue.remove(at: pick)
            var best: [(option: Int, rooms: [Int], displaced: [Int])] = []
            var bestCost = Int.max
            for option in problem.events[e].starts.indices {
                evaluations += 1
                guard let (rooms, displaced) = displacement(placing: e, at: option) else { continue }
                var cost = 0
                for other in displaced {
                    cost += 1 + ejections[other]
                    if step - placedAt[other] <= Self.ejectionTabuTenure { cost += 1_000 }
                }
                if cost < bestCost {
                    bestCost = cost
                    best = [(option, rooms, displaced)]
                } else if cost == bestCost {
                    best.append((option, rooms, displaced))
                }
            }
            guard !best.isEmpty else {
                // No start works even with every conflicting event out: leave it to annealing.
                queue.append(e)
                break
            }
            let chosen = best[rng.below(best.count)]
            for other in chosen.displaced {
                state.unplace(other)
                ejections[other] += 1
                queue.append(other)
            }
            state.place(e, option: chosen.option, rooms: chosen.rooms)
            placedAt[e] = step
        }
        if queue.isEmpty { return (true, evaluations) }
        for e in queue { placeCheapest(e) { $0.state.baseHard } }
        return (false, evaluations)
    }

    /// What placing event `e` at start `option` displaces: the placed events it clashes with
    /// (sharing a teacher or group at an overlapping time), those in the rooms it gets, then, one
    /// by one, the placed events sharing a teacher or group on the same day (or within the reach
    /// of a hard day spread) whose removal lowers the hard cost, until none is left. Nil when the start breaks a hard rule whatever is displaced. The state
    /// is left as it was.
    private mutating func displacement(placing e: Int, at option: Int) -> (rooms: [Int], displaced: [Int])? {
        let event = problem.events[e]
        let start = event.starts[option]
        let end = start + event.duration
        guard event.staticHard[option] == 0 else { return nil }
        let rooms = chooseRooms(e, option: option)
        state.place(e, option: option, rooms: rooms)
        var displaced: [(event: Int, option: Int, rooms: [Int])] = []
        func displace(_ other: Int) {
            displaced.append((other, state.startOption[other], state.rooms[other]))
            state.unplace(other)
        }
        if state.baseHard > 0 {
            for other in problem.conflicting[e] where state.startOption[other] >= 0 {
                let otherStart = problem.events[other].starts[state.startOption[other]]
                if otherStart < end && start < otherStart + problem.events[other].duration { displace(other) }
            }
        }
        if state.baseHard > 0, !rooms.isEmpty {
            for other in movable where other != e && state.startOption[other] >= 0 {
                let otherStart = problem.events[other].starts[state.startOption[other]]
                guard otherStart < end && start < otherStart + problem.events[other].duration else { continue }
                if state.rooms[other].contains(where: rooms.contains) { displace(other) }
            }
        }
        if state.baseHard > 0 {
            // Day limits and day spreads: events sharing a teacher or group on days near this one.
            let day = problem.dayOfSlot[start]
            var reach = 0
            for member in event.members {
                for spread in problem.spreadsOfLesson[member.lesson] where problem.spreads[spread].hard {
                    reach = max(reach, problem.spreads[spread].minDays - 1)
                }
            }
            for other in problem.conflicting[e] where state.startOption[other] >= 0 {
                guard abs(problem.dayOfSlot[problem.events[other].starts[state.startOption[other]]] - day) <= reach else { continue }
                let before = state.baseHard
                let option = state.startOption[other], otherRooms = state.rooms[other]
                state.unplace(other)
                if state.baseHard < before {
                    displaced.append((other, option, otherRooms))
                } else {
                    state.place(other, option: option, rooms: otherRooms)
                }
                if state.baseHard == 0 { break }
            }
        }
        let feasible = state.baseHard == 0
        state.unplace(e)
        for entry in displaced.reversed() { state.place(entry.event, option: entry.option, rooms: entry.rooms) }
        return feasible ? (rooms, displaced.map(\.event)) : nil
    }
}
