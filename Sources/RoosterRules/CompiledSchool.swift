import RoosterModel

/// A school turned into integers once, for every engine: the checker, the heuristic and the MIP
/// formulation read the same slots, units, resources, student counts, room options and weights.
///
/// Indices follow the school's own arrays (`lessons`, `teachers`, `groups`, `rooms`, …); a slot
/// index counts the periods of the week day by day, so a day's slots are contiguous. The school
/// need not be valid: duplicate IDs resolve to the first, unknown references are left out, and
/// absurd counts are clamped, so compiling never traps.
///
/// A *unit* is what starts as one piece: a cluster (its lessons start together) or a lesson that
/// is in no cluster. Both solvers place units; the checker judges the lessons inside them.
///
/// A class, not a struct: engines read it on every move, and a reference costs one retain where a
/// struct of many arrays costs one per array in unoptimised (test) builds.
package final class CompiledSchool: Sendable {
    /// A cluster or a lone lesson: what a solver places as one piece.
    package struct Unit: Sendable {
        /// Indices into ``RoosterModel/School/lessons``.
        package var lessons: [Int]
        /// "cluster X" or "lesson Y", for diagnostics.
        package var label: String
        /// Occurrences a week: the largest `countPerWeek` of its lessons (0 for none).
        package var count: Int
        /// Periods each occurrence takes: the longest of its lessons (at least 1).
        package var duration: Int
        /// Distinct teachers and groups of all its lessons, sorted.
        package var teachers: [Int]
        package var groups: [Int]
        /// The pins of its first pinned lesson, in order: occurrence `k` starts at `pinned[k]`.
        package var pinned: [TimeSlot]
        /// Start slots where every lesson's segments hold the whole duration within the day.
        package var fittingStarts: [Int]
    }

    /// Teachers who need common free periods (``RoosterModel/TeamTime``).
    package struct Team: Sendable {
        /// Distinct teacher indices, sorted.
        package var members: [Int]
        package var need: Int
        /// Slots that count as common free time (in the team's segment, if any).
        package var slots: [Int]
    }

    package let school: School
    /// Soft-rule weights as the checker that compiled the school applies them; hard rules are absent.
    package let weights: [RuleID: Int]

    // MARK: Time

    package let slots: [TimeSlot]
    package let slotIndex: [TimeSlot: Int]
    package let dayOfSlot: [Int]
    /// First slot index of each day, and the number of slots of each day.
    package let dayStart: [Int]
    package let dayLength: [Int]
    package var dayCount: Int { dayStart.count }
    package var slotCount: Int { slots.count }

    // MARK: Resources

    package let lessonIndex: [Lesson.ID: Int]
    package let teacherIndex: [Teacher.ID: Int]
    package let groupIndex: [Group.ID: Int]
    package let roomIndex: [Room.ID: Int]
    package let studentIndex: [Student.ID: Int]
    package let subjectIndex: [Subject.ID: Int]
    package let clusterOfLesson: [Lesson.ID: Cluster.ID]
    /// Students per group: the declared size, else the students listed in it.
    package let groupSize: [Int]
    /// Students a lesson is meant for (``RoosterModel/School/expectedStudents(of:)``).
    package let lessonStudents: [Int]
    /// Distinct teachers per lesson, sorted.
    package let lessonTeachers: [[Int]]
    /// Rooms each lesson accepts (kind, allowed rooms), in the school's order.
    package let roomOptions: [[Int]]
    package let units: [Unit]
    /// The unit of each lesson.
    package let unitOfLesson: [Int]
    package let teams: [Team]

    // MARK: Availability and the shape of days

    /// `teacherUnavailable[teacher * slotCount + slot]`: unavailable or on a day off.
    package let teacherUnavailable: [Bool]
    /// `roomUnavailable[room * slotCount + slot]`.
    package let roomUnavailable: [Bool]
    /// Per slot: whether a group without a lesson there is idle (not a mentor, choice, independent-work or coaching period).
    package let groupTeachingSlot: [Bool]
    /// Per slot: whether a teacher without a lesson there is idle (not a coach window).
    package let teacherGapSlot: [Bool]
    /// Lesson periods a day per group (rule `dailyLessons`; no limits when the rule is off).
    package let groupDailyMinimum: [Int]
    package let groupDailyMaximum: [Int?]
    /// `groupAttends[group * dayCount + day]`.
    package let groupAttends: [Bool]

    // MARK: Reference

    /// A re-solve's reference timetable (``Checker/reference``), per lesson index; nil for a lesson
    /// the reference does not place (a new lesson, free to go anywhere).
    package struct Reference: Sendable {
        package var starts: [Set<TimeSlot>?]
        /// Per lesson: the rooms of each reference start.
        package var rooms: [[TimeSlot: [Room.ID]]?]
        /// `starts` as slot indices, for the engines.
        package var startIndices: [Set<Int>?]
        /// Per lesson: slot index of a reference start → its rooms as indices (-1 for a room the
        /// school no longer has, which no room of it can match).
        package var roomIndices: [[Int: Set<Int>]?]
    }

    package let reference: Reference?

    /// The weight a solver gives a soft rule (0 when off or hard).
    package func weight(_ rule: RuleID) -> Int { weights[rule] ?? 0 }

    /// Compiles a school with the weights of `checker`.
    package init(school given: School, checker: Checker = Checker()) {
        // A school that was never validated may hold counts near Int.max; they are clamped here,
        // once, so that no rule's arithmetic can trap (validation reports them to the user).
        let school = given.boundedForArithmetic() ?? given
        self.school = school
        weights = Dictionary(
            uniqueKeysWithValues: RuleCatalogue.descriptors.filter { $0.level == .soft }.map {
                ($0.id, checker.counts($0, in: school) ? checker.weight(of: $0, in: school) : 0)
            })

        let slots = school.allSlots
        self.slots = slots
        slotIndex = Self.firstIndex(slots.map { $0 })
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

        let lessonIndex = Self.firstIndex(school.lessons.map(\.id))
        let teacherIndex = Self.firstIndex(school.teachers.map(\.id))
        let groupIndex = Self.firstIndex(school.groups.map(\.id))
        self.lessonIndex = lessonIndex
        self.teacherIndex = teacherIndex
        self.groupIndex = groupIndex
        let roomIndex = Self.firstIndex(school.rooms.map(\.id))
        self.roomIndex = roomIndex
        studentIndex = Self.firstIndex(school.students.map(\.id))
        subjectIndex = Self.firstIndex(school.subjects.map(\.id))
        var clusterOfLesson: [Lesson.ID: Cluster.ID] = [:]
        for cluster in school.clusters { for lesson in cluster.lessons { clusterOfLesson[lesson] = cluster.id } }
        self.clusterOfLesson = clusterOfLesson

        var listed: [Group.ID: Int] = [:]
        for student in school.students { for group in Set(student.groups) { listed[group, default: 0] += 1 } }
        let groupSize = school.groups.map { $0.size ?? listed[$0.id] ?? 0 }
        self.groupSize = groupSize
        lessonStudents = school.lessons.map { lesson in
            lesson.studentCount ?? lesson.groups.reduce(0) { saturating($0, plus: groupIndex[$1].map { groupSize[$0] } ?? 0) }
        }
        let lessonTeachers = school.lessons.map { Array(Set($0.teachers.compactMap { teacherIndex[$0] })).sorted() }
        self.lessonTeachers = lessonTeachers
        roomOptions = school.lessons.map { lesson in school.rooms.indices.filter { lesson.accepts(school.rooms[$0]) } }

        var teacherUnavailable = Array(repeating: false, count: school.teachers.count * slots.count)
        for (t, teacher) in school.teachers.enumerated() {
            for (s, slot) in slots.enumerated() where teacher.unavailable.contains(slot) || teacher.daysOff.contains(slot.day) {
                teacherUnavailable[t * slots.count + s] = true
            }
        }
        self.teacherUnavailable = teacherUnavailable
        var roomUnavailable = Array(repeating: false, count: school.rooms.count * slots.count)
        let slotIndex = self.slotIndex
        for (r, room) in school.rooms.enumerated() {
            for slot in room.unavailable { if let s = slotIndex[slot] { roomUnavailable[r * slots.count + s] = true } }
        }
        self.roomUnavailable = roomUnavailable
        groupTeachingSlot = slots.map(school.isGroupTeachingPeriod)
        teacherGapSlot = slots.map(school.isTeacherGapPeriod)
        // Only `dailyLessons` reads the day shape; with the rule off the school is not asked.
        let shapesDays = (weights[.dailyLessons] ?? 0) > 0
        let dailyLimits = shapesDays ? school.lessonsPerDayOfGroups() : school.groups.map { _ in LessonsPerDay(minimum: 0) }
        groupDailyMinimum = dailyLimits.map(\.minimum)
        groupDailyMaximum = dailyLimits.map(\.maximum)
        groupAttends = shapesDays ? school.attendance().flatMap { $0 } : Array(repeating: true, count: school.groups.count * dayStart.count)

        teams = school.teamTimes.map { team in
            Team(
                members: Array(Set(team.teachers.compactMap { teacherIndex[$0] })).sorted(), need: team.commonFreePeriods,
                slots: slots.indices.filter { s in team.segment.map { school.period(at: slots[s])?.segment == $0 } ?? true })
        }

        let units = Self.units(of: school, lessonIndex: lessonIndex, lessonTeachers: lessonTeachers, groupIndex: groupIndex, slots: slots)
        self.units = units
        var unitOfLesson = Array(repeating: 0, count: school.lessons.count)
        for (u, unit) in units.enumerated() { for l in unit.lessons { unitOfLesson[l] = u } }
        self.unitOfLesson = unitOfLesson
        reference = checker.reference.map { Self.reference($0, lessonIndex: lessonIndex, slotIndex: slotIndex, roomIndex: roomIndex) }
    }

    private static func reference(
        _ timetable: Timetable, lessonIndex: [Lesson.ID: Int], slotIndex: [TimeSlot: Int], roomIndex: [Room.ID: Int]
    ) -> Reference {
        var reference = Reference(
            starts: Array(repeating: nil, count: lessonIndex.count), rooms: Array(repeating: nil, count: lessonIndex.count),
            startIndices: Array(repeating: nil, count: lessonIndex.count), roomIndices: Array(repeating: nil, count: lessonIndex.count))
        for placement in timetable.placements {
            guard let l = lessonIndex[placement.lesson] else { continue }
            reference.starts[l] = (reference.starts[l] ?? []).union([placement.start])
            reference.rooms[l] = (reference.rooms[l] ?? [:]).merging([placement.start: placement.rooms]) { first, _ in first }
            reference.startIndices[l] = (reference.startIndices[l] ?? []).union(slotIndex[placement.start].map { [$0] } ?? [])
            if let s = slotIndex[placement.start] {
                let rooms = Set(placement.rooms.map { roomIndex[$0] ?? -1 })
                reference.roomIndices[l] = (reference.roomIndices[l] ?? [:]).merging([s: rooms]) { first, _ in first }
            } else if reference.roomIndices[l] == nil {
                reference.roomIndices[l] = [:]
            }
        }
        return reference
    }

    /// Clusters first (each lesson in the first cluster that names it), then every other lesson alone.
    private static func units(
        of school: School, lessonIndex: [Lesson.ID: Int], lessonTeachers: [[Int]], groupIndex: [Group.ID: Int], slots: [TimeSlot]
    ) -> [Unit] {
        var grouped: [(lessons: [Int], label: String)] = []
        var inCluster = Set<Int>()
        for cluster in school.clusters {
            let members = cluster.lessons.compactMap { lessonIndex[$0] }.filter { !inCluster.contains($0) }
            guard !members.isEmpty else { continue }
            inCluster.formUnion(members)
            grouped.append((members, "cluster \(cluster.id)"))
        }
        for l in school.lessons.indices where !inCluster.contains(l) { grouped.append(([l], "lesson \(school.lessons[l].id)")) }
        // Units mostly share their duration and segments (all of them in ITC 2007), so the starts
        // that fit are computed once per distinct pair.
        struct Shape: Hashable {
            var duration: Int
            var segmentLists: Set<[Segment.ID]>
        }
        var fitting: [Shape: [Int]] = [:]
        return grouped.map { indices, label in
            let lessons = indices.map { school.lessons[$0] }
            let duration = lessons.map { max($0.durationInPeriods, 1) }.max() ?? 1
            let shape = Shape(duration: duration, segmentLists: Set(lessons.map(\.allowedSegments)))
            let starts =
                fitting[shape]
                ?? slots.indices.filter { s in
                    shape.segmentLists.allSatisfy { school.fits(durationInPeriods: duration, at: slots[s], in: $0) }
                }
            fitting[shape] = starts
            return Unit(
                lessons: indices, label: label, count: lessons.map { max($0.countPerWeek, 0) }.max() ?? 0, duration: duration,
                teachers: Array(Set(indices.flatMap { lessonTeachers[$0] })).sorted(),
                groups: Array(Set(lessons.flatMap { $0.groups.compactMap { groupIndex[$0] } })).sorted(),
                pinned: lessons.first { !$0.pinned.isEmpty }?.pinned ?? [], fittingStarts: starts)
        }
    }

    /// Cost of starting a unit at a slot that does not depend on other lessons: hard for every
    /// period a lesson, a teacher or a group is unavailable, soft (weighted) for every period a
    /// teacher does not want and, in a re-solve, for each of its lessons that did not start there
    /// in the reference timetable (`timeChanges`).
    package func staticCost(ofUnit u: Int, start: Int) -> (hard: Int, soft: Int) {
        let unit = units[u]
        let unwanted = weight(.teacherUnwantedTime)
        var hard = 0, soft = 0
        for s in start..<min(start + unit.duration, slots.count) {
            let slot = slots[s]
            for l in unit.lessons {
                if school.lessons[l].unavailable.contains(slot) { hard += 1 }
                for t in lessonTeachers[l] {
                    if teacherUnavailable[t * slots.count + s] { hard += 1 }
                    if school.teachers[t].unwanted.contains(slot) { soft += unwanted }
                }
            }
            for g in unit.groups where school.groups[g].unavailable.contains(slot) { hard += 1 }
        }
        if let reference {
            let moved = weight(.timeChanges)
            for l in unit.lessons { if let before = reference.startIndices[l], !before.contains(start) { soft += moved } }
        }
        return (hard, soft)
    }

    /// Index of each value's first occurrence.
    private static func firstIndex<Key: Hashable>(_ keys: [Key]) -> [Key: Int] {
        var index: [Key: Int] = [:]
        index.reserveCapacity(keys.count)
        for (position, key) in keys.enumerated() where index[key] == nil { index[key] = position }
        return index
    }
}
