import RoosterModel

/// A timetable under search with its cost kept up to date incrementally.
///
/// Placing or removing an event changes only the counters of the teachers, groups, rooms, lessons
/// and days it touches; the cost change is computed from those alone ("delta evaluation"), never
/// by re-scoring the whole timetable. ``recomputedCost()`` scores from the counters independently
/// and is used in debug runs and tests to verify every delta.
///
/// The cost mirrors the checker's rules for a base timetable: conflicts as clashing pairs,
/// availability, daily and weekly teacher limits, team time, `maxPerDay`, and the soft rules room
/// capacity, minimum working days, isolated lessons, room stability, teacher and group gaps and
/// unwanted time, teachers' extra and short days, and the day spreads (both). The checker remains the judge of the result.
struct SearchState {
    /// The problem this state reads; ``rebind(to:)`` swaps in an equal copy.
    private(set) var problem: SearchProblem
    /// Per event: index into its `starts`, or -1 when not placed.
    var startOption: [Int]
    /// Per event: its rooms, `roomSlots` of them, member by member.
    var rooms: [[Int]]
    /// Hard cost of every rule but `choiceSeats`, kept by delta.
    private(set) var baseHard = 0
    /// Seats and busy periods for `choiceSeats`, whose cost is a flow computed when read.
    private var choiceSeats: ChoiceSeatCounter?
    private(set) var soft = 0
    /// False while only the hard cost matters (ejection chains): the soft rules' costs are then
    /// not updated, which makes placing and removing several times cheaper; `soft` is recomputed
    /// when tracking resumes.
    private(set) var tracksSoft = true

    private var teacherAt: [Int32]
    private var groupAt: [Int32]
    /// `unitAt[unit * slotCount + slot]`: occurrences of a lesson or cluster in a period.
    private var unitAt: [Int32]
    /// Per group and period, occurrences beyond the first of one lesson or cluster: the checker
    /// counts an isolated lesson once per distinct lesson, so repeats (clashes) are subtracted.
    private var groupRepeatsAt: [Int32]
    private var roomAt: [Int32]
    /// Beside `teacherAt`, `groupAt` and `roomAt`, the sum of `event + 1` over the occupants, which
    /// names the occupant where there is exactly one (``Occupant``). Added with wrapping: a
    /// crowded period of a huge school may overflow the sum, which matters only where one occupant
    /// is left, and there it is exact again.
    private var teacherHolders: [Int32]
    private var groupHolders: [Int32]
    private var roomHolders: [Int32]
    private var teacherDayBusy: [Int32]
    private var teacherDaysWorked: [Int32]
    private var lessonDay: [Int32]
    private var lessonDistinctDays: [Int32]
    private var lessonRoomUse: [Int32]
    private var lessonDistinctRooms: [Int32]
    /// `spreadDay[spread * dayCount + day]`: occurrences of a day spread's lessons on a day.
    private var spreadDay: [Int32]

    private let slotCount: Int
    private let dayCount: Int
    private let wTeacherGaps: Int, wGroupGaps: Int, wIsolated: Int, wMinDays: Int, wStability: Int, wCapacity: Int, wDaily: Int
    private let wRoomChanges: Int, wSpread: Int, wExtraDays: Int, wShortDays: Int

    /// Reads `copy`, a problem built from the same school and checker, from now on: a search that
    /// takes over another's timetable keeps reading its own problem (threads that share one
    /// problem contend for its reference counts).
    mutating func rebind(to copy: SearchProblem) {
        assert(copy.events.count == problem.events.count && copy.slotCount == problem.slotCount)
        problem = copy
    }

