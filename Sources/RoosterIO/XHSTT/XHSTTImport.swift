import Foundation
import RoosterModel
import RoosterRules

/// Turns an XHSTT instance into a Rooster school, so that Rooster's solvers can timetable it.
///
/// The mapping:
/// - Each `<Day>` time group is a day; its times, in order, are the day's periods (XHSTT has no
///   clock times, so periods are numbered and start at 08:00 in 50-minute steps).
/// - Resources of a type whose name contains "room" are rooms, "teacher" teachers; every other
///   resource (classes, students) is a group, which cannot be in two lessons at once.
/// - Each event is a lesson with the event's ID, duration and preassigned resources; each
///   resource to be assigned in a room role is a room the solver chooses, from the rooms a
///   required PreferResources constraint allows (else every room).
/// - Required constraints become hard rules: unavailable times, spread over days (a day spread),
///   linked events (a cluster), teachers' max days and max busy times a day; events start within
///   a required PreferTimes group. Soft idle-time limits become the gap rules, soft unavailable
///   times a teacher's unwanted periods, with the largest weight mapped to each rule.
/// - Everything else — soft limits on busy times or days, other shapes of spread — is an error
///   per constraint naming its type, unless the caller drops them. Rooster's own soft rules are
///   switched off; the XHSTT evaluator, not Rooster's score, gives the instance's true cost.
public enum XHSTTImport {
    public static func parse(_ text: String, file: String, dropUnsupported: Bool = false) throws(InputError) -> LoadedSchool {
        let (instance, _) = try XHSTTArchive.read(text, file: file)
        return try school(from: instance, file: file, dropUnsupported: dropUnsupported)
    }

    public static func school(from instance: XHSTTInstance, file: String, dropUnsupported: Bool = false) throws(InputError)
        -> LoadedSchool
    {
        let mapping = try XHSTTMapping(instance, file: file)
        var builder = Builder(instance: instance, mapping: mapping)
        builder.build()
        var diagnostics = builder.diagnostics
        // One diagnostic per kind of constraint and reason, with the count and the first line.
        var kinds: [String: (count: Int, first: Builder.Unsupported)] = [:]
        for constraint in builder.unsupported {
            let key = "\(constraint.type)|\(constraint.reason)"
            kinds[key] = ((kinds[key]?.count ?? 0) + 1, kinds[key]?.first ?? constraint)
        }
        for (count, first) in kinds.values.sorted(by: { $0.first.line < $1.first.line }) {
            diagnostics.append(
                Diagnostic(
                    dropUnsupported ? .warning : .error, "unsupportedConstraint",
                    "\(count) \(first.type)(s), first '\(first.id)', cannot be represented in Rooster: \(first.reason)",
                    at: "line \(first.line)",
                    hint: dropUnsupported
                        ? "dropped: Rooster does not optimise them; the XHSTT evaluator still counts them"
                        : "pass --drop-unsupported to solve without them"))
        }
        return LoadedSchool(
            school: builder.school, file: file, format: .xhstt, readDiagnostics: diagnostics,
            sourceMap: SourceMap(lineDiagnostics: diagnostics),
            xhstt: instance)
    }

    /// Builds the school from the instance, constraint by constraint.
    struct Builder {
        let instance: XHSTTInstance
        let mapping: XHSTTMapping
        var school: School
        var diagnostics: [Diagnostic] = []
        typealias Unsupported = (id: String, type: String, line: Int, reason: String)
        var unsupported: [Unsupported] = []
        /// Soft idle-time limits optimised as Rooster's gap rules.
        var idleLimits: [XHSTTConstraint] = []
        /// Per teacher resource, the days a soft minimum of busy times names (Rooster's applies to every day).
        var minimumDays: [Int: Set<Int>] = [:]
        /// Per Rooster rule, the XHSTT constraints mapped to it: weight, resources covered, and the
        /// free allowance (idle times a limit allows before it costs; 0 for other kinds).
        var weights: [RuleID: [(weight: Int, resources: Int, allowance: Int)]] = [:]
        /// Allowed rooms per event and role, from required PreferResources constraints.
        var preferredRooms: [Int: [String: Set<Int>]] = [:]

