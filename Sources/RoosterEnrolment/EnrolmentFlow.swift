import RoosterModel

/// The enrolment as a minimum-cost flow: source → (student, demand) → (student, period) → session
/// → sink, with unrequested sessions reached through a pool per period and openness (as in the
/// exact program of `RoosterGLPK`), and a bypass from source to sink at the price of a missing lesson.
///
/// The flow drops two rules of the full program: "each requested lesson once" and minimum sizes.
/// It is a relaxation, so a flow that happens to keep both is an optimal enrolment.
/// Only a student whose choice sessions never partly overlap (each period holds whole sessions)
/// fits a network; otherwise ``init(problem:cancelled:)`` returns nil.
struct EnrolmentFlow {
    let problem: EnrolmentProblem
    let cancelled: Set<Int>
    private var network = MinCostFlow()
    /// Per student: item → arc "the student takes this item".
    private var direct: [[Int: Int]] = []
    /// Per student: pool → arc "an unrequested session of this pool".
    private var pooled: [[Int: Int]] = []
    /// Pools: their items and the arc from the pool to each item.
    private var pools: [(items: [Int], arcs: [Int])] = []

    init?(problem: EnrolmentProblem, cancelled: Set<Int> = []) {
        self.problem = problem
        self.cancelled = cancelled
        let weights = problem.weights
        let source = network.addNode(), sink = network.addNode()
        var itemNode: [Int: Int] = [:]
        var poolIndex: [String: (node: Int, pool: Int)] = [:]
        var total = 0
        func node(of item: Int, in network: inout MinCostFlow) -> Int {
            if let known = itemNode[item] { return known }
            let created = network.addNode()
            network.addArc(from: created, to: sink, capacity: cancelled.contains(item) ? 0 : problem.items[item].seats, cost: 0)
            itemNode[item] = created
            return created
        }
        for (s, need) in problem.needs.enumerated() {
            var direct: [Int: Int] = [:]
            var pooled: [Int: Int] = [:]
            let signature = Set(problem.school.students[s].groups).sorted().map(\.rawValue).joined(separator: ",")
            let unrequested = (need.ranks.values.max() ?? 0) + 1
            for part in need.parts {
                total += part.count
                let student = network.addNode()
                network.addArc(from: source, to: student, capacity: part.count, cost: 0)
                let isChoice = problem.demands[part.demand].kind == .choice
                // Choice sessions are grouped by the periods they take; groups must not partly overlap.
                var groups: [[TimeSlot]: [Int]] = [:]
                for item in part.options { groups[isChoice ? problem.items[item].slots : [], default: []].append(item) }
                if isChoice {
                    var seen = Set<TimeSlot>()
                    for key in groups.keys { for slot in Set(key) where !seen.insert(slot).inserted { return nil } }
                }
                for (key, items) in groups.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
                    let period = isChoice ? network.addNode() : student
                    if isChoice { network.addArc(from: student, to: period, capacity: 1, cost: 0) }
                    for item in items {
                        let lesson = problem.items[item].lesson
                        let requested = need.ranks[lesson] != nil || need.previous.contains(item)
                        guard requested || !isChoice else { continue }
                        var cost = need.cost[item] ?? 0
                        if need.previous.contains(item) { cost -= weights.lostPlacement }
                        if need.required.contains(lesson) { cost -= weights.missedRequirement }
                        direct[item] = network.addArc(from: period, to: node(of: item, in: &network), capacity: 1, cost: cost)
                    }
                    guard isChoice else { continue }
                    let poolKey = "\(key.map { "\($0.day).\($0.period)" }.joined(separator: "+"))|\(signature)"
                    let entry: (node: Int, pool: Int)
                    if let known = poolIndex[poolKey] {
                        entry = known
                    } else {
                        entry = (network.addNode(), pools.count)
                        poolIndex[poolKey] = entry
                        pools.append(([], []))
                    }
                    for item in items where !pools[entry.pool].items.contains(item) {
                        pools[entry.pool].items.append(item)
                        pools[entry.pool].arcs.append(
                            network.addArc(from: entry.node, to: node(of: item, in: &network), capacity: problem.items[item].seats, cost: 0)
                        )
                    }
                    pooled[entry.pool] = network.addArc(from: period, to: entry.node, capacity: 1, cost: unrequested)
                }
            }
            self.direct.append(direct)
            self.pooled.append(pooled)
        }
        network.addSupply(total, to: source)
        network.addSupply(-total, to: sink)
        network.addArc(from: source, to: sink, capacity: total, cost: weights.missingLesson)
    }

    /// The optimal flow as an assignment (pooled students dealt to their pool's sessions, avoiding
    /// a lesson they already have), or nil when no flow exists.
    func solve() -> EnrolmentAssignment? {
        guard let flow = network.solve() else { return nil }
        var items = direct.map { $0.filter { flow[$0.value] > 0 }.map(\.key).sorted() }
        for (pool, entry) in pools.enumerated() {
            var remaining = entry.arcs.map { flow[$0] }
            for s in pooled.indices {
                guard let arc = pooled[s][pool], flow[arc] > 0 else { continue }
                let lessons = Set(items[s].map { problem.items[$0].lesson })
                let choices = entry.items.indices.filter { remaining[$0] > 0 }
                guard let pick = choices.first(where: { !lessons.contains(problem.items[entry.items[$0]].lesson) }) ?? choices.first else {
                    continue
                }
                remaining[pick] -= 1
                items[s].append(entry.items[pick])
            }
        }
        return EnrolmentAssignment(items: items.map { $0.sorted() }, cancelled: cancelled)
    }

    /// Items below their minimum size (but not empty) in an assignment.
    static func undersized(_ assignment: EnrolmentAssignment, in problem: EnrolmentProblem) -> [Int] {
        var count = [Int](repeating: 0, count: problem.items.count)
        for taken in assignment.items { for item in taken { count[item] += 1 } }
        return problem.items.indices.filter { count[$0] > 0 && count[$0] < problem.items[$0].minimumSize }
    }

    /// Whether a student has two sessions of a choice lesson they requested (a request is met once).
    static func repeatsARequest(_ assignment: EnrolmentAssignment, in problem: EnrolmentProblem) -> Bool {
        zip(assignment.items, problem.needs).contains { taken, need in
            let lessons = taken.filter { problem.demands[problem.items[$0].demand].kind == .choice }.map { problem.items[$0].lesson }
                .filter { need.ranks[$0] != nil }
            return Set(lessons).count < lessons.count
        }
    }
}