    init(problem: SearchProblem) {
        self.problem = problem
        slotCount = problem.slotCount
        dayCount = problem.dayCount
        startOption = Array(repeating: -1, count: problem.events.count)
        rooms = problem.events.map { Array(repeating: 0, count: $0.roomSlots) }
        teacherAt = Array(repeating: 0, count: problem.teacherCount * slotCount)
        groupAt = Array(repeating: 0, count: problem.groupCount * slotCount)
        unitAt = Array(repeating: 0, count: problem.unitCount * slotCount)
        groupRepeatsAt = Array(repeating: 0, count: problem.groupCount * slotCount)
        roomAt = Array(repeating: 0, count: problem.roomCount * slotCount)
        teacherHolders = teacherAt
        groupHolders = groupAt
        roomHolders = roomAt
        teacherDayBusy = Array(repeating: 0, count: problem.teacherCount * dayCount)
        teacherDaysWorked = Array(repeating: 0, count: problem.teacherCount)
        lessonDay = Array(repeating: 0, count: problem.lessonCount * dayCount)
        lessonDistinctDays = Array(repeating: 0, count: problem.lessonCount)
        lessonRoomUse = Array(repeating: 0, count: problem.lessonCount * problem.roomCount)
        lessonDistinctRooms = Array(repeating: 0, count: problem.lessonCount)
        spreadDay = Array(repeating: 0, count: problem.spreads.count * problem.dayCount)
        wSpread = problem.weight(.lessonsApartPreferred)
        wTeacherGaps = problem.weight(.teacherGaps)
        wGroupGaps = problem.weight(.groupGaps)
        wIsolated = problem.weight(.isolatedLessons)
        wMinDays = problem.weight(.minWorkingDays)
        wStability = problem.weight(.roomStability)
        wCapacity = problem.weight(.roomCapacity)
        wRoomChanges = problem.weight(.roomChanges)
        wDaily = problem.weight(.dailyLessons)
        wExtraDays = problem.weight(.teacherExtraDays)
        wShortDays = problem.weight(.teacherShortDays)
        // Soft costs that hold for an empty timetable: every lesson is short of its minimum days.
        for lesson in 0..<problem.lessonCount {
            soft += minDaysCost(lesson)
        }
        // Groups' days without lessons yet, short of their minimum.
        for g in 0..<problem.groupCount { for day in 0..<dayCount { soft += groupDayCost(g, day) } }
        // Team time with nobody teaching yet.
        for team in problem.teams.indices { baseHard += teamCost(team) }
        choiceSeats = problem.choiceSeats.map(ChoiceSeatCounter.init)
    }

    /// The hard cost: the counted rules plus the choice lessons the sessions cannot seat.
    var hard: Int {
        mutating get { baseHard + (choiceSeats?.shortfall() ?? 0) }
    }

    /// True when the room is free over the periods an event would take from `start`, apart from
    /// `besides` occupants (1: the event itself, when it is placed).
    @inline(__always) func roomIsFree(_ room: Int, from start: Int, duration: Int, besides: Int32 = 0) -> Bool {
        for s in start..<(start + duration) where roomAt[room * slotCount + s] > besides { return false }
        return true
    }

    /// Who takes a teacher, group or room in a period.
    enum Occupant {
        case none
        case one(Int)
        /// Two events, or one event twice (a clash either way).
        case several
    }

    @inline(__always) private static func occupant(_ counts: [Int32], _ holders: [Int32], at index: Int) -> Occupant {
        switch counts[index] {
        case 0: .none
        case 1: .one(Int(holders[index]) - 1)
        default: .several
        }
    }

    @inline(__always) func occupant(ofTeacher t: Int, at slot: Int) -> Occupant {
        Self.occupant(teacherAt, teacherHolders, at: t * slotCount + slot)
    }

    @inline(__always) func occupant(ofGroup g: Int, at slot: Int) -> Occupant {
        Self.occupant(groupAt, groupHolders, at: g * slotCount + slot)
    }

    @inline(__always) func occupant(ofRoom room: Int, at slot: Int) -> Occupant {
        Self.occupant(roomAt, roomHolders, at: room * slotCount + slot)
    }

    /// The start slot of event `e`, which must be placed.
    @inline(__always) func start(of e: Int) -> Int { problem.events[e].starts[startOption[e]] }

    /// The day of event `e`'s start; `e` must be placed.
    @inline(__always) func day(of e: Int) -> Int { problem.dayOfSlot[start(of: e)] }

    /// The one placed event that holds `room` over exactly the periods from `start` for
    /// `duration`, with the position of the room in its list; nil when none or several do, or
    /// one holds it over other periods (a room swap needs a single partner of the same shape).
    @inline(__always) func holder(of room: Int, start: Int, duration: Int) -> (event: Int, slot: Int)? {
        guard case .one(let f) = occupant(ofRoom: room, at: start) else { return nil }
        let other = problem.events[f]
        guard other.starts[startOption[f]] == start, other.duration == duration, let slot = rooms[f].firstIndex(of: room) else {
            return nil
        }
        for s in (start + 1)..<(start + duration) {
            guard case .one(let g) = occupant(ofRoom: room, at: s), g == f else { return nil }
        }
        return (f, slot)
    }

    /// Whether lesson `l` is already taught in `room` (room stability).
    @inline(__always) func lessonUses(_ room: Int, _ l: Int) -> Bool { lessonRoomUse[l * problem.roomCount + room] > 0 }

