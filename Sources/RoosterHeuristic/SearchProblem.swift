import RoosterModel
import RoosterRules

/// A school compiled to integers for the search: slots, resources and *events* with their domains.
///
/// An event is what the search places as one piece: an occurrence of a lesson, or an occurrence
/// of a whole cluster (its lessons start together by construction, so `clusterTogether` always
/// holds). Pinned occurrences are events with a single start. Starts that break a lesson's
/// segments or leave the day are not in an event's domain, so `allowedSegment` always holds; starts
/// that break availability are removed too while some start is left.
///
/// A class, not a struct: the search reads it on every move, and a reference costs one retain
/// where a struct of many arrays costs one per array in unoptimised (test) builds.
final class SearchProblem: Sendable {
    /// One lesson inside an event.
    struct Member: Sendable {
        /// Index into ``School/lessons``.
        var lesson: Int
        /// Rooms this lesson may use (indices into ``School/rooms``), best fit first.
        var roomOptions: [Int]
        var roomCount: Int
        var students: Int
        /// Teachers, without repeats within the lesson.
        var teachers: [Int]
    }

    /// One occurrence of a lesson or cluster to place. A class, so that reading an event in the
    /// search's inner loops costs one reference count instead of one per array.
    final class Event: Sendable {
        let members: [Member]
        let duration: Int
        /// Distinct groups of all members: lessons of a cluster split their groups, so a group counts once.
        let groups: [Int]
        /// Allowed start slots (global slot indices).
        let starts: [Int]
        /// Hard and soft cost of each start that does not depend on the other events (availability, unwanted time).
        let staticHard: [Int]
        let staticSoft: [Int]
        /// Offset of each member's rooms in the event's room list.
        let roomOffsets: [Int]
        let roomSlots: Int
        /// The lesson or cluster this event is an occurrence of (index into the problem's units).
        let unit: Int
        /// Distinct teachers of all members, and the teams they belong to: worked out once, as
        /// every placement updates their days.
        let teachers: [Int]
        let teams: [Int]

        init(
            members: [Member], duration: Int, groups: [Int], starts: [Int], staticHard: [Int], staticSoft: [Int], roomOffsets: [Int],
            roomSlots: Int, unit: Int, teamsOfTeacher: [[Int]]
        ) {
            self.members = members
            self.duration = duration
            self.groups = groups
            self.starts = starts
            self.staticHard = staticHard
            self.staticSoft = staticSoft
            self.roomOffsets = roomOffsets
            self.roomSlots = roomSlots
            self.unit = unit
            var teachers: [Int] = []
            for member in members { for t in member.teachers where !teachers.contains(t) { teachers.append(t) } }
            var teams: [Int] = []
            for t in teachers { for team in teamsOfTeacher[t] where !teams.contains(team) { teams.append(team) } }
            self.teachers = teachers
            self.teams = teams
        }

        var isFixed: Bool { starts.count == 1 }
    }