        init(instance: XHSTTInstance, mapping: XHSTTMapping) {
            self.instance = instance
            self.mapping = mapping
            school = School(name: instance.name)
            school.lessonsPerDay = LessonsPerDay(minimum: 0)
        }

        mutating func unsupported(_ constraint: XHSTTConstraint, _ reason: String) {
            unsupported.append((constraint.id, constraint.type, constraint.line, reason))
        }

        mutating func note(_ message: String, line: Int) {
            diagnostics.append(Diagnostic(.warning, "approximated", message, at: "line \(line)"))
        }

        mutating func build() {
            school.dayTemplates = mapping.templates
            school.days = mapping.days
            for (index, resource) in instance.resources.enumerated() {
                switch mapping.roles[index] {
                case .teacher: school.teachers.append(Teacher(id: .init(mapping.names[index]), name: resource.name))
                case .room: school.rooms.append(Room(id: .init(mapping.names[index]), name: resource.name, capacity: 100_000))
                case .group: school.groups.append(Group(id: .init(mapping.names[index]), name: resource.name))
                }
            }
            for constraint in instance.constraints {
                if case .preferResources(let role, let allowed) = constraint.kind, constraint.required {
                    for event in constraint.events {
                        preferredRooms[event, default: [:]][role] = preferredRooms[event]?[role].map { $0.intersection(allowed) } ?? allowed
                    }
                }
            }
            makeLessons()
            for constraint in instance.constraints { apply(constraint) }
            let partial = minimumDays.filter { $0.value.count < mapping.days.count }.count
            if partial > 0 {
                note(
                    "\(partial) teacher(s) have a soft minimum of busy times on some days only; Rooster's minPeriodsPerDay applies to every day",
                    line: instance.constraints.first { if case .limitBusyTimes = $0.kind { true } else { false } }?.line ?? 1)
            }
            if let first = idleLimits.first {
                note(
                    "\(idleLimits.count) LimitIdleTimes constraint(s), first '\(first.id)', are optimised as Rooster's gap rules, which count every idle period once; XHSTT counts idle times beyond each maximum, with its own cost function",
                    line: first.line)
            }
            for rule in RuleCatalogue.descriptors where rule.level == .soft {
                // Rooster has one weight per rule: that of the constraint covering the most
                // resources, and of those the one that costs first (the smallest allowance), since
                // Rooster's rule counts from the first unit.
                if let values = weights[rule.id],
                    let chosen = values.max(by: { ($0.resources, -$0.allowance, $0.weight) < ($1.resources, -$1.allowance, $1.weight) })
                {
                    school.ruleWeights[rule.id] = chosen.weight
                    let distinct = Set(values.map(\.weight))
                    if distinct.count > 1 {
                        note(
                            "constraints with weights \(distinct.sorted().map(String.init).joined(separator: ", ")) map to \(rule.id); Rooster has one weight per rule and uses \(chosen.weight), of the constraint that covers the most resources and costs first",
                            line: instance.constraints.first?.line ?? 1)
                    }
                } else {
                    school.ruleWeights[rule.id] = 0
                }
            }
        }

        mutating func makeLessons() {
            var subjects: [String] = []
            var seen: Set<String> = []
            for event in instance.events where seen.insert(event.name).inserted { subjects.append(event.name) }
            school.subjects = subjects.map { Subject(id: .init($0)) }
            let allRooms = instance.resources.indices.filter { mapping.roles[$0] == .room }
            for (index, event) in instance.events.enumerated() {
                var lesson = Lesson(
                    id: .init(event.id), subject: .init(event.name), durationInPeriods: event.duration, roomKind: .any, roomCount: 0)
                var rooms: Set<Int>?
                for need in event.resources {
                    if let resource = need.resource {
                        let name = mapping.names[resource]
                        switch mapping.roles[resource] {
                        case .teacher: lesson.teachers.append(.init(name))
                        case .group: lesson.groups.append(.init(name))
                        case .room:
                            lesson.roomCount += 1
                            rooms = (rooms ?? [resource]).intersection([resource])
                        }
                        continue
                    }
                    let type = need.type ?? ""
                    guard XHSTTMapping.Role(type: type) == .room, let role = need.role else {
                        diagnostics.append(
                            Diagnostic(
                                .error, "unsupportedResource",
                                "Event '\(event.id)' asks the solver to choose a resource of type '\(type)'; Rooster chooses rooms only",
                                at: "line \(event.line)"))
                        continue
                    }
                    lesson.roomCount += 1
                    let allowed = preferredRooms[index]?[role] ?? Set(allRooms.filter { instance.resources[$0].type == type })
                    rooms = rooms.map { $0.intersection(allowed) } ?? allowed
                }
                if let rooms {
                    lesson.allowedRooms = rooms.sorted().map { .init(mapping.names[$0]) }
                    if rooms.isEmpty {
                        diagnostics.append(
                            Diagnostic(.error, "noRoom", "Event '\(event.id)' has no room it may use", at: "line \(event.line)"))
                    }
                }
                if let time = event.time, let slot = mapping.slots[time] { lesson.pinned = [slot] }
                school.lessons.append(lesson)
            }
        }

