import RoosterModel

/// Two activities of one resource (teacher, group, student, room) that overlap in time.
struct Clash {
    var first: Activity
    var second: Activity
    /// The periods both take, in order.
    var slots: [TimeSlot]
    /// The weeks in which both happen.
    var weeks: Set<Int>
}

/// Finds every pair of activities that share a period in a common week.
///
/// Activities are bucketed by slot, so the cost is linear in the periods taken plus the number of
/// clashing pairs. A pair is reported once, with all the periods it shares.
///
/// - Parameter allowed: pairs for which this returns true are not clashes (e.g. lessons of one
///   cluster, which split the same group on purpose).
func clashes(among activities: [Activity], allowed: (Activity, Activity) -> Bool = { _, _ in false }) -> [Clash] {
    guard activities.count > 1 else { return [] }
    var bySlot: [TimeSlot: [Int]] = [:]
    for (index, activity) in activities.enumerated() {
        for slot in Set(activity.slots) { bySlot[slot, default: []].append(index) }
    }
    struct Pair: Hashable, Comparable {
        var first: Int, second: Int
        static func < (a: Pair, b: Pair) -> Bool { (a.first, a.second) < (b.first, b.second) }
    }
    var shared: [Pair: (slots: [TimeSlot], weeks: Set<Int>)] = [:]
    for (slot, indices) in bySlot where indices.count > 1 {
        for i in 0..<indices.count {
            for j in (i + 1)..<indices.count {
                let a = activities[indices[i]], b = activities[indices[j]]
                let weeks = a.weeks.intersection(b.weeks)
                guard !weeks.isEmpty, !allowed(a, b) else { continue }
                let pair = Pair(first: indices[i], second: indices[j])
                shared[pair, default: ([], weeks)].slots.append(slot)
            }
        }
    }
    return shared.keys.sorted().compactMap { pair in
        guard let entry = shared[pair] else { return nil }
        return Clash(first: activities[pair.first], second: activities[pair.second], slots: entry.slots.sorted(), weeks: entry.weeks)
    }
}

extension CheckContext {
    /// "on Tue 10:00" or "on Tue 10:00 and 1 more period", with the weeks when not every week.
    func when(_ clash: Clash) -> String {
        guard let first = clash.slots.first else { return "" }
        let more = clash.slots.count - 1
        let tail = more == 0 ? "" : " and \(more) more period\(more == 1 ? "" : "s")"
        return "on \(label(first, weeks: clash.weeks))\(tail)"
    }

    /// "op di 10:00" or "op di 10:00 en nog 1 uur", with the weeks when not every week.
    func dutchWhen(_ clash: Clash) -> String {
        guard let first = clash.slots.first else { return "" }
        let more = clash.slots.count - 1
        return "op \(dutchLabel(first, weeks: clash.weeks))" + (more == 0 ? "" : " en nog \(more) uur")
    }

    /// True for two placements of lessons in the same cluster: they run together by design.
    static func sameCluster(_ a: Activity, _ b: Activity) -> Bool {
        guard let ca = a.cluster, let cb = b.cluster else { return false }
        return ca == cb && a.lesson?.id != b.lesson?.id
    }
}
