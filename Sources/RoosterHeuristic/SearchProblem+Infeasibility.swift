import RoosterModel

extension SearchProblem {
    /// Hard violations that no search can avoid because they involve only pinned events: two
    /// pinned lessons of one teacher or group at the same time, or a pinned lesson in a period its
    /// teacher, group or the lesson itself is unavailable.
    func fixedConflicts() -> [Diagnostic] {
        var found: [Diagnostic] = []
        var teacherAt: [Int: Int] = [:], groupAt: [Int: Int] = [:]
        for (e, event) in events.enumerated() where event.isFixed {
            let start = event.starts[0]
            let label = event.members.map { school.lessons[$0.lesson].id.rawValue }.joined(separator: "+")
            if event.staticHard[0] > 0 {
                found.append(
                    Diagnostic(
                        .error, "pinnedUnavailable",
                        "Lesson \(label) is pinned at \(school.label(slots[start])), when it, its teacher or its group is unavailable",
                        at: "", hint: "move the pin or the unavailability"))
            }
            for s in start..<(start + event.duration) {
                for t in Set(event.members.flatMap(\.teachers)) {
                    if let other = teacherAt.updateValue(e, forKey: t * slotCount + s), other != e {
                        found.append(clash("Teacher \(school.teachers[t].id)", other, e, s))
                    }
                }
                for g in event.groups {
                    if let other = groupAt.updateValue(e, forKey: g * slotCount + s), other != e {
                        found.append(clash("Group \(school.groups[g].id)", other, e, s))
                    }
                }
            }
        }
        return found
    }

    private func clash(_ who: String, _ first: Int, _ second: Int, _ slot: Int) -> Diagnostic {
        func label(_ e: Int) -> String { events[e].members.map { school.lessons[$0.lesson].id.rawValue }.joined(separator: "+") }
        return Diagnostic(
            .error, "pinnedClash", "\(who) is pinned in two lessons on \(school.label(slots[slot])): \(label(first)) and \(label(second))",
            at: "", hint: "unpin one of them")
    }
}
