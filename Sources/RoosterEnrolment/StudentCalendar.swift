import RoosterModel

/// When each student is already busy in a base timetable: the lessons of their groups (block hours
/// included, whichever lesson of the block they take), minus lessons they are exempted from (an
/// on-track student skipping the mentor lesson), plus their coach conversations.
///
/// Choice sessions in those periods would clash; the periods left are where enrolment may place them.
struct StudentCalendar: Sendable {
    /// Busy periods per student, by index into ``School/students``.
    let busy: [Set<TimeSlot>]
    /// For each busy period of a student, the lesson that fills it (for reasons in words).
    let busyBecause: [[TimeSlot: Lesson.ID]]

    /// - Parameter week: the week of the cycle to enrol for (from 0); nil counts every week.
    init(school: School, timetable: Timetable, week: Int?) {
        let lessons = Dictionary(school.lessons.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let exemptDays = Dictionary(school.exemptions.map { ($0.lesson, $0.days) }, uniquingKeysWith: { $0.union($1) })
        var slotsOfGroup: [Group.ID: [(lesson: Lesson.ID, slots: [TimeSlot])]] = [:]
        for placement in timetable.placements {
            guard let lesson = lessons[placement.lesson], lesson.choice == nil else { continue }
            if let week, let weeks = lesson.weeks, !weeks.contains(week) { continue }
            let slots = school.occupiedSlots(from: placement.start, durationInPeriods: lesson.durationInPeriods)
            for group in Set(lesson.groups) { slotsOfGroup[group, default: []].append((lesson.id, slots)) }
        }
        let index = Dictionary(school.students.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var busy = [Set<TimeSlot>](repeating: [], count: school.students.count)
        var because = [[TimeSlot: Lesson.ID]](repeating: [:], count: school.students.count)
        for (position, student) in school.students.enumerated() {
            for group in Set(student.groups) {
                for (lesson, slots) in slotsOfGroup[group] ?? [] {
                    if student.onTrack, let days = exemptDays[lesson], let day = slots.first?.day, days.contains(day) { continue }
                    for slot in slots {
                        busy[position].insert(slot)
                        because[position][slot] = lesson
                    }
                }
            }
        }
        for meeting in timetable.coachMeetings ?? [] where week == nil || meeting.week == week {
            guard let position = index[meeting.student] else { continue }
            busy[position].insert(meeting.slot)
        }
        self.busy = busy
        self.busyBecause = because
    }
}
