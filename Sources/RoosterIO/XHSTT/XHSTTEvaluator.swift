import Foundation

/// The cost of an XHSTT solution as the XHSTT format defines it: for each point of application of
/// each constraint a deviation, turned into a cost by the constraint's weight and cost function;
/// required constraints add to the hard cost (infeasibility), the others to the soft cost
/// (objective). Independent of Rooster's own rules, so that Rooster's timetables and the
/// archive's published solutions are scored by the same referee.
public struct XHSTTEvaluator: Sendable {
    public struct Cost: Sendable, Equatable, CustomStringConvertible {
        public var hard: Int
        public var soft: Int
        public var description: String { "(\(hard), \(soft))" }
    }

    /// The cost of one constraint.
    public struct Entry: Sendable {
        public var constraint: XHSTTConstraint
        public var cost: Int
    }

    public var instance: XHSTTInstance

    public init(instance: XHSTTInstance) {
        self.instance = instance
    }

    public func cost(of solution: XHSTTSolution) -> Cost {
        Self.total(evaluate(solution))
    }

    /// The hard and soft cost of constraint costs.
    public static func total(_ entries: [Entry]) -> Cost {
        Cost(
            hard: entries.filter(\.constraint.required).reduce(0) { $0 + $1.cost },
            soft: entries.filter { !$0.constraint.required }.reduce(0) { $0 + $1.cost })
    }

    /// Every constraint's cost, in the instance's order.
    public func evaluate(_ solution: XHSTTSolution) -> [Entry] {
        let state = State(instance: instance, solution: solution)
        return instance.constraints.map { Entry(constraint: $0, cost: state.cost(of: $0)) }
    }

    /// A solution laid out for counting: the sub-events of each event (an event the solution
    /// leaves out is one unassigned sub-event), and how many events each resource attends at each time.
    struct State {
        let instance: XHSTTInstance
        var parts: [[XHSTTSolution.SubEvent]]
        var busy: [[Int]]

        init(instance: XHSTTInstance, solution: XHSTTSolution) {
            self.instance = instance
            parts = Array(repeating: [], count: instance.events.count)
            for part in solution.events { parts[part.event].append(part) }
            for (index, event) in instance.events.enumerated() where parts[index].isEmpty {
                parts[index] = [.init(event: index, duration: event.duration, time: event.time, resources: [:])]
            }
            busy = Array(repeating: Array(repeating: 0, count: instance.times.count), count: instance.resources.count)
            for (index, event) in instance.events.enumerated() {
                for part in parts[index] {
                    guard let start = part.time else { continue }
                    for need in event.resources {
                        guard let resource = need.resource ?? need.role.flatMap({ part.resources[$0] }) else { continue }
                        for time in start..<min(start + part.duration, instance.times.count) { busy[resource][time] += 1 }
                    }
                }
            }
        }

        /// The times a sub-event occupies.
        func occupied(_ part: XHSTTSolution.SubEvent) -> Range<Int> {
            guard let start = part.time else { return 0..<0 }
            return start..<min(start + part.duration, instance.times.count)
        }

        func cost(of constraint: XHSTTConstraint) -> Int {
            let cost = { (deviation: Int) in constraint.costFunction.cost(weight: constraint.weight, deviation: deviation) }
            switch constraint.kind {
            case .assignTime:
                return constraint.events.reduce(0) { total, event in
                    total + cost(parts[event].filter { $0.time == nil }.reduce(0) { $0 + $1.duration })
                }
            case .assignResource(let role):
                return constraint.events.reduce(0) { total, event in
                    let needs = instance.events[event].resources.contains { $0.role == role && $0.resource == nil }
                    return total + (needs ? cost(parts[event].filter { $0.resources[role] == nil }.reduce(0) { $0 + $1.duration }) : 0)
                }
            case .splitEvents(let duration, let amount):
                return constraint.events.reduce(0) { total, event in
                    let badDurations = parts[event].filter { duration.deviation($0.duration) > 0 }.count
                    return total + cost(badDurations + amount.deviation(parts[event].count))
                }
            case .preferResources(let role, let allowed):
                return constraint.events.reduce(0) { total, event in
                    total
                        + cost(
                            parts[event].filter { part in part.resources[role].map { !allowed.contains($0) } ?? false }.reduce(0) {
                                $0 + $1.duration
                            })
                }
            case .preferTimes(let allowed, let duration):
                return constraint.events.reduce(0) { total, event in
                    let wrong = parts[event].filter { part in
                        guard let time = part.time, duration == nil || duration == part.duration else { return false }
                        return !allowed.contains(time)
                    }
                    return total + cost(wrong.reduce(0) { $0 + $1.duration })
                }
            case .spreadEvents(let limits):
                return constraint.eventGroups.reduce(0) { total, group in
                    let starts = group.flatMap { parts[$0].compactMap(\.time) }
                    let deviation = limits.reduce(0) { sum, limit in
                        sum + limit.limits.deviation(starts.filter(limit.times.contains).count)
                    }
                    return total + cost(deviation)
                }
            case .linkEvents:
                return constraint.eventGroups.reduce(0) { total, group in
                    let timeSets = group.map { event in Set(parts[event].flatMap(occupied)) }
                    guard let first = timeSets.first else { return total }
                    let union = timeSets.reduce(first) { $0.union($1) }
                    let common = timeSets.reduce(first) { $0.intersection($1) }
                    return total + cost(union.count - common.count)
                }
            case .avoidClashes:
                return constraint.resources.reduce(0) { total, resource in
                    total + cost(busy[resource].reduce(0) { $0 + max($1 - 1, 0) })
                }
            case .avoidUnavailableTimes(let times):
                return constraint.resources.reduce(0) { total, resource in
                    total + cost(times.filter { busy[resource][$0] > 0 }.count)
                }
            case .limitIdleTimes(let groups, let limits):
                return constraint.resources.reduce(0) { total, resource in
                    total + cost(limits.deviation(groups.reduce(0) { $0 + idleTimes(of: resource, in: $1) }))
                }
            case .clusterBusyTimes(let groups, let limits):
                return constraint.resources.reduce(0) { total, resource in
                    total + cost(limits.deviation(groups.filter { $0.contains { busy[resource][$0] > 0 } }.count))
                }
            case .limitBusyTimes(let groups, let limits):
                return constraint.resources.reduce(0) { total, resource in
                    let deviation = groups.reduce(0) { sum, group in
                        let count = group.filter { busy[resource][$0] > 0 }.count
                        return sum + (count > 0 ? limits.deviation(count) : 0)
                    }
                    return total + cost(deviation)
                }
            }
        }

        /// Free times of a time group that lie between two busy times of the same group.
        func idleTimes(of resource: Int, in group: [Int]) -> Int {
            let ordered = group.sorted()
            guard let first = ordered.firstIndex(where: { busy[resource][$0] > 0 }),
                let last = ordered.lastIndex(where: { busy[resource][$0] > 0 })
            else { return 0 }
            return ordered[first...last].filter { busy[resource][$0] == 0 }.count
        }
    }
}
