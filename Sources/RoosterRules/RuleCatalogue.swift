import RoosterModel

/// The one catalogue of rules. Every solver is judged by these rules and nothing else.
public enum RuleCatalogue {
    /// Every rule, hard rules first, in the order violations are reported.
    static let rules: [any Rule] = [
        LessonCount(), TeacherConflict(), GroupConflict(), StudentConflict(), RoomConflict(),
        TeacherAvailability(), GroupAvailability(), RoomAvailability(), LessonAvailability(),
        AllowedSegment(), PinnedTime(), RoomAssignment(), ClusterTogether(), MaxPerDay(), LessonsApart(hard: true),
        TeacherMaxPeriodsPerDay(), TeacherMaxDays(), TeamTimeRule(), ChoiceSeats(),
        ChoiceCapacity(), ChoiceMinimumSize(), ChoiceEnrolment(), CoachMeetings(), ParentConflict(),
        RoomCapacity(), MinWorkingDays(), LessonsApart(hard: false), IsolatedLessons(), RoomStability(),
        TeacherGaps(), GroupGaps(), DailyLessons(), TeacherUnwantedTime(), TeacherExtraDays(), TeacherShortDays(), TimeChanges(),
        RoomChanges(), ChoicePreference(),
        CoachLoadBalance(), SiblingTriads(),
    ]

    /// Rules that judge changes from a reference timetable: they count only when the checker has one.
    public static let changeRules: Set<RuleID> = [.timeChanges, .roomChanges]

    /// The descriptors of all rules, hard rules first.
    public static let descriptors: [RuleDescriptor] = rules.map(\.descriptor)

    /// The descriptor of a rule, or nil for an unknown ID.
    public static func descriptor(_ id: RuleID) -> RuleDescriptor? {
        descriptors.first { $0.id == id }
    }
}

/// Named sets of soft-rule weights.
public enum RuleProfile: String, Sendable, CaseIterable {
    /// The catalogue's defaults: a Dutch secondary school.
    case school
    /// ITC 2007 track 3, objective UD2: room capacity 1, minimum working days 5, curriculum
    /// compactness (isolated lessons) 2, room stability 1, every other soft rule off — except the
    /// change rules, which keep their defaults: they count only in a re-solve, outside UD2.
    case itc2007

    /// The weight of every soft rule under this profile.
    public var weights: [RuleID: Int] {
        let soft = RuleCatalogue.descriptors.filter { $0.level == .soft }
        switch self {
        case .school:
            return Dictionary(uniqueKeysWithValues: soft.map { ($0.id, $0.defaultWeight) })
        case .itc2007:
            let ud2: [RuleID: Int] = [.roomCapacity: 1, .minWorkingDays: 5, .isolatedLessons: 2, .roomStability: 1]
            return Dictionary(
                uniqueKeysWithValues: soft.map { ($0.id, ud2[$0.id] ?? (RuleCatalogue.changeRules.contains($0.id) ? $0.defaultWeight : 0)) }
            )
        }
    }
}
