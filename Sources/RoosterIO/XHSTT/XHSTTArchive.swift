import Foundation
import RoosterModel

/// Reads an XHSTT archive (`<HighSchoolTimetableArchive>`): one instance and the solutions stored
/// for it. Every reference is resolved, every number checked against its documented range, and
/// each problem is an ``InputError`` with its line.
public enum XHSTTArchive {
    /// A constraint's weight (as a soft rule's weight in a school file).
    public static let weightRange = InputRanges.weight
    /// A constraint's Minimum and Maximum, and a split-events limit.
    public static let limitRange = 0...100_000
    /// Times in an instance.
    public static let timeCount = 1...10_000
    /// Resources × times: the evaluator keeps a count per resource and time.
    public static let maximumResourceTimes = 5_000_000

    /// Reads an archive file; see ``read(_:file:instance:)``.
    public static func load(_ url: URL, displayName: String? = nil, instance: String? = nil) throws(InputError)
        -> (instance: XHSTTInstance, solutions: [XHSTTSolution])
    {
        let name = displayName ?? url.relativePath
        return try read(try SourceText.read(url, displayName: name), file: name, instance: instance)
    }

    /// The instance with this ID (the first when nil) and the solutions stored for it.
    public static func read(_ text: String, file: String, instance wanted: String? = nil) throws(InputError)
        -> (instance: XHSTTInstance, solutions: [XHSTTSolution])
    {
        let root = try SafeXML.parse(text, file: file)
        guard root.name == "HighSchoolTimetableArchive" else {
            throw InputError(
                file: file, line: root.line, message: "Not an XHSTT archive: the root element is <\(root.name)>",
                hint: "XHSTT files start with <HighSchoolTimetableArchive>")
        }
        let elements = root.child("Instances")?.children("Instance") ?? []
        guard let element = wanted.map({ id in elements.first { $0.attributes["Id"] == id } }) ?? elements.first else {
            let ids = elements.compactMap { $0.attributes["Id"] }
            throw InputError(
                file: file, line: root.line,
                message: wanted.map { "The archive has no instance '\($0)'" } ?? "The archive holds no instance",
                hint: ids.isEmpty ? "an XHSTT archive needs <Instances><Instance>" : "instances: \(ids.joined(separator: ", "))")
        }
        var reader = Reader(file: file)
        let instance = try reader.instance(element)
        var solutions: [XHSTTSolution] = []
        for group in root.child("SolutionGroups")?.children("SolutionGroup") ?? [] {
            for solution in group.children("Solution") where solution.attributes["Reference"] == instance.id {
                solutions.append(try reader.solution(solution, group: group, of: instance))
            }
        }
        return (instance, solutions)
    }

    /// The state of one read: the index of every ID seen so far.
    struct Reader {
        let file: String
        var timeIndex: [String: Int] = [:]
        var resourceIndex: [String: Int] = [:]
        var eventIndex: [String: Int] = [:]
        var timeGroups: [String: XHSTTInstance.TimeGroup] = [:]
        var resourceGroups: [String: [Int]] = [:]
        var eventGroups: [String: [Int]] = [:]

        func error(_ element: XMLElement, _ message: String, hint: String? = nil) -> InputError {
            InputError(file: file, line: element.line, message: message, hint: hint)
        }

        func id(_ element: XMLElement) throws(InputError) -> String {
            guard let id = element.attributes["Id"], !id.isEmpty else {
                throw error(element, "<\(element.name)> has no Id attribute")
            }
            return id
        }

        func reference(_ element: XMLElement) throws(InputError) -> String {
            guard let reference = element.attributes["Reference"], !reference.isEmpty else {
                throw error(element, "<\(element.name)> has no Reference attribute")
            }
            return reference
        }

        /// Resolves a reference in one of the tables, or names what is missing.
        func resolve<Value>(_ element: XMLElement, in table: [String: Value], _ what: String) throws(InputError) -> Value {
            let name = try reference(element)
            guard let value = table[name] else {
                throw error(element, "Unknown \(what) '\(name)'", hint: "the instance defines no \(what) with this ID; check its spelling")
            }
            return value
        }