    /// Whether event `e` starting at `start` would share a period with another event of one of its
    /// teachers or groups, not counting `leaving` and `partner` (placed events that leave their
    /// periods in the same move; `e` itself when placed). A look at the counters alone, much
    /// cheaper than placing: the search rejects moves that would add a clash to a timetable
    /// without hard violations on this answer.
    @inline(__always) func wouldClash(_ e: Int, at start: Int, leaving: Int, _ partner: Int = -1) -> Bool {
        let event = problem.events[e]
        for s in start..<(start + event.duration) {
            for member in event.members {
                for t in member.teachers {
                    let here = Int(teacherAt[t * slotCount + s])
                    if here > 0, here > teacherOccupancy(leaving, t, at: s) + teacherOccupancy(partner, t, at: s) { return true }
                }
            }
            for g in event.groups {
                let here = Int(groupAt[g * slotCount + s])
                if here > 0, here > groupOccupancy(leaving, g, at: s) + groupOccupancy(partner, g, at: s) { return true }
            }
        }
        return false
    }

    /// Occurrences of day spread `spread`'s lessons on days fewer than its `minDays` from `day`.
    @inline(__always) func spreadOccurrences(_ spread: Int, near day: Int) -> Int { closeOccurrences(spread, day) }

    /// Occurrences of lesson `l` on `day`.
    @inline(__always) func lessonOccurrences(_ l: Int, on day: Int) -> Int { Int(lessonDay[l * dayCount + day]) }

    /// How many members of placed event `e` (none when `e` is −1) teach with teacher `t` in `slot`.
    @inline(__always) private func teacherOccupancy(_ e: Int, _ t: Int, at slot: Int) -> Int {
        guard e >= 0, startOption[e] >= 0 else { return 0 }
        let event = problem.events[e]
        let start = event.starts[startOption[e]]
        guard start <= slot, slot < start + event.duration else { return 0 }
        var count = 0
        for member in event.members where member.teachers.contains(t) { count += 1 }
        return count
    }

    /// 1 when placed event `e` (not −1) occupies `slot` with group `g`, else 0.
    @inline(__always) private func groupOccupancy(_ e: Int, _ g: Int, at slot: Int) -> Int {
        guard e >= 0, startOption[e] >= 0 else { return 0 }
        let event = problem.events[e]
        let start = event.starts[startOption[e]]
        return start <= slot && slot < start + event.duration && event.groups.contains(g) ? 1 : 0
    }

    /// Stops or resumes keeping the soft cost; resuming recomputes it from the counters.
    mutating func trackSoft(_ on: Bool) {
        guard on != tracksSoft else { return }
        tracksSoft = on
        if on { soft = recomputedCost().soft }
    }

    /// Places event `e` at start option `option` with `rooms`; the event must not be placed.
    mutating func place(_ e: Int, option: Int, rooms: [Int]) {
        startOption[e] = option
        self.rooms[e] = rooms
        apply(e, sign: 1)
    }

    /// Removes event `e`, which must be placed.
    mutating func unplace(_ e: Int) {
        apply(e, sign: -1)
        startOption[e] = -1
    }

    // MARK: - Incremental update