    /// The school as every engine sees it: slots, units, resources, availability, weights.
    let compiled: CompiledSchool
    let school: School
    let slots: [TimeSlot]
    let dayOfSlot: [Int]
    /// First global slot index of each day; a day's slots are contiguous.
    let dayStart: [Int]
    let dayLength: [Int]
    let dayCount: Int
    let slotCount: Int
    let teacherCount: Int
    let groupCount: Int
    let roomCount: Int
    let lessonCount: Int
    let events: [Event]
    /// Number of lessons and clusters that events are occurrences of (the compiled school's units).
    let unitCount: Int
    let lessonMaxPerDay: [Int?]
    let lessonMinDays: [Int?]
    /// The school's day spreads (rules `lessonsApart`, `lessonsApartPreferred`), and per lesson the spreads it is in.
    let spreads: [DaySpread]
    let spreadsOfLesson: [[Int]]
    let lessonRoomCount: [Int]
    var lessonStudents: [Int] { compiled.lessonStudents }
    /// Lessons whose room capacity counts (choice lessons are limited by enrolment instead).
    let lessonCountsCapacity: [Bool]
    let roomCapacity: [Int]
    /// `roomUnavailable[room * slotCount + slot]`.
    var roomUnavailable: [Bool] { compiled.roomUnavailable }
    let teacherMaxPeriodsPerDay: [Int?]
    let teacherMaxDays: [Int?]
    /// Soft limits on a teacher's week: days above the preferred number, periods short on a day taught.
    let teacherPreferredMaxDays: [Int?]
    let teacherMinPeriodsPerDay: [Int?]
    /// `teacherUnavailable[teacher * slotCount + slot]`: unavailable or on a day off.
    var teacherUnavailable: [Bool] { compiled.teacherUnavailable }
    var teams: [CompiledSchool.Team] { compiled.teams }
    /// Problems that make the school unsolvable as modelled (an event without any start).
    let problems: [Diagnostic]
    /// Per event, the other movable events that share a teacher or a group with it: the partners
    /// worth swapping with, since their clashes and gaps interact. Choice sessions are also related
    /// to every other movable choice session of their length: swapping two keeps the seats of each
    /// period (so `choiceSeats` holds) while their teachers' days change.
    let related: [[Int]]
    /// Per event, every other movable event that shares a teacher or a group with it, occurrences
    /// of the same lesson included: the events that cannot share its periods (Kempe chains).
    let conflicting: [[Int]]
    /// Per event, the other movable events of its lesson or cluster or of a hard day spread with
    /// it: those whose day decides whether it may go on a day (`maxPerDay`, `lessonsApart`).
    let dayPartners: [[Int]]
    /// Per day spread, the movable events with a lesson in it.
    let eventsOfSpread: [[Int]]
    /// The rule `choiceSeats` compiled, when the school takes choice lessons.
    let choiceSeats: ChoiceSeatLayout?
    /// Whether a hard rule limits what is taught on a day (a lesson's `maxPerDay` above 1, a
    /// teacher's periods a day or days a week, team time): a placement can then break a hard rule
    /// together with events at other times, and which of them to displace is a choice. Without
    /// such rules the events a placement must displace can be counted (ejection chains); a
    /// `maxPerDay` of 1 leaves no choice either (every other occurrence that day goes).
    let hasHardDayLimits: Bool
    /// Per slot: whether a group without a lesson there is idle (not a mentor, choice, independent-work or coaching period).
    var groupTeachingSlot: [Bool] { compiled.groupTeachingSlot }
    /// Per slot: whether a teacher without a lesson there is idle (not a coach window).
    var teacherGapSlot: [Bool] { compiled.teacherGapSlot }
    /// `groupDailyMinimum[group]`, `groupDailyMaximum[group]`: lesson periods a day (rule `dailyLessons`).
    var groupDailyMinimum: [Int] { compiled.groupDailyMinimum }
    var groupDailyMaximum: [Int?] { compiled.groupDailyMaximum }
    /// `groupAttends[group * dayCount + day]`.
    var groupAttends: [Bool] { compiled.groupAttends }

    func weight(_ rule: RuleID) -> Int { compiled.weight(rule) }

    convenience init(school: School, checker: Checker) {
        self.init(compiled: CompiledSchool(school: school, checker: checker))
    }

