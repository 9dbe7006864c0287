import RoosterModel
import RoosterRules

/// The base timetable of a school as a mixed-integer program (stage 1 of two).
///
/// Following the decomposition of Lach and Lübbecke (*Curriculum based course timetabling: new
/// solutions to Udine benchmark instances*, Annals of OR 194, 2012): a *unit* (a lesson, or a
/// whole cluster whose lessons start together) gets one binary per allowed start, shared by all
/// its occurrences (`Σ x = count`), so identical occurrences are never told apart. Conflicts are
/// clique rows per teacher, group and period. Rooms are counts per period and *tier* of
/// interchangeable rooms, and the exact rooms are assigned afterwards (``RoomAssignment``). Soft
/// rules are linearised with their weights; room stability is bounded from below by the number of
/// tiers a lesson uses.
///
/// The optimum of this program is a lower bound on the checker's score when ``boundIsValid``.
struct TimetableFormulation: Sendable {
    /// A unit of the compiled school with its start columns.
    @dynamicMemberLookup
    struct Unit: Sendable {
        var shape: CompiledSchool.Unit
        /// Allowed starts (global slot indices) and the column of each.
        var starts: [Int]
        var columns: [Int]

        subscript<Value>(dynamicMember path: KeyPath<CompiledSchool.Unit, Value>) -> Value { shape[keyPath: path] }
    }

    let compiled: CompiledSchool
    let school: School
    let slots: [TimeSlot]
    private(set) var model = MIPModel()
    private(set) var units: [Unit] = []
    /// Reasons no timetable exists (a unit without any start, a pin that cannot hold).
    private(set) var problems: [Diagnostic] = []
    /// Whether the program's optimum is a lower bound on the checker's score. False when the
    /// school has lessons in only some weeks of the cycle or room sets that overlap without nesting.
    private(set) var boundIsValid = true
    /// Whether the program charges room capacity exactly (false with multi-room lessons, whose
    /// seats are only checked in stage 2).
    private(set) var isExact = true
    /// Interchangeable rooms: same capacity, unavailability and membership in every lesson's options.
    private(set) var roomTiers: [[Int]] = []
    /// The column of each (lesson, start, tier) choice, for lessons with more than one tier.
    private var tierColumns: [[Int]: Int] = [:]
    /// The (tier, column) choices of each (lesson, start).
    private var tierChoices: [[Int]: [(tier: Int, column: Int)]] = [:]
    /// Room options per lesson (indices into ``School/rooms``).
    var roomOptions: [[Int]] { compiled.roomOptions }
    /// Students per lesson.
    var students: [Int] { compiled.lessonStudents }

    private var slotIndex: [TimeSlot: Int] { compiled.slotIndex }
    private var dayOfSlot: [Int] { compiled.dayOfSlot }
    private let slotsOfDay: [[Int]]
    /// Per unit: slot → columns whose start covers the slot.
    private var covering: [[Int: [Int]]] = []

    init(school: School, checker: Checker) {
        self.init(compiled: CompiledSchool(school: school, checker: checker))
    }

    init(compiled: CompiledSchool) {
        self.compiled = compiled
        school = compiled.school
        slots = compiled.slots
        slotsOfDay = zip(compiled.dayStart, compiled.dayLength).map { Array($0..<($0 + $1)) }
        let school = compiled.school
        let weight = compiled.weights
        let allWeeks = Set(0..<max(school.weeksInCycle, 1))
        if school.lessons.contains(where: { $0.weeks != nil && $0.weeks != allWeeks }) { boundIsValid = false }

        buildUnits()
        unitsOfTeacher = Array(repeating: [], count: school.teachers.count)
        unitsOfGroup = Array(repeating: [], count: school.groups.count)
        for (u, unit) in units.enumerated() {
            for t in unit.teachers { unitsOfTeacher[t].append(u) }
            for g in unit.groups { unitsOfGroup[g].append(u) }
        }
        addConflictRows()
        addLessonRows(weight: weight)
        addSpreadRows()
        addTeacherRows(weight: weight)
        addRoomRows(weight: weight)
        if let w = weight[.groupGaps], w > 0 {
            let counts = compiled.groupTeachingSlot
            for g in school.groups.indices {
                let busy = slots.indices.map { groupBusy(g, $0) }
                addGapRows("group_\(school.groups[g].id)", busy: busy, counts: counts, weight: w)
            }
        }
        if let w = weight[.teacherGaps], w > 0 {
            let counts = compiled.teacherGapSlot
            for t in school.teachers.indices {
                let busy = slots.indices.map { teacherBusy(t, $0) }
                addGapRows("teacher_\(school.teachers[t].id)", busy: busy, counts: counts, weight: w)
            }
        }
        if let w = weight[.dailyLessons], w > 0 { addDailyLessonRows(weight: w) }
        addChoiceSeatRows()
        if let w = weight[.isolatedLessons], w > 0 { addIsolationRows(weight: w) }
    }

