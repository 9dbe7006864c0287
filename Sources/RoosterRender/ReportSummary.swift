import RoosterModel
import RoosterRules

/// The totals of a quality report, the numbers a roostermaker is asked for first: the score by
/// rule, hours taught, idle periods (tussenuren) of teachers and groups, room use and instruction
/// time against the norm. The HTML report shows them above its charts; `report.json` holds them
/// for other tools.
public struct ReportSummary: Hashable, Sendable, Encodable {
    public struct RuleTotal: Hashable, Sendable, Encodable {
        public var rule: String, level: String, violations: Int, penalty: Int
    }

    /// Smallest, median and largest of a set of numbers, and their sum.
    public struct Spread: Hashable, Sendable, Encodable {
        public var count: Int, total: Int, minimum: Int, median: Int, maximum: Int

        init(_ values: [Int]) {
            let sorted = values.sorted()
            count = sorted.count
            total = sorted.reduce(0, +)
            minimum = sorted.first ?? 0
            median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
            maximum = sorted.last ?? 0
        }
    }

    public var hard: Int
    public var soft: Int
    public var rules: [RuleTotal]
    /// Periods taught a week per teacher.
    public var periodsTaught: Spread
    /// Idle periods a week per teacher and per group.
    public var teacherGaps: Spread
    public var groupGaps: Spread
    /// How many teachers (groups) have 0, 1, 2, … idle periods a week; the last bar is that many or more.
    public var teacherGapHistogram: [Int]
    public var groupGapHistogram: [Int]
    /// Average share of open room periods in use, and the busiest period's share, in percent.
    public var roomUsePercent: Int
    public var busiestPeriodPercent: Int
    /// Instruction minutes a week per student, and onderwijstijd (scheduled hours) a year when the school has a calendar.
    public var instructionMinutesPerWeek: Spread
    public var hoursPerYear: Spread?
    public var hoursNorm: Int?
    /// Students below the norm, when there is one.
    public var studentsBelowNorm: Int?
    public var schoolDaysPerYear: Int?

    /// Bars in a gap histogram: 0 to 9 idle periods, then 10 or more.
    public static let histogramBars = 11

    public init(_ report: QualityReport) {
        hard = report.check.score.hard
        soft = report.check.score.soft
        var counts: [RuleID: Int] = [:]
        var levels: [RuleID: RuleLevel] = [:]
        for violation in report.check.violations {
            counts[violation.rule, default: 0] += 1
            levels[violation.rule] = violation.level
        }
        let penalties = report.check.penaltyByRule
        rules = Set(counts.keys).union(penalties.filter { $0.value > 0 }.keys).map { rule in
            RuleTotal(
                rule: rule.rawValue, level: (levels[rule] ?? .soft).rawValue, violations: counts[rule] ?? 0,
                penalty: penalties[rule] ?? 0)
        }.sorted { ($0.level, -$0.penalty, $0.rule) < ($1.level, -$1.penalty, $1.rule) }
        periodsTaught = Spread(report.teachers.map(\.periods))
        teacherGaps = Spread(report.teachers.map(\.gaps))
        groupGaps = Spread(report.groups.map(\.gaps))
        teacherGapHistogram = Self.histogram(report.teachers.map(\.gaps))
        groupGapHistogram = Self.histogram(report.groups.map(\.gaps))
        let open = report.rooms.reduce(0) { $0 + $1.availablePeriods }
        let used = report.rooms.reduce(0) { $0 + $1.usedPeriods }
        roomUsePercent = open == 0 ? 0 : Int((Double(used) * 100 / Double(open)).rounded())
        busiestPeriodPercent = Int(((report.slotUse.map(\.share).max() ?? 0) * 100).rounded())
        instructionMinutesPerWeek = Spread(report.students.map(\.instructionMinutes))
        let yearly = report.students.compactMap(\.scheduledMinutesPerYear).map { $0 / 60 }
        hoursPerYear = report.schoolDaysPerYear == nil ? nil : Spread(yearly)
        hoursNorm = report.instructionHoursNorm
        studentsBelowNorm = report.instructionHoursNorm.flatMap { norm in
            report.schoolDaysPerYear == nil ? nil : yearly.filter { $0 < norm }.count
        }
        schoolDaysPerYear = report.schoolDaysPerYear
    }

    static func histogram(_ values: [Int]) -> [Int] {
        var bars = Array(repeating: 0, count: histogramBars)
        for value in values { bars[min(max(value, 0), histogramBars - 1)] += 1 }
        return bars
    }
}

/// The quality report as JSON (`rooster-report/1`): the summary, then every line and violation.
public struct ReportJSONRenderer: Sendable {
    public var locale: RenderLocale

    public init(locale: RenderLocale = .en) { self.locale = locale }

    struct Document: Encodable {
        var format = "rooster-report/1"
        var school: String
        var summary: ReportSummary
        var teachers: [Line]
        var groups: [Line]
        var rooms: [RoomLine]
        var students: [StudentLine]
        var roomUseByPeriod: [SlotLine]
        var violations: [ViolationLine]
    }

    struct Line: Encodable { var id: String, name: String, days: Int, periods: Int, gaps: Int }
    struct RoomLine: Encodable { var id: String, usedPeriods: Int, availablePeriods: Int }
    struct StudentLine: Encodable {
        var id: String, name: String, gaps: Int, scheduledMinutesPerWeek: Int, instructionMinutesPerWeek: Int
        var scheduledMinutesPerYear: Int?
    }
    struct SlotLine: Encodable { var day: String, period: Int, start: String, roomsUsed: Double, roomsOpen: Int }
    struct ViolationLine: Encodable {
        var rule: String, level: String, cost: Int, penalty: Int, message: String, involved: [String]
    }

    public func render(_ report: QualityReport, in school: School) -> String {
        let document = Document(
            school: report.schoolName, summary: ReportSummary(report),
            teachers: report.teachers.map { Line(id: $0.id, name: $0.name, days: $0.days, periods: $0.periods, gaps: $0.gaps) },
            groups: report.groups.map { Line(id: $0.id, name: $0.name, days: $0.days, periods: $0.periods, gaps: $0.gaps) },
            rooms: report.rooms.map { RoomLine(id: $0.id, usedPeriods: $0.usedPeriods, availablePeriods: $0.availablePeriods) },
            students: report.students.map {
                StudentLine(
                    id: $0.id, name: $0.name, gaps: $0.gaps, scheduledMinutesPerWeek: $0.scheduledMinutes,
                    instructionMinutesPerWeek: $0.instructionMinutes, scheduledMinutesPerYear: $0.scheduledMinutesPerYear)
            },
            roomUseByPeriod: report.slotUse.map {
                SlotLine(
                    day: locale.dayLabel($0.day, in: school), period: $0.period, start: $0.start.description,
                    roomsUsed: ($0.used * 100).rounded() / 100, roomsOpen: $0.available)
            },
            violations: report.check.violations.map {
                ViolationLine(
                    rule: $0.rule.rawValue, level: $0.level.rawValue, cost: $0.cost, penalty: $0.penalty,
                    message: $0.message(in: locale.messageLanguage), involved: $0.involved)
            })
        return encodeJSON(document)
    }
}
