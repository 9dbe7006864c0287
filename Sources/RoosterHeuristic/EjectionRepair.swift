import RoosterSolving

/// Repair by ejection chains, the way FET reaches its first timetable ("recursive swapping", in
/// FET's algorithm-description.txt): keep a partial timetable that breaks no hard rule and place
/// the waiting events one by one. Each is placed by a short depth-limited search: at a start that
/// displaces nobody if there is one, else at the start displacing fewest, the displaced events
/// placed the same way in turn, the whole attempt undone if it does not close within its calls.
/// When it does not close, the event goes where it displaces fewest and those displaced wait.
/// Events displaced often count as harder, and an event placed a moment ago is not displaced
/// again at once, so that the queue does not cycle.
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

    /// Runs ejection chains from the constructed timetable (with the `waiting` events not placed)
    /// until nothing is left to place (true), or until `budget` evaluations of a start, the
    /// deadline (if any) or cancellation (false: the events still out go back where they add the
    /// least hard cost, for annealing to repair). Returns the evaluations spent, so that a run
    /// bounded by iterations stays repeatable.
    mutating func repairByEjection(waiting: [Int] = [], deadline: Deadline?, budget: Int) -> (feasible: Bool, evaluations: Int) {
        guard problem.choiceSeats == nil else { return (false, 0) }
        state.trackSoft(false)
        defer { state.trackSoft(true) }
        var evaluations = 0
        // Take out violating events, the worst first, until the placed ones break no hard rule.
        var queue = waiting
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
        var swap = SwapAttempt(
            events: problem.events.count, days: problem.dayCount, periods: problem.slotCount, callLimit: Self.swapCallLimit,
            deadline: deadline, budget: budget)
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
            // First FET's recursive swapping: place e, re-place what it displaces, and so on, undone
            // as a whole if the chain does not close.
            swap.start(evaluations: evaluations)
            let closed = swapIn(e, level: 0, attempt: &swap)
            evaluations = swap.evaluations
            if closed {
                for case .placed(let placed) in swap.journal { placedAt[placed] = step }
                continue
            }
            // Otherwise place it where it displaces the fewest (the least often displaced, not
            // those placed a moment ago) and queue what it displaces.
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

    /// What placing event `e` at start `option` displaces, from a partial timetable that breaks no
    /// hard rule: the placed events it clashes with (sharing a teacher or group at an overlapping
    /// time), those in its rooms when one is taken, then those its hard day rules rule out. Nil
    /// when the start breaks a hard rule whatever is displaced. Counted where no hard rule limits
    /// a day, else found by trial.
    fileprivate mutating func displacement(placing e: Int, at option: Int) -> (rooms: [Int], displaced: [Int])? {
        problem.hasHardDayLimits ? displacementByTrial(placing: e, at: option) : displacementByCounting(placing: e, at: option)
    }

    /// ``displacement(placing:at:)`` read off the counters, without placing anything: the clashing
    /// events, the holders of its rooms, the other occurrences that day of a lesson taught at most
    /// once a day, and the placed events of its hard day spreads on days within their reach. Exact
    /// when no other hard rule limits a day (``SearchProblem/hasHardDayLimits``): the remaining
    /// hard rules involve only events that share a period.
    mutating func displacementByCounting(placing e: Int, at option: Int) -> (rooms: [Int], displaced: [Int])? {
        let event = problem.events[e]
        guard event.staticHard[option] == 0 else { return nil }
        // Two of its members with one teacher clash whatever is displaced.
        guard event.members.reduce(0, { $0 + $1.teachers.count }) == event.teachers.count else { return nil }
        let start = event.starts[option]
        let end = start + event.duration
        let rooms = chooseRooms(e, option: option)
        for (k, room) in rooms.enumerated() where rooms[..<k].contains(room) { return nil }
        // The occupants of its teachers, groups and rooms in its periods: movable ones go, a fixed
        // one (or a room it may not use then) rules the start out.
        var displaced: [Int] = []
        var shared = false
        func take(_ occupant: SearchState.Occupant) -> Bool {
            switch occupant {
            case .none: return true
            case .one(let other):
                if problem.events[other].isFixed { return false }
                if !displaced.contains(other) { displaced.append(other) }
                return true
            case .several:
                shared = true
                return true
            }
        }
        for s in start..<end {
            for t in event.teachers where !take(state.occupant(ofTeacher: t, at: s)) { return nil }
            for g in event.groups where !take(state.occupant(ofGroup: g, at: s)) { return nil }
        }
        let clashing = displaced.count
        for s in start..<end {
            for room in rooms {
                if problem.roomUnavailable[room * problem.slotCount + s] || !take(state.occupant(ofRoom: room, at: s)) { return nil }
            }
        }
        // Two events in one place: the timetable breaks a hard rule already, so counting would not
        // be exact (not reached from the ejection chains, which keep their timetable clean).
        if shared { return displacementByTrial(placing: e, at: option) }
        // In the order trial finds them (clashes, rooms, day rules; each by event number), so that
        // both give the same chains.
        displaced[..<clashing].sort()
        displaced[clashing...].sort()
        let byDay = displaced.count
        let day = problem.dayOfSlot[start]
        // Lessons taught at most once a day: the other occurrences that day go (the same unit's
        // events hold them); any left are fixed.
        if event.members.contains(where: { problem.lessonMaxPerDay[$0.lesson] == 1 }) {
            for other in problem.dayPartners[e] where problem.events[other].unit == event.unit && state.startOption[other] >= 0 {
                if state.day(of: other) == day, !displaced.contains(other) { displaced.append(other) }
            }
            for member in event.members where problem.lessonMaxPerDay[member.lesson] == 1 {
                let leaving = displaced.filter { state.day(of: $0) == day && problem.events[$0].unit == event.unit }.count
                guard state.lessonOccurrences(member.lesson, on: day) == leaving else { return nil }
            }
        }
        var spreads: [Int] = []
        for member in event.members {
            for spread in problem.spreadsOfLesson[member.lesson] where problem.spreads[spread].hard && problem.spreads[spread].minDays >= 1
            {
                if spreads.contains(spread) { return nil }  // two of its own occurrences on one day
                spreads.append(spread)
            }
        }
        for spread in spreads {
            let reach = problem.spreads[spread].minDays - 1
            func isNear(_ other: Int) -> Bool { abs(state.day(of: other) - day) <= reach }
            for other in problem.eventsOfSpread[spread] where other != e && state.startOption[other] >= 0 && !displaced.contains(other) {
                if isNear(other) { displaced.append(other) }
            }
            // Occurrences near its day that are not displaced are fixed ones.
            var leaving = 0
            for other in displaced where isNear(other) {
                for member in problem.events[other].members {
                    leaving += problem.spreadsOfLesson[member.lesson].filter { $0 == spread }.count
                }
            }
            guard state.spreadOccurrences(spread, near: day) == leaving else { return nil }
        }
        displaced[byDay...].sort()
        return (rooms, displaced)
    }

    /// ``displacement(placing:at:)`` by trial: places `e`, takes out the events it clashes with
    /// and those in its rooms when one is taken twice, then, one by one, placed events on days
    /// within the reach of its hard day spreads whose removal lowers the hard cost — first those of
    /// its lesson and spreads (``SearchProblem/dayPartners``), then those sharing a teacher or
    /// group — until none is left. The state is left as it was.
    mutating func displacementByTrial(placing e: Int, at option: Int) -> (rooms: [Int], displaced: [Int])? {
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
                let otherStart = state.start(of: other)
                if otherStart < end && start < otherStart + problem.events[other].duration { displace(other) }
            }
        }
        if state.baseHard > 0, rooms.contains(where: { !state.roomIsFree($0, from: start, duration: event.duration, besides: 1) }) {
            for other in movable where other != e && state.startOption[other] >= 0 {
                let otherStart = state.start(of: other)
                guard otherStart < end && start < otherStart + problem.events[other].duration else { continue }
                if state.rooms[other].contains(where: rooms.contains) { displace(other) }
            }
        }
        if state.baseHard > 0 {
            // Day limits and day spreads: first the events of its lesson or spreads, then those
            // sharing a teacher or group, on days near this one.
            let day = problem.dayOfSlot[start]
            var reach = 0
            for member in event.members {
                for spread in problem.spreadsOfLesson[member.lesson] where problem.spreads[spread].hard {
                    reach = max(reach, problem.spreads[spread].minDays - 1)
                }
            }
            search: for partners in [problem.dayPartners[e], problem.conflicting[e]] {
                for other in partners where state.startOption[other] >= 0 {
                    guard abs(state.day(of: other) - day) <= reach else { continue }
                    let before = state.baseHard
                    let option = state.startOption[other], otherRooms = state.rooms[other]
                    state.unplace(other)
                    if state.baseHard < before {
                        displaced.append((other, option, otherRooms))
                    } else {
                        state.place(other, option: option, rooms: otherRooms)
                    }
                    if state.baseHard == 0 { break search }
                }
            }
        }
        let feasible = state.baseHard == 0
        state.unplace(e)
        for entry in displaced.reversed() { state.place(entry.event, option: entry.option, rooms: entry.rooms) }
        return feasible ? (rooms, displaced.map(\.event)) : nil
    }

    /// Deepest level of FET's recursive swapping (FET found 14 better than the 10 a human uses).
    static let swapMaxLevel = 14
    /// From this level on, only the best start is tried before giving up the branch.
    static let swapWideLevels = 5
    /// Recursive calls per waiting event before its attempt is given up. FET allows twice the
    /// number of activities; measured on FET's Namibian example files (seeds 1–12), 30 to 60
    /// reached a first timetable two to three times sooner than 2 × events, and 15 was worse:
    /// a short attempt that fails hands over to the queue sooner.
    static let swapCallLimit = 40

    /// One attempt of recursive swapping from a waiting event: what it has changed (to undo it),
    /// the events placed in it (not displaced again within the attempt, so that it cannot cycle),
    /// and its limits.
    struct SwapAttempt {
        enum Change {
            case placed(Int)
            case unplaced(Int, option: Int, rooms: [Int])
        }
        var journal: [Change] = []
        var moved: [Bool]
        var calls = 0
        let callLimit: Int
        let deadline: Deadline?
        var evaluations = 0
        let budget: Int
        /// Per event, the reach of the hard day spreads it shares with the event being ordered
        /// (``ClashOrder``), valid where `reachStamp` is `stamp`: reset by stamping, not clearing.
        fileprivate var reach: [Int]
        fileprivate var reachStamp: [Int]
        fileprivate var stamp = 0
        /// ``ClashOrder``'s counts per day and per period, kept between orders so that each order
        /// does not allocate them anew; all zero and false between orders.
        fileprivate var spreadCover: [Int]
        fileprivate var spreadBlocked: [Bool]
        fileprivate var cover: [Int]
        fileprivate var blocked: [Bool]

        init(events: Int, days: Int, periods: Int, callLimit: Int, deadline: Deadline?, budget: Int) {
            spreadCover = Array(repeating: 0, count: days)
            spreadBlocked = Array(repeating: false, count: days)
            cover = Array(repeating: 0, count: periods)
            blocked = Array(repeating: false, count: periods)
            moved = Array(repeating: false, count: events)
            reach = Array(repeating: 0, count: events)
            reachStamp = Array(repeating: 0, count: events)
            self.callLimit = callLimit
            self.deadline = deadline
            self.budget = budget
        }

        /// Begins an attempt from a waiting event (the previous one closed or was undone).
        mutating func start(evaluations: Int) {
            for case .placed(let e) in journal { moved[e] = false }
            journal.removeAll(keepingCapacity: true)
            calls = 0
            self.evaluations = evaluations
        }

        /// Out of calls, evaluations or time: every open branch fails.
        mutating func exhausted() -> Bool {
            if calls >= callLimit || evaluations >= budget { return true }
            if calls & 31 == 0, deadline?.hasPassed == true || Task.isCancelled { calls = callLimit }
            return calls >= callLimit
        }
    }

    /// FET's recursive swapping ("algorithm-description.txt" in FET's documentation): places event
    /// `e` at a start that displaces nobody if there is one (a random one of those); otherwise
    /// tries its starts, fewest displaced first (only the best from level ``swapWideLevels`` on),
    /// each time placing `e`, taking the displaced events out and placing them recursively.
    /// Returns true with every one of them placed and no hard violation; false with the state as
    /// it was. Starts that would displace an event already moved in this attempt are not tried.
    private mutating func swapIn(_ e: Int, level: Int, attempt: inout SwapAttempt) -> Bool {
        var options = ClashOrder(search: &self, placing: e, attempt: &attempt)
        // A start that displaces nobody, if there is one.
        if let free = options.next(search: &self, attempt: &attempt, upTo: 0) {
            apply(e, option: free.option, rooms: free.rooms, displacing: [], attempt: &attempt)
            return true
        }
        guard level < Self.swapMaxLevel else { return false }
        while let candidate = options.next(search: &self, attempt: &attempt, upTo: .max) {
            if attempt.exhausted() { return false }
            let mark = attempt.journal.count
            apply(e, option: candidate.option, rooms: candidate.rooms, displacing: candidate.displaced, attempt: &attempt)
            var closed = true
            for other in candidate.displaced {
                attempt.calls += 1
                if attempt.exhausted() || !swapIn(other, level: level + 1, attempt: &attempt) {
                    closed = false
                    break
                }
            }
            if closed { return true }
            undo(attempt: &attempt, to: mark)
            if level >= Self.swapWideLevels { break }
        }
        return false
    }

    /// An event's starts in order of the events they displace, fewest first (ties in random
    /// order), computed lazily: a start's clashes with placed events sharing a teacher or group
    /// are a cheap lower bound of what it displaces, so the full ``displacement(placing:at:)`` is
    /// only asked for starts that can come next. Starts that would displace an event moved in
    /// this attempt are left out.
    struct ClashOrder {
        let event: Int
        /// Starts not yet evaluated, by lower bound (descending, so that the next is last), as
        /// `bound << 32 | random tie-break << 16 | option`.
        private var pending: [Int] = []
        /// Evaluated starts not yet handed out.
        private var ready: [(option: Int, rooms: [Int], displaced: [Int])] = []

        init(search: inout AnnealingSearch, placing e: Int, attempt: inout SwapAttempt) {
            event = e
            let problem = search.problem
            let starts = problem.events[e].starts, duration = problem.events[e].duration
            // Placed events of a hard day spread with e, with the widest reach of those spreads:
            // within it of e's day, each must go.
            attempt.stamp += 1
            var partners: [Int] = []
            for member in problem.events[e].members {
                for spread in problem.spreadsOfLesson[member.lesson]
                where problem.spreads[spread].hard && problem.spreads[spread].minDays >= 1 {
                    let reach = problem.spreads[spread].minDays - 1
                    for other in problem.eventsOfSpread[spread] where other != e && search.state.startOption[other] >= 0 {
                        if attempt.reachStamp[other] != attempt.stamp {
                            attempt.reachStamp[other] = attempt.stamp
                            attempt.reach[other] = reach
                            partners.append(other)
                        } else {
                            attempt.reach[other] = max(attempt.reach[other], reach)
                        }
                    }
                }
            }
            for other in partners {
                let day = search.state.day(of: other)
                let reach = attempt.reach[other]
                for near in max(day - reach, 0)...min(day + reach, problem.dayCount - 1) {
                    if attempt.moved[other] { attempt.spreadBlocked[near] = true } else { attempt.spreadCover[near] += 1 }
                }
            }
            // Per slot, placed events sharing a teacher or group there, apart from the spread's.
            for other in problem.conflicting[e] where search.state.startOption[other] >= 0 {
                let otherEvent = problem.events[other]
                let otherStart = search.state.start(of: other)
                let isPartner = attempt.reachStamp[other] == attempt.stamp
                for s in otherStart..<(otherStart + otherEvent.duration) {
                    if attempt.moved[other] { attempt.blocked[s] = true } else if !isPartner { attempt.cover[s] += 1 }
                }
            }
            pending.reserveCapacity(starts.count)
            for option in starts.indices where problem.events[e].staticHard[option] == 0 {
                let day = problem.dayOfSlot[starts[option]]
                var bound = 0, isBlocked = attempt.spreadBlocked[day]
                for s in starts[option]..<(starts[option] + duration) {
                    bound = max(bound, attempt.cover[s])
                    isBlocked = isBlocked || attempt.blocked[s]
                }
                if !isBlocked { pending.append((bound + attempt.spreadCover[day]) << 32 | search.rng.below(1 << 16) << 16 | option) }
            }
            pending.sort(by: >)
            for day in 0..<problem.dayCount {
                attempt.spreadCover[day] = 0
                attempt.spreadBlocked[day] = false
            }
            for s in 0..<problem.slotCount {
                attempt.cover[s] = 0
                attempt.blocked[s] = false
            }
        }

        /// The start that displaces fewest among those left, if it displaces at most `limit`
        /// events; nil when none is left within the limit.
        mutating func next(search: inout AnnealingSearch, attempt: inout SwapAttempt, upTo limit: Int) -> (
            option: Int, rooms: [Int], displaced: [Int]
        )? {
            while true {
                let bestReady = ready.indices.min { ready[$0].displaced.count < ready[$1].displaced.count }
                let bestCount = bestReady.map { ready[$0].displaced.count } ?? Int.max
                if let last = pending.last, last >> 32 < bestCount, last >> 32 <= limit {
                    pending.removeLast()
                    attempt.evaluations += 1
                    let option = last & 0xFFFF
                    guard let (rooms, displaced) = search.displacement(placing: event, at: option),
                        !displaced.contains(where: { attempt.moved[$0] })
                    else { continue }
                    ready.append((option, rooms, displaced))
                    continue
                }
                guard let bestReady, bestCount <= limit else { return nil }
                return ready.remove(at: bestReady)
            }
        }
    }

    /// Takes the `displacing` events out and places `e`, recording both in the attempt's journal.
    private mutating func apply(_ e: Int, option: Int, rooms: [Int], displacing: [Int], attempt: inout SwapAttempt) {
        for other in displacing {
            attempt.journal.append(.unplaced(other, option: state.startOption[other], rooms: state.rooms[other]))
            state.unplace(other)
        }
        state.place(e, option: option, rooms: rooms)
        attempt.moved[e] = true
        attempt.journal.append(.placed(e))
    }

    /// Undoes the attempt's changes after `mark`, newest first.
    private mutating func undo(attempt: inout SwapAttempt, to mark: Int) {
        while attempt.journal.count > mark {
            switch attempt.journal.removeLast() {
            case .placed(let e):
                state.unplace(e)
                attempt.moved[e] = false
            case .unplaced(let e, let option, let rooms):
                state.place(e, option: option, rooms: rooms)
            }
        }
    }
}