    private mutating func apply(_ e: Int, sign: Int) {
        let event = problem.events[e]
        let option = startOption[e]
        let start = event.starts[option]
        let day = problem.dayOfSlot[start]
        let end = start + event.duration
        let withSoft = tracksSoft
        baseHard += sign * event.staticHard[option]
        soft += sign * event.staticSoft[option]
        choiceSeats?.apply(
            e, event: event, option: option, rooms: rooms[e], roomCapacity: problem.roomCapacity, dayOfSlot: problem.dayOfSlot, sign: sign)

        // Aggregates before the change.
        let teachers = event.teachers, teams = event.teams
        for t in teachers { subtractCost(teacherDayCost(t, day, withSoft: withSoft)); subtractCost(teacherDaysCost(t)) }
        for team in teams { baseHard -= teamCost(team) }
        if withSoft { for g in event.groups { soft -= groupDayCost(g, day) } }
        for member in event.members {
            let l = member.lesson
            baseHard -= maxPerDayExcess(l, day)
            if withSoft { soft -= minDaysCost(l) + stabilityCost(l) }
        }

        // Counters, with conflict pairs as they change.
        let holderChange = Int32(sign * (e + 1))
        for s in start..<end {
            for member in event.members {
                for t in member.teachers {
                    let change = Self.change(&teacherAt, at: t * slotCount + s, by: sign)
                    teacherHolders[t * slotCount + s] &+= holderChange
                    baseHard += change.pairs
                    if change.count == (sign > 0 ? 1 : 0) { markTeacherBusy(t, day, by: Int32(sign)) }
                }
            }
            for g in event.groups {
                baseHard += Self.change(&groupAt, at: g * slotCount + s, by: sign).pairs
                groupHolders[g * slotCount + s] &+= holderChange
            }
            let occurrences = Self.change(&unitAt, at: event.unit * slotCount + s, by: sign).count
            if occurrences >= (sign > 0 ? 2 : 1) {
                for g in event.groups { groupRepeatsAt[g * slotCount + s] += Int32(sign) }
            }
            for room in rooms[e] {
                let index = room * slotCount + s
                baseHard += Self.change(&roomAt, at: index, by: sign).pairs
                roomHolders[index] &+= holderChange
                if problem.roomUnavailable[index] { baseHard += sign }
            }
        }
        for (m, member) in event.members.enumerated() {
            let l = member.lesson
            let dayIndex = l * dayCount + day
            if sign > 0 {
                lessonDay[dayIndex] += 1
                if lessonDay[dayIndex] == 1 { lessonDistinctDays[l] += 1 }
            } else {
                lessonDay[dayIndex] -= 1
                if lessonDay[dayIndex] == 0 { lessonDistinctDays[l] -= 1 }
            }
            let memberRooms = rooms[e][event.roomOffsets[m]..<(event.roomOffsets[m] + member.roomCount)]
            for room in memberRooms {
                let index = l * problem.roomCount + room
                if sign > 0 {
                    lessonRoomUse[index] += 1
                    if lessonRoomUse[index] == 1 { lessonDistinctRooms[l] += 1 }
                } else {
                    lessonRoomUse[index] -= 1
                    if lessonRoomUse[index] == 0 { lessonDistinctRooms[l] -= 1 }
                }
            }
            if withSoft { soft += sign * (capacityCost(l, memberRooms) + roomChangeCost(l, start, memberRooms)) }
            for spread in problem.spreadsOfLesson[l] { applySpread(spread, day, sign: sign) }
        }

        // Aggregates after the change.
        for t in teachers { addCost(teacherDayCost(t, day, withSoft: withSoft)); addCost(teacherDaysCost(t)) }
        for team in teams { baseHard += teamCost(team) }
        if withSoft { for g in event.groups { soft += groupDayCost(g, day) } }
        for member in event.members {
            let l = member.lesson
            baseHard += maxPerDayExcess(l, day)
            if withSoft { soft += minDaysCost(l) + stabilityCost(l) }
        }
    }

    /// Adds (`sign` 1) or removes (`sign` −1) one occupant of a counter; returns the change in
    /// clashing pairs (a new occupant clashes with each one already there) and the new count.
    private static func change(_ counts: inout [Int32], at index: Int, by sign: Int) -> (pairs: Int, count: Int32) {
        if sign > 0 {
            let before = counts[index]
            counts[index] = before + 1
            return (Int(before), before + 1)
        }
        counts[index] -= 1
        return (-Int(counts[index]), counts[index])
    }

    /// Adds or removes one occurrence of a day spread's lesson on `day`: the pairs it makes with the
    /// occurrences already there or on days fewer than `minDays` away.
    private mutating func applySpread(_ spread: Int, _ day: Int, sign: Int) {
        let base = spread * dayCount
        if sign < 0 { spreadDay[base + day] -= 1 }
        let close = closeOccurrences(spread, day)
        if sign > 0 { spreadDay[base + day] += 1 }
        if problem.spreads[spread].hard {
            baseHard += sign * close
        } else {
            soft += sign * close * wSpread
        }
    }

    /// Occurrences of a spread's lessons on days fewer than its `minDays` from `day`, that day included.
    @inline(__always) private func closeOccurrences(_ spread: Int, _ day: Int) -> Int {
        let reach = min(problem.spreads[spread].minDays - 1, dayCount)
        guard reach >= 0 else { return 0 }
        var count = 0
        for other in max(day - reach, 0)...min(day + reach, dayCount - 1) { count += Int(spreadDay[spread * dayCount + other]) }
        return count
    }

