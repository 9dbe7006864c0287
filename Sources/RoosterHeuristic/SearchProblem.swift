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

    struct Event: Sendable {
        var members: [Member]
        var duration: Int
        /// Distinct groups of all members: lessons of a cluster split their groups, so a group counts once.
        var groups: [Int]
        /// Allowed start slots (global slot indices).
        var starts: [Int]
        /// Hard and soft cost of each start that does not depend on the other events (availability, unwanted time).
        var staticHard: [Int]
        var staticSoft: [Int]
        /// Offset of each member's rooms in the event's room list.
        var roomOffsets: [Int]
        var roomSlots: Int
        /// The lesson or cluster this event is an occurrence of (index into the problem's units).
        var unit: Int
        var isFixed: Bool { starts.count == 1 }
    }

    struct Team: Sendable {
        var members: [Int]
        var need: Int
        /// Slots that count as common free time.
        var slots: [Int]
    }

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
    /// Number of lessons and clusters that events are occurrences of.
    let unitCount: Int
    let lessonMaxPerDay: [Int?]
    let lessonMinDays: [Int?]
    let lessonRoomCount: [Int]
    let lessonStudents: [Int]
    /// Lessons whose room capacity counts (choice lessons are limited by enrolment instead).
    let lessonCountsCapacity: [Bool]
    let roomCapacity: [Int]
    /// `roomUnavailable[room * slotCount + slot]`.
    let roomUnavailable: [Bool]
    let teacherMaxPeriodsPerDay: [Int?]
    let teacherMaxDays: [Int?]
    /// `teacherUnavailable[teacher * slotCount + slot]`: unavailable or on a day off.
    let teacherUnavailable: [Bool]
    let teams: [Team]
    let teamsOfTeacher: [[Int]]
    /// Soft-rule weights, by rule ID.
    let weights: [RuleID: Int]
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
    /// The rule `choiceSeats` compiled, when the school takes choice lessons.
    let choiceSeats: ChoiceSeatLayout?
    /// Per slot: whether a group without a lesson there is idle (not a mentor, choice, independent-work or coaching period).
    let groupTeachingSlot: [Bool]
    /// Per slot: whether a teacher without a lesson there is idle (not a coach window).
    let teacherGapSlot: [Bool]
    /// `groupDailyMinimum[group]`, `groupDailyMaximum[group]`: lesson periods a day (rule `dailyLessons`).
    let groupDailyMinimum: [Int]
    let groupDailyMaximum: [Int?]
    /// `groupAttends[group * dayCount + day]`.
    let groupAttends: [Bool]

    func weight(_ rule: RuleID) -> Int { weights[rule] ?? 0 }

    init(school: School, checker: Checker) {
        self.school = school
        let slots = school.allSlots
        let slotCount = slots.count
        self.slots = slots
        self.slotCount = slotCount
        dayCount = school.days.count
        var slotIndex: [TimeSlot: Int] = [:]
        for (index, slot) in slots.enumerated() { slotIndex[slot] = index }
        dayOfSlot = slots.map(\.day)
        var dayStart: [Int] = [], dayLength: [Int] = [], next = 0
        for day in school.days.indices {
            dayStart.append(next)
            let length = school.periods(ofDay: day).count
            dayLength.append(length)
            next += length
        }
        self.dayStart = dayStart
        self.dayLength = dayLength

        let teacherIndex = Dictionary(school.teachers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let groupIndex = Dictionary(school.groups.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let lessonIndex = Dictionary(school.lessons.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        teacherCount = school.teachers.count
        groupCount = school.groups.count
        roomCount = school.rooms.count
        lessonCount = school.lessons.count
        let weights = Dictionary(
            uniqueKeysWithValues: RuleCatalogue.descriptors.filter { $0.level == .soft }.map {
                ($0.id, checker.weight(of: $0, in: school))
            })
        self.weights = weights

        var listed: [Group.ID: Int] = [:]
        for student in school.students { for group in Set(student.groups) { listed[group, default: 0] += 1 } }
        let groupSize = school.groups.map { $0.size ?? listed[$0.id] ?? 0 }
        let lessonStudents = school.lessons.map { lesson in
            lesson.studentCount ?? lesson.groups.reduce(0) { $0 + (groupIndex[$1].map { groupSize[$0] } ?? 0) }
        }
        self.lessonStudents = lessonStudents
        lessonMaxPerDay = school.lessons.map(\.maxPerDay)
        lessonMinDays = school.lessons.map(\.minDays)
        lessonRoomCount = school.lessons.map { max($0.roomCount, 0) }
        lessonCountsCapacity = school.lessons.map { $0.choice == nil }
        roomCapacity = school.rooms.map(\.capacity)
        var roomUnavailable = Array(repeating: false, count: max(school.rooms.count * slotCount, 0))
        for (r, room) in school.rooms.enumerated() {
            for slot in room.unavailable { if let s = slotIndex[slot] { roomUnavailable[r * slotCount + s] = true } }
        }
        self.roomUnavailable = roomUnavailable
        groupTeachingSlot = slots.map(school.isGroupTeachingPeriod)
        teacherGapSlot = slots.map(school.isTeacherGapPeriod)
        let dailyLimits = school.groups.map(school.lessonsPerDay(of:))
        groupDailyMinimum = dailyLimits.map(\.minimum)
        groupDailyMaximum = dailyLimits.map(\.maximum)
        groupAttends = school.groups.flatMap { group in school.days.indices.map { school.attends(group, day: $0) } }
        teacherMaxPeriodsPerDay = school.teachers.map(\.maxPeriodsPerDay)
        teacherMaxDays = school.teachers.map(\.maxDays)
        var teacherUnavailable = Array(repeating: false, count: max(school.teachers.count * slotCount, 0))
        for (t, teacher) in school.teachers.enumerated() {
            for (s, slot) in slots.enumerated() where teacher.unavailable.contains(slot) || teacher.daysOff.contains(slot.day) {
                teacherUnavailable[t * slotCount + s] = true
            }
        }
        self.teacherUnavailable = teacherUnavailable

        var teams: [Team] = []
        var teamsOfTeacher = Array(repeating: [Int](), count: school.teachers.count)
        for team in school.teamTimes {
            let members = team.teachers.compactMap { teacherIndex[$0] }
            let eligible = slots.indices.filter { s in team.segment.map { school.period(at: slots[s])?.segment == $0 } ?? true }
            for member in Set(members) { teamsOfTeacher[member].append(teams.count) }
            teams.append(Team(members: Array(Set(members)).sorted(), need: team.commonFreePeriods, slots: eligible))
        }
        self.teams = teams
        self.teamsOfTeacher = teamsOfTeacher

        // Events: clusters first (one event per occurrence of the whole cluster), then single lessons.
        var events: [Event] = []
        var problems: [Diagnostic] = []
        var inCluster = Set<Int>()
        var units: [(lessons: [Int], label: String)] = []
        for cluster in school.clusters {
            let members = cluster.lessons.compactMap { lessonIndex[$0] }.filter { !inCluster.contains($0) }
            guard !members.isEmpty else { continue }
            inCluster.formUnion(members)
            units.append((members, "cluster \(cluster.id)"))
        }
        for lesson in school.lessons.indices where !inCluster.contains(lesson) {
            units.append(([lesson], "lesson \(school.lessons[lesson].id)"))
        }
        let unwantedSoftWeight = weights[.teacherUnwantedTime] ?? 0
        for (unitIndex, unit) in units.enumerated() {
            let lessons = unit.lessons.map { school.lessons[$0] }
            let count = lessons.map { max($0.countPerWeek, 0) }.max() ?? 0
            let duration = lessons.map { max($0.durationInPeriods, 1) }.max() ?? 1
            let pinned = lessons.first { !$0.pinned.isEmpty }?.pinned ?? []
            let members = unit.lessons.map { l -> Member in
                let lesson = school.lessons[l]
                let options = school.rooms.indices.filter { lesson.accepts(school.rooms[$0]) }
                // Best fit first: the smallest room that seats everyone, then larger, then too small.
                let students = lessonStudents[l]
                let sorted = options.sorted { a, b in
                    let fitA = school.rooms[a].capacity >= students, fitB = school.rooms[b].capacity >= students
                    if fitA != fitB { return fitA }
                    return fitA ? school.rooms[a].capacity < school.rooms[b].capacity : school.rooms[a].capacity > school.rooms[b].capacity
                }
                return Member(
                    lesson: l, roomOptions: sorted, roomCount: max(lesson.roomCount, 0), students: students,
                    teachers: Array(Set(lesson.teachers.compactMap { teacherIndex[$0] })).sorted())
            }
            let groups = Array(Set(lessons.flatMap { $0.groups.compactMap { groupIndex[$0] } })).sorted()
            var allStarts: [Int] = []
            for (s, slot) in slots.enumerated()
            where lessons.allSatisfy({ school.fits(durationInPeriods: duration, at: slot, in: $0.allowedSegments) }) {
                allStarts.append(s)
            }
            func staticCost(_ start: Int) -> (hard: Int, soft: Int) {
                var hard = 0, soft = 0
                for offset in 0..<duration {
                    let s = start + offset
                    let slot = slots[s]
                    for member in members {
                        let lesson = school.lessons[member.lesson]
                        if lesson.unavailable.contains(slot) { hard += 1 }
                        for t in member.teachers {
                            if teacherUnavailable[t * slotCount + s] { hard += 1 }
                            if school.teachers[t].unwanted.contains(slot) { soft += unwantedSoftWeight }
                        }
                    }
                    for g in groups where school.groups[g].unavailable.contains(slot) { hard += 1 }
                }
                return (hard, soft)
            }
            for occurrence in 0..<count {
                var starts = allStarts
                if occurrence < pinned.count {
                    starts = slotIndex[pinned[occurrence]].map { [$0] } ?? []
                }
                var costs = starts.map(staticCost)
                if starts.count > 1, costs.contains(where: { $0.hard == 0 }) {
                    let keep = costs.indices.filter { costs[$0].hard == 0 }
                    starts = keep.map { starts[$0] }
                    costs = keep.map { costs[$0] }
                }
                guard !starts.isEmpty else {
                    problems.append(
                        Diagnostic(
                            .error, "noStart", "\(unit.label) has no period where its \(duration) period(s) fit its segments and pins",
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
                        members: members, duration: duration, groups: groups, starts: starts, staticHard: costs.map(\.hard),
                        staticSoft: costs.map(\.soft), roomOffsets: offsets, roomSlots: total, unit: unitIndex))
            }
        }
        self.events = events
        choiceSeats = ChoiceSeatLayout(school: school, events: events, slotCount: slotCount)
        self.unitCount = units.count
        self.problems = problems
        conflicting = Self.conflictingEvents(events)
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
