import RoosterEnrolment
import RoosterModel
import RoosterSolving

/// The weekly enrolment, exactly: the minimum-cost flow first (``RoosterEnrolment/FlowEnrolment``,
/// proven optimal whenever its optimum keeps the minimum sizes), and the full program
/// (``EnrolmentProgram``, solved by a ``MIPBackend``) only when the flow cannot prove its answer and the program is small.
///
/// ```swift
/// let problem = EnrolmentProblem(school: school, timetable: base)
/// let plan = ExactEnrolment(backend: GLPKBackend()).enrol(problem)
/// print(plan.method, plan.statistics.firstChoiceShare, plan.unmet.count)
/// ```
public struct ExactEnrolment: Sendable {
    public var backend: any MIPBackend
    public var timeLimit: Duration
    public var seed: UInt64
    /// Receives the backend's log lines.
    public var log: (@Sendable (String) -> Void)?

    public init(
        backend: any MIPBackend, timeLimit: Duration = .seconds(30), seed: UInt64 = 1, log: (@Sendable (String) -> Void)? = nil
    ) {
        self.backend = backend
        self.timeLimit = timeLimit
        self.seed = seed
        self.log = log
    }

    /// The best enrolment found within the time limit: the flow enrolment (``FlowEnrolment``,
    /// proven optimal in the usual case), and when it is not proven, the full program from there
    /// for programs small enough to finish (with the flow's optimum as lower bound throughout).
    public func enrol(_ problem: EnrolmentProblem, previous: [Enrolment] = []) -> EnrolmentPlan {
        let deadline = Deadline(after: timeLimit)
        let flow = FlowEnrolment(seed: seed).enrol(problem, previous: previous, deadline: deadline)
        if flow.method == .exact(optimal: true) { return flow }
        let program = EnrolmentProgram(problem: problem)
        guard program.model.columns.count <= Self.largestProgram || flow.bound == nil, !deadline.hasPassed else { return flow }
        var runner = MIPRunner(backend, settings: MIPSettings(deadline: deadline))
        runner.log = log
        runner.primalSimplex = true
        runner.start = program.values(of: flow.assignment)
        guard let solution = try? runner.solve(program.model), let values = solution.values,
            solution.status == .optimal || solution.status == .feasible
        else { return flow }
        let exact = program.assignment(from: values)
        guard problem.objective(of: exact) <= problem.objective(of: flow.assignment) else { return flow }
        var plan = EnrolmentPlan(
            problem: problem, assignment: exact, method: .exact(optimal: solution.status == .optimal), previous: previous)
        plan.bound = solution.status == .optimal ? problem.objective(of: exact) : flow.bound
        return plan
    }

    /// Columns above which the full program is not tried after the flow (its LP alone takes longer
    /// than a weekly enrolment should: about 45 s for 2,400 students).
    static let largestProgram = 30_000
}

/// The mixed-integer program of an ``EnrolmentProblem`` and the way back to an assignment.
///
/// A binary per student and requested session (or cluster lesson, or session held before); per
/// student and choice period a binary "an unrequested session then", whose students a pool per
/// period and openness distributes over that period's sessions (the unrequested cost is the same
/// for every session, so pooling loses nothing and keeps the program at about 20 columns per
/// student); a binary per session with a minimum size, open or cancelled. Rows: each student's
/// count per week (and one per cluster session), one session per period, each requested lesson
/// once, seats, minimum sizes, and coach-required lessons. Without minimum sizes and "once" it is
/// the network flow of ``RoosterEnrolment/EnrolmentFlow``.
struct EnrolmentProgram {
    let problem: EnrolmentProblem
    private(set) var model = MIPModel()
    /// Per student: item → column of "the student takes this item".
    private var direct: [[Int: Int]] = []
    /// Per student: pool → column of "the student takes an unrequested session of this pool".
    private var pooled: [[Int: Int]] = []
    /// Per student: demand → column of the shortfall.
    private var short: [[Int: Int]] = []
    /// Per student: required lesson → column of "not placed".
    private var missed: [[Lesson.ID: Int]] = []
    /// Pools: the sessions at one time open to one set of groups, and the column per session.
    private var pools: [(items: [Int], columns: [Int])] = []
    private var open: [Int: Int] = [:]

