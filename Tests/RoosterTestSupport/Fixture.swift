import RoosterModel

/// A small named school for tests: five days of six periods with a coach slot, a mentor lesson, a
/// choice period and three instruction periods; three teachers, three rooms, two groups, three students.
///
/// Tests add the lessons they need and build timetables with ``at(_:_:)``.
public enum Fixture {
    /// Day indices, so tests read like timetables.
    public static let mon = 0, tue = 1, wed = 2, thu = 3, fri = 4

    /// Period indices of the fixture's day template.
    public static let coachPeriod = 0, mentorPeriod = 1, choicePeriod = 2, firstInstruction = 3

    public static func at(_ day: Int, _ period: Int) -> TimeSlot { TimeSlot(day: day, period: period) }

    public static var school: School {
        let template = DayTemplate(
            id: "standard",
            periods: [
                Period(start: TimeOfDay(hour: 8, minute: 15), lengthInMinutes: 15, segment: "coach"),
                Period(start: TimeOfDay(hour: 8, minute: 30), lengthInMinutes: 20, segment: "mentor"),
                Period(start: TimeOfDay(hour: 9, minute: 0), lengthInMinutes: 50, segment: "choice"),
                Period(start: TimeOfDay(hour: 10, minute: 0), lengthInMinutes: 50, segment: "instruction"),
                Period(start: TimeOfDay(hour: 11, minute: 0), lengthInMinutes: 50, segment: "instruction"),
                Period(start: TimeOfDay(hour: 12, minute: 0), lengthInMinutes: 50, segment: "instruction"),
            ])
        return School(
            name: "Fixture",
            segments: [
                Segment(id: "coach", kind: .coaching), Segment(id: "mentor", kind: .mentor),
                Segment(id: "choice", kind: .choice), Segment(id: "instruction", kind: .instruction),
            ],
            dayTemplates: [template],
            days: ["mon", "tue", "wed", "thu", "fri"].map {
                Day(id: .init($0), name: $0.prefix(1).uppercased() + $0.dropFirst(), template: "standard")
            },
            subjects: [Subject(id: "du", name: "German"), Subject(id: "wi", name: "Maths"), Subject(id: "men", name: "Mentor")],
            teachers: [Teacher(id: "JDV", coach: .init()), Teacher(id: "ABE", coach: .init()), Teacher(id: "KOK")],
            rooms: [Room(id: "R1", capacity: 30), Room(id: "R2", capacity: 30), Room(id: "LAB", capacity: 24, kind: .lab)],
            groups: [Group(id: "2V1", year: 2, level: "vwo", size: 28), Group(id: "3H2", year: 3, level: "havo", size: 25)],
            students: [
                Student(id: "s1", groups: ["2V1"], coaches: ["JDV"]),
                Student(id: "s2", groups: ["2V1"], coaches: ["JDV"], onTrack: true),
                Student(id: "s3", groups: ["3H2"], coaches: ["ABE"]),
            ]
        )
    }

    /// German for 2V1 with JDV, `count` times a week in instruction time.
    public static func german2V1(count: Int = 1) -> Lesson {
        Lesson(id: "2V1-du", subject: "du", teachers: ["JDV"], groups: ["2V1"], countPerWeek: count, allowedSegments: ["instruction"])
    }

    /// German for 3H2 with JDV.
    public static func german3H2(count: Int = 1) -> Lesson {
        Lesson(id: "3H2-du", subject: "du", teachers: ["JDV"], groups: ["3H2"], countPerWeek: count, allowedSegments: ["instruction"])
    }

    /// Maths for 2V1 with ABE.
    public static func maths2V1(count: Int = 1) -> Lesson {
        Lesson(id: "2V1-wi", subject: "wi", teachers: ["ABE"], groups: ["2V1"], countPerWeek: count, allowedSegments: ["instruction"])
    }

    /// The fixture with these lessons.
    public static func school(with lessons: [Lesson]) -> School {
        var school = Self.school
        school.lessons = lessons
        return school
    }

    /// German, maths and science for two groups, with a block-hour cluster, a pin, a lab lesson
    /// of two periods, lesson limits (at most once a day, at least three days), a teacher with at
    /// most four days and two periods a day, an unavailable Friday and team time.
    public static var richSchool: School {
        var school = school(with: [german2V1(count: 3), german3H2(count: 3), maths2V1(count: 3)])
        school.lessons[0].maxPerDay = 1
        school.lessons[0].minDays = 3
        school.lessons[2].pinned = [at(mon, 3)]
        school.lessons.append(
            Lesson(
                id: "3H2-na", subject: "wi", teachers: ["KOK"], groups: ["3H2"], countPerWeek: 2, durationInPeriods: 2,
                roomKind: .lab, allowedSegments: ["instruction"]))
        school.lessons.append(Lesson(id: "blk-a", teachers: ["ABE"], groups: ["3H2"], countPerWeek: 1, allowedSegments: ["instruction"]))
        school.lessons.append(Lesson(id: "blk-b", teachers: ["KOK"], groups: ["3H2"], countPerWeek: 1, allowedSegments: ["instruction"]))
        school.clusters = [Cluster(id: "blk", kind: .blockHour, lessons: ["blk-a", "blk-b"])]
        school.teachers[0].maxDays = 4
        school.teachers[0].maxPeriodsPerDay = 2
        school.teachers[1].unavailable = [at(fri, 3), at(fri, 4), at(fri, 5)]
        school.teachers[1].preferredMaxDays = 3
        school.teachers[2].minPeriodsPerDay = 2
        school.teamTimes = [TeamTime(id: "dev", teachers: ["JDV", "KOK"], commonFreePeriods: 2, segment: "instruction")]
        return school
    }
}
