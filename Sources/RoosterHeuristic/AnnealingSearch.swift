import Foundation
import RoosterModel
import RoosterRules
import RoosterSolving

/// One search: greedy construction, repair by ejection chains (``repairByEjection(waiting:deadline:budget:)``),
/// then simulated annealing over four neighbourhoods.
///
/// The design follows the simulated annealing of Bellio, Ceschia, Di Gaspero, Schaerf and Urli,
/// "Feature-based tuning of simulated annealing applied to the curriculum-based course timetabling
/// problem" (Computers & Operations Research 65, 2016): hard violations are part of the cost with a
/// large weight, and the neighbourhoods are *move an event* to another start and *swap* the starts
/// of two events; here also *Kempe chains* between two starts (Lü and Hao 2010, see
/// ``kempeChain()``) and a move that changes one room or swaps rooms with the event holding the
/// new one (``changeRoom()``). With a feasible timetable, moves and swaps that would add a clash are
/// rejected unevaluated (``SearchState/wouldClash(_:at:leaving:_:)``). Construction places the
/// most constrained events first, each where it adds least cost (best insertion).
struct AnnealingSearch {
    /// Outcome of one search.
    struct Outcome {
        var startOption: [Int]
        var rooms: [[Int]]
        var score: Score
        var iterations: Int
        var timeToFirstFeasible: Duration?
        var history: [SolveStatistics.Improvement]
        /// Moves whose incremental cost differed from a full recomputation (verifying runs only).
        var deltaMismatches = 0
    }

    /// Temperature of the repair phase, in hard violations: a move that adds one is accepted about
    /// once in twenty thousand tries (0.3 was too hot to finish generated schools of 600 students).
    static let repairTemperature = 0.1

    /// Weight of one hard violation against soft cost in the annealing objective.
    private let hardWeight: Int

    var state: SearchState
    var rng: SeededGenerator
    let problem: SearchProblem
    let movable: [Int]
    /// Check every delta against a full recomputation (slow; for tests and debugging).
    private let verify: Bool
    private var mismatches = 0

    private let startTemperature: Double
    private let endTemperature: Double

    /// In the repair phase, the movable events that take part in a hard violation (clash, limit,
    /// spread), found afresh every ``focusRefresh`` moves; half the repair moves start from one of
    /// them, so that the search works where the timetable is broken instead of among the many
    /// events that are fine.
    private var violating: [Int] = []
    private var focusRefresh: Int { max(1_000, 4 * movable.count) }

    /// The judge used in verifying runs: without hard violations, the search's cost must equal the checker's score.
    private let checker: Checker

    init(
        problem: SearchProblem, seed: UInt64, temperatures: (start: Double, end: Double) = (30, 0.05), hardWeight: Int = 10_000,
        verify: Bool = false, checker: Checker = Checker()
    ) {
        self.hardWeight = max(hardWeight, 1)
        self.checker = checker
        self.problem = problem
        startTemperature = temperatures.start
        endTemperature = temperatures.end
        state = SearchState(problem: problem)
        rng = SeededGenerator(seed: seed)
        movable = problem.events.indices.filter { !problem.events[$0].isFixed }
        self.verify = verify
    }

    /// A re-solve from a reference timetable: it repairs and keeps what it can instead of exploring.
    private var isResolve: Bool { problem.compiled.reference != nil }

    private var cost: Int { mutating get { state.hard * hardWeight + state.soft } }
    var score: Score { mutating get { Score(hard: state.hard, soft: state.soft) } }

    // MARK: - Construction

    /// Rooms for event `e` at start `option`: per member its rooms, keeping `preferred` ones that
    /// are free and allowed, else the best-fitting free rooms, else the least bad allowed ones.
    func chooseRooms(_ e: Int, option: Int, preferred: [Int]? = nil) -> [Int] {
        let event = problem.events[e]
        let start = event.starts[option]
        var chosen: [Int] = []
        chosen.reserveCapacity(event.roomSlots)
        for (m, member) in event.members.enumerated() {
            for k in 0..<member.roomCount {
                if let preferred, event.roomOffsets[m] + k < preferred.count, preferred[event.roomOffsets[m] + k] >= 0 {
                    let room = preferred[event.roomOffsets[m] + k]
                    if !chosen.contains(room), state.roomIsFree(room, from: start, duration: event.duration) {
                        chosen.append(room)
                        continue
                    }
                }
                // A free room the lesson already uses (room stability), then the best-fitting free
                // one. Not in a re-solve, which keeps what it can: there the preference moved
                // lessons for stability (test `teacherAbsentOnTuesdays`: 20 moved where 7 do without).
                let used = member.roomOptions.first { room in
                    !isResolve && !chosen.contains(room)
                        && state.lessonUses(room, member.lesson)
                        && state.roomIsFree(room, from: start, duration: event.duration)
                }
                let free =
                    used
                    ?? member.roomOptions.first { room in
                        !chosen.contains(room) && state.roomIsFree(room, from: start, duration: event.duration)
                    }
                let fallback = member.roomOptions.first { !chosen.contains($0) } ?? member.roomOptions.first ?? 0
                chosen.append(free ?? fallback)
            }
        }
        return chosen
    }

