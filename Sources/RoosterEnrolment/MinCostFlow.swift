/// A minimum-cost flow with integral supplies, capacities and costs (costs may be negative as long
/// as no cycle is), solved by successive shortest paths in the primal–dual form: Dijkstra on
/// reduced costs for the potentials, then a blocking flow (Dinic) on the arcs whose reduced cost
/// is zero. Each phase routes every shortest path of one length at once, so the number of phases
/// is the number of distinct path costs, not the amount of flow (Ahuja, Magnanti and Orlin,
/// *Network Flows*, 1993, §9.8).
///
/// Pure Swift, so that the enrolment has an exact method without GLPK.
package struct MinCostFlow: Sendable {
    private var supply: [Int] = []
    private var tail: [Int] = []
    private var head: [Int] = []
    private var capacity: [Int] = []
    private var cost: [Int] = []

    package init() {}

    package var nodeCount: Int { supply.count }
    package var arcCount: Int { tail.count }

    /// Adds a node with a supply (positive) or demand (negative) and returns its index.
    package mutating func addNode(supply: Int = 0) -> Int {
        self.supply.append(supply)
        return self.supply.count - 1
    }

    package mutating func addSupply(_ amount: Int, to node: Int) { supply[node] += amount }

    /// Adds an arc and returns its index.
    @discardableResult
    package mutating func addArc(from: Int, to: Int, capacity: Int, cost: Int) -> Int {
        tail.append(from)
        head.append(to)
        self.capacity.append(max(capacity, 0))
        self.cost.append(cost)
        return tail.count - 1
    }

    /// The flow on each arc of a minimum-cost flow that meets every supply and demand, or nil when
    /// none exists (supplies that do not sum to zero, or not enough capacity).
    package func solve() -> [Int]? {
        guard supply.reduce(0, +) == 0 else { return nil }
        var residual = Residual(self)
        guard residual.initialPotentials() else { return nil }
        while residual.routed < residual.required {
            guard residual.shortestPaths() else { return nil }
            residual.blockingFlow()
        }
        return (0..<arcCount).map { capacity[$0] - residual.capacity[2 * $0] }
    }

    /// The residual network: arc 2i is arc i forward, 2i + 1 its reverse; a super source and sink
    /// carry the supplies.
    private struct Residual {
        var head: [Int] = []
        var capacity: [Int] = []
        var cost: [Int] = []
        var first: [Int]
        var order: [Int]
        var potential: [Int]
        let source: Int, sink: Int
        var required = 0
        var routed = 0
        private var level: [Int] = []
        private var next: [Int] = []

        init(_ network: MinCostFlow) {
            let nodes = network.nodeCount + 2
            source = network.nodeCount
            sink = network.nodeCount + 1
            var tails: [Int] = [], heads: [Int] = [], capacities: [Int] = [], costs: [Int] = []
            var required = 0
            func add(_ from: Int, _ to: Int, _ capacity: Int, _ cost: Int) {
                tails += [from, to]
                heads += [to, from]
                capacities += [capacity, 0]
                costs += [cost, -cost]
            }
            for arc in 0..<network.arcCount { add(network.tail[arc], network.head[arc], network.capacity[arc], network.cost[arc]) }
            for (node, amount) in network.supply.enumerated() where amount != 0 {
                if amount > 0 {
                    add(nodes - 2, node, amount, 0)
                    required += amount
                } else {
                    add(node, nodes - 1, -amount, 0)
                }
            }
            head = heads
            capacity = capacities
            cost = costs
            self.required = required
            // Arcs grouped by their tail (counting sort), for scanning a node's arcs.
            var count = [Int](repeating: 0, count: nodes + 1)
            for tail in tails { count[tail + 1] += 1 }
            for node in 0..<nodes { count[node + 1] += count[node] }
            first = count
            var order = [Int](repeating: 0, count: tails.count)
            var fill = count
            for (arc, tail) in tails.enumerated() {
                order[fill[tail]] = arc
                fill[tail] += 1
            }
            self.order = order
            potential = [Int](repeating: 0, count: nodes)
        }

        /// Shortest distances from the source with the arcs' own costs (Bellman–Ford, queue based),
        /// so that reduced costs start non-negative. False on a negative cycle.
        mutating func initialPotentials() -> Bool {
            let nodes = potential.count
            var distance = [Int](repeating: .max, count: nodes)
            var queued = [Bool](repeating: false, count: nodes)
            var passes = [Int](repeating: 0, count: nodes)
            var queue = [source]
            var position = 0
            distance[source] = 0
            while position < queue.count {
                let node = queue[position]
                position += 1
                queued[node] = false
                for index in first[node]..<first[node + 1] {
                    let arc = order[index]
                    guard capacity[arc] > 0, distance[node] + cost[arc] < distance[head[arc]] else { continue }
                    let target = head[arc]
                    distance[target] = distance[node] + cost[arc]
                    if !queued[target] {
                        passes[target] += 1
                        if passes[target] > nodes { return false }
                        queued[target] = true
                        queue.append(target)
                    }
                }
            }
            let reach = distance.filter { $0 != .max }.max() ?? 0
            potential = distance.map { $0 == .max ? reach : $0 }
            return true
        }

        /// Dijkstra on reduced costs; moves the potentials so that shortest paths have reduced cost
        /// zero. False when the sink cannot be reached.
        mutating func shortestPaths() -> Bool {
            let nodes = potential.count
            var distance = [Int](repeating: .max, count: nodes)
            var done = [Bool](repeating: false, count: nodes)
            var heap = MinHeap()
            distance[source] = 0
            heap.push(0, source)
            while let (d, node) = heap.pop() {
                guard !done[node], d == distance[node] else { continue }
                done[node] = true
                for index in first[node]..<first[node + 1] {
                    let arc = order[index]
                    guard capacity[arc] > 0 else { continue }
                    let target = head[arc]
                    let reduced = cost[arc] + potential[node] - potential[target]
                    let candidate = d + reduced
                    if candidate < distance[target] {
                        distance[target] = candidate
                        heap.push(candidate, target)
                    }
                }
            }
            guard distance[sink] != .max else { return false }
            let cap = distance[sink]
            for node in 0..<nodes { potential[node] += min(distance[node], cap) }
            return true
        }

        /// Routes as much flow as possible along arcs of reduced cost zero (Dinic's algorithm).
        mutating func blockingFlow() {
            while buildLevels() {
                next = (0..<potential.count).map { first[$0] }
                while routed < required {
                    let pushed = push(from: source, limit: required - routed)
                    if pushed == 0 { break }
                    routed += pushed
                }
            }
        }

        private func admissible(_ arc: Int, from node: Int) -> Bool {
            capacity[arc] > 0 && cost[arc] + potential[node] - potential[head[arc]] == 0
        }

        /// Breadth-first levels over admissible arcs; false when the sink is not reached.
        private mutating func buildLevels() -> Bool {
            level = [Int](repeating: -1, count: potential.count)
            level[source] = 0
            var queue = [source]
            var position = 0
            while position < queue.count {
                let node = queue[position]
                position += 1
                for index in first[node]..<first[node + 1] {
                    let arc = order[index]
                    guard admissible(arc, from: node), level[head[arc]] < 0 else { continue }
                    level[head[arc]] = level[node] + 1
                    queue.append(head[arc])
                }
            }
            return level[sink] >= 0
        }

        private mutating func push(from node: Int, limit: Int) -> Int {
            if node == sink { return limit }
            while next[node] < first[node + 1] {
                let arc = order[next[node]]
                let target = head[arc]
                if admissible(arc, from: node), level[target] == level[node] + 1 {
                    let pushed = push(from: target, limit: min(limit, capacity[arc]))
                    if pushed > 0 {
                        capacity[arc] -= pushed
                        capacity[arc ^ 1] += pushed
                        return pushed
                    }
                }
                next[node] += 1
            }
            return 0
        }
    }
}

/// A binary min-heap of (key, node) pairs for Dijkstra.
private struct MinHeap {
    private var keys: [Int] = []
    private var nodes: [Int] = []

    mutating func push(_ key: Int, _ node: Int) {
        keys.append(key)
        nodes.append(node)
        var child = keys.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard keys[child] < keys[parent] else { break }
            keys.swapAt(child, parent)
            nodes.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (Int, Int)? {
        guard let top = keys.first, let node = nodes.first else { return nil }
        keys.swapAt(0, keys.count - 1)
        nodes.swapAt(0, nodes.count - 1)
        keys.removeLast()
        nodes.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < keys.count, keys[left] < keys[smallest] { smallest = left }
            if right < keys.count, keys[right] < keys[smallest] { smallest = right }
            guard smallest != parent else { break }
            keys.swapAt(parent, smallest)
            nodes.swapAt(parent, smallest)
            parent = smallest
        }
        return (top, node)
    }
}
