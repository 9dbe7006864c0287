import RoosterModel

/// The weekly layers on a base timetable in one step, as `rooster solve` makes them: the enrolment
/// in choice sessions and block hours (when the school has either), then the coach conversations
/// (when it has a coaching policy), each on the timetable before it.
///
/// `rooster enrol` and `rooster coach` remain for the weekly and per-cycle re-runs; this is the
/// whole week from one solve, so that the checker judges every layer together.
public struct WeeklyLayers: Sendable {
    /// The enrolment, when the school has choice lessons or clusters.
    public var enrolment: EnrolmentPlan?
    /// The coach conversations, when the school has a coaching policy.
    public var coaching: CoachPlanner.Plan?
    /// The base timetable with every layer made.
    public var timetable: Timetable

    /// Whether the school has a weekly layer at all: choice lessons, clusters or coaching.
    public static func isNeeded(for school: School) -> Bool {
        hasEnrolment(school) || school.coaching != nil
    }

    private static func hasEnrolment(_ school: School) -> Bool {
        school.choiceLessonsPerWeek != nil || !school.clusters.isEmpty
    }

    /// Makes the layers the school asks for on `base`.
    ///
    /// - Parameter previous: the timetable before a re-solve; its enrolments and coach conversations
    ///   are kept where the new base allows (as `rooster enrol --previous` does). Triad meetings are
    ///   planned anew.
    /// - Throws: ``CoachPlanner/PlanError`` when the coaching policy names no usable coach windows.
    public static func plan(school: School, base: Timetable, previous: Timetable? = nil, seed: UInt64 = 1) throws(CoachPlanner.PlanError)
        -> WeeklyLayers
    {
        var layers = WeeklyLayers(enrolment: nil, coaching: nil, timetable: base)
        if hasEnrolment(school) {
            let earlier = previous?.enrolments ?? []
            let problem = EnrolmentProblem(school: school, timetable: base, previous: earlier)
            let plan = FlowEnrolment(seed: seed).enrol(problem, previous: earlier)
            layers.enrolment = plan
            layers.timetable = plan.timetable(on: base)
        }
        if school.coaching != nil {
            let plan = try CoachPlanner().plan(school: school, timetable: layers.timetable, previous: previous?.coachMeetings ?? [])
            layers.coaching = plan
            layers.timetable = plan.timetable(on: layers.timetable)
        }
        return layers
    }
}
