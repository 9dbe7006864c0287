import RoosterIO
import RoosterModel

/// The school year week by week, as roostermakers and parents read it: each week's ISO number and
/// Monday, its cycle week (A/B/C), and per school day whether there is school or why not (the
/// holiday, study day or exam week). Rendered as CSV and as HTML rows.
public struct CalendarRenderer: Sendable {
    public var locale: RenderLocale

    public init(locale: RenderLocale = .en) { self.locale = locale }

    /// What a day's cell says: empty for an ordinary school day.
    public func note(_ status: SchoolCalendar.DayStatus) -> String {
        switch status {
        case .school: ""
        case .holiday(let name): name
        case .studyDay(let name): labelled(name, .studyDay)
        case .exam(let name): labelled(name, .examWeek)
        case .outsideTerm: "–"
        }
    }

    /// `Studiedag: teachers' conference`, but just `Studiedag` or `Toetsweek 2` when the name says it already.
    private func labelled(_ name: String, _ kind: Word) -> String {
        name.lowercased().contains(locale.word(kind).lowercased()) ? name : "\(locale.word(kind)): \(name)"
    }

    /// The header and one row per week: week number, Monday, cycle week, then one cell per school day.
    public func rows(_ weeks: [SchoolCalendar.Week], in school: School) -> [[String]] {
        [header(in: school)]
            + weeks.map { week in
                [
                    "\(week.monday.isoWeek)", week.monday.description, week.cycleWeek.map(locale.weekName) ?? "–",
                ] + week.days.map { day in day.status.isSchool ? day.date.description : "\(day.date) \(note(day.status))" }
            }
    }

    /// Week number, Monday, cycle week, then the school's days.
    public func header(in school: School) -> [String] {
        [locale.word(.weekNumber), locale.word(.monday), locale.word(.cycleWeek)]
            + school.days.indices.map { locale.dayLabel($0, in: school) }
    }

    /// Counts of the year: school days per school day of the week summed, and days closed.
    public func totals(_ weeks: [SchoolCalendar.Week]) -> (schoolDays: Int, closedDays: Int, examDays: Int, schoolWeeks: Int) {
        let days = weeks.flatMap(\.days)
        let school = days.filter { $0.status.isSchool }.count
        let exam = days.filter { $0.status.isExam }.count
        let closed = days.filter { $0.status != .outsideTerm && !$0.status.isSchool && !$0.status.isExam }.count
        return (school, closed, exam, weeks.filter { $0.cycleWeek != nil }.count)
    }

    public func csv(_ weeks: [SchoolCalendar.Week], in school: School, delimiter: Character) -> String {
        "\u{FEFF}"
            + rows(weeks, in: school).map { row in
                row.map { CSVField.escape($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + "\r\n"
            }.joined()
    }
}

extension CalendarDate {
    /// The ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday).
    public var isoWeek: Int {
        let thursday = adding(days: 3 - weekday)
        let januaryFirst = CalendarDate(year: thursday.year, month: 1, day: 1)
        return (thursday.daysSinceEpoch - januaryFirst.daysSinceEpoch) / 7 + 1
    }
}