    /// In a re-solve, places the occurrences that can keep their reference start there, in their
    /// reference rooms where those are still allowed and free; returns the events placed. The
    /// greedy construction then repairs the rest: what the changed school no longer allows.
    private mutating func placeAsInReference() -> Set<Int> {
        guard let reference = problem.compiled.reference else { return [] }
        var placed = Set<Int>()
        var eventsOfUnit: [Int: [Int]] = [:]
        for (e, event) in problem.events.enumerated() { eventsOfUnit[event.unit, default: []].append(e) }
        for (unit, events) in eventsOfUnit.sorted(by: { $0.key < $1.key }) {
            let lessons = problem.compiled.units[unit].lessons
            guard let first = lessons.first(where: { reference.startIndices[$0] != nil }),
                let before = reference.startIndices[first]
            else { continue }
            var free = before
            for e in events {
                let event = problem.events[e]
                guard let option = event.starts.indices.first(where: { free.contains(event.starts[$0]) && event.staticHard[$0] == 0 })
                else { continue }
                let start = event.starts[option]
                free.remove(start)
                var preferred: [Int] = []
                for member in event.members {
                    let rooms = (reference.roomIndices[member.lesson]?[start] ?? []).filter(member.roomOptions.contains).sorted()
                    preferred += (0..<member.roomCount).map { $0 < rooms.count ? rooms[$0] : -1 }
                }
                state.place(e, option: option, rooms: chooseRooms(e, option: option, preferred: preferred))
                placed.insert(e)
            }
        }
        return placed
    }

    /// Places every event, most constrained first, each where it adds least cost. After the
    /// deadline or cancellation the remaining events go to their first start, so that the
    /// timetable is always complete. A re-solve first keeps what it can of the reference.
    /// With `leavingOut`, an event whose cheapest start breaks a hard rule is left unplaced
    /// instead (for the ejection chains, FET's way: a partial timetable without violations);
    /// returns the events left out.
    @discardableResult
    mutating func construct(deadline: Deadline, leavingOut: Bool = false) -> [Int] {
        let kept = placeAsInReference()
        let order = problem.events.indices.filter { !kept.contains($0) }.sorted { a, b in
            let ea = problem.events[a], eb = problem.events[b]
            if ea.starts.count != eb.starts.count { return ea.starts.count < eb.starts.count }
            let sizeA = ea.members.count * ea.duration + ea.groups.count, sizeB = eb.members.count * eb.duration + eb.groups.count
            return sizeA != sizeB ? sizeA > sizeB : a < b
        }
        var hurry = false
        var leftOut: [Int] = []
        for e in order {
            if !hurry, Task.isCancelled || deadline.hasPassed { hurry = true }
            if hurry {
                state.place(e, option: 0, rooms: chooseRooms(e, option: 0))
                continue
            }
            let hardBefore = state.baseHard
            placeCheapest(e) { $0.cost }
            if leavingOut, state.baseHard > hardBefore, !problem.events[e].isFixed {
                state.unplace(e)
                leftOut.append(e)
            }
        }
        if hurry {
            for e in leftOut { state.place(e, option: 0, rooms: chooseRooms(e, option: 0)) }
            return []
        }
        return leftOut
    }

    /// Places event `e` at the start (first of equals) where `measure` of the state is lowest,
    /// each start with the rooms ``chooseRooms(_:option:preferred:)`` gives it.
    mutating func placeCheapest(_ e: Int, by measure: (inout AnnealingSearch) -> Int) {
        var bestOption = 0, bestRooms: [Int] = [], bestCost = Int.max
        for option in problem.events[e].starts.indices {
            let rooms = chooseRooms(e, option: option)
            state.place(e, option: option, rooms: rooms)
            let value = measure(&self)
            state.unplace(e)
            if value < bestCost {
                bestCost = value
                bestOption = option
                bestRooms = rooms
            }
        }
        state.place(e, option: bestOption, rooms: bestRooms)
    }

