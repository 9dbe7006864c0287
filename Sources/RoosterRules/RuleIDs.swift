import RoosterModel

/// The rules of the catalogue by name, so that code says `.teacherGaps` and a misspelling does not
/// compile. Files and the command line still use the raw lowerCamel strings.
extension RuleID {
    // Hard rules of the base timetable.
    public static let lessonCount: RuleID = "lessonCount"
    public static let teacherConflict: RuleID = "teacherConflict"
    public static let groupConflict: RuleID = "groupConflict"
    public static let roomConflict: RuleID = "roomConflict"
    public static let teacherAvailability: RuleID = "teacherAvailability"
    public static let groupAvailability: RuleID = "groupAvailability"
    public static let roomAvailability: RuleID = "roomAvailability"
    public static let lessonAvailability: RuleID = "lessonAvailability"
    public static let allowedSegment: RuleID = "allowedSegment"
    public static let pinnedTime: RuleID = "pinnedTime"
    public static let roomAssignment: RuleID = "roomAssignment"
    public static let clusterTogether: RuleID = "clusterTogether"
    public static let maxPerDay: RuleID = "maxPerDay"
    public static let lessonsApart: RuleID = "lessonsApart"
    public static let teacherMaxPeriodsPerDay: RuleID = "teacherMaxPeriodsPerDay"
    public static let teacherMaxDays: RuleID = "teacherMaxDays"
    public static let teamTime: RuleID = "teamTime"
    public static let choiceSeats: RuleID = "choiceSeats"
    // Hard rules of the weekly layers.
    public static let studentConflict: RuleID = "studentConflict"
    public static let choiceCapacity: RuleID = "choiceCapacity"
    public static let choiceMinimumSize: RuleID = "choiceMinimumSize"
    public static let choiceEnrolment: RuleID = "choiceEnrolment"
    public static let coachMeetings: RuleID = "coachMeetings"
    public static let parentConflict: RuleID = "parentConflict"
    // Soft rules of the base timetable.
    public static let roomCapacity: RuleID = "roomCapacity"
    public static let minWorkingDays: RuleID = "minWorkingDays"
    public static let lessonsApartPreferred: RuleID = "lessonsApartPreferred"
    public static let isolatedLessons: RuleID = "isolatedLessons"
    public static let roomStability: RuleID = "roomStability"
    public static let teacherGaps: RuleID = "teacherGaps"
    public static let groupGaps: RuleID = "groupGaps"
    public static let dailyLessons: RuleID = "dailyLessons"
    public static let teacherUnwantedTime: RuleID = "teacherUnwantedTime"
    public static let teacherExtraDays: RuleID = "teacherExtraDays"
    public static let teacherShortDays: RuleID = "teacherShortDays"
    // Soft rules of a re-solve from a reference timetable (``Checker/reference``).
    public static let timeChanges: RuleID = "timeChanges"
    public static let roomChanges: RuleID = "roomChanges"
    // Soft rules of the weekly layers.
    public static let choicePreference: RuleID = "choicePreference"
    public static let coachLoadBalance: RuleID = "coachLoadBalance"
    public static let siblingTriads: RuleID = "siblingTriads"
}
