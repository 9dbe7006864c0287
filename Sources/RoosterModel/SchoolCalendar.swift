/// The school year in dates: when the term runs, the holidays and study days when nobody comes,
/// the exam weeks when the regular timetable is set aside, and which week of the cycle (A/B/C)
/// each school week is. Renderers use it to date lessons (no event on a holiday) and the quality
/// report to count instruction hours per year (onderwijstijd).
public struct SchoolCalendar: Hashable, Sendable {
    /// How the A/B/C weeks advance.
    public enum CycleCounting: String, CaseIterable, Sendable {
        /// Only weeks with school count: after a one-week holiday, A follows the A before it with B.
        case schoolWeeks
        /// Every calendar week counts, holidays included (week parity stays fixed).
        case calendarWeeks
    }

    /// A named stretch of dates, both ends included; `regions` empty means every region.
    public struct DatedPeriod: Hashable, Sendable {
        public var name: String
        public var first: CalendarDate
        public var last: CalendarDate
        public var regions: [String]

        public init(name: String, first: CalendarDate, last: CalendarDate? = nil, regions: [String] = []) {
            self.name = name
            self.first = first
            self.last = last ?? first
            self.regions = regions
        }

        public func contains(_ date: CalendarDate) -> Bool { first <= date && date <= last }
    }

    /// From the school week holding `date` on, the cycle counts again from `week` (0 = A).
    public struct CycleRestart: Hashable, Sendable {
        public var date: CalendarDate
        public var week: Int

        public init(date: CalendarDate, week: Int) {
            self.date = date
            self.week = week
        }
    }

    /// First and last day of the term (or school year).
    public var first: CalendarDate
    public var last: CalendarDate
    /// The school's holiday region (`noord`, `midden`, `zuid`); holidays for other regions are ignored.
    public var region: String?
    public var holidays: [DatedPeriod]
    public var studyDays: [DatedPeriod]
    public var examWeeks: [DatedPeriod]
    public var cycleCounting: CycleCounting
    public var cycleRestarts: [CycleRestart]
    /// The instruction hours a student should get in the year (the school's reading of the
    /// onderwijstijd norm), shown against each student's hours in the report.
    public var instructionHoursPerYear: Int?

    public init(
        first: CalendarDate, last: CalendarDate, region: String? = nil, holidays: [DatedPeriod] = [], studyDays: [DatedPeriod] = [],
        examWeeks: [DatedPeriod] = [], cycleCounting: CycleCounting = .schoolWeeks, cycleRestarts: [CycleRestart] = [],
        instructionHoursPerYear: Int? = nil
    ) {
        self.first = first
        self.last = last
        self.region = region
        self.holidays = holidays
        self.studyDays = studyDays
        self.examWeeks = examWeeks
        self.cycleCounting = cycleCounting
        self.cycleRestarts = cycleRestarts
        self.instructionHoursPerYear = instructionHoursPerYear
    }

    /// A term without holidays: `weeks` weeks from `start`, as `--term-start` and `--term-weeks` give.
    public static func plainTerm(from start: CalendarDate, weeks: Int) -> SchoolCalendar {
        let monday = start.adding(days: -start.weekday)
        return SchoolCalendar(first: start, last: monday.adding(days: max(weeks, 1) * 7 - 1))
    }

    /// What a school day's date is.
    public enum DayStatus: Hashable, Sendable {
        case school
        case holiday(String)
        case studyDay(String)
        case exam(String)
        case outsideTerm

        public var isSchool: Bool { self == .school }
        public var isExam: Bool { if case .exam = self { true } else { false } }
    }

    /// One school day of the timetable on a date.
    public struct DatedDay: Hashable, Sendable {
        /// Index into `School.days`.
        public var day: Int
        public var date: CalendarDate
        public var status: DayStatus
    }

    /// One calendar week of the term.
    public struct Week: Hashable, Sendable {
        public var monday: CalendarDate
        /// The week of the cycle (0 = A), nil when the week has no school at all.
        public var cycleWeek: Int?
        public var days: [DatedDay]

        public var schoolDays: [DatedDay] { days.filter { $0.status.isSchool } }
    }

    /// Whether a holiday applies to the school's region.
    func applies(_ period: DatedPeriod) -> Bool {
        period.regions.isEmpty || region.map(period.regions.contains) ?? true
    }

    /// The status of a date.
    public func status(of date: CalendarDate) -> DayStatus {
        guard first <= date, date <= last else { return .outsideTerm }
        if let holiday = holidays.first(where: { applies($0) && $0.contains(date) }) { return .holiday(holiday.name) }
        if let study = studyDays.first(where: { applies($0) && $0.contains(date) }) { return .studyDay(study.name) }
        if let exam = examWeeks.first(where: { applies($0) && $0.contains(date) }) { return .exam(exam.name) }
        return .school
    }

    /// Every week of the term, Monday to Monday, with the school's days dated and the cycle week
    /// counted. A school day that names no weekday falls on its position from Monday.
    public func weeks(of days: [Day], weeksInCycle: Int) -> [Week] {
        let cycle = max(weeksInCycle, 1)
        let weekdays = days.enumerated().map { index, day in day.weekday ?? min(index, 6) }
        let firstMonday = first.adding(days: -first.weekday)
        // Validation keeps a calendar within InputRanges.calendarDays; an unvalidated one is cut there.
        let weekCount = min((last.daysSinceEpoch - firstMonday.daysSinceEpoch) / 7 + 1, InputRanges.calendarDays.upperBound / 7 + 2)
        let restarts = cycleRestarts.map { ($0.date.adding(days: -$0.date.weekday), $0.week) }
        var weeks: [Week] = []
        var counter = 0
        for index in 0..<max(weekCount, 0) {
            let monday = firstMonday.adding(days: index * 7)
            let dated = weekdays.enumerated().map { day, weekday in
                let date = monday.adding(days: weekday)
                return DatedDay(day: day, date: date, status: status(of: date))
            }
            if let restart = restarts.last(where: { $0.0 == monday }) { counter = restart.1 }
            let hasSchool = dated.contains { $0.status.isSchool || $0.status.isExam }
            weeks.append(Week(monday: monday, cycleWeek: hasSchool ? counter % cycle : nil, days: dated))
            if hasSchool || cycleCounting == .calendarWeeks { counter += 1 }
        }
        return weeks
    }
}

extension School {
    /// The dated weeks of the school's calendar, or of `fallback` when the school has none.
    public func calendarWeeks(_ fallback: SchoolCalendar? = nil) -> [SchoolCalendar.Week] {
        guard let calendar = calendar ?? fallback else { return [] }
        return calendar.weeks(of: days, weeksInCycle: weeksInCycle)
    }
}
