import RoosterModel
import RoosterRules
import RoosterSolving

/// A lower bound on the soft cost of every timetable of a school, from one small program per group.
///
/// The whole start program's linear relaxation is weak where compactness and minimum working days
/// dominate (bound 0 on ITC 2007 comp02–04), and on the larger schools its LP does not even finish
/// in a minute. Here each group (an ITC curriculum, a class) gets a program of its own: the group's
/// lessons alone, without the other groups, the other lessons of their teachers and the students.
/// A part is charged for its group's rules (isolated lessons, gaps, lessons per day) and for the
/// lesson rules (minimum working days, room capacity and stability) of the lessons it *owns*; every
/// lesson is owned by one part only, lessons without a group by a part of their own. Every
/// timetable of the school, cut down to a part, is a timetable of that part, and the parts' charges
/// add up to at most the school's cost; so the sum of the parts' bounds is a bound on the school
/// (the partition bound of Hao and Benlic, "Lower bounds for the ITC-2007 curriculum-based course
/// timetabling problem", European Journal of Operational Research 212, 2011).
///
/// Teachers' soft rules, soft day spreads and changes from a reference add nothing to it (their
/// cost is at least zero). Schools with choice lessons or lessons in some weeks only get no bound.
package struct PartitionBound {
    /// The school cut into parts, each with the checker that charges it; the last one, "rooms",
    /// charges room capacity and stability alone.
    package let parts: [(name: String, school: School, checker: Checker)]

    /// Rules charged to no part: a teacher's cost depends on lessons of many groups.
    /// Rules of the group parts: every soft rule but the rooms'.
    static let roomlessRules: [RuleID] = RuleCatalogue.descriptors.filter { $0.level == .soft }.map(\.id).filter {
        $0 != .roomCapacity && $0 != .roomStability
    }

    static let uncharged: [RuleID] = [
        .teacherGaps, .teacherUnwantedTime, .teacherExtraDays, .teacherShortDays, .lessonsApartPreferred, .timeChanges, .roomChanges,
    ]

    /// Lessons per part at most (a group with more is a part alone): larger parts see more of the
    /// conflicts between groups, but GLPK proves less of them in their time. With 20 rather than 40
    /// comp05's bound at 30 s is 21 rather than 11, comp01–04, 06 and 07 the same (10 lowers
    /// comp05 to 8; Benchmarks/README.md).
    static let lessonsPerPart = 20

    /// Nil when the school has what the parts cannot cut (choice lessons, lessons in some weeks only).
    package init?(school: School, checker: Checker, lessonsPerPart: Int = PartitionBound.lessonsPerPart) {
        let allWeeks = Set(0..<max(school.weeksInCycle, 1))
        guard school.choiceRequests.isEmpty, school.lessons.allSatisfy({ $0.choice == nil && ($0.weeks == nil || $0.weeks == allWeeks) })
        else { return nil }
        var overrides = checker.weightOverrides
        for rule in Self.uncharged { overrides[rule] = 0 }

        let groupIndex = Dictionary(school.groups.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let groupsOfLesson = school.lessons.map { $0.groups.compactMap { groupIndex[$0] } }
        var lessonsOfGroup = [[Int]](repeating: [], count: school.groups.count)
        for (l, groups) in groupsOfLesson.enumerated() { for g in groups { lessonsOfGroup[g].append(l) } }
        let groupParts = Self.groupParts(lessonsOfGroup: lessonsOfGroup, groupsOfLesson: groupsOfLesson, limit: lessonsPerPart)

        // Each lesson is owned by the part of its group with the fewest lessons (the first such
        // part): a small group is where a lesson's minimum days force isolated lessons, which a
        // larger group can fill around. comp07's curriculum q038 is one course over three days,
        // three isolated lessons (6, comp07's optimum); owned with q037's part, q038's part put
        // the three on one day and its bound was 0.
        var partOfGroup = [Int](repeating: -1, count: school.groups.count)
        for (k, groups) in groupParts.enumerated() { for g in groups { partOfGroup[g] = k } }
        let owner = groupsOfLesson.map { groups in
            groups.min { (lessonsOfGroup[$0].count, partOfGroup[$0]) < (lessonsOfGroup[$1].count, partOfGroup[$1]) }.map { partOfGroup[$0] }
        }
        // The rooms part: every lesson, charged for room capacity and stability alone; the group
        // parts then leave rooms out.
        var roomOverrides = checker.weightOverrides
        for rule in Self.roomlessRules { roomOverrides[rule] = 0 }
        var parts: [(name: String, school: School, checker: Checker)] = []
        for rule in [RuleID.roomCapacity, .roomStability] { overrides[rule] = 0 }
        let partChecker = Checker(weightOverrides: overrides)
        for (k, groups) in groupParts.enumerated() {
            let members = Set(groups.flatMap { lessonsOfGroup[$0] }).sorted()
            let ids = Set(groups.map { school.groups[$0].id })
            let part = Self.part(of: school, lessons: members, keeping: ids, owned: { owner[$0] == k })
            parts.append(("groups " + groups.map { school.groups[$0].id.description }.joined(separator: ","), part, partChecker))
        }
        let groupless = school.lessons.indices.filter { owner[$0] == nil }
        if !groupless.isEmpty {
            let part = Self.part(of: school, lessons: groupless, keeping: [], owned: { _ in true })
            parts.append(("lessons without a group", part, partChecker))
        }
        // Last, so that they get the time the group parts leave (most finish in milliseconds): the
        // rooms by their weekly periods, then with times. Both bound the same costs, so the
        // larger counts.
        let rooms = CompiledSchool(school: Self.withoutStudents(school), checker: Checker(weightOverrides: roomOverrides))
        roomPacking = RoomPackingBound(
            compiled: rooms, capacityWeight: rooms.weight(.roomCapacity), stabilityWeight: rooms.weight(.roomStability))
        parts.append(("rooms", rooms.school, Checker(weightOverrides: roomOverrides)))
        self.parts = parts
    }

    /// The rooms' costs bounded from their weekly periods alone (``RoomPackingBound``): small
    /// where the rooms part with times is too large to solve.
    let roomPacking: RoomPackingBound?

    /// Groups cut into parts of at most `limit` lessons: each part starts from the largest group
    /// left and takes in, one by one, the group that shares most lessons with it, while it fits,
    /// so that the conflicts between groups that share lessons stay inside a part. A group of one
    /// lesson is a part alone: solved in milliseconds there, it gives what its lesson's minimum
    /// days force on it (comp07's q038: 6), where inside a larger part GLPK's relaxation gives 0
    /// before the part's time is up.
    static func groupParts(lessonsOfGroup: [[Int]], groupsOfLesson: [[Int]], limit: Int) -> [[Int]] {
        var taken = [Bool](repeating: false, count: lessonsOfGroup.count)
        var parts: [[Int]] = []
        let bySize = lessonsOfGroup.indices.sorted { (lessonsOfGroup[$0].count, $1) > (lessonsOfGroup[$1].count, $0) }
        for first in bySize where !taken[first] && !lessonsOfGroup[first].isEmpty {
            taken[first] = true
            var part = [first]
            var lessons = Set(lessonsOfGroup[first])
            while lessonsOfGroup[first].count > 1 {
                var shared: [Int: Int] = [:]
                for l in lessons {
                    for g in groupsOfLesson[l] where !taken[g] && lessonsOfGroup[g].count > 1 { shared[g, default: 0] += 1 }
                }
                let fitting = shared.filter { lessons.union(lessonsOfGroup[$0.key]).count <= limit }
                guard let next = fitting.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key else { break }
                taken[next] = true
                part.append(next)
                lessons.formUnion(lessonsOfGroup[next])
            }
            parts.append(part)
        }
        return parts
    }

    /// The school with only `lessons`, each in the groups of `keeping` alone; lessons not `owned`
    /// keep their times and teachers but lose what they would be charged for (minimum days, rooms).
    /// The school without students, choices and coaching (the parts need none of them).
    private static func withoutStudents(_ school: School) -> School {
        var school = school
        school.students = []
        school.parents = []
        school.choiceRequests = []
        school.exemptions = []
        school.coaching = nil
        return school
    }

    private static func part(
        of school: School, lessons: [Int], keeping groups: Set<Group.ID>, owned: (Int) -> Bool
    ) -> School {
        var part = withoutStudents(school)
        part.groups = school.groups.filter { groups.contains($0.id) }
        part.lessons = lessons.map { l in
            var lesson = school.lessons[l]
            lesson.groups = lesson.groups.filter(groups.contains)
            if !owned(l) { lesson.minDays = nil }
            lesson.roomCount = 0
            lesson.roomKind = nil
            lesson.allowedRooms = nil
            return lesson
        }
        let kept = Set(part.lessons.map(\.id))
        part.clusters = school.clusters.compactMap { cluster in
            var cluster = cluster
            cluster.lessons = cluster.lessons.filter(kept.contains)
            return cluster.lessons.count > 1 ? cluster : nil
        }
        part.daySpreads = school.daySpreads.compactMap { spread in
            var spread = spread
            spread.lessons = spread.lessons.filter(kept.contains)
            return spread.lessons.count > 1 ? spread : nil
        }
        return part
    }
}

/// A proven lower bound on the soft cost of every timetable of a school, and how it was reached.
public struct LowerBound: Sendable, Hashable {
    /// No timetable of the school scores below this (soft cost; hard rules met).
    public var value: Int
    /// Programs the school was cut into, and how many of them were solved to optimality (the
    /// others added their proven bound at the deadline, or nothing).
    public var parts: Int
    public var partsSolved: Int
}

extension MIPSolver {
    /// The partition bound of `school` (see ``PartitionBound``): each part solved by the backend
    /// until its share of the time left (the options' time limit or deadline) or the options'
    /// iteration limit in branch-and-bound steps; a part without a proven bound by then adds
    /// nothing. Nil when the school cannot be cut into parts or the backend fails.
    public func partitionBound(of school: School, options: SolveOptions) -> LowerBound? {
        partitionBound(of: school, options: options, lessonsPerPart: PartitionBound.lessonsPerPart)
    }

    /// The partition bound with parts of at most `lessonsPerPart` lessons (tests cut small schools apart).
    func partitionBound(of school: School, options: SolveOptions, lessonsPerPart: Int) -> LowerBound? {
        let deadline = options.deadline(from: .now)
        guard let partition = PartitionBound(school: school, checker: options.checker, lessonsPerPart: lessonsPerPart) else {
            return nil
        }
        let programs = partition.parts.count + (partition.roomPacking == nil ? 0 : 1)
        var bound = LowerBound(value: 0, parts: programs, partsSolved: 0)
        var solved = 0
        /// The bound of one program in its share of the time left; nil when the backend fails.
        func solve(_ model: MIPModel, name: String) -> Int? {
            var runner = runner(deadline: deadline.share(1 / Double(programs - solved)))
            solved += 1
            runner.stepLimit = options.iterationLimit
            runner.log = nil
            let started = ContinuousClock.now
            guard let solution = try? runner.solve(model) else { return nil }
            if solution.status == .optimal { bound.partsSolved += 1 }
            let value =
                (solution.status == .optimal ? solution.objective : solution.bound).map { max(Int(($0 - 1e-6).rounded(.up)), 0) } ?? 0
            log?(
                "bound: \(name): \(solution.status == .optimal ? "optimum" : "bound") \(value) of \(model.columns.count) columns in "
                    + "\(((ContinuousClock.now - started).inSeconds * 100).rounded() / 100) s\n")
            return value
        }
        var rooms = 0
        for (index, part) in partition.parts.enumerated() {
            if deadline.hasPassed || Task.isCancelled { break }
            let isRooms = index == partition.parts.count - 1
            if isRooms, let packing = partition.roomPacking {
                // The rooms by their weekly periods before the rooms with times: quick, and what
                // counts when the program with times is too large to finish.
                if packing.model.isTriviallyInfeasible {
                    solved += 1
                } else {
                    guard let value = solve(packing.model, name: "rooms by weekly periods") else { return nil }
                    rooms = value
                }
                if deadline.hasPassed || Task.isCancelled { break }
            }
            let exact = ExactTimetabling(school: part.school, checker: part.checker)
            guard exact.problems.isEmpty, exact.formulation.boundIsValid else {
                solved += 1
                continue
            }
            guard let value = solve(exact.model, name: part.name) else { return nil }
            if isRooms { rooms = max(rooms, value) } else { bound.value += value }
        }
        bound.value += rooms
        return bound
    }
}