        mutating func apply(_ constraint: XHSTTConstraint) {
            let required = constraint.required
            switch constraint.kind {
            case .assignTime, .assignResource:
                // Rooster places every lesson and gives it its rooms.
                return
            case .preferResources where required:
                // Applied to the lessons' rooms in makeLessons.
                return
            case .splitEvents(let duration, let amount):
                // Rooster never splits a lesson: one piece of the event's whole duration.
                let fits = constraint.events.allSatisfy {
                    duration.deviation(instance.events[$0].duration) == 0 && amount.deviation(1) == 0
                }
                if !fits { unsupported(constraint, "events split into several pieces") }
            case .avoidClashes where required:
                let covered = Set(constraint.resources)
                if covered.count < instance.resources.count {
                    note(
                        "\(instance.resources.count - covered.count) resources may clash in XHSTT ('\(constraint.id)' leaves them out); Rooster never lets a teacher, group or room clash",
                        line: constraint.line)
                }
            case .avoidUnavailableTimes(let times):
                guard required || constraint.resources.allSatisfy({ mapping.roles[$0] == .teacher }) else {
                    return unsupported(constraint, "unwanted times of groups or rooms")
                }
                let slots = Set(times.compactMap { mapping.slots[$0] })
                for resource in constraint.resources {
                    let name = mapping.names[resource]
                    switch (mapping.roles[resource], required) {
                    case (.teacher, true):
                        if let index = school.teachers.firstIndex(where: { $0.id.rawValue == name }) {
                            school.teachers[index].unavailable.formUnion(slots)
                        }
                    case (.teacher, false):
                        if let index = school.teachers.firstIndex(where: { $0.id.rawValue == name }) {
                            school.teachers[index].unwanted.formUnion(slots)
                        }
                    case (.group, true):
                        if let index = school.groups.firstIndex(where: { $0.id.rawValue == name }) {
                            school.groups[index].unavailable.formUnion(slots)
                        }
                    case (.room, true):
                        if let index = school.rooms.firstIndex(where: { $0.id.rawValue == name }) {
                            school.rooms[index].unavailable.formUnion(slots)
                        }
                    case (.group, false), (.room, false):
                        break  // refused above
                    }
                }
                if !required { weights[.teacherUnwantedTime, default: []].append((constraint.weight, constraint.resources.count, 0)) }
            case .preferTimes(let allowed, let duration) where required:
                applyPreferTimes(constraint, allowed: allowed, duration: duration)
            case .spreadEvents(let limits):
                applySpread(constraint, limits: limits)
            case .linkEvents where required:
                applyLink(constraint)
            case .limitIdleTimes(let groups, let limits) where !required && groups.allSatisfy(mapping.isDay) && limits.minimum == 0:
                let roles = Set(constraint.resources.map { mapping.roles[$0] })
                guard roles.isSubset(of: [.teacher, .group]) else { return unsupported(constraint, "idle times of rooms") }
                let teachers = constraint.resources.filter { mapping.roles[$0] == .teacher }.count
                if teachers > 0 { weights[.teacherGaps, default: []].append((constraint.weight, teachers, limits.maximum)) }
                if teachers < constraint.resources.count {
                    weights[.groupGaps, default: []].append((constraint.weight, constraint.resources.count - teachers, limits.maximum))
                }
                idleLimits.append(constraint)
            case .clusterBusyTimes(let groups, let limits)
            where groups.allSatisfy(mapping.isDay) && limits.minimum == 0 && Set(groups.map { $0.first ?? -1 }).count == groups.count:
                forEachTeacher(of: constraint, else: "busy days of groups or rooms") { teacher in
                    if required {
                        teacher.maxDays = min(teacher.maxDays ?? limits.maximum, limits.maximum)
                    } else {
                        teacher.preferredMaxDays = min(teacher.preferredMaxDays ?? limits.maximum, limits.maximum)
                    }
                }
                if !required { weights[.teacherExtraDays, default: []].append((constraint.weight, constraint.resources.count, 0)) }
            case .limitBusyTimes(let groups, let limits) where required && groups.allSatisfy(mapping.isDay) && limits.minimum == 0:
                forEachTeacher(of: constraint, else: "busy times of groups or rooms") { teacher in
                    teacher.maxPeriodsPerDay = min(teacher.maxPeriodsPerDay ?? limits.maximum, limits.maximum)
                }
            case .limitBusyTimes(let groups, let limits)
            where !required && limits.minimum > 0 && groups.allSatisfy(mapping.isDay)
                && limits.maximum >= mapping.dayTimes.map(\.count).max() ?? 0:
                forEachTeacher(of: constraint, else: "a minimum of busy times for groups or rooms") { teacher in
                    teacher.minPeriodsPerDay = max(teacher.minPeriodsPerDay ?? limits.minimum, limits.minimum)
                }
                for resource in constraint.resources { minimumDays[resource, default: []].formUnion(groups.compactMap(mapping.day)) }
                weights[.teacherShortDays, default: []].append((constraint.weight, constraint.resources.count, 0))
            case .clusterBusyTimes:
                unsupported(constraint, "busy days over time groups that are not whole days, or a minimum of days")
            default:
                unsupported(constraint, required ? "this shape of the constraint" : "soft (weight \(constraint.weight))")
            }
        }

