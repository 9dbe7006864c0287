import RoosterModel
import RoosterRules
import RoosterSolving

/// Plans every student's coach conversations (coachgesprekken) over the coach cycle, on a fixed
/// base timetable (and enrolment, when there is one).
///
/// Each coached student gets one conversation in every interval of the cycle (every week, or once
/// in two or three weeks), with the one of their coaches who has room in their caseload and the
/// least demand per free window (the first coach when equal), in a
/// coach window (a period of the school's coaching segment) when both are free. Conversations of
/// a coach are spread over the weeks: each goes to the coach's quietest week of the interval. The
/// most constrained students (fewest free windows) are planned first.
///
/// One conversation per coach per window period: a period is as long as a conversation (e.g.
/// 15 minutes at 8:15 and 8:30). Triad meetings with the parent (`triadsPerCycle`) go to the triad
/// periods when the parent can come, brothers and sisters back to back.
public struct CoachPlanner: Sendable {
    public init() {}

    /// The planner keeps every hard rule of its layer and balances coaches' weeks and siblings'
    /// triads; it also keeps students' and teachers' conflicts when it places a conversation.
    public static let coverage = RuleCoverage(
        engine: "coach planner", layer: .coaching, optimised: [.coachMeetings, .parentConflict, .coachLoadBalance, .siblingTriads])

    /// A student who could not get a conversation in an interval, and why.
    public struct Unplanned: Sendable, Hashable {
        public var student: Student.ID
        /// The first week of the interval, from 0.
        public var week: Int
        /// True for a triad meeting with the parent, false for a conversation.
        public var isTriad = false
        public var reason: String
    }

    /// The planned conversations and what could not be planned.
    public struct Plan: Sendable {
        public var meetings: [CoachMeeting]
        public var unplanned: [Unplanned]
        /// Conversations per coach and week of the cycle.
        public var load: [Teacher.ID: [Int]]
        /// Students whose conversations went to another coach than their first (caseload or load).
        public var reassigned: [Student.ID]
        /// Conversations kept from the earlier plan given to ``CoachPlanner/plan(school:timetable:previous:)``.
        public var kept = 0

        /// The largest difference between a coach's busiest and quietest week.
        public var worstImbalance: Int { load.values.map { ($0.max() ?? 0) - ($0.min() ?? 0) }.max() ?? 0 }

        /// The timetable with these conversations as its coaching layer.
        public func timetable(on base: Timetable) -> Timetable {
            var result = base
            result.coachMeetings = meetings
            return result
        }
    }

    public enum PlanError: Error, Sendable, CustomStringConvertible {
        case noCoachingPolicy
        case noCoachWindows(Segment.ID)

        public var description: String {
            switch self {
            case .noCoachingPolicy:
                "the school has no coaching policy; add `coaching: {length: 15, intervalInWeeks: 1, segment: <coach segment>}`"
            case .noCoachWindows(let segment):
                "no period of any day is in the coaching segment '\(segment)'; give the coach windows that segment in the day templates"
            }
        }
    }

