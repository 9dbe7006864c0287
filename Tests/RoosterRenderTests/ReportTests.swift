import Foundation
import RoosterModel
import RoosterRules
import Testing

@testable import RoosterRender

/// The quality report people look at: totals that add up to the lines below them, charts drawn
/// from the same numbers, onderwijstijd a year from the calendar, and the same numbers as JSON.
@Suite("Quality report page")
struct ReportTests {
    let school = RenderFixture.school
    let timetable = RenderFixture.timetable

    @Test("The summary adds up the lines: gaps, periods taught, histograms, room use")
    func summaryAddsUp() {
        let report = QualityReport(school: school, timetable: timetable)
        let summary = ReportSummary(report)
        #expect(summary.teacherGaps.total == report.teachers.reduce(0) { $0 + $1.gaps })
        #expect(summary.groupGaps.total == report.groups.reduce(0) { $0 + $1.gaps })
        #expect(summary.periodsTaught.total == report.teachers.reduce(0) { $0 + $1.periods })
        #expect(summary.teacherGapHistogram.reduce(0, +) == report.teachers.count)
        #expect(summary.teacherGapHistogram[4] >= 1, "JDV has 4 idle periods a week")
        let group = report.groups.first { $0.id == "2V1" }
        #expect(group?.days == 5)
        #expect(summary.hard == report.check.score.hard && summary.soft == report.check.score.soft)
        #expect(summary.hoursPerYear == nil && summary.studentsBelowNorm == nil, "no calendar, no year")
        let labStart = report.slotUse.first { $0.day == 1 && $0.period == 3 }
        let labSecond = report.slotUse.first { $0.day == 1 && $0.period == 4 }
        #expect(labStart?.used == 1 && labStart?.available == 3, "Tuesday 10:00: the lab lesson, one of three rooms, in both weeks")
        #expect(labSecond?.used == 1, "its second period counts too")
        let thursday = report.slotUse.first { $0.day == 3 && $0.period == 4 }
        #expect(thursday?.used == 0.5, "geography in week A only: half a room on average over the two-week cycle")
    }

    @Test("With a calendar: onderwijstijd a year counts the school days of each cycle week, and the norm")
    func hoursPerYear() throws {
        var school = school
        let start = try #require(CalendarDate(parsing: "2026-08-31"))
        school.calendar = SchoolCalendar(
            first: start, last: start.adding(days: 27),
            holidays: [.init(name: "Holiday", first: start.adding(days: 7), last: start.adding(days: 11))],
            instructionHoursPerYear: 10)
        let report = QualityReport(school: school, timetable: timetable)
        // Four calendar weeks, one a holiday: school weeks A, B, A → 15 school days.
        #expect(report.schoolDaysPerYear == 15)
        let s2 = try #require(report.students.first { $0.id == "s2" })
        // s2 per week: German 2×50 + maths 50 + lab 110 (A and B), geography 50 (A only), mentor 20 on Mon and Fri.
        // Weeks A, B, A: 3 × (260 + 40) + 2 × 50 = 1,000 minutes.
        #expect(s2.scheduledMinutesPerYear == 1_000)
        let summary = ReportSummary(report)
        #expect(
            summary.hoursNorm == 10
                && summary.studentsBelowNorm == report.students.filter { ($0.scheduledMinutesPerYear ?? 0) / 60 < 10 }.count)
    }

    @Test("The HTML report: totals first, then SVG charts with rows by real time, then details; Dutch labels with --locale nl")
    func page() throws {
        let report = QualityReport(school: school, timetable: timetable)
        let html = HTMLRenderer(locale: .nl).reportPage(report, school, standalone: true)
        let cards = try #require(html.range(of: "class=\"cards\""))
        let chart = try #require(html.range(of: "<svg class=\"chart\""))
        let details = try #require(html.range(of: "<h2>Details</h2>"))
        #expect(cards.lowerBound < chart.lowerBound && chart.lowerBound < details.lowerBound)
        #expect(html.components(separatedBy: "<svg class=\"chart\"").count - 1 >= 3, "heat map and two gap histograms")
        #expect(html.contains("Tussenuren docenten") && html.contains("Lokaalbezetting per uur") && !html.contains("Teachers' idle"))
        #expect(!html.contains("<script"), "no scripts")
        #expect(!html.contains("href=\"index.html\""), "a standalone page links no site")
        // Heat-map rows are the distinct start times of the week, in order.
        let times = Set(report.slotUse.map(\.start)).sorted().map(\.description)
        var position = html.startIndex
        for time in times {
            let found = try #require(html.range(of: ">\(time)</text>", range: position..<html.endIndex), "row \(time)")
            position = found.upperBound
        }
    }

    @Test("report.json holds the summary and every line, and parses")
    func json() throws {
        let report = QualityReport(school: school, timetable: timetable)
        let text = ReportJSONRenderer().render(report, in: school)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "rooster-report/1")
        let summary = try #require(object["summary"] as? [String: Any])
        let gaps = try #require(summary["teacherGaps"] as? [String: Any])
        #expect(gaps["total"] as? Int == report.teachers.reduce(0) { $0 + $1.gaps })
        #expect((object["students"] as? [Any])?.count == report.students.count)
        #expect((object["roomUseByPeriod"] as? [Any])?.count == school.allSlots.count)
    }
}
