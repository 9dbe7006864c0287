import Foundation

/// One instance of an XHSTT archive (the XML format of the ITC 2011 high-school timetabling
/// archive): times, resources, events and constraints, with every reference resolved to an index.
///
/// Rooster reads the parts of the format that real Dutch schools use (the Kottenpark instances):
/// every time, resource and event element, and the constraint types listed in ``XHSTTConstraint/Kind``.
/// A constraint of another type is an error naming it, never skipped.
public struct XHSTTInstance: Sendable {
    public struct Time: Sendable {
        public var id: String
        public var name: String
    }
    /// A named set of times; `isDay` for the `<Day>` groups, which become Rooster's days.
    public struct TimeGroup: Sendable {
        public var id: String
        public var name: String
        public var isDay: Bool
        /// Indices into ``times``, in time order.
        public var times: [Int]
    }
    public struct Resource: Sendable {
        public var id: String
        public var name: String
        /// The ID of its resource type (`Teacher`, `Room`, `Class`, `Student` in the Dutch files).
        public var type: String
    }
    /// One resource an event needs: preassigned (`resource` set) or to be assigned by the solver.
    public struct EventResource: Sendable {
        public var role: String?
        public var type: String?
        public var resource: Int?
    }
    public struct Event: Sendable {
        public var id: String
        public var name: String
        public var duration: Int
        /// A preassigned starting time.
        public var time: Int?
        public var resources: [EventResource]
        /// The event's course (an event group), when it has one.
        public var course: String?
        public var line: Int
    }

    public var id: String
    public var name: String
    public var times: [Time]
    public var timeGroups: [String: TimeGroup]
    /// The `<Day>` groups in the order of their first time.
    public var days: [TimeGroup]
    public var resources: [Resource]
    public var resourceGroups: [String: [Int]]
    public var events: [Event]
    /// Courses and event groups, as indices into ``events``.
    public var eventGroups: [String: [Int]]
    public var constraints: [XHSTTConstraint]
    /// The `<Instance>` element as read, for writing an archive with a solution of it.
    public var element: XMLElement
}

/// One constraint of an XHSTT instance: its points of application resolved to indices, and what
/// it asks.
public struct XHSTTConstraint: Sendable {
    /// How a deviation becomes a cost: `Step` (the weight once), `Linear` (weight × deviation),
    /// `Quadratic` (weight × deviation²).
    public enum CostFunction: String, Sendable {
        case step = "Step", linear = "Linear", quadratic = "Quadratic"

        public func cost(weight: Int, deviation: Int) -> Int {
            guard deviation > 0 else { return 0 }
            switch self {
            case .step: return weight
            case .linear: return weight * deviation
            case .quadratic: return weight * deviation * deviation
            }
        }
    }

    /// A lower and upper limit on a count.
    public struct Limits: Sendable, Equatable {
        public var minimum: Int
        public var maximum: Int

        /// How far a count lies outside the limits.
        public func deviation(_ count: Int) -> Int {
            count < minimum ? minimum - count : count > maximum ? count - maximum : 0
        }
    }

    /// The constraint types Rooster evaluates, with their parameters.
    public enum Kind: Sendable {
        /// Every event gets a starting time.
        case assignTime
        /// Every event resource with this role gets a resource.
        case assignResource(role: String)
        /// Events are split into pieces of allowed durations and numbers.
        case splitEvents(duration: Limits, amount: Limits)
        /// The resource assigned in this role is one of these.
        case preferResources(role: String, allowed: Set<Int>)
        /// Events (of this duration, when given) start at one of these times.
        case preferTimes(allowed: Set<Int>, duration: Int?)
        /// The events of each group start within each time group a limited number of times.
        case spreadEvents([(times: Set<Int>, limits: Limits)])
        /// The events of each group run at the same times.
        case linkEvents
        /// A resource attends at most one event at a time.
        case avoidClashes
        /// A resource is not busy at these times.
        case avoidUnavailableTimes(Set<Int>)
        /// Idle times (free between busy times of a time group) per resource, summed over the groups.
        case limitIdleTimes(groups: [[Int]], limits: Limits)
        /// The number of time groups in which a resource is busy.
        case clusterBusyTimes(groups: [[Int]], limits: Limits)
        /// Busy times per time group, for each group where the resource is busy at all.
        case limitBusyTimes(groups: [[Int]], limits: Limits)
    }

    public var id: String
    public var name: String
    /// The XML element name, such as `LimitIdleTimesConstraint`.
    public var type: String
    public var required: Bool
    public var weight: Int
    public var costFunction: CostFunction
    public var kind: Kind
    /// Points of application: events, event groups (spread and link), or resources.
    public var events: [Int]
    public var eventGroups: [[Int]]
    public var resources: [Int]
    public var line: Int
}

/// A solution stored in an XHSTT archive: sub-events with their times and assigned resources.
public struct XHSTTSolution: Sendable {
    public struct SubEvent: Sendable {
        public var event: Int
        public var duration: Int
        public var time: Int?
        /// Assigned resources by role.
        public var resources: [String: Int]
    }

    /// The solution group's ID (often the author and date) and its contributor.
    public var group: String
    public var contributor: String?
    public var events: [SubEvent]
    /// The cost the archive reports for it, (infeasibility, objective), when it has a report.
    public var reportedCost: (hard: Int, soft: Int)?
    public var runningTime: String?
}