        mutating func forEachTeacher(of constraint: XHSTTConstraint, else reason: String, _ change: (inout Teacher) -> Void) {
            guard constraint.resources.allSatisfy({ mapping.roles[$0] == .teacher }) else { return unsupported(constraint, reason) }
            for resource in constraint.resources {
                if let index = school.teachers.firstIndex(where: { $0.id.rawValue == mapping.names[resource] }) {
                    change(&school.teachers[index])
                }
            }
        }

        /// Events start at allowed times. Starts Rooster cannot use anyway (running past the end
        /// of the day) need nothing; one-period events get the other periods as unavailable.
        mutating func applyPreferTimes(_ constraint: XHSTTConstraint, allowed: Set<Int>, duration: Int?) {
            for event in Set(constraint.events).sorted() {
                let length = instance.events[event].duration
                guard duration == nil || duration == length else { continue }
                let forbidden = instance.times.indices.filter { time in
                    guard !allowed.contains(time), let slot = mapping.slots[time] else { return false }
                    return slot.period + length <= mapping.periodCount(ofDay: slot.day)
                }
                guard !forbidden.isEmpty else { continue }
                guard length == 1 else {
                    return unsupported(constraint, "forbidden starting times for events longer than one time")
                }
                school.lessons[event].unavailable.formUnion(forbidden.compactMap { mapping.slots[$0] })
            }
        }

        /// At most one start of a group's events a day, on every day: a day spread (or nothing for one event).
        mutating func applySpread(_ constraint: XHSTTConstraint, limits: [(times: Set<Int>, limits: XHSTTConstraint.Limits)]) {
            let days = Set(instance.days.map { Set($0.times) })
            guard limits.count == days.count, limits.allSatisfy({ days.contains($0.times) && $0.limits == .init(minimum: 0, maximum: 1) })
            else {
                return unsupported(constraint, "limits other than 'at most once a day, on every day'")
            }
            for group in constraint.eventGroups where Set(group).count > 1 {
                let lessons = Set(group).sorted().map { school.lessons[$0].id }
                school.daySpreads.append(DaySpread(lessons: lessons, minDays: 1, hard: constraint.required))
            }
            if !constraint.required {
                weights[.lessonsApartPreferred, default: []].append((constraint.weight, constraint.eventGroups.count, 0))
            }
        }