    private mutating func markTeacherBusy(_ t: Int, _ day: Int, by change: Int32) {
        let index = t * dayCount + day
        teacherDayBusy[index] += change
        if change > 0, teacherDayBusy[index] == 1 { teacherDaysWorked[t] += 1 }
        if change < 0, teacherDayBusy[index] == 0 { teacherDaysWorked[t] -= 1 }
    }

    private mutating func addCost(_ cost: (hard: Int, soft: Int)) {
        baseHard += cost.hard
        soft += cost.soft
    }

    private mutating func subtractCost(_ cost: (hard: Int, soft: Int)) {
        baseHard -= cost.hard
        soft -= cost.soft
    }

    // MARK: - Local costs

    // The cost helpers and the queries above are inlined into their callers: called from a
    // mutating method, a non-inlined non-mutating call copied the whole state (every counter array
    // retained and released) on each call, a third of the search's time (perf, comp07: 724k →
    // 966k moves/s inlined).

    /// Gaps and periods short of the daily minimum (soft), periods above the daily maximum (hard)
    /// of a teacher on a day; without `withSoft`, the hard part alone.
    @inline(__always) private func teacherDayCost(_ t: Int, _ day: Int, withSoft: Bool = true) -> (hard: Int, soft: Int) {
        let busy = Int(teacherDayBusy[t * dayCount + day])
        guard busy > 0 else { return (0, 0) }
        let excess = problem.teacherMaxPeriodsPerDay[t].map { max(busy - $0, 0) } ?? 0
        guard withSoft else { return (excess, 0) }
        let short = problem.teacherMinPeriodsPerDay[t].map { max($0 - busy, 0) * wShortDays } ?? 0
        guard wTeacherGaps > 0 else { return (excess, short) }
        let base = t * slotCount + problem.dayStart[day]
        var first = -1, last = -1
        for p in 0..<problem.dayLength[day] where teacherAt[base + p] > 0 {
            if first < 0 { first = p }
            last = p
        }
        var idle = 0
        for p in first...last where teacherAt[base + p] == 0 && problem.teacherGapSlot[problem.dayStart[day] + p] { idle += 1 }
        return (excess, idle * wTeacherGaps + short)
    }

    /// Days above the weekly maximum (hard) and above the preferred number (soft) of a teacher.
    @inline(__always) private func teacherDaysCost(_ t: Int) -> (hard: Int, soft: Int) {
        let days = Int(teacherDaysWorked[t])
        return (
            problem.teacherMaxDays[t].map { max(days - $0, 0) } ?? 0,
            problem.teacherPreferredMaxDays[t].map { max(days - $0, 0) * wExtraDays } ?? 0
        )
    }

    /// Gaps, isolated lessons and lesson periods against the daily limits of a group on a day (all soft).
    @inline(__always) private func groupDayCost(_ g: Int, _ day: Int) -> Int {
        guard wGroupGaps > 0 || wIsolated > 0 || wDaily > 0 else { return 0 }
        let dayStart = problem.dayStart[day]
        let base = g * slotCount + dayStart
        let length = problem.dayLength[day]
        var first = -1, last = -1, isolated = 0, teaching = 0
        for p in 0..<length {
            let here = Int(groupAt[base + p])
            guard here > 0 else { continue }
            if first < 0 { first = p }
            last = p
            if problem.groupTeachingSlot[dayStart + p] { teaching += 1 }
            let before = p > 0 ? groupAt[base + p - 1] : 0
            let after = p + 1 < length ? groupAt[base + p + 1] : 0
            if before == 0 && after == 0 { isolated += here - Int(groupRepeatsAt[base + p]) }
        }
        var cost = 0
        if wDaily > 0, problem.groupAttends[g * dayCount + day] {
            let short = max(problem.groupDailyMinimum[g] - teaching, 0)
            let above = problem.groupDailyMaximum[g].map { max(teaching - $0, 0) } ?? 0
            cost += (short + above) * wDaily
        }
        guard first >= 0 else { return cost }
        var idle = 0
        for p in first...last where groupAt[base + p] == 0 && problem.groupTeachingSlot[dayStart + p] { idle += 1 }
        return cost + idle * wGroupGaps + isolated * wIsolated
    }

    /// Periods short of a team's common free time (hard).
    @inline(__always) private func teamCost(_ index: Int) -> Int {
        let team = problem.teams[index]
        var free = 0
        for s in team.slots {
            var all = true
            for t in team.members where teacherAt[t * slotCount + s] > 0 || problem.teacherUnavailable[t * slotCount + s] {
                all = false
                break
            }
            if all { free += 1 }
        }
        return max(team.need - free, 0)
    }