    init(problem: EnrolmentProblem) {
        self.problem = problem
        let weights = problem.weights
        let isChoice = problem.demands.map { $0.kind == .choice }
        var poolIndex: [String: Int] = [:]
        var poolStudents: [[Int]] = []
        var rowsOfSlot: [Int: [TimeSlot: [(Int, Double)]]] = [:]

        // Open/cancelled binaries for sessions with a minimum size.
        for (item, target) in problem.items.enumerated() where target.minimumSize > 1 {
            open[item] = model.addColumn("open_i\(item)", .binary)
        }
        var seatTerms = Array(repeating: [(Int, Double)](), count: problem.items.count)
        var lessonTerms: [Int: [Lesson.ID: [(Int, Double)]]] = [:]

        for (s, need) in problem.needs.enumerated() {
            var direct: [Int: Int] = [:]
            var pooled: [Int: Int] = [:]
            var short: [Int: Int] = [:]
            let signature = Set(problem.school.students[s].groups).sorted().map(\.rawValue).joined(separator: ",")
            for part in need.parts {
                var terms: [(Int, Double)] = []
                for item in part.options {
                    let target = problem.items[item]
                    let requested = need.ranks[target.lesson] != nil || need.previous.contains(item)
                    if requested || !isChoice[part.demand] {
                        let lost = need.previous.contains(item) ? Double(weights.lostPlacement) : 0
                        let column = model.addColumn("x_s\(s)_i\(item)", .binary, cost: Double(need.cost[item] ?? 0) - lost)
                        model.objectiveConstant += lost
                        direct[item] = column
                        terms.append((column, 1))
                        seatTerms[item].append((column, 1))
                        if isChoice[part.demand] {
                            for slot in target.slots { rowsOfSlot[s, default: [:]][slot, default: []].append((column, 1)) }
                            lessonTerms[s, default: [:]][target.lesson, default: []].append((column, 1))
                        }
                    }
                    if isChoice[part.demand] {
                        let key = "\(target.slots.map { "\($0.day).\($0.period)" }.joined(separator: "+"))|\(signature)"
                        let pool: Int
                        if let known = poolIndex[key] {
                            pool = known
                        } else {
                            pool = pools.count
                            poolIndex[key] = pool
                            pools.append(([], []))
                            poolStudents.append([])
                        }
                        if !pools[pool].items.contains(item) { pools[pool].items.append(item) }
                        if pooled[pool] == nil {
                            let unrequested = (need.ranks.values.max() ?? 0) + 1
                            let column = model.addColumn("z_s\(s)_p\(pool)", .binary, cost: Double(unrequested))
                            pooled[pool] = column
                            poolStudents[pool].append(column)
                            terms.append((column, 1))
                            for slot in target.slots { rowsOfSlot[s, default: [:]][slot, default: []].append((column, 1)) }
                        }
                    }
                }
                let gap = model.addColumn(
                    "short_s\(s)_d\(part.demand)", .integer, upper: Double(part.count), cost: Double(weights.missingLesson))
                short[part.demand] = gap
                model.addRow("count_s\(s)_d\(part.demand)", terms + [(gap, 1)], lower: Double(part.count), upper: Double(part.count))
            }
            var missed: [Lesson.ID: Int] = [:]
            for lesson in need.required {
                let terms = direct.filter { problem.items[$0.key].lesson == lesson }.map { ($0.value, 1.0) }
                let column = model.addColumn("miss_s\(s)_\(lesson)", .binary, cost: Double(weights.missedRequirement))
                missed[lesson] = column
                model.addRow("required_s\(s)_\(lesson)", terms + [(column, 1)], lower: 1)
            }
            for (slot, terms) in (rowsOfSlot[s] ?? [:]).sorted(by: { $0.key < $1.key }) where terms.count > 1 {
                model.addRow("slot_s\(s)_\(slot.day).\(slot.period)", terms, upper: 1)
            }
            for (lesson, terms) in (lessonTerms[s] ?? [:]).sorted(by: { $0.key < $1.key }) where terms.count > 1 {
                model.addRow("once_s\(s)_\(lesson)", terms, upper: 1)
            }
            self.direct.append(direct)
            self.pooled.append(pooled)
            self.short.append(short)
            self.missed.append(missed)
        }
        // Each pool hands its students to its sessions.
        for (pool, students) in poolStudents.enumerated() {
            var distribution: [(Int, Double)] = students.map { ($0, 1) }
            for item in pools[pool].items {
                let column = model.addColumn("w_p\(pool)_i\(item)", .integer, upper: Double(problem.items[item].seats))
                pools[pool].columns.append(column)
                distribution.append((column, -1))
                seatTerms[item].append((column, 1))
            }
            model.addRow("pool_p\(pool)", distribution, lower: 0, upper: 0)
        }
        for (item, target) in problem.items.enumerated() where !seatTerms[item].isEmpty {
            if let open = open[item] {
                model.addRow("seats_i\(item)", seatTerms[item] + [(open, -Double(target.seats))], upper: 0)
                model.addRow("minimum_i\(item)", seatTerms[item] + [(open, -Double(target.minimumSize))], lower: 0)
            } else {
                model.addRow("seats_i\(item)", seatTerms[item], upper: Double(target.seats))
            }
        }
    }