    /// Plans the conversations and triad meetings of a coach cycle on `timetable`.
    ///
    /// - Parameter previous: conversations of an earlier plan (a re-solve): each one that still fits
    ///   — the student's own coach, a coach window, both free, the window not taken — is kept, and
    ///   only the rest is planned anew. Triad meetings are always planned anew.
    public func plan(school: School, timetable: Timetable, previous: [CoachMeeting] = []) throws(PlanError) -> Plan {
        guard let policy = school.coaching else { throw .noCoachingPolicy }
        let windows = school.allSlots.filter { school.period(at: $0)?.segment == policy.segment }
        guard !windows.isEmpty else { throw .noCoachWindows(policy.segment) }
        let weeks = max(school.weeksInCycle, 1)
        let busy = Busy(school: school, timetable: timetable, weeks: weeks)

        var used: [Teacher.ID: [Set<TimeSlot>]] = [:]
        var load: [Teacher.ID: [Int]] = [:]
        var caseload: [Teacher.ID: Int] = [:]
        let limits = Dictionary(school.teachers.map { ($0.id, $0.coach?.caseload) }, uniquingKeysWith: { first, _ in first })
        var plan = Plan(meetings: [], unplanned: [], load: [:], reassigned: [])

        let coached = school.students.indices.filter { !school.students[$0].coaches.isEmpty }
        let freeWindows = { (student: Int) in
            (0..<weeks).reduce(0) { total, week in total + windows.filter { !busy.student[week][student].contains($0) }.count }
        }
        // Free windows per coach over the cycle, for sharing students between coaches.
        var capacity: [Teacher.ID: Int] = [:]
        for id in Set(coached.flatMap { school.students[$0].coaches }) {
            let free = (0..<weeks).reduce(0) { total, week in total + windows.filter { !busy.teacher(id, week).contains($0) }.count }
            capacity[id] = max(free / weeks, 1)
        }
        var pressure: [Teacher.ID: Double] = [:]
        var coachOf: [Int: Teacher.ID] = [:]
        let position = Dictionary(school.students.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let intervalOf = { (student: Int) in
            min(max(school.students[student].coachingIntervalInWeeks ?? policy.intervalInWeeks, 1), weeks)
        }
        /// A coach's windows used and conversations per week, empty until first needed.
        func openCalendar(of coach: Teacher.ID) {
            guard used[coach] == nil else { return }
            used[coach] = Array(repeating: [], count: weeks)
            load[coach] = Array(repeating: 0, count: weeks)
        }
        // When a coach's free windows are all taken: move one of their conversations to another
        // window of that student's interval, and give the freed window to this student.
        func makeRoom(for student: Int, coaches: [Teacher.ID], span: Range<Int>) -> Bool {
            for coach in coaches {
                for week in span {
                    for slot in windows where !busy.student[week][student].contains(slot) && !busy.teacher(coach, week).contains(slot) {
                        guard
                            let index = plan.meetings.firstIndex(where: {
                                $0.coach == coach && $0.week == week && $0.slot == slot && $0.parent == nil
                            }),
                            let other = position[plan.meetings[index].student]
                        else { continue }
                        let otherInterval = intervalOf(other)
                        let otherFirst = week / otherInterval * otherInterval
                        // The displaced student keeps their coach, or moves to another coach of theirs with room.
                        for otherCoach in [coach] + school.students[other].coaches.filter({ $0 != coach }) {
                            if otherCoach != coach, caseload[otherCoach, default: 0] >= (limits[otherCoach].flatMap { $0 } ?? .max) {
                                continue
                            }
                            for otherWeek in otherFirst..<min(otherFirst + otherInterval, weeks) {
                                guard
                                    let free = windows.first(where: {
                                        !busy.student[otherWeek][other].contains($0) && !busy.teacher(otherCoach, otherWeek).contains($0)
                                            && !(used[otherCoach]?[otherWeek].contains($0) ?? false)
                                    })
                                else { continue }
                                openCalendar(of: otherCoach)
                                used[otherCoach]?[otherWeek].insert(free)
                                load[otherCoach]?[otherWeek] += 1
                                if otherCoach != coach {
                                    caseload[coach, default: 0] -= 1
                                    caseload[otherCoach, default: 0] += 1
                                }
                                plan.meetings[index] = CoachMeeting(
                                    student: school.students[other].id, coach: otherCoach, week: otherWeek, slot: free)
                                plan.meetings.append(
                                    CoachMeeting(student: school.students[student].id, coach: coach, week: week, slot: slot))
                                return true
                            }
                        }
                    }
                }
            }
            return false
        }
        /// One conversation of `student` in `span`: the first coach with a free window (in their
        /// least loaded week), else by displacing another student's conversation (`makeRoom`).
        func placeConversation(_ student: Int, coaches: [Teacher.ID], span: Range<Int>) -> Bool {
            for candidate in coaches {
                openCalendar(of: candidate)
                let byLoad = span.sorted { (load[candidate]?[$0] ?? 0, $0) < (load[candidate]?[$1] ?? 0, $1) }
                for week in byLoad {
                    guard
                        let slot = windows.first(where: {
                            !busy.student[week][student].contains($0) && !busy.teacher(candidate, week).contains($0)
                                && !(used[candidate]?[week].contains($0) ?? false)
                        })
                    else { continue }
                    used[candidate]?[week].insert(slot)
                    load[candidate]?[week] += 1
                    plan.meetings.append(CoachMeeting(student: school.students[student].id, coach: candidate, week: week, slot: slot))
                    return true
                }
            }
            return makeRoom(for: student, coaches: coaches, span: span)
        }
        // Earlier conversations that still fit are kept first: per student and span, one.
        var kept = Set<[Int]>()
        let windowSet = Set(windows)
        for meeting in previous where meeting.parent == nil {
            guard let student = position[meeting.student], (0..<weeks).contains(meeting.week), windowSet.contains(meeting.slot) else {
                continue
            }
            let person = school.students[student]
            let interval = intervalOf(student)
            let first = meeting.week / interval * interval
            guard person.coaches.contains(meeting.coach), !kept.contains([student, first]),
                coachOf[student] == nil || coachOf[student] == meeting.coach,
                !busy.student[meeting.week][student].contains(meeting.slot),
                !busy.teacher(meeting.coach, meeting.week).contains(meeting.slot),
                !(used[meeting.coach]?[meeting.week].contains(meeting.slot) ?? false)
            else { continue }
            if coachOf[student] == nil {
                guard caseload[meeting.coach, default: 0] < (limits[meeting.coach].flatMap { $0 } ?? .max) else { continue }
                coachOf[student] = meeting.coach
                caseload[meeting.coach, default: 0] += 1
                pressure[meeting.coach, default: 0] += 1 / Double(interval)
            }
            openCalendar(of: meeting.coach)
            used[meeting.coach]?[meeting.week].insert(meeting.slot)
            load[meeting.coach]?[meeting.week] += 1
            plan.meetings.append(CoachMeeting(student: person.id, coach: meeting.coach, week: meeting.week, slot: meeting.slot))
            kept.insert([student, first])
        }
        plan.kept = kept.count
        let order = coached.map { ($0, freeWindows($0)) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
        for student in order {
            let person = school.students[student]
            let interval = min(max(person.coachingIntervalInWeeks ?? policy.intervalInWeeks, 1), weeks)
            if let keptCoach = coachOf[student] {
                // A kept conversation fixed the coach; the student's other spans are planned with them.
                for first in stride(from: 0, to: weeks, by: interval) where !kept.contains([student, first]) {
                    let span = first..<min(first + interval, weeks)
                    if !placeConversation(student, coaches: [keptCoach] + person.coaches.filter { $0 != keptCoach }, span: span) {
                        plan.unplanned.append(
                            Unplanned(student: person.id, week: first, reason: reason(student, keptCoach, span, windows, busy, used)))
                    }
                }
                continue
            }
            // Of the student's coaches with room in their caseload, the one with the least weekly
            // demand per free window holds the conversations (the first one when equal).
            let withRoom = person.coaches.filter { caseload[$0, default: 0] < (limits[$0].flatMap { $0 } ?? .max) }
            let coach =
                withRoom.min { pressure[$0, default: 0] / Double(capacity[$0] ?? 1) < pressure[$1, default: 0] / Double(capacity[$1] ?? 1) }
                ?? person.coaches[0]
            pressure[coach, default: 0] += 1 / Double(interval)
            if coach != person.coaches[0] { plan.reassigned.append(person.id) }
            coachOf[student] = coach
            caseload[coach, default: 0] += 1
            openCalendar(of: coach)
            for first in stride(from: 0, to: weeks, by: interval) {
                let span = first..<min(first + interval, weeks)
                if !placeConversation(student, coaches: [coach] + person.coaches.filter { $0 != coach }, span: span) {
                    plan.unplanned.append(
                        Unplanned(student: person.id, week: first, reason: reason(student, coach, span, windows, busy, used)))
                }
            }
        }
        if policy.triadsPerCycle > 0 {
            var triads = TriadPlanner(school: school, policy: policy, weeks: weeks, busy: busy, used: used, load: load)
            triads.plan(students: coached, coachOf: coachOf, meetings: plan.meetings)
            plan.meetings += triads.meetings
            plan.unplanned += triads.unplanned
            used = triads.used
            load = triads.load
        }
        plan.meetings.sort { ($0.week, $0.slot, $0.coach, $0.student) < ($1.week, $1.slot, $1.coach, $1.student) }
        plan.load = load
        return plan
    }

    private func reason(
        _ student: Int, _ coach: Teacher.ID, _ span: Range<Int>, _ windows: [TimeSlot], _ busy: Busy, _ used: [Teacher.ID: [Set<TimeSlot>]]
    ) -> String {
        let studentFree = span.contains { week in windows.contains { !busy.student[week][student].contains($0) } }
        if !studentFree { return "the student has lessons in every coach window" }
        let together = span.contains { week in
            windows.contains { !busy.student[week][student].contains($0) && !busy.teacher(coach, week).contains($0) }
        }
        if !together { return "coach \(coach) teaches or is unavailable whenever the student is free" }
        return "every coach window in which both are free already holds another conversation of coach \(coach)"
    }

    /// Busy periods per week of students and teachers.
    struct Busy {
        /// Per week, per student position.
        let student: [[Set<TimeSlot>]]
        /// Per week: the periods each teacher teaches or is unavailable.
        private let teaching: [[Teacher.ID: Set<TimeSlot>]]

        init(school: School, timetable: Timetable, weeks: Int) {
            let lessons = Dictionary(school.lessons.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let position = Dictionary(school.students.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            var placementsOf: [Lesson.ID: [Placement]] = [:]
            for placement in timetable.placements { placementsOf[placement.lesson, default: []].append(placement) }
            student = (0..<weeks).map { week in
                var busy = StudentCalendar(school: school, timetable: timetable, week: week).busy
                for enrolment in timetable.enrolments ?? [] {
                    guard let index = position[enrolment.student], let lesson = lessons[enrolment.lesson], lesson.choice != nil else {
                        continue
                    }
                    if let weeks = lesson.weeks, !weeks.contains(week) { continue }
                    for placement in placementsOf[lesson.id] ?? [] where (enrolment.start ?? placement.start) == placement.start {
                        busy[index].formUnion(school.occupiedSlots(from: placement.start, durationInPeriods: lesson.durationInPeriods))
                    }
                }
                return busy
            }
            let all = school.allSlots
            let off = Dictionary(
                school.teachers.map { teacher in (teacher.id, teacher.unavailable.union(all.filter { teacher.daysOff.contains($0.day) })) },
                uniquingKeysWith: { first, _ in first })
            teaching = (0..<weeks).map { week in
                var result = off
                for placement in timetable.placements {
                    guard let lesson = lessons[placement.lesson] else { continue }
                    if let weeks = lesson.weeks, !weeks.contains(week) { continue }
                    let slots = school.occupiedSlots(from: placement.start, durationInPeriods: lesson.durationInPeriods)
                    for teacher in lesson.teachers { result[teacher, default: []].formUnion(slots) }
                }
                return result
            }
        }

        func teacher(_ id: Teacher.ID, _ week: Int) -> Set<TimeSlot> { teaching[week][id] ?? [] }
    }

    /// Triad meetings (coach, student, parent): per family, the children's meetings back to back
    /// on one day when a run of periods suits everyone, one by one otherwise.
    struct TriadPlanner {
        let school: School
        let policy: CoachingPolicy
        let weeks: Int
        let busy: Busy
        var used: [Teacher.ID: [Set<TimeSlot>]]
        var load: [Teacher.ID: [Int]]
        var meetings: [CoachMeeting] = []
        var unplanned: [Unplanned] = []
        private var parentUsed: [Parent.ID: [Set<TimeSlot>]] = [:]
        private var studentUsed: [Int: [Set<TimeSlot>]] = [:]
        private let slots: [TimeSlot]
        private let available: [Parent.ID: Set<TimeSlot>]

        init(
            school: School, policy: CoachingPolicy, weeks: Int, busy: Busy, used: [Teacher.ID: [Set<TimeSlot>]], load: [Teacher.ID: [Int]]
        ) {
            self.school = school
            self.policy = policy
            self.weeks = weeks
            self.busy = busy
            self.used = used
            self.load = load
            slots = school.allSlots.filter { slot in
                policy.triadSegments.isEmpty || policy.triadSegments.contains { school.period(at: slot)?.segment == $0 }
            }
            available = Dictionary(school.parents.map { ($0.id, $0.available) }, uniquingKeysWith: { first, _ in first })
        }

        mutating func plan(students: [Int], coachOf: [Int: Teacher.ID], meetings conversations: [CoachMeeting]) {
            let position = Dictionary(school.students.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            for meeting in conversations {
                guard let student = position[meeting.student] else { continue }
                studentUsed[student, default: Array(repeating: [], count: weeks)][meeting.week].insert(meeting.slot)
            }
            var families: [Parent.ID: [Int]] = [:]
            for student in students {
                if let parent = school.students[student].parent { families[parent, default: []].append(student) }
            }
            for parent in families.keys.sorted() {
                let children = (families[parent] ?? []).sorted()
                let coaches = children.map { coachOf[$0] ?? school.students[$0].coaches[0] }
                for _ in 0..<policy.triadsPerCycle {
                    if placeTogether(children, coaches, parent) { continue }
                    for (child, coach) in zip(children, coaches) where !place(child, coach, parent) {
                        unplanned.append(
                            Unplanned(
                                student: school.students[child].id, week: 0, isTriad: true,
                                reason: "no period of the cycle in which the student, coach \(coach) and parent \(parent) are all free"))
                    }
                }
            }
        }

        private func fits(_ child: Int, _ coach: Teacher.ID, _ parent: Parent.ID, _ week: Int, _ slot: TimeSlot) -> Bool {
            let parentFree = (available[parent] ?? []).isEmpty || (available[parent]?.contains(slot) ?? false)
            return parentFree && !(parentUsed[parent]?[week].contains(slot) ?? false) && !busy.student[week][child].contains(slot)
                && !(studentUsed[child]?[week].contains(slot) ?? false) && !busy.teacher(coach, week).contains(slot)
                && !(used[coach]?[week].contains(slot) ?? false)
        }

        /// The children in consecutive periods of one day, in the week their coaches are quietest.
        private mutating func placeTogether(_ children: [Int], _ coaches: [Teacher.ID], _ parent: Parent.ID) -> Bool {
            let slotSet = Set(slots)
            let byLoad = (0..<weeks).sorted { week, other in
                let a = coaches.reduce(0) { $0 + (load[$1]?[week] ?? 0) }, b = coaches.reduce(0) { $0 + (load[$1]?[other] ?? 0) }
                return (a, week) < (b, other)
            }
            for week in byLoad {
                for start in slots {
                    let run = children.indices.map { TimeSlot(day: start.day, period: start.period + $0) }
                    guard run.allSatisfy(slotSet.contains) else { continue }
                    guard zip(children, zip(coaches, run)).allSatisfy({ fits($0, $1.0, parent, week, $1.1) }) else { continue }
                    // Two children with the same coach cannot share a period, and run's periods differ, so this holds.
                    for (child, (coach, slot)) in zip(children, zip(coaches, run)) { book(child, coach, parent, week, slot) }
                    return true
                }
            }
            return false
        }

        private mutating func place(_ child: Int, _ coach: Teacher.ID, _ parent: Parent.ID) -> Bool {
            let byLoad = (0..<weeks).sorted { (load[coach]?[$0] ?? 0, $0) < (load[coach]?[$1] ?? 0, $1) }
            for week in byLoad {
                if let slot = slots.first(where: { fits(child, coach, parent, week, $0) }) {
                    book(child, coach, parent, week, slot)
                    return true
                }
            }
            return false
        }

        private mutating func book(_ child: Int, _ coach: Teacher.ID, _ parent: Parent.ID, _ week: Int, _ slot: TimeSlot) {
            if used[coach] == nil {
                used[coach] = Array(repeating: [], count: weeks)
                load[coach] = Array(repeating: 0, count: weeks)
            }
            used[coach]?[week].insert(slot)
            load[coach]?[week] += 1
            parentUsed[parent, default: Array(repeating: [], count: weeks)][week].insert(slot)
            studentUsed[child, default: Array(repeating: [], count: weeks)][week].insert(slot)
            meetings.append(CoachMeeting(student: school.students[child].id, coach: coach, week: week, slot: slot, parent: parent))
        }
    }
}