    @inline(__always) private func maxPerDayExcess(_ l: Int, _ day: Int) -> Int {
        guard let limit = problem.lessonMaxPerDay[l] else { return 0 }
        return max(Int(lessonDay[l * dayCount + day]) - limit, 0)
    }

    @inline(__always) private func minDaysCost(_ l: Int) -> Int {
        guard let minDays = problem.lessonMinDays[l], wMinDays > 0 else { return 0 }
        return max(minDays - Int(lessonDistinctDays[l]), 0) * wMinDays
    }

    @inline(__always) private func stabilityCost(_ l: Int) -> Int {
        guard wStability > 0 else { return 0 }
        return max(Int(lessonDistinctRooms[l]) - max(problem.lessonRoomCount[l], 1), 0) * wStability
    }

    @inline(__always) private func capacityCost(_ l: Int, _ rooms: ArraySlice<Int>) -> Int {
        guard wCapacity > 0, problem.lessonCountsCapacity[l], !rooms.isEmpty else { return 0 }
        let seats = rooms.reduce(0) { $0 + problem.roomCapacity[$1] }
        return max(problem.lessonStudents[l] - seats, 0) * wCapacity
    }

    /// `roomChanges`: an occurrence at one of its lesson's reference starts in other rooms than there.
    @inline(__always) private func roomChangeCost(_ l: Int, _ start: Int, _ rooms: ArraySlice<Int>) -> Int {
        guard wRoomChanges > 0, let before = problem.compiled.reference?.roomIndices[l]?[start] else { return 0 }
        return before == Set(rooms) ? 0 : wRoomChanges
    }

    // MARK: - Verification

    /// The cost computed from the counters without any delta: for debug runs and tests.
    func recomputedCost() -> (hard: Int, soft: Int) {
        var hard = 0, soft = 0
        func pairs(_ counts: [Int32]) -> Int { counts.reduce(0) { $0 + Int($1) * Int($1 - 1) / 2 } }
        hard += pairs(teacherAt) + pairs(groupAt) + pairs(roomAt)
        for (e, event) in problem.events.enumerated() where startOption[e] >= 0 {
            hard += event.staticHard[startOption[e]]
            soft += event.staticSoft[startOption[e]]
            let start = event.starts[startOption[e]]
            for room in rooms[e] {
                for s in start..<(start + event.duration) where problem.roomUnavailable[room * slotCount + s] { hard += 1 }
            }
            for (m, member) in event.members.enumerated() {
                let memberRooms = rooms[e][event.roomOffsets[m]..<(event.roomOffsets[m] + member.roomCount)]
                soft += capacityCost(member.lesson, memberRooms) + roomChangeCost(member.lesson, start, memberRooms)
            }
        }
        for t in 0..<problem.teacherCount {
            for day in 0..<dayCount {
                let cost = teacherDayCost(t, day)
                hard += cost.hard
                soft += cost.soft
            }
            let days = teacherDaysCost(t)
            hard += days.hard
            soft += days.soft
        }
        for g in 0..<problem.groupCount { for day in 0..<dayCount { soft += groupDayCost(g, day) } }
        for team in problem.teams.indices { hard += teamCost(team) }
        for l in 0..<problem.lessonCount {
            for day in 0..<dayCount { hard += maxPerDayExcess(l, day) }
            soft += minDaysCost(l) + stabilityCost(l)
        }
        for spread in problem.spreads.indices {
            var pairs = 0
            for day in 0..<dayCount {
                let here = Int(spreadDay[spread * dayCount + day])
                pairs += here * (here - 1) / 2
                let reach = min(problem.spreads[spread].minDays - 1, dayCount)
                if reach >= 1 {
                    for other in (day + 1)..<min(day + reach + 1, dayCount) { pairs += here * Int(spreadDay[spread * dayCount + other]) }
                }
            }
            if problem.spreads[spread].hard { hard += pairs } else { soft += pairs * wSpread }
        }
        // Choice seats from the placed events afresh, so that a missed or wrong update shows.
        if let layout = problem.choiceSeats {
            var fresh = ChoiceSeatCounter(layout: layout)
            for (e, event) in problem.events.enumerated() where startOption[e] >= 0 {
                fresh.apply(
                    e, event: event, option: startOption[e], rooms: rooms[e], roomCapacity: problem.roomCapacity,
                    dayOfSlot: problem.dayOfSlot, sign: 1)
            }
            hard += fresh.shortfall()
        }
        return (hard, soft)
    }
}