    // MARK: - Annealing

    /// Where a search stops: a move count (per search) and a deadline, whichever comes first.
    struct Limit {
        var deadline: Deadline
        var iterations: Int?
    }

    /// Where the annealing stands between calls to ``anneal(until:schedule:startedAt:progress:)``.
    private struct Walk {
        var iteration = 0
        /// Phase 1: annealing on hard violations alone.
        var repairing = false
        /// A re-solve fell back on phase 1 (once at most).
        var escalated = false
        var phaseStart = ContinuousClock.now
        var phaseStartIteration = 0
        /// The best score is zero or the schedule's end was reached: nothing more to do.
        var finished = false
    }

    private var walk = Walk()
    /// The best timetable so far, with the search's counts.
    private(set) var outcome = Outcome(
        startOption: [], rooms: [], score: Score(hard: .max, soft: .max), iterations: 0, timeToFirstFeasible: nil, history: [])

    /// Whether the search has nothing left to do (a perfect timetable, or the end of its schedule).
    var isFinished: Bool { walk.finished }

    /// Runs construction and annealing until the deadline, the iteration limit or cancellation.
    mutating func run(
        deadline: Deadline, iterationLimit: Int?, startedAt: ContinuousClock.Instant,
        progress: (@Sendable (SolveProgress) -> Void)?
    ) -> Outcome {
        let limit = Limit(deadline: deadline, iterations: iterationLimit)
        begin(schedule: limit, startedAt: startedAt)
        anneal(until: limit, schedule: limit, startedAt: startedAt, progress: progress)
        return outcome
    }

    /// Builds the first timetable: construction, then ejection chains for at most half the
    /// schedule's time or moves (a re-solve repairs with the whole cost instead, so as not to move
    /// lessons away from the reference for free); the rest is left to annealing.
    mutating func begin(schedule: Limit, startedAt: ContinuousClock.Instant) {
        let ejecting = !isResolve && problem.choiceSeats == nil
        let leftOut = construct(deadline: schedule.deadline, leavingOut: ejecting)
        walk = Walk()
        if ejecting, state.hard > 0 || !leftOut.isEmpty {
            walk.iteration =
                repairByEjection(
                    waiting: leftOut, deadline: schedule.deadline.share(0.5), budget: schedule.iterations.map { $0 / 2 } ?? .max
                ).evaluations
            if verify { verifyCost(againstChecker: true) }
        }
        outcome = Outcome(
            startOption: state.startOption, rooms: state.rooms, score: score, iterations: walk.iteration, timeToFirstFeasible: nil,
            history: [.init(elapsed: ContinuousClock.now - startedAt, score: score)])
        if score.isFeasible { outcome.timeToFirstFeasible = ContinuousClock.now - startedAt }
        // Phase 1 (repair, when ejection chains left violations) anneals on hard violations alone,
        // half its moves starting from a violating event, until none are left; phase 2 anneals on
        // the whole cost, its temperature falling from the start to the end value over the rest of
        // the time or iterations. A re-solve starts without phase 1: blind to soft cost, the repair
        // would move many lessons away from the reference for free; only when the whole cost has not
        // repaired the timetable after a quarter of the search does phase 1 take over.
        walk.repairing = state.hard > 0 && !isResolve
        walk.phaseStart = ContinuousClock.now
        walk.phaseStartIteration = walk.iteration
        walk.finished = movable.isEmpty || score == .zero
    }

    /// Continues from the current timetable of `other`, in its phase: cooperating searches share
    /// their best current timetable this way. Moves, random stream and best timetable stay this
    /// search's own.
    mutating func adopt(_ other: AnnealingSearch) {
        state = other.state
        state.rebind(to: problem)
        walk.repairing = other.walk.repairing
        walk.escalated = other.walk.escalated
        walk.phaseStart = other.walk.phaseStart
        walk.phaseStartIteration = other.walk.phaseStartIteration
        violating = []
        adopted += 1
    }

    /// Timetables taken over from other searches.
    private(set) var adopted = 0

