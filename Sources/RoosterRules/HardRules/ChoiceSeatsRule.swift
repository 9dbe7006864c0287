import RoosterModel

/// The base timetable keeps the week enrollable: its choice sessions have a seat for every choice
/// lesson the students must take, in periods they are free and sessions open to them
/// (``ChoiceSeatDemand``). A timetable that breaks it makes a complete enrolment impossible,
/// whatever the enrolment does.
struct ChoiceSeats: Rule {
    let descriptor = RuleDescriptor(
        id: .choiceSeats, name: "Choice seats", level: .hard, defaultWeight: 1,
        summary:
            "The choice sessions seat every student's choiceLessonsPerWeek lessons, one at a time, in periods free of their own lessons and sessions open to them; cost 1 per choice lesson without a seat."
    )

    func violations(in context: CheckContext) -> [Violation] {
        guard let demand = ChoiceSeatDemand(school: context.school) else { return [] }
        return context.weekPasses.compactMap { week in violation(in: context, demand: demand, week: week) }
    }

    /// A session period: a start and the periods a session from there takes.
    private struct Period: Hashable { var start: TimeSlot; var slots: [TimeSlot] }

    private func violation(in context: CheckContext, demand: ChoiceSeatDemand, week: Int?) -> Violation? {
        var periods: [Period] = []
        var periodIndex: [Period: Int] = [:]
        var seats: [[Int]] = []
        for (index, activity) in context.placementActivities.enumerated() where context.active(activity, in: week) {
            guard let lesson = activity.lesson, let choice = lesson.choice, let open = demand.openSet(of: lesson) else { continue }
            let placement = context.timetable.placements[index]
            let period = Period(start: placement.start, slots: activity.slots)
            if periodIndex[period] == nil {
                periodIndex[period] = periods.count
                periods.append(period)
                seats.append(Array(repeating: 0, count: demand.openSets.count))
            }
            let capacity =
                choice.capacity.map(demand.usableSeats)
                ?? demand.usableSeats(rooms: placement.rooms.map { context.rooms[$0]?.capacity ?? 0 })
            seats[periodIndex[period] ?? 0][open] += capacity
        }
        var busy = Array(repeating: Set<TimeSlot>(), count: demand.classes.count)
        for activity in context.placementActivities where context.active(activity, in: week) {
            guard let lesson = activity.lesson, let day = activity.slots.first?.day else { continue }
            for (c, exempt) in demand.classesOccupied(by: lesson) where !exempt.contains(day) { busy[c].formUnion(activity.slots) }
        }
        let free = { (c: Int, p: Int) in periods[p].slots.allSatisfy { !busy[c].contains($0) } }
        let short = demand.shortfall(periods: periods.count, seats: { seats[$0][$1] }, free: free)
        guard short > 0 else { return nil }
        // The tightest periods in words: seats against the students free then.
        struct Load { var period: Int, seats: Int, students: Int }
        var tight: [Load] = []
        for p in periods.indices {
            let students = demand.classes.indices.filter { free($0, p) }.reduce(0) { $0 + demand.classes[$1].students }
            let load = Load(period: p, seats: seats[p].reduce(0, +), students: students)
            if load.seats < load.students { tight.append(load) }
        }
        tight.sort { $0.seats * max($1.students, 1) < $1.seats * max($0.students, 1) }
        let words = tight.prefix(3).map {
            "\(context.label(periods[$0.period].start)) has \($0.seats) choice seats for \($0.students) students"
        }
        let dutchWords = tight.prefix(3).map {
            "\(context.dutchLabel(periods[$0.period].start)) heeft \($0.seats) keuzeplaatsen voor \($0.students) leerlingen"
        }
        let students = demand.classes.reduce(0) { $0 + $1.students }
        let detail = words.isEmpty ? "" : "; " + words.joined(separator: ", ")
        let dutchDetail = dutchWords.isEmpty ? "" : "; " + dutchWords.joined(separator: ", ")
        return violation(
            short,
            "The choice sessions\(context.weekSuffix(week)) seat \(demand.totalNeed - short) of the \(demand.totalNeed) choice lessons \(students) students need (\(demand.perStudent) each)\(detail)",
            nl:
                "De keuzelessen\(context.weekSuffix(week)) hebben plaats voor \(demand.totalNeed - short) van de \(demand.totalNeed) keuzelessen die \(students) leerlingen nodig hebben (\(demand.perStudent) per leerling)\(dutchDetail)",
            involving: [], at: tight.prefix(3).map { periods[$0.period].start })
    }
}
