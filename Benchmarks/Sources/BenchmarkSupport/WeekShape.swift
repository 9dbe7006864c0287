import Rooster

/// What a roostermaker looks at first in a week, measured: class-days without instruction or with a
/// single lesson period, tussenuren of groups and teachers, and the hard violations of every layer.
public struct WeekShape {
    /// Group-days on which the group attends school and its week could fill every day.
    public var classDays = 0
    /// Of those, days without a lesson period outside mentor, choice, independent-work and coaching periods.
    public var withoutInstruction = 0
    /// Of those, days with exactly one such lesson period.
    public var withOneLesson = 0
    /// Unweighted costs of `groupGaps` and `teacherGaps` (idle periods).
    public var groupGaps = 0
    public var teacherGaps = 0
    /// Choice lessons the base timetable cannot seat (`choiceSeats`).
    public var choiceSeatShortfall = 0
    /// Hard violations of the timetable as given (every layer it has).
    public var hard = 0

    public init(school: School, timetable: Timetable) {
        let lessons = Dictionary(school.lessons.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var taught: [Group.ID: [Int: Set<Int>]] = [:]
        for placement in timetable.placements {
            guard let lesson = lessons[placement.lesson], lesson.choice == nil else { continue }
            for slot in school.occupiedSlots(from: placement.start, durationInPeriods: lesson.durationInPeriods)
            where school.isGroupTeachingPeriod(slot) {
                for group in lesson.groups { taught[group, default: [:]][slot.day, default: []].insert(slot.period) }
            }
        }
        for group in school.groups {
            let days = school.days.indices.filter { school.attends(group, day: $0) }
            guard school.weeklyTeachingPeriods(of: group.id) >= days.count else { continue }
            for day in days {
                classDays += 1
                let count = taught[group.id]?[day]?.count ?? 0
                if count == 0 { withoutInstruction += 1 }
                if count == 1 { withOneLesson += 1 }
            }
        }
        let report = Checker(weightOverrides: [.groupGaps: 1, .teacherGaps: 1]).check(timetable, against: school)
        for violation in report.violations {
            switch violation.rule {
            case .groupGaps: groupGaps += violation.cost
            case .teacherGaps: teacherGaps += violation.cost
            case .choiceSeats: choiceSeatShortfall += violation.cost
            default: break
            }
        }
        hard = report.score.hard
    }
}
