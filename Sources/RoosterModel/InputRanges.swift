/// The range of every count a school file may hold, written once: ``School/validate()`` checks
/// them, and docs/school-format.md prints the same table (a test keeps the two equal). The upper
/// ends are far beyond any school and keep every sum and product of them from overflowing.
public enum InputRanges {
    /// Weeks in the timetable's cycle (A/B weeks: 2).
    public static let weeksInCycle = 1...52
    /// Students: a group's size, a lesson's student count, a room's or a choice lesson's seats, a minimum group size.
    public static let students = 0...100_000
    /// Rooms one lesson needs at once.
    public static let roomCount = 0...100
    /// A soft rule's weight.
    public static let weight = 0...1_000_000
    /// A choice request's rank (1 is the first choice).
    public static let rank = 1...1_000
    /// Choice lessons each student takes a week.
    public static let choiceLessonsPerWeek = 0...1_000
    /// Common free periods a team needs; triad meetings per coach cycle.
    public static let periodsOrMeetings = 0...10_000
    /// Days from the first to the last day of the school calendar, both included (three years at most).
    public static let calendarDays = 1...1_100
    /// Instruction hours a student should get in a year.
    public static let instructionHoursPerYear = 0...10_000

    /// Field names and ranges, in the order of the documentation table.
    public static let table: [(field: String, range: ClosedRange<Int>)] = [
        ("weeksInCycle", weeksInCycle),
        ("groups[].size, lessons[].studentCount, rooms[].capacity, choice.capacity, choice.minimumSize", students),
        ("lessons[].roomCount", roomCount),
        ("ruleWeights.*", weight),
        ("choiceRequests[].rank", rank),
        ("choiceLessonsPerWeek", choiceLessonsPerWeek),
        ("teamTimes[].commonFreePeriods, coaching.triadsPerCycle", periodsOrMeetings),
        ("calendar: days from start to end, both included", calendarDays),
        ("calendar.instructionHoursPerYear", instructionHoursPerYear),
    ]
}