    /// Column values of an assignment, for the backend's warm start.
    func values(of assignment: EnrolmentAssignment) -> [Double] {
        var values = [Double](repeating: 0, count: model.columns.count)
        var poolOf: [Int: [Int]] = [:]
        for (pool, entry) in pools.enumerated() { for item in entry.items { poolOf[item, default: []].append(pool) } }
        var count = [Int](repeating: 0, count: problem.items.count)
        for (s, taken) in assignment.items.enumerated() {
            for item in taken {
                count[item] += 1
                if let column = direct[s][item] {
                    values[column] = 1
                } else if let pool = poolOf[item]?.first(where: { pooled[s][$0] != nil }), let column = pooled[s][pool] {
                    values[column] = 1
                    if let position = pools[pool].items.firstIndex(of: item) { values[pools[pool].columns[position]] += 1 }
                }
            }
            for part in problem.needs[s].parts {
                if let column = short[s][part.demand] {
                    values[column] = Double(max(part.count - taken.filter { problem.items[$0].demand == part.demand }.count, 0))
                }
            }
            for (lesson, column) in missed[s] where !taken.contains(where: { problem.items[$0].lesson == lesson }) {
                values[column] = 1
            }
        }
        for (item, column) in open { values[column] = count[item] > 0 ? 1 : 0 }
        return values
    }

    /// The assignment in a solution's values: direct columns as they are, pooled students dealt to their
    /// pool's sessions (avoiding a lesson the student already has).
    func assignment(from values: [Double]) -> EnrolmentAssignment {
        var items = direct.map { $0.filter { values[$0.value] > 0.5 }.map(\.key).sorted() }
        for (pool, entry) in pools.enumerated() {
            var remaining = entry.columns.map { Int(values[$0].rounded()) }
            for s in pooled.indices {
                guard let column = pooled[s][pool], values[column] > 0.5 else { continue }
                let lessons = Set(items[s].map { problem.items[$0].lesson })
                let choices = entry.items.indices.filter { remaining[$0] > 0 }
                guard let pick = choices.first(where: { !lessons.contains(problem.items[entry.items[$0]].lesson) }) ?? choices.first
                else { continue }
                remaining[pick] -= 1
                items[s].append(entry.items[pick])
            }
        }
        let cancelled = Set(open.filter { values[$0.value] < 0.5 }.map(\.key)).filter { item in
            !items.contains { $0.contains(item) }
        }
        return EnrolmentAssignment(items: items.map { $0.sorted() }, cancelled: cancelled)
    }
}