    init(compiled: CompiledSchool) {
        self.compiled = compiled
        let school = compiled.school
        self.school = school
        slots = compiled.slots
        dayOfSlot = compiled.dayOfSlot
        dayStart = compiled.dayStart
        dayLength = compiled.dayLength
        slotCount = compiled.slotCount
        dayCount = compiled.dayCount
        teacherCount = school.teachers.count
        groupCount = school.groups.count
        roomCount = school.rooms.count
        lessonCount = school.lessons.count
        lessonMaxPerDay = school.lessons.map(\.maxPerDay)
        lessonMinDays = school.lessons.map(\.minDays)
        spreads = school.daySpreads
        var spreadsOfLesson = Array(repeating: [Int](), count: school.lessons.count)
        let lessonPosition = Dictionary(school.lessons.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, spread) in school.daySpreads.enumerated() {
            for lesson in spread.lessons { if let l = lessonPosition[lesson] { spreadsOfLesson[l].append(index) } }
        }
        self.spreadsOfLesson = spreadsOfLesson
        lessonRoomCount = school.lessons.map { max($0.roomCount, 0) }
        lessonCountsCapacity = school.lessons.map { $0.choice == nil }

        roomCapacity = school.rooms.map(\.capacity)
        teacherMaxPeriodsPerDay = school.teachers.map(\.maxPeriodsPerDay)
        teacherMaxDays = school.teachers.map(\.maxDays)
        teacherPreferredMaxDays = school.teachers.map(\.preferredMaxDays)
        teacherMinPeriodsPerDay = school.teachers.map(\.minPeriodsPerDay)
        var teamsOfTeacher = Array(repeating: [Int](), count: school.teachers.count)
        for (index, team) in compiled.teams.enumerated() { for member in team.members { teamsOfTeacher[member].append(index) } }

        // Events: one per occurrence of a unit (a whole cluster, or a lone lesson).
        var events: [Event] = []
        var problems: [Diagnostic] = []
        for (unitIndex, unit) in compiled.units.enumerated() {
            let members = unit.lessons.map { l -> Member in
                // Best fit first: the smallest room that seats everyone, then larger, then too small.
                let students = compiled.lessonStudents[l]
                let sorted = compiled.roomOptions[l].sorted { a, b in
                    let fitA = school.rooms[a].capacity >= students, fitB = school.rooms[b].capacity >= students
                    if fitA != fitB { return fitA }
                    return fitA ? school.rooms[a].capacity < school.rooms[b].capacity : school.rooms[a].capacity > school.rooms[b].capacity
                }
                return Member(
                    lesson: l, roomOptions: sorted, roomCount: max(school.lessons[l].roomCount, 0), students: students,
                    teachers: compiled.lessonTeachers[l])
            }
            for occurrence in 0..<unit.count {
                var starts = unit.fittingStarts
                if occurrence < unit.pinned.count {
                    starts = compiled.slotIndex[unit.pinned[occurrence]].map { [$0] } ?? []
                }
                var costs = starts.map { compiled.staticCost(ofUnit: unitIndex, start: $0) }
                if starts.count > 1, costs.contains(where: { $0.hard == 0 }) {
                    let keep = costs.indices.filter { costs[$0].hard == 0 }
                    starts = keep.map { starts[$0] }
                    costs = keep.map { costs[$0] }
                }
                guard !starts.isEmpty else {
                    problems.append(
                        Diagnostic(
                            .error, "noStart", "\(unit.label) has no period where its \(unit.duration) period(s) fit its segments and pins",
                            at: "", hint: "allow more segments or fix the pinned slot"))
                    continue
                }
                var offsets: [Int] = [], total = 0
                for member in members {
                    offsets.append(total)
                    total += member.roomCount
                }
                events.append(
                    Event(
                        members: members, duration: unit.duration, groups: unit.groups, starts: starts, staticHard: costs.map(\.hard),
                        staticSoft: costs.map(\.soft), roomOffsets: offsets, roomSlots: total, unit: unitIndex,
                        teamsOfTeacher: teamsOfTeacher))
            }
        }
        self.events = events
        hasHardDayLimits =
            !compiled.teams.isEmpty || lessonMaxPerDay.contains { ($0 ?? 1) > 1 } || teacherMaxPeriodsPerDay.contains { $0 != nil }
            || teacherMaxDays.contains { $0 != nil }
        choiceSeats = ChoiceSeatLayout(school: school, events: events, slotCount: slotCount)
        unitCount = compiled.units.count
        self.problems = problems
        conflicting = Self.conflictingEvents(events)
        eventsOfSpread = Self.eventsOfSpreads(events, spreadCount: spreads.count, spreadsOfLesson: spreadsOfLesson)
        dayPartners = Self.dayPartners(events, spreads: spreads, spreadsOfLesson: spreadsOfLesson, eventsOfSpread: eventsOfSpread)
        let sharing = conflicting.enumerated().map { e, partners in partners.filter { events[$0].unit != events[e].unit } }
        related = Self.withChoiceSessions(sharing, events: events, layout: choiceSeats)
    }

