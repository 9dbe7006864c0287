/// Lessons whose occurrences should fall on days at least `minDays` apart: FET's "min days between
/// activities", for parts of one subject that differ in length (a double and two single periods)
/// or that are separate lessons. Every two occurrences closer than `minDays` days are one
/// violation: of the hard rule `lessonsApart` when `hard`, else of the soft rule
/// `lessonsApartPreferred`. Days are compared within the week; the cycle's A/B weeks are not told
/// apart.
public struct DaySpread: Hashable, Sendable {
    public var lessons: [Lesson.ID]
    /// At least 1: on different days; 2: with a day between, and so on.
    public var minDays: Int
    public var hard: Bool

    public init(lessons: [Lesson.ID], minDays: Int = 1, hard: Bool = false) {
        self.lessons = lessons
        self.minDays = minDays
        self.hard = hard
    }
}