        func number(_ element: XMLElement, _ name: String, in range: ClosedRange<Int>) throws(InputError) -> Int {
            guard let child = element.child(name) else {
                throw error(element, "<\(element.name)> has no <\(name)>")
            }
            guard let value = Int(child.trimmedText), range.contains(value) else {
                throw error(
                    child, "<\(name)> is '\(child.trimmedText)'; it must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }

        // MARK: - Instance

        mutating func instance(_ element: XMLElement) throws(InputError) -> XHSTTInstance {
            let instanceID = try id(element)
            let times = try readTimes(element)
            let resources = try readResources(element)
            guard resources.count * times.count <= XHSTTArchive.maximumResourceTimes else {
                throw error(
                    element,
                    "The instance has \(resources.count) resources and \(times.count) times; Rooster reads instances of at most \(XHSTTArchive.maximumResourceTimes) resources × times"
                )
            }
            let events = try readEvents(element, timeCount: times.count)
            var constraints: [XHSTTConstraint] = []
            for constraint in element.child("Constraints")?.children ?? [] {
                constraints.append(try readConstraint(constraint))
            }
            let days = timeGroups.values.filter(\.isDay).sorted { ($0.times.first ?? 0) < ($1.times.first ?? 0) }
            return XHSTTInstance(
                id: instanceID, name: element.child("MetaData")?.value("Name") ?? instanceID, times: times,
                timeGroups: timeGroups, days: days, resources: resources, resourceGroups: resourceGroups, events: events,
                eventGroups: eventGroups, constraints: constraints, element: element)
        }

        mutating func readTimes(_ instance: XMLElement) throws(InputError) -> [XHSTTInstance.Time] {
            guard let section = instance.child("Times") else { throw error(instance, "The instance has no <Times>") }
            for group in section.child("TimeGroups")?.children ?? [] {
                let groupID = try id(group)
                timeGroups[groupID] = .init(id: groupID, name: group.value("Name") ?? groupID, isDay: group.name == "Day", times: [])
            }
            var times: [XHSTTInstance.Time] = []
            for time in section.children("Time") {
                let timeID = try id(time)
                guard timeIndex[timeID] == nil else { throw error(time, "Time '\(timeID)' is defined twice") }
                timeIndex[timeID] = times.count
                var memberships = time.children("Week") + time.children("Day")
                memberships += time.child("TimeGroups")?.children("TimeGroup") ?? []
                for membership in memberships {
                    let group = try reference(membership)
                    guard timeGroups[group] != nil else { throw error(membership, "Unknown time group '\(group)'") }
                    timeGroups[group]?.times.append(times.count)
                }
                times.append(.init(id: timeID, name: time.value("Name") ?? timeID))
            }
            guard XHSTTArchive.timeCount.contains(times.count) else {
                throw error(section, "The instance has \(times.count) times; Rooster reads \(XHSTTArchive.timeCount) times")
            }
            return times
        }

        mutating func readResources(_ instance: XMLElement) throws(InputError) -> [XHSTTInstance.Resource] {
            let section = instance.child("Resources")
            for group in section?.child("ResourceGroups")?.children("ResourceGroup") ?? [] {
                resourceGroups[try id(group)] = []
            }
            var resources: [XHSTTInstance.Resource] = []
            for resource in section?.children("Resource") ?? [] {
                let resourceID = try id(resource)
                guard resourceIndex[resourceID] == nil else { throw error(resource, "Resource '\(resourceID)' is defined twice") }
                guard let typeElement = resource.child("ResourceType") else {
                    throw error(resource, "Resource '\(resourceID)' has no <ResourceType>")
                }
                resourceIndex[resourceID] = resources.count
                for membership in resource.child("ResourceGroups")?.children("ResourceGroup") ?? [] {
                    let group = try reference(membership)
                    guard resourceGroups[group] != nil else { throw error(membership, "Unknown resource group '\(group)'") }
                    resourceGroups[group]?.append(resources.count)
                }
                resources.append(.init(id: resourceID, name: resource.value("Name") ?? resourceID, type: try reference(typeElement)))
            }
            return resources
        }

        mutating func readEvents(_ instance: XMLElement, timeCount: Int) throws(InputError) -> [XHSTTInstance.Event] {
            let section = instance.child("Events")
            for group in section?.child("EventGroups")?.children ?? [] { eventGroups[try id(group)] = [] }
            var events: [XHSTTInstance.Event] = []
            for event in section?.children("Event") ?? [] {
                let eventID = try id(event)
                guard eventIndex[eventID] == nil else { throw error(event, "Event '\(eventID)' is defined twice") }
                let index = events.count
                eventIndex[eventID] = index
                var resources: [XHSTTInstance.EventResource] = []
                for resource in event.child("Resources")?.children("Resource") ?? [] {
                    let assigned: Int? =
                        resource.attributes["Reference"] == nil ? nil : try resolve(resource, in: resourceIndex, "resource")
                    resources.append(
                        .init(role: resource.value("Role"), type: try resource.child("ResourceType").map(reference), resource: assigned))
                }
                for group in event.child("ResourceGroups")?.children("ResourceGroup") ?? [] {
                    for member in try resolve(group, in: resourceGroups, "resource group") {
                        resources.append(.init(role: nil, type: nil, resource: member))
                    }
                }
                var memberships = event.child("EventGroups")?.children("EventGroup") ?? []
                let course = event.child("Course")
                if let course { memberships.append(course) }
                for membership in memberships {
                    let group = try reference(membership)
                    guard eventGroups[group] != nil else { throw error(membership, "Unknown event group '\(group)'") }
                    eventGroups[group]?.append(index)
                }
                events.append(
                    .init(
                        id: eventID, name: event.value("Name") ?? eventID, duration: try number(event, "Duration", in: 1...timeCount),
                        time: try event.child("Time").map { (time) throws(InputError) in try resolve(time, in: timeIndex, "time") },
                        resources: resources, course: try course.map(reference), line: event.line))
            }
            return events
        }

        // MARK: - Constraints

        func readConstraint(_ element: XMLElement) throws(InputError) -> XHSTTConstraint {
            let required = element.value("Required") == "true"
            guard let costName = element.value("CostFunction"), let costFunction = XHSTTConstraint.CostFunction(rawValue: costName) else {
                throw error(element, "<CostFunction> must be Step, Linear or Quadratic")
            }
            guard let appliesTo = element.child("AppliesTo") else { throw error(element, "<\(element.name)> has no <AppliesTo>") }
            var events: [Int] = [], groups: [[Int]] = [], resources: [Int] = []
            for group in appliesTo.child("EventGroups")?.children("EventGroup") ?? [] {
                let members = try resolve(group, in: eventGroups, "event group")
                groups.append(members)
                events += members
            }
            for event in appliesTo.child("Events")?.children("Event") ?? [] { events.append(try resolve(event, in: eventIndex, "event")) }
            for group in appliesTo.child("ResourceGroups")?.children("ResourceGroup") ?? [] {
                resources += try resolve(group, in: resourceGroups, "resource group")
            }
            for resource in appliesTo.child("Resources")?.children("Resource") ?? [] {
                resources.append(try resolve(resource, in: resourceIndex, "resource"))
            }
            return XHSTTConstraint(
                id: try id(element), name: element.value("Name") ?? "", type: element.name, required: required,
                weight: try number(element, "Weight", in: XHSTTArchive.weightRange), costFunction: costFunction,
                kind: try kind(element), events: events, eventGroups: groups, resources: resources, line: element.line)
        }

        func kind(_ element: XMLElement) throws(InputError) -> XHSTTConstraint.Kind {
            switch element.name {
            case "AssignTimeConstraint":
                return .assignTime
            case "AssignResourceConstraint":
                return .assignResource(role: try role(element))
            case "SplitEventsConstraint":
                return .splitEvents(
                    duration: try limits(element, "MinimumDuration", "MaximumDuration"),
                    amount: try limits(element, "MinimumAmount", "MaximumAmount"))
            case "PreferResourcesConstraint":
                var allowed = Set<Int>()
                for group in element.child("ResourceGroups")?.children("ResourceGroup") ?? [] {
                    allowed.formUnion(try resolve(group, in: resourceGroups, "resource group"))
                }
                for resource in element.child("Resources")?.children("Resource") ?? [] {
                    allowed.insert(try resolve(resource, in: resourceIndex, "resource"))
                }
                return .preferResources(role: try role(element), allowed: allowed)
            case "PreferTimesConstraint":
                let duration = try element.child("Duration").map { _ throws(InputError) in
                    try number(element, "Duration", in: 1...timeIndex.count)
                }
                return .preferTimes(allowed: try timeSet(element), duration: duration)
            case "SpreadEventsConstraint":
                var limits: [(times: Set<Int>, limits: XHSTTConstraint.Limits)] = []
                for group in element.child("TimeGroups")?.children("TimeGroup") ?? [] {
                    let times = try resolve(group, in: timeGroups, "time group").times
                    limits.append((Set(times), try self.limits(group, "Minimum", "Maximum")))
                }
                return .spreadEvents(limits)
            case "LinkEventsConstraint":
                return .linkEvents
            case "AvoidClashesConstraint":
                return .avoidClashes
            case "AvoidUnavailableTimesConstraint":
                return .avoidUnavailableTimes(try timeSet(element))
            case "LimitIdleTimesConstraint":
                return .limitIdleTimes(groups: try timeGroupList(element), limits: try limits(element, "Minimum", "Maximum"))
            case "ClusterBusyTimesConstraint":
                return .clusterBusyTimes(groups: try timeGroupList(element), limits: try limits(element, "Minimum", "Maximum"))
            case "LimitBusyTimesConstraint":
                return .limitBusyTimes(groups: try timeGroupList(element), limits: try limits(element, "Minimum", "Maximum"))
            default:
                throw error(
                    element, "Rooster does not evaluate XHSTT constraints of type <\(element.name)>",
                    hint:
                        "supported: AssignTime, AssignResource, SplitEvents, PreferResources, PreferTimes, SpreadEvents, LinkEvents, AvoidClashes, AvoidUnavailableTimes, LimitIdleTimes, ClusterBusyTimes, LimitBusyTimes"
                )
            }
        }

        func role(_ element: XMLElement) throws(InputError) -> String {
            guard let role = element.value("Role"), !role.isEmpty else { throw error(element, "<\(element.name)> has no <Role>") }
            return role
        }

        func limits(_ element: XMLElement, _ low: String, _ high: String) throws(InputError) -> XHSTTConstraint.Limits {
            let limits = XHSTTConstraint.Limits(
                minimum: try number(element, low, in: XHSTTArchive.limitRange),
                maximum: try number(element, high, in: XHSTTArchive.limitRange))
            guard limits.minimum <= limits.maximum else {
                throw error(element, "<\(low)> \(limits.minimum) is above <\(high)> \(limits.maximum)")
            }
            return limits
        }

        /// The times of a constraint's `<TimeGroups>` and `<Times>` together.
        func timeSet(_ element: XMLElement) throws(InputError) -> Set<Int> {
            var times = Set<Int>()
            for group in try timeGroupList(element) { times.formUnion(group) }
            for time in element.child("Times")?.children("Time") ?? [] { times.insert(try resolve(time, in: timeIndex, "time")) }
            return times
        }

        func timeGroupList(_ element: XMLElement) throws(InputError) -> [[Int]] {
            var groups: [[Int]] = []
            for group in element.child("TimeGroups")?.children("TimeGroup") ?? [] {
                groups.append(try resolve(group, in: timeGroups, "time group").times)
            }
            return groups
        }

        // MARK: - Solutions

        func solution(_ element: XMLElement, group: XMLElement, of instance: XHSTTInstance) throws(InputError) -> XHSTTSolution {
            var events: [XHSTTSolution.SubEvent] = []
            for event in element.child("Events")?.children("Event") ?? [] {
                let index = try resolve(event, in: eventIndex, "event")
                let duration =
                    try event.child("Duration").map { _ throws(InputError) in try number(event, "Duration", in: 1...instance.times.count) }
                    ?? instance.events[index].duration
                let time = try event.child("Time").map { (time) throws(InputError) in try resolve(time, in: timeIndex, "time") }
                var resources: [String: Int] = [:]
                for resource in event.child("Resources")?.children("Resource") ?? [] {
                    guard let role = resource.value("Role") else { throw error(resource, "An assigned resource has no <Role>") }
                    resources[role] = try resolve(resource, in: resourceIndex, "resource")
                }
                events.append(.init(event: index, duration: duration, time: time ?? instance.events[index].time, resources: resources))
            }
            let report = element.child("Report")
            let cost = report.flatMap { report -> (Int, Int)? in
                guard let hard = report.value("InfeasibilityValue").flatMap({ Int($0) }),
                    let soft = report.value("ObjectiveValue").flatMap({ Int($0) })
                else { return nil }
                return (hard, soft)
            }
            return XHSTTSolution(
                group: group.attributes["Id"] ?? "", contributor: group.child("MetaData")?.value("Contributor"), events: events,
                reportedCost: cost, runningTime: element.value("RunningTime"))
        }
    }
}