    /// Anneals until `stop` (or cancellation), the temperature following `schedule`: a search run
    /// in rounds stops at each round's end but cools over the whole solve.
    mutating func anneal(
        until stop: Limit, schedule: Limit, startedAt: ContinuousClock.Instant, progress: (@Sendable (SolveProgress) -> Void)?
    ) {
        guard !walk.finished else { return }
        var temperature = walk.repairing ? Self.repairTemperature : startTemperature
        var lastProgress = ContinuousClock.now
        var first = true
        while true {
            if walk.iteration & 255 == 0 || first {
                first = false
                let now = ContinuousClock.now
                if now >= schedule.deadline.instant {
                    walk.finished = true
                    break
                }
                if now >= stop.deadline.instant || Task.isCancelled { break }
                let fraction: Double
                if let iterationLimit = schedule.iterations {
                    fraction = Double(walk.iteration - walk.phaseStartIteration) / Double(max(iterationLimit - walk.phaseStartIteration, 1))
                } else {
                    fraction = (now - walk.phaseStart).inSeconds / max((schedule.deadline.instant - walk.phaseStart).inSeconds, 1e-9)
                }
                if isResolve, !walk.escalated, !walk.repairing, state.hard > 0, fraction >= 0.25 {
                    walk.repairing = true
                    walk.escalated = true
                }
                temperature =
                    walk.repairing
                    ? Self.repairTemperature : startTemperature * pow(endTemperature / startTemperature, min(fraction, 1))
                if let progress, now - lastProgress > .milliseconds(100) {
                    lastProgress = now
                    progress(SolveProgress(elapsed: now - startedAt, iterations: walk.iteration, current: score, best: outcome.score))
                }
            }
            if let iterationLimit = schedule.iterations, walk.iteration >= iterationLimit {
                walk.finished = true
                break
            }
            if let iterationLimit = stop.iterations, walk.iteration >= iterationLimit { break }
            walk.iteration += 1
            if walk.repairing, (walk.iteration - walk.phaseStartIteration) % focusRefresh == 1 { findViolating() }

            let before = cost, hardBefore = state.hard
            screensClashes = !walk.repairing && hardBefore == 0 && Double(hardWeight) > Self.screeningRatio * temperature
            let undo: Undo
            let focus = walk.repairing && !violating.isEmpty && rng.below(2) == 0
            switch rng.below(20) {
            case 0..<9: undo = moveEvent(focus ? violating[rng.below(violating.count)] : nil)
            case 9..<15: undo = swapEvents(focus ? violating[rng.below(violating.count)] : nil)
            case 15..<18: undo = kempeChain(focus ? violating[rng.below(violating.count)] : nil)
            default: undo = changeRoom()
            }
            if case .none = undo { continue }
            let delta = walk.repairing ? state.hard - hardBefore : cost - before
            if verify { verifyCost(againstChecker: walk.iteration % 100 == 0) }
            if delta <= 0 || rng.unit() < exp(-Double(delta) / temperature) {
                if keepIfBetter(startedAt: startedAt), score == .zero {
                    walk.finished = true
                    break
                }
                if walk.repairing, state.hard == 0 {
                    walk.repairing = false
                    violating = []
                    walk.phaseStart = ContinuousClock.now
                    walk.phaseStartIteration = walk.iteration
                    temperature = startTemperature
                }
            } else {
                revert(undo)
                if verify { verifyCost() }
            }
        }
        outcome.iterations = walk.iteration
        outcome.deltaMismatches = mismatches
    }

    /// Whether moves and swaps that would add a teacher or group clash are rejected unevaluated
    /// (``SearchState/wouldClash(_:at:leaving:_:)``): set per move while the timetable has no hard
    /// violation and one violation costs more than ``screeningRatio`` temperatures, so that the
    /// move would be accepted with a probability below e⁻²⁰ (a soft gain of the same move aside).
    private var screensClashes = false
    static let screeningRatio = 20.0

    /// Makes the current timetable the best when it scores better; returns whether it did.
    private mutating func keepIfBetter(startedAt: ContinuousClock.Instant) -> Bool {
        guard score < outcome.score else { return false }
        outcome.startOption = state.startOption
        outcome.rooms = state.rooms
        outcome.score = score
        outcome.history.append(.init(elapsed: ContinuousClock.now - startedAt, score: score))
        if outcome.timeToFirstFeasible == nil, score.isFeasible { outcome.timeToFirstFeasible = ContinuousClock.now - startedAt }
        return true
    }

    /// How to take a move back: the events it changed with their old starts and rooms.
    enum Undo {
        case none
        case one(event: Int, option: Int, rooms: [Int])
        case two(first: Int, firstOption: Int, firstRooms: [Int], second: Int, secondOption: Int, secondRooms: [Int])
        case many([(event: Int, option: Int, rooms: [Int])])
    }

