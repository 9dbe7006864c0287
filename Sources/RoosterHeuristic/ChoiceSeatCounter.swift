import RoosterModel
import RoosterRules

/// The rule `choiceSeats` compiled for the search: which session periods exist, which lesson
/// occurrences fill which student classes' periods, and in which week passes.
struct ChoiceSeatLayout: Sendable {
    let demand: ChoiceSeatDemand
    /// Session periods: a start slot and the slots a session from there takes.
    let periods: [(start: Int, slots: [Int])]
    /// Per event and start option: the session period of a choice member, or -1.
    let periodOfStart: [[Int]]
    /// Per slot: its index among the slots of session periods, or -1.
    let relevantIndex: [Int]
    let relevantCount: Int
    /// Per lesson: the student classes its occurrences make busy, and the days they do not (exemptions).
    let classesOfLesson: [[(studentClass: Int, exemptDays: Set<Int>)]]
    /// Per lesson: its open set when it is a choice lesson, and its fixed seats (nil: its rooms' seats).
    let openSetOfLesson: [Int?]
    let fixedSeatsOfLesson: [Int?]
    /// Per lesson: the week passes (``RoosterModel/School/weekPasses``) it runs in, by index.
    let passesOfLesson: [[Int]]
    let passCount: Int

    /// Nil when the school takes no choice lessons.
    init?(school: School, events: [SearchProblem.Event], slotCount: Int) {
        guard let demand = ChoiceSeatDemand(school: school) else { return nil }
        self.demand = demand
        var periods: [(start: Int, slots: [Int])] = []
        var periodIndex: [[Int]: Int] = [:]
        var periodOfStart: [[Int]] = []
        for event in events {
            let isChoice = event.members.contains { school.lessons[$0.lesson].choice != nil }
            periodOfStart.append(
                event.starts.map { start in
                    guard isChoice else { return -1 }
                    let key = Array(start..<(start + event.duration))
                    if let index = periodIndex[key] { return index }
                    periodIndex[key] = periods.count
                    periods.append((start, key))
                    return periods.count - 1
                })
        }
        self.periods = periods
        self.periodOfStart = periodOfStart
        var relevantIndex = Array(repeating: -1, count: slotCount)
        var relevantCount = 0
        for period in periods {
            for s in period.slots where relevantIndex[s] < 0 {
                relevantIndex[s] = relevantCount
                relevantCount += 1
            }
        }
        self.relevantIndex = relevantIndex
        self.relevantCount = relevantCount
        classesOfLesson = school.lessons.map(demand.classesOccupied(by:))
        openSetOfLesson = school.lessons.map { demand.openSet(of: $0) }
        fixedSeatsOfLesson = school.lessons.map { $0.choice?.capacity }
        let passes = school.weekPasses
        passCount = passes.count
        passesOfLesson = school.lessons.map { lesson in
            passes.indices.filter { pass in passes[pass].map { lesson.weeks?.contains($0) ?? true } ?? true }
        }
    }
}

/// Seats per session period and busy periods per student class, kept up to date as events move,
/// and the shortfall of `choiceSeats` computed from them when asked (a maximum flow, cached by state).
struct ChoiceSeatCounter {
    let layout: ChoiceSeatLayout
    /// `seats[pass][period * openSets + openSet]`.
    private var seats: [[Int]]
    /// `busy[pass][class * relevantCount + relevant slot]`: lessons filling the slot for the class.
    private var busy: [[Int32]]
    private var shortfallOfPass: [Int]
    private var dirty: [Bool]
    /// Shortfalls of states seen before: annealing returns to the same seat counts again and again.
    private var cache: [[Int]: Int] = [:]

    init(layout: ChoiceSeatLayout) {
        self.layout = layout
        let openSets = layout.demand.openSets.count
        seats = Array(repeating: Array(repeating: 0, count: layout.periods.count * openSets), count: layout.passCount)
        busy = Array(
            repeating: Array(repeating: 0, count: layout.demand.classes.count * layout.relevantCount), count: layout.passCount)
        shortfallOfPass = Array(repeating: 0, count: layout.passCount)
        dirty = Array(repeating: true, count: layout.passCount)
    }

    /// Adds (`sign` 1) or removes (−1) an event's occurrence.
    mutating func apply(
        _ e: Int, event: SearchProblem.Event, option: Int, rooms: [Int], roomCapacity: [Int], dayOfSlot: [Int], sign: Int
    ) {
        let start = event.starts[option]
        let period = layout.periodOfStart[e][option]
        let day = dayOfSlot[start]
        let openSets = layout.demand.openSets.count
        for (m, member) in event.members.enumerated() {
            let l = member.lesson
            if period >= 0, let open = layout.openSetOfLesson[l] {
                let own = rooms[event.roomOffsets[m]..<(event.roomOffsets[m] + member.roomCount)]
                let demand = layout.demand
                let capacity =
                    layout.fixedSeatsOfLesson[l].map(demand.usableSeats) ?? demand.usableSeats(rooms: own.map { roomCapacity[$0] })
                for pass in layout.passesOfLesson[l] {
                    seats[pass][period * openSets + open] += sign * capacity
                    dirty[pass] = true
                }
            }
            let classes = layout.classesOfLesson[l]
            guard !classes.isEmpty else { continue }
            for s in start..<(start + event.duration) {
                let r = layout.relevantIndex[s]
                guard r >= 0 else { continue }
                for (c, exempt) in classes where !exempt.contains(day) {
                    for pass in layout.passesOfLesson[l] {
                        busy[pass][c * layout.relevantCount + r] += Int32(sign)
                        dirty[pass] = true
                    }
                }
            }
        }
    }

    /// Choice lessons the current timetable cannot seat, over all week passes.
    mutating func shortfall() -> Int {
        for pass in dirty.indices where dirty[pass] {
            let key = seats[pass] + busy[pass].map { $0 > 0 ? 1 : 0 }
            if let known = cache[key] {
                shortfallOfPass[pass] = known
            } else {
                let value = Self.compute(layout, seats: seats[pass], busy: busy[pass])
                if cache.count > 200_000 { cache.removeAll(keepingCapacity: true) }
                cache[key] = value
                shortfallOfPass[pass] = value
            }
            dirty[pass] = false
        }
        return shortfallOfPass.reduce(0, +)
    }

    private static func compute(_ layout: ChoiceSeatLayout, seats: [Int], busy: [Int32]) -> Int {
        let openSets = layout.demand.openSets.count
        return layout.demand.shortfall(
            periods: layout.periods.count, seats: { seats[$0 * openSets + $1] },
            free: { c, p in
                layout.periods[p].slots.allSatisfy { busy[c * layout.relevantCount + layout.relevantIndex[$0]] == 0 }
            })
    }
}