    /// Adds to each movable choice session the other movable choice sessions of its length.
    private static func withChoiceSessions(_ related: [[Int]], events: [Event], layout: ChoiceSeatLayout?) -> [[Int]] {
        guard let layout else { return related }
        let sessions = events.indices.filter { !events[$0].isFixed && layout.periodOfStart[$0].contains { $0 >= 0 } }
        guard sessions.count > 1 else { return related }
        var result = related
        for e in sessions {
            let others = sessions.filter { $0 != e && events[$0].unit != events[e].unit && events[$0].duration == events[e].duration }
            result[e] = Array(Set(related[e]).union(others)).sorted()
        }
        return result
    }

    /// Per day spread, the movable events with a lesson in it.
    private static func eventsOfSpreads(_ events: [Event], spreadCount: Int, spreadsOfLesson: [[Int]]) -> [[Int]] {
        var result = Array(repeating: [Int](), count: spreadCount)
        for (e, event) in events.enumerated() where !event.isFixed {
            for spread in Set(event.members.flatMap { spreadsOfLesson[$0.lesson] }).sorted() { result[spread].append(e) }
        }
        return result
    }

    /// Per event, the other movable events of the same unit or sharing a hard day spread with it.
    private static func dayPartners(_ events: [Event], spreads: [DaySpread], spreadsOfLesson: [[Int]], eventsOfSpread: [[Int]]) -> [[Int]] {
        var byUnit: [Int: [Int]] = [:]
        for (e, event) in events.enumerated() where !event.isFixed { byUnit[event.unit, default: []].append(e) }
        return events.enumerated().map { e, event in
            var partners = Set(byUnit[event.unit] ?? [])
            for member in event.members {
                for spread in spreadsOfLesson[member.lesson] where spreads[spread].hard { partners.formUnion(eventsOfSpread[spread]) }
            }
            partners.remove(e)
            return partners.sorted()
        }
    }

    /// Per event, every other movable event that shares a teacher or a group with it.
    private static func conflictingEvents(_ events: [Event]) -> [[Int]] {
        var byTeacher: [Int: [Int]] = [:], byGroup: [Int: [Int]] = [:]
        for (e, event) in events.enumerated() where !event.isFixed {
            for t in Set(event.members.flatMap(\.teachers)) { byTeacher[t, default: []].append(e) }
            for g in event.groups { byGroup[g, default: []].append(e) }
        }
        return events.enumerated().map { e, event in
            var partners = Set<Int>()
            for t in Set(event.members.flatMap(\.teachers)) { partners.formUnion(byTeacher[t] ?? []) }
            for g in event.groups { partners.formUnion(byGroup[g] ?? []) }
            partners.remove(e)
            return partners.sorted()
        }
    }

    /// Converts a state back to a timetable.
    func timetable(starts: [Int], rooms: [[Int]]) -> Timetable {
        var placements: [Placement] = []
        for (e, event) in events.enumerated() {
            for (m, member) in event.members.enumerated() {
                let roomIDs = (0..<member.roomCount).map { school.rooms[rooms[e][event.roomOffsets[m] + $0]].id }
                placements.append(
                    Placement(lesson: school.lessons[member.lesson].id, start: slots[event.starts[starts[e]]], rooms: roomIDs))
            }
        }
        return Timetable(placements: placements)
    }
}