    private mutating func revert(_ undo: Undo) {
        switch undo {
        case .none:
            break
        case .one(let e, let option, let rooms):
            state.unplace(e)
            state.place(e, option: option, rooms: rooms)
        case .two(let a, let optionA, let roomsA, let b, let optionB, let roomsB):
            state.unplace(a)
            state.unplace(b)
            state.place(a, option: optionA, rooms: roomsA)
            state.place(b, option: optionB, rooms: roomsB)
        case .many(let changes):
            for change in changes { state.unplace(change.event) }
            for change in changes { state.place(change.event, option: change.option, rooms: change.rooms) }
        }
    }

    /// Moves one event to another start, keeping its rooms where they are free.
    private mutating func moveEvent(_ chosen: Int? = nil) -> Undo {
        let e = chosen ?? movable[rng.below(movable.count)]
        let event = problem.events[e]
        let old = state.startOption[e]
        var option = rng.below(event.starts.count - 1)
        if option >= old { option += 1 }
        if screensClashes, state.wouldClash(e, at: event.starts[option], leaving: e) { return .none }
        let oldRooms = state.rooms[e]
        state.unplace(e)
        state.place(e, option: option, rooms: chooseRooms(e, option: option, preferred: oldRooms))
        return .one(event: e, option: old, rooms: oldRooms)
    }

    /// The movable events whose removal lowers the hard cost (choice seats aside).
    private mutating func findViolating() {
        violating.removeAll(keepingCapacity: true)
        for e in movable {
            let before = state.baseHard, option = state.startOption[e], rooms = state.rooms[e]
            state.unplace(e)
            if state.baseHard < before { violating.append(e) }
            state.place(e, option: option, rooms: rooms)
        }
    }

    /// Swaps the starts of two events that share a teacher or a group, where each may start at
    /// the other's slot; the first is `chosen`, else drawn at random.
    private mutating func swapEvents(_ chosen: Int? = nil) -> Undo {
        let a = chosen ?? movable[rng.below(movable.count)]
        let partners = problem.related[a]
        guard !partners.isEmpty else { return .none }
        let b = partners[rng.below(partners.count)]
        let eventA = problem.events[a], eventB = problem.events[b]
        let startA = state.start(of: a), startB = state.start(of: b)
        guard startA != startB, let newA = option(of: startB, in: eventA), let newB = option(of: startA, in: eventB) else { return .none }
        // Screened only when the two new placements cannot meet (apart in time), as counters cannot tell.
        if screensClashes, startB + eventA.duration <= startA || startA + eventB.duration <= startB,
            state.wouldClash(a, at: startB, leaving: a, b) || state.wouldClash(b, at: startA, leaving: a, b)
        {
            return .none
        }
        let oldA = state.startOption[a], oldB = state.startOption[b]
        let roomsA = state.rooms[a], roomsB = state.rooms[b]
        state.unplace(a)
        state.unplace(b)
        state.place(a, option: newA, rooms: chooseRooms(a, option: newA, preferred: roomsA))
        state.place(b, option: newB, rooms: chooseRooms(b, option: newB, preferred: roomsB))
        return .two(first: a, firstOption: oldA, firstRooms: roomsA, second: b, secondOption: oldB, secondRooms: roomsB)
    }

    /// Longest Kempe chain tried; longer chains rarely pay and cost time.
    static let kempeChainLimit = 24

