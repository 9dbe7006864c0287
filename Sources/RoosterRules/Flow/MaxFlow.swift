/// Maximum flow on a small network (Dinic's algorithm: breadth-first levels, then blocking flows by
/// depth-first search), with integer capacities.
///
/// Used by rules whose condition is a flow: whether a base timetable leaves enough choice seats for
/// every student's week is a transportation problem between students and sessions.
///
/// - Complexity: O(V² E) in the worst case; the networks here have a few hundred nodes.
struct MaxFlow {
    private var head: [Int]
    private var next: [Int] = []
    private var target: [Int] = []
    private var capacity: [Int] = []

    init(nodes: Int) {
        head = Array(repeating: -1, count: nodes)
    }

    /// Adds an arc `from → to` with a capacity (and its residual twin).
    mutating func addArc(_ from: Int, _ to: Int, capacity: Int) {
        guard capacity > 0 else { return }
        for (tail, headNode, amount) in [(from, to, capacity), (to, from, 0)] {
            target.append(headNode)
            self.capacity.append(amount)
            next.append(head[tail])
            head[tail] = target.count - 1
        }
    }

    /// The value of a maximum flow from `source` to `sink`.
    mutating func maximum(from source: Int, to sink: Int) -> Int {
        var total = 0
        var level = [Int](repeating: -1, count: head.count)
        var cursor = head
        while true {
            for i in level.indices { level[i] = -1 }
            level[source] = 0
            var queue = [source]
            var position = 0
            while position < queue.count {
                let node = queue[position]
                position += 1
                var arc = head[node]
                while arc >= 0 {
                    if capacity[arc] > 0, level[target[arc]] < 0 {
                        level[target[arc]] = level[node] + 1
                        queue.append(target[arc])
                    }
                    arc = next[arc]
                }
            }
            guard level[sink] >= 0 else { return total }
            cursor = head
            while case let pushed = push(source, sink, .max, &level, &cursor), pushed > 0 { total += pushed }
        }
    }

    private mutating func push(_ node: Int, _ sink: Int, _ limit: Int, _ level: inout [Int], _ cursor: inout [Int]) -> Int {
        if node == sink { return limit }
        while cursor[node] >= 0 {
            let arc = cursor[node]
            let to = target[arc]
            if capacity[arc] > 0, level[to] == level[node] + 1 {
                let pushed = push(to, sink, min(limit, capacity[arc]), &level, &cursor)
                if pushed > 0 {
                    capacity[arc] -= pushed
                    capacity[arc ^ 1] += pushed
                    return pushed
                }
            }
            cursor[node] = next[arc]
        }
        return 0
    }
}