        /// Linked events start together: a cluster, merged with clusters that share an event.
        mutating func applyLink(_ constraint: XHSTTConstraint) {
            for group in constraint.eventGroups where Set(group).count > 1 {
                let members = Set(group).sorted()
                guard Set(members.map { instance.events[$0].duration }).count == 1 else {
                    return unsupported(constraint, "linked events of different durations")
                }
                school.addCluster(startingTogether: Set(members.map { school.lessons[$0].id })) { "link-\($0 + 1)-\(constraint.line)" }
            }
        }
    }
}

/// How an XHSTT instance's times and resources correspond to a Rooster school's slots, teachers,
/// groups and rooms: computed from the instance alone, so import and export agree.
public struct XHSTTMapping: Sendable {
    public enum Role: Sendable, Hashable {
        case teacher, room, group

        /// By the resource type's name: "room" and "teacher" in it, else a group of students.
        init(type: String) {
            let name = type.lowercased()
            self = name.contains("room") ? .room : name.contains("teacher") ? .teacher : .group
        }
    }

    /// Rooster's ID for each resource: its name when that is unique within its role, else its ID.
    public var names: [String]
    public var roles: [Role]
    /// The slot of each time; nil for a time on no day.
    public var slots: [TimeSlot?]
    public var templates: [DayTemplate]
    public var days: [Day]
    let dayTimes: [[Int]]

    public init(_ instance: XHSTTInstance, file: String) throws(InputError) {
        let roles = instance.resources.map { Role(type: $0.type) }
        var counts: [String: Int] = [:]
        for (index, resource) in instance.resources.enumerated() { counts["\(roles[index])|\(resource.name)", default: 0] += 1 }
        self.roles = roles
        names = instance.resources.enumerated().map { index, resource in
            counts["\(roles[index])|\(resource.name)"] == 1 && !resource.name.isEmpty ? resource.name : resource.id
        }
        guard !instance.days.isEmpty else {
            throw InputError(
                file: file, message: "The instance '\(instance.id)' has no <Day> time groups",
                hint: "Rooster's timetables have days; give each time a <Day>")
        }
        slots = Array(repeating: nil, count: instance.times.count)
        dayTimes = instance.days.map { $0.times.sorted() }
        var templateIDs: [Int: DayTemplate.ID] = [:]
        templates = []
        days = []
        for (dayIndex, times) in dayTimes.enumerated() {
            for (period, time) in times.enumerated() {
                guard slots[time] == nil else {
                    throw InputError(
                        file: file, message: "Time '\(instance.times[time].id)' is on two <Day>s", hint: "give each time one <Day>")
                }
                slots[time] = TimeSlot(day: dayIndex, period: period)
            }
            let template = templateIDs[times.count] ?? DayTemplate.ID("p\(times.count)")
            if templateIDs[times.count] == nil {
                templateIDs[times.count] = template
                templates.append(
                    DayTemplate(
                        id: template,
                        periods: (0..<times.count).map {
                            Period(
                                name: "\($0 + 1)", start: TimeOfDay(hour: 8, minute: 0).adding(minutes: min($0, 30) * 50),
                                lengthInMinutes: 50)
                        }))
            }
            let name = instance.days[dayIndex].name
            var id = name.lowercased().filter { $0.isLetter || $0.isNumber }
            if id.isEmpty || days.contains(where: { $0.id.rawValue == id }) { id = "d\(dayIndex + 1)" }
            days.append(Day(id: .init(id), name: name, template: template))
        }
        if let lost = slots.firstIndex(where: { $0 == nil }) {
            throw InputError(
                file: file, message: "Time '\(instance.times[lost].id)' is on no <Day>",
                hint: "Rooster's timetables need every time on a day")
        }
    }

    func isDay(_ group: [Int]) -> Bool { dayTimes.contains(group.sorted()) }

    /// The day whose times are exactly `group`.
    func day(_ group: [Int]) -> Int? { dayTimes.firstIndex(of: group.sorted()) }

    func periodCount(ofDay day: Int) -> Int { dayTimes[day].count }

    /// The time of a slot.
    public func time(of slot: TimeSlot) -> Int? {
        dayTimes.indices.contains(slot.day) && dayTimes[slot.day].indices.contains(slot.period) ? dayTimes[slot.day][slot.period] : nil
    }
}