    /// Swaps a Kempe chain between two starts: an event moves from its start to another, the
    /// events there that share a teacher or a group with it move back, the events at the first
    /// start that conflict with those move over, and so on until no conflict is left. Between
    /// the two starts, conflicts among the chain's events are neither made nor broken, so the
    /// move reaches timetables that single moves and swaps only reach through clashes (Lü and
    /// Hao, "Adaptive tabu search for course timetabling", EJOR 200, 2010). Only chains of events
    /// of one duration that may all start at either start are tried.
    private mutating func kempeChain(_ chosen: Int? = nil) -> Undo {
        let a = chosen ?? movable[rng.below(movable.count)]
        let first = problem.events[a]
        guard first.starts.count > 1 else { return .none }
        let oldOption = state.startOption[a]
        var target = rng.below(first.starts.count - 1)
        if target >= oldOption { target += 1 }
        let starts = (first.starts[oldOption], first.starts[target])
        let duration = first.duration
        // chain[i] leaves its start for the other one; `side` says which start it leaves.
        var chain: [(event: Int, leavesFirst: Bool)] = [(a, true)]
        var index = 0
        while index < chain.count {
            let (e, leavesFirst) = chain[index]
            index += 1
            let destination = leavesFirst ? starts.1 : starts.0
            for b in problem.conflicting[e] {
                let other = problem.events[b]
                let start = state.start(of: b)
                guard start < destination + duration, destination < start + other.duration else { continue }
                guard start == destination, other.duration == duration else { return .none }
                if chain.contains(where: { $0.event == b }) { continue }
                chain.append((b, !leavesFirst))
                if chain.count > Self.kempeChainLimit { return .none }
            }
        }
        var moves: [(event: Int, option: Int)] = []
        moves.reserveCapacity(chain.count)
        for (e, leavesFirst) in chain {
            guard let option = option(of: leavesFirst ? starts.1 : starts.0, in: problem.events[e]) else { return .none }
            moves.append((e, option))
        }
        var undo: [(event: Int, option: Int, rooms: [Int])] = []
        undo.reserveCapacity(chain.count)
        for (e, _) in moves {
            undo.append((e, state.startOption[e], state.rooms[e]))
            state.unplace(e)
        }
        for (i, move) in moves.enumerated() {
            state.place(move.event, option: move.option, rooms: chooseRooms(move.event, option: move.option, preferred: undo[i].rooms))
        }
        return .many(undo)
    }

    /// Gives one lesson of an event another allowed room. When another event holds that room over
    /// exactly the same periods and may use the first one's room instead, the two swap rooms
    /// (except in a re-solve): with most rooms taken in most periods, a plain change would nearly
    /// always clash.
    mutating func changeRoom() -> Undo {
        let e = problem.events.indices.randomElement(using: &rng) ?? 0
        let event = problem.events[e]
        guard event.roomSlots > 0 else { return .none }
        let slot = rng.below(event.roomSlots)
        guard let m = event.roomOffsets.lastIndex(where: { $0 <= slot }), event.members[m].roomOptions.count > 1 else { return .none }
        let options = event.members[m].roomOptions
        let room = options[rng.below(options.count)]
        let oldRooms = state.rooms[e]
        guard room != oldRooms[slot], !oldRooms.contains(room) else { return .none }
        var newRooms = oldRooms
        newRooms[slot] = room
        let option = state.startOption[e]
        let start = event.starts[option]
        // Not in a re-solve: there swaps trade lessons' rooms for small gains elsewhere that the
        // change weights price too low (test `teacherAbsentOnTuesdays`: 54 moved with swaps, 7 without).
        if !isResolve, !state.roomIsFree(room, from: start, duration: event.duration),
            let (f, fSlot) = state.holder(of: room, start: start, duration: event.duration)
        {
            let other = problem.events[f]
            let fRooms = state.rooms[f]
            guard let fm = other.roomOffsets.lastIndex(where: { $0 <= fSlot }), other.members[fm].roomOptions.contains(oldRooms[slot]),
                !fRooms.contains(oldRooms[slot])
            else { return .none }
            var fNewRooms = fRooms
            fNewRooms[fSlot] = oldRooms[slot]
            let fOption = state.startOption[f]
            state.unplace(e)
            state.unplace(f)
            state.place(e, option: option, rooms: newRooms)
            state.place(f, option: fOption, rooms: fNewRooms)
            return .two(first: e, firstOption: option, firstRooms: oldRooms, second: f, secondOption: fOption, secondRooms: fRooms)
        }
        state.unplace(e)
        state.place(e, option: option, rooms: newRooms)
        return .one(event: e, option: option, rooms: oldRooms)
    }

    /// The index of a start slot in an event's (ascending) starts, if allowed.
    private func option(of start: Int, in event: SearchProblem.Event) -> Int? {
        var low = 0, high = event.starts.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let value = event.starts[middle]
            if value == start { return middle }
            if value < start { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }

    /// Counts a mismatch when the incremental cost differs from a full recomputation, or, for a
    /// timetable without hard violations, from the checker's score of it.
    private mutating func verifyCost(againstChecker: Bool = false) {
        let full = state.recomputedCost()
        if full.hard != state.hard || full.soft != state.soft { mismatches += 1 }
        if againstChecker, state.hard == 0 {
            let timetable = problem.timetable(starts: state.startOption, rooms: state.rooms)
            if checker.check(timetable, against: problem.compiled).score != score { mismatches += 1 }
        }
    }
}
