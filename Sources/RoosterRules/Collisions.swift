import RoosterModel

/// Where a timetable that still breaks hard rules is stuck, resource by resource: the teachers,
/// groups and rooms most often involved, the rules they break, and for teachers and groups their
/// load against the periods they have — the words a roostermaker needs to decide what to relax.
public struct Collision: Hashable, Sendable, CustomStringConvertible {
    /// `teacher:ID`, `group:ID` or `room:ID`.
    public var resource: String
    /// Hard violations that involve the resource.
    public var violations: Int
    /// Those violations by rule.
    public var rules: [RuleID: Int]
    /// Lesson periods a week, and the periods available for them (teachers and groups).
    public var load: Int?
    public var available: Int?

    public var description: String {
        let byRule = rules.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        var text = "\(resource.split(separator: ":", maxSplits: 1).joined(separator: " ")): \(violations) hard violation(s) (\(byRule))"
        if let load, let available {
            let share = available > 0 ? " (\(load * 100 / available) % full)" : ""
            text += "; \(load) lesson periods for the \(available) periods left by availability, days off and daily limits\(share)"
        }
        return text
    }
}

extension CheckReport {
    /// The resources most involved in hard violations, most first; empty for a feasible timetable.
    public func collisions(in school: School, limit: Int = 5) -> [Collision] {
        var byResource: [String: [RuleID: Int]] = [:]
        for violation in violations where violation.level == .hard {
            for resource in Set(violation.involved)
            where resource.hasPrefix("teacher:") || resource.hasPrefix("group:") || resource.hasPrefix("room:") {
                byResource[resource, default: [:]][violation.rule, default: 0] += 1
            }
        }
        let teachers = Dictionary(school.teachers.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        let groups = Dictionary(school.groups.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        return byResource.map { resource, rules in
            var collision = Collision(resource: resource, violations: rules.values.reduce(0, +), rules: rules)
            let id = String(resource.drop { $0 != ":" }.dropFirst())
            if resource.hasPrefix("teacher:"), let teacher = teachers[id] {
                collision.load = school.teachingLoad(of: teacher.id)
                collision.available = school.availablePeriods(of: teacher)
            } else if resource.hasPrefix("group:"), let group = groups[id] {
                // Lessons of one cluster run together: the group's share of a cluster counts once.
                let own = school.lessons.filter { $0.groups.contains(group.id) }
                let clustered = Set(school.clusters.flatMap(\.lessons))
                let clusterLoad = school.clusters.map { cluster in
                    own.filter { cluster.lessons.contains($0.id) }.map(\.weeklyPeriods).max() ?? 0
                }.reduce(0, +)
                collision.load = own.filter { !clustered.contains($0.id) }.map(\.weeklyPeriods).reduce(0, +) + clusterLoad
                collision.available = school.allSlots.filter { !group.unavailable.contains($0) }.count
            }
            return collision
        }
        .sorted { $0.violations != $1.violations ? $0.violations > $1.violations : $0.resource < $1.resource }
        .prefix(limit).map { $0 }
    }
}