    // MARK: Units and their columns

    private mutating func buildUnits() {
        for (unitIndex, shape) in compiled.units.enumerated() {
            let label = shape.label, count = shape.count, duration = shape.duration
            let pinned = Set(shape.pinned.compactMap { compiled.slotIndex[$0] })
            // Starts where nothing is unavailable, with what the teachers' unwanted periods cost.
            let options = shape.fittingStarts.map { ($0, compiled.staticCost(ofUnit: unitIndex, start: $0)) }.filter { $0.1.hard == 0 }
            let starts = options.map(\.0)
            for pin in pinned.sorted() where !starts.contains(pin) {
                problems.append(
                    Diagnostic(
                        .error, "pinnedUnavailable",
                        "\(label) is pinned at \(school.label(slots[pin])), outside its segments or when it is unavailable",
                        at: "", hint: "move the pin or the unavailability"))
            }
            // Units without teachers and groups may run several occurrences at once.
            let shared = !shape.teachers.isEmpty || !shape.groups.isEmpty
            var columns: [Int] = []
            var cover: [Int: [Int]] = [:]
            for (s, cost) in options {
                let column = model.addColumn(
                    "x_u\(unitIndex)_s\(s)", shared ? .binary : .integer, lower: pinned.contains(s) ? 1 : 0,
                    upper: shared ? 1 : Double(count),
                    cost: Double(cost.soft))
                columns.append(column)
                for offset in 0..<duration { cover[s + offset, default: []].append(column) }
            }
            if count > 0 && starts.isEmpty {
                problems.append(
                    Diagnostic(
                        .error, "noStart", "\(label) has no period where its \(duration) period(s) fit its segments and availability",
                        at: "",
                        hint: "allow more segments or availability"))
            }
            if pinned.count > count {
                problems.append(Diagnostic(.error, "tooManyPins", "\(label) has more pins than occurrences", at: "", hint: "remove pins"))
            }
            model.addRow("count_u\(unitIndex)", columns.map { ($0, 1) }, lower: Double(count), upper: Double(count))
            units.append(Unit(shape: shape, starts: starts, columns: columns))
            covering.append(cover)
        }
    }

    /// Columns whose unit occupies a slot with teacher `t`.
    func teacherBusy(_ t: Int, _ slot: Int) -> [Int] { busy(unitsOfTeacher[t], slot) }
    func groupBusy(_ g: Int, _ slot: Int) -> [Int] { busy(unitsOfGroup[g], slot) }
    private func busy(_ unitList: [Int], _ slot: Int) -> [Int] { unitList.flatMap { covering[$0][slot] ?? [] } }

    /// Units per teacher and per group.
    private var unitsOfTeacher: [[Int]] = []
    private var unitsOfGroup: [[Int]] = []

    // MARK: Hard rows

    private mutating func addConflictRows() {
        let byTeacher = unitsOfTeacher, byGroup = unitsOfGroup
        for (t, list) in byTeacher.enumerated() {
            for s in slots.indices {
                let terms = busy(list, s)
                if terms.count > 1 { model.addRow("teacher_\(school.teachers[t].id)_s\(s)", terms.map { ($0, 1) }, upper: 1) }
            }
        }
        for (g, list) in byGroup.enumerated() {
            for s in slots.indices {
                let terms = busy(list, s)
                if terms.count > 1 { model.addRow("group_\(school.groups[g].id)_s\(s)", terms.map { ($0, 1) }, upper: 1) }
            }
        }
        // A unit without teachers and groups still cannot overlap itself beyond its count.
    }

    /// Hard day spreads: at most one occurrence of the spread's lessons in any `minDays` consecutive days.
    private mutating func addSpreadRows() {
        let lessonPosition = Dictionary(school.lessons.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let dayOfSlot = compiled.dayOfSlot
        for (index, spread) in school.daySpreads.enumerated() where spread.hard {
            let members = Set(spread.lessons.compactMap { lessonPosition[$0] })
            let width = min(max(spread.minDays, 1), max(school.days.count, 1))
            for first in 0...max(school.days.count - width, 0) {
                var terms: [(Int, Double)] = []
                for unit in units {
                    let count = unit.lessons.filter(members.contains).count
                    guard count > 0 else { continue }
                    for (start, column) in zip(unit.starts, unit.columns) where (first..<(first + width)).contains(dayOfSlot[start]) {
                        terms.append((column, Double(count)))
                    }
                }
                if terms.count > 1 { model.addRow("lessonsApart_s\(index)_d\(first)", terms, upper: 1) }
            }
        }
    }

    private mutating func addLessonRows(weight: [RuleID: Int]) {
        let minDaysWeight = Double(weight[.minWorkingDays] ?? 0)
        for (u, unit) in units.enumerated() {
            let maxPerDay = unit.lessons.compactMap { school.lessons[$0].maxPerDay }.min()
            let minDays = unit.lessons.compactMap { school.lessons[$0].minDays.map { ($0, 1) } }
            var dayColumns: [Int] = []
            for day in school.days.indices {
                let here = zip(unit.starts, unit.columns).filter { dayOfSlot[$0.0] == day }.map(\.1)
                guard !here.isEmpty else { continue }
                if let maxPerDay, here.count > maxPerDay {
                    model.addRow("maxPerDay_u\(u)_d\(day)", here.map { ($0, 1) }, upper: Double(maxPerDay))
                }
                if !minDays.isEmpty && minDaysWeight > 0 {
                    // used[d] ≤ Σ x on day d: the day counts only when a lesson is on it.
                    let used = model.addColumn("used_u\(u)_d\(day)", .binary)
                    model.addRow("used_u\(u)_d\(day)", [(used, 1)] + here.map { ($0, -1) }, upper: 0)
                    dayColumns.append(used)
                }
            }
            // short ≥ minDays − Σ used, charged once per lesson of the unit that asks for it.
            for lesson in unit.lessons {
                guard let required = school.lessons[lesson].minDays, minDaysWeight > 0, required > 0 else { continue }
                let short = model.addColumn("short_\(school.lessons[lesson].id)", .continuous, lower: 0, cost: minDaysWeight)
                model.addRow("minDays_\(school.lessons[lesson].id)", [(short, 1)] + dayColumns.map { ($0, 1) }, lower: Double(required))
            }
        }
    }

    private mutating func addTeacherRows(weight: [RuleID: Int]) {
        let byTeacher = unitsOfTeacher
        for (t, teacher) in school.teachers.enumerated() {
            let list = byTeacher[t]
            if let limit = teacher.maxPeriodsPerDay {
                for (day, daySlots) in slotsOfDay.enumerated() {
                    let terms = daySlots.flatMap { busy(list, $0) }
                    if terms.count > limit { model.addRow("maxPeriods_\(teacher.id)_d\(day)", terms.map { ($0, 1) }, upper: Double(limit)) }
                }
            }
            let extraWeight = weight[.teacherExtraDays] ?? 0, shortWeight = weight[.teacherShortDays] ?? 0
            let preferred = extraWeight > 0 ? teacher.preferredMaxDays : nil
            let minimum = shortWeight > 0 ? teacher.minPeriodsPerDay : nil
            guard teacher.maxDays != nil || preferred != nil || minimum != nil else { continue }
            // works[d] is 1 on each day the teacher teaches (the objective keeps it 0 on other days).
            var worked: [Int] = []
            for (day, daySlots) in slotsOfDay.enumerated() {
                let periods = daySlots.flatMap { busy(list, $0) }
                guard !periods.isEmpty else { continue }
                let works = model.addColumn("works_\(teacher.id)_d\(day)", .binary)
                model.addRow("works_\(teacher.id)_d\(day)", [(works, Double(daySlots.count))] + Set(periods).map { ($0, -1) }, lower: 0)
                worked.append(works)
                if let minimum {
                    // short ≥ minimum · works − periods taught that day.
                    let short = model.addColumn("shortDay_\(teacher.id)_d\(day)", .continuous, lower: 0, cost: Double(shortWeight))
                    model.addRow(
                        "shortDay_\(teacher.id)_d\(day)", [(short, 1), (works, -Double(minimum))] + periods.map { ($0, 1) }, lower: 0)
                }
            }
            if let limit = teacher.maxDays, worked.count > limit {
                model.addRow("maxDays_\(teacher.id)", worked.map { ($0, 1) }, upper: Double(limit))
            }
            if let preferred, worked.count > preferred {
                // extra ≥ days worked − preferred.
                let extra = model.addColumn("extraDays_\(teacher.id)", .continuous, lower: 0, cost: Double(extraWeight))
                model.addRow("extraDays_\(teacher.id)", [(extra, 1)] + worked.map { ($0, -1) }, lower: -Double(preferred))
            }
        }
        for (index, team) in compiled.teams.enumerated() {
            var free: [Int] = []
            for s in team.slots where team.members.allSatisfy({ !compiled.teacherUnavailable[$0 * slots.count + s] }) {
                let column = model.addColumn("teamFree_\(index)_s\(s)", .binary)
                for t in team.members {
                    model.addRow(
                        "teamFree_\(index)_\(school.teachers[t].id)_s\(s)", [(column, 1)] + busy(byTeacher[t], s).map { ($0, 1) }, upper: 1)
                }
                free.append(column)
            }
            model.addRow("team_\(index)", free.map { ($0, 1) }, lower: Double(team.need))
        }
    }

    // MARK: Rooms

    /// Rooms as counts per *tier*: rooms with the same capacity, the same unavailability and the
    /// same membership in every lesson's room options are interchangeable, so a timetable whose
    /// lessons fit the tiers' sizes in every period has an exact room assignment. A lesson with a
    /// choice of tiers gets one variable per start and tier, which carries the capacity overflow of
    /// that tier exactly and the start of room stability: a lesson in two tiers uses at least two
    /// rooms.
    private mutating func addRoomRows(weight: [RuleID: Int]) {
        let capacityWeight = Double(weight[.roomCapacity] ?? 0), stabilityWeight = Double(weight[.roomStability] ?? 0)
        let needing = school.lessons.indices.filter { school.lessons[$0].roomCount > 0 }
        let optionSets = Array(Set(needing.map { Set(roomOptions[$0]) }))
        var tierOf: [[Int]: Int] = [:]
        var tiers: [[Int]] = []
        for r in school.rooms.indices {
            let room = school.rooms[r]
            let unavailable = room.unavailable.compactMap { slotIndex[$0] }.sorted()
            let signature = [room.capacity] + optionSets.map { $0.contains(r) ? 1 : 0 } + [-1] + unavailable
            if let tier = tierOf[signature] {
                tiers[tier].append(r)
            } else {
                tierOf[signature] = tiers.count
                tiers.append([r])
            }
        }
        roomTiers = tiers
        /// Terms per tier and slot: (column, rooms taken).
        var use = Array(repeating: [Int: [(Int, Double)]](), count: tiers.count)
        for unit in units {
            for lesson in unit.lessons where school.lessons[lesson].roomCount > 0 {
                let need = school.lessons[lesson].roomCount
                let options = Set(roomOptions[lesson])
                let countsCapacity = school.lessons[lesson].choice == nil && need == 1
                if capacityWeight > 0 && need > 1 && school.lessons[lesson].choice == nil { isExact = false }
                var tiersUsed: [Int: [Int]] = [:]  // tier → its columns for this lesson
                for (start, x) in zip(unit.starts, unit.columns) {
                    let covered = Array(start..<(start + unit.duration))
                    let allowed = tiers.indices.filter { k in
                        options.contains(tiers[k][0]) && covered.allSatisfy { !school.rooms[tiers[k][0]].unavailable.contains(slots[$0]) }
                    }
                    func overflow(_ k: Int) -> Double {
                        countsCapacity ? capacityWeight * Double(max(students[lesson] - school.rooms[tiers[k][0]].capacity, 0)) : 0
                    }
                    if allowed.count == 1, let k = allowed.first {
                        // One tier: the start column itself takes the rooms.
                        model.addCost(overflow(k), to: x)
                        for p in covered { use[k][p, default: []].append((x, Double(need))) }
                        tiersUsed[k, default: []].append(x)
                        continue
                    }
                    var terms: [(Int, Double)] = [(x, -Double(need))]
                    for k in allowed {
                        let q = model.addColumn(
                            "tier_l\(lesson)_s\(start)_k\(k)", need == 1 ? .binary : .integer, lower: 0, upper: Double(need),
                            cost: overflow(k))
                        terms.append((q, 1))
                        tierColumns[[lesson, start, k]] = q
                        tierChoices[[lesson, start], default: []].append((k, q))
                        for p in covered { use[k][p, default: []].append((q, 1)) }
                        tiersUsed[k, default: []].append(q)
                    }
                    model.addRow("tiers_l\(lesson)_s\(start)", terms, lower: 0, upper: 0)
                }
                // Room stability: each tier used is at least one more room.
                guard stabilityWeight > 0, tiersUsed.count > 1 else { continue }
                var usedTerms: [(Int, Double)] = []
                for (k, columns) in tiersUsed.sorted(by: { $0.key < $1.key }) {
                    let used = model.addColumn("usesTier_l\(lesson)_k\(k)", .binary)
                    model.branchFirst.append(used)
                    for column in columns {
                        model.addRow("usesTier_l\(lesson)_k\(k)_c\(column)", [(used, Double(need)), (column, -1)], lower: 0)
                    }
                    usedTerms.append((used, 1))
                }
                let extra = model.addColumn("extraRooms_l\(lesson)", .continuous, lower: 0, cost: stabilityWeight)
                model.addRow("extraRooms_l\(lesson)", [(extra, 1)] + usedTerms.map { ($0.0, -$0.1) }, lower: -Double(need))
            }
        }
        for (k, tier) in tiers.enumerated() {
            for (p, terms) in use[k].sorted(by: { $0.key < $1.key }) where terms.reduce(0, { $0 + $1.1 }) > Double(tier.count) {
                model.addRow("tier\(k)_s\(p)", terms, upper: Double(tier.count))
            }
        }
    }

    // MARK: Compactness

    /// Idle periods of one person on each day: `started[p]` rises at the first busy period and
    /// `unfinished[p]` falls after the last; a free period with both set is a gap, where `counts` holds.
    private mutating func addGapRows(_ who: String, busy: [[Int]], counts: [Bool], weight: Int) {
        for daySlots in slotsOfDay where daySlots.count > 2 {
            let terms = daySlots.map { busy[$0] }
            guard terms.filter({ !$0.isEmpty }).count > 1 else { continue }
            let started = daySlots.map { model.addColumn("started_\(who)_s\($0)", .continuous, lower: 0, upper: 1) }
            let unfinished = daySlots.map { model.addColumn("unfinished_\(who)_s\($0)", .continuous, lower: 0, upper: 1) }
            for (i, s) in daySlots.enumerated() {
                model.addRow("started_\(who)_s\(s)", [(started[i], 1)] + terms[i].map { ($0, -1) }, lower: 0)
                model.addRow("unfinished_\(who)_s\(s)", [(unfinished[i], 1)] + terms[i].map { ($0, -1) }, lower: 0)
                if i > 0 { model.addRow("startedStays_\(who)_s\(s)", [(started[i], 1), (started[i - 1], -1)], lower: 0) }
                if i + 1 < daySlots.count {
                    model.addRow("unfinishedStays_\(who)_s\(s)", [(unfinished[i], 1), (unfinished[i + 1], -1)], lower: 0)
                }
                guard i > 0, i + 1 < daySlots.count, counts[s] else { continue }
                let gap = model.addColumn("gap_\(who)_s\(s)", .continuous, lower: 0, cost: Double(weight))
                model.addRow("gap_\(who)_s\(s)", [(gap, 1), (started[i], -1), (unfinished[i], -1)] + terms[i].map { ($0, 1) }, lower: -1)
            }
        }
    }

    /// Lesson periods of a group on each day it attends, against its daily minimum and maximum:
    /// `short ≥ minimum − taught` and `above ≥ taught − maximum`, both charged.
    private mutating func addDailyLessonRows(weight: Int) {
        for (g, group) in school.groups.enumerated() {
            let minimum = compiled.groupDailyMinimum[g], maximum = compiled.groupDailyMaximum[g]
            guard minimum > 0 || maximum != nil else { continue }
            for (day, daySlots) in slotsOfDay.enumerated() where compiled.groupAttends[g * compiled.dayCount + day] {
                let taught = daySlots.filter { compiled.groupTeachingSlot[$0] }.flatMap { groupBusy(g, $0) }.map { ($0, 1.0) }
                let name = "\(group.id)_d\(day)"
                if minimum > 0 {
                    let short = model.addColumn("dayShort_\(name)", .continuous, lower: 0, cost: Double(weight))
                    model.addRow("dayShort_\(name)", [(short, 1)] + taught, lower: Double(minimum))
                }
                if let maximum {
                    let above = model.addColumn("dayAbove_\(name)", .continuous, lower: 0, cost: Double(weight))
                    model.addRow("dayAbove_\(name)", [(above, 1)] + taught.map { ($0.0, -1.0) }, lower: -Double(maximum))
                }
            }
        }
    }

    // MARK: Choice seats

    /// `choiceSeats` as rows: a transportation problem inside the program. Flow `y[c, p, k]` takes
    /// students of class `c` (``RoosterRules/ChoiceSeatDemand``) through session period `p` to the
    /// seats of sessions open to them (open set `k`). Each class sends its whole need; a class sends
    /// at most its size through a period, and nothing while one of its lessons is there; a pool
    /// holds at most the seats of the sessions placed in it. Hard, like the checker's rule.
    private mutating func addChoiceSeatRows() {
        guard let demand = ChoiceSeatDemand(school: school) else { return }
        let openSets = demand.openSets.count
        var periodIndex: [[Int]: Int] = [:]
        var periodSlots: [[Int]] = []
        var seatTerms: [[(Int, Double)]] = []
        for unit in units {
            let choiceLessons = unit.lessons.filter { school.lessons[$0].choice != nil }
            guard !choiceLessons.isEmpty else { continue }
            for (s, column) in zip(unit.starts, unit.columns) {
                let key = Array(s..<(s + unit.duration))
                let p: Int
                if let known = periodIndex[key] {
                    p = known
                } else {
                    p = periodSlots.count
                    periodIndex[key] = p
                    periodSlots.append(key)
                    seatTerms += Array(repeating: [], count: openSets)
                }
                for l in choiceLessons {
                    let lesson = school.lessons[l]
                    guard let k = demand.openSet(of: lesson) else { continue }
                    let seats: Int
                    if let capacity = lesson.choice?.capacity {
                        seats = demand.usableSeats(capacity)
                    } else {
                        // The rooms are chosen in stage 2: count the largest, and the bound is no longer exact.
                        let largest = roomOptions[l].map { school.rooms[$0].capacity }.max() ?? 0
                        seats = demand.usableSeats(rooms: Array(repeating: largest, count: max(lesson.roomCount, 0)))
                        isExact = false
                    }
                    if seats > 0 { seatTerms[p * openSets + k].append((column, Double(seats))) }
                }
            }
        }
        guard !periodSlots.isEmpty else {
            if demand.totalNeed > 0 { problems.append(noSeats(demand)) }
            return
        }
        // The units that take each class's students out of a period, with the days they do not (exemptions).
        var occupying = Array(repeating: [(unit: Int, exemptDays: Set<Int>)](), count: demand.classes.count)
        for (u, unit) in units.enumerated() {
            var exempt: [Int: Set<Int>] = [:]
            for l in unit.lessons {
                for (c, days) in demand.classesOccupied(by: school.lessons[l]) {
                    // A unit occupies a class on a day when any of its lessons does.
                    exempt[c] = exempt[c].map { $0.intersection(days) } ?? days
                }
            }
            for (c, days) in exempt { occupying[c].append((u, days)) }
        }
        var flows = Array(repeating: [(Int, Double)](), count: periodSlots.count * openSets)
        for (c, studentClass) in demand.classes.enumerated() {
            var need: [(Int, Double)] = []
            let size = Double(studentClass.students)
            for (p, slotsOfPeriod) in periodSlots.enumerated() {
                var through: [(Int, Double)] = []
                for k in 0..<openSets where demand.canAttend[c][k] && !seatTerms[p * openSets + k].isEmpty {
                    let y = model.addColumn("seatFlow_c\(c)_p\(p)_k\(k)", .continuous, lower: 0, upper: size)
                    through.append((y, 1))
                    flows[p * openSets + k].append((y, 1))
                }
                guard !through.isEmpty else { continue }
                need += through
                for s in slotsOfPeriod {
                    let day = dayOfSlot[s]
                    let busy = occupying[c].filter { !$0.exemptDays.contains(day) }.flatMap { covering[$0.unit][s] ?? [] }
                    model.addRow("seatFree_c\(c)_p\(p)_s\(s)", through + busy.map { ($0, size) }, upper: size)
                }
            }
            model.addRow("seatNeed_c\(c)", need, lower: Double(studentClass.students * demand.perStudent))
        }
        for pool in flows.indices where !flows[pool].isEmpty {
            model.addRow("seats_\(pool)", flows[pool] + seatTerms[pool].map { ($0.0, -$0.1) }, upper: 0)
        }
    }

    private func noSeats(_ demand: ChoiceSeatDemand) -> Diagnostic {
        Diagnostic(
            .error, "noChoiceSessions", "Students need \(demand.totalNeed) choice lessons a week, but no choice session can be placed",
            at: "choiceLessonsPerWeek", hint: "add choice lessons with allowed segments, or lower choiceLessonsPerWeek")
    }

    /// A group's busy period with neither neighbour busy on the same day is isolated.
    private mutating func addIsolationRows(weight: Int) {
        let byGroup = unitsOfGroup
        for (g, list) in byGroup.enumerated() where !list.isEmpty {
            for daySlots in slotsOfDay {
                let terms = daySlots.map { busy(list, $0) }
                for (i, s) in daySlots.enumerated() where !terms[i].isEmpty {
                    var row = terms[i].map { ($0, 1.0) }
                    if i > 0 { row += terms[i - 1].map { ($0, -1.0) } }
                    if i + 1 < daySlots.count { row += terms[i + 1].map { ($0, -1.0) } }
                    let isolated = model.addColumn("isolated_\(school.groups[g].id)_s\(s)", .continuous, lower: 0, cost: Double(weight))
                    model.addRow("isolated_\(school.groups[g].id)_s\(s)", [(isolated, 1)] + row.map { ($0.0, -$0.1) }, lower: 0)
                }
            }
        }
    }

    // MARK: Between timetables and columns

    /// The columns a timetable decides: 1 for each occurrence's start (0 for other starts), and the
    /// tier of each occurrence's rooms. For a warm start or a neighbourhood to fix; what remains
    /// (days used, gaps, …) follows from these. Nil when the timetable does not fit the program (a
    /// start outside a unit's allowed starts, a missing occurrence).
    func startValues(of timetable: Timetable) -> [Int: Double]? {
        var startsOfLesson: [Lesson.ID: [Int]] = [:]
        for placement in timetable.placements {
            guard let s = slotIndex[placement.start] else { return nil }
            startsOfLesson[placement.lesson, default: []].append(s)
        }
        var values: [Int: Double] = [:]
        for unit in units {
            for column in unit.columns { values[column] = 0 }
            let starts = startsOfLesson[school.lessons[unit.lessons[0]].id] ?? []
            guard starts.count == unit.count else { return nil }
            for s in starts {
                guard let position = unit.starts.firstIndex(of: s) else { return nil }
                values[unit.columns[position], default: 0] += 1
            }
        }
        // Tiers from the rooms, where the timetable's rooms are allowed ones.
        let lessonIndex = compiled.lessonIndex
        var tierOfRoom: [Room.ID: Int] = [:]
        for (k, tier) in roomTiers.enumerated() { for r in tier { tierOfRoom[school.rooms[r].id] = k } }
        var chosen: [[Int]: Double] = [:]
        for placement in timetable.placements {
            guard let l = lessonIndex[placement.lesson], let s = slotIndex[placement.start] else { continue }
            let tiers = placement.rooms.compactMap { tierOfRoom[$0] }
            guard tiers.count == placement.rooms.count, tiers.allSatisfy({ tierColumns[[l, s, $0]] != nil }) else { continue }
            for k in tiers { chosen[[l, s, k], default: 0] += 1 }
            for (k, column) in tierChoices[[l, s]] ?? [] { values[column] = chosen[[l, s, k]] ?? 0 }
        }
        return values
    }

    /// The start slots of each unit in a solution, one per occurrence.
    func starts(from values: [Double]) -> [[Int]] {
        units.map { unit in
            zip(unit.starts, unit.columns).flatMap { start, column in Array(repeating: start, count: Int(values[column].rounded())) }
        }
    }

    /// Every start column of the program.
    var startColumns: [Int] { units.flatMap(\.columns) }
}
