import Foundation
import RoosterModel
import RoosterTestSupport
import Testing

@testable import RoosterRender

/// The dated school year: cycle weeks counted over school weeks, holidays and study days without
/// lessons, regional holidays, a week's choices dated to that week, and repeat rules that expand to
/// exactly the dates meant.
@Suite("School calendar")
struct CalendarTests {
    let school = RenderFixture.school
    let timetable = RenderFixture.timetable

    func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(parsing: text)) }

    /// Eight weeks from Monday 31 August 2026, a holiday week in October (19–23), a study day on
    /// Friday 9 October and a spring-style holiday of another region that must not count.
    func calendar(counting: SchoolCalendar.CycleCounting = .schoolWeeks) throws -> SchoolCalendar {
        SchoolCalendar(
            first: try date("2026-08-31"), last: try date("2026-10-30"), region: "midden",
            holidays: [
                .init(name: "Herfstvakantie", first: try date("2026-10-17"), last: try date("2026-10-25")),
                .init(name: "Elsewhere", first: try date("2026-09-07"), last: try date("2026-09-11"), regions: ["zuid"]),
            ],
            studyDays: [.init(name: "Studiedag", first: try date("2026-10-09"))], cycleCounting: counting)
    }

    @Test("Cycle weeks follow the school weeks: the week after a one-week holiday continues A/B where it stopped")
    func cycleOverSchoolWeeks() throws {
        let weeks = try calendar().weeks(of: school.days, weeksInCycle: 2)
        #expect(weeks.count == 9)
        #expect(weeks.map { $0.cycleWeek.map { RenderLocale.en.weekName($0) } ?? "-" } == ["A", "B", "A", "B", "A", "B", "A", "-", "B"])
        #expect(weeks[1].days.allSatisfy { $0.status.isSchool }, "the other region's holiday does not close this school")
        #expect(weeks[5].days[4].status == .studyDay("Studiedag"))
        let byCalendar = try calendar(counting: .calendarWeeks).weeks(of: school.days, weeksInCycle: 2)
        #expect(byCalendar.map { $0.cycleWeek ?? -1 } == [0, 1, 0, 1, 0, 1, 0, -1, 0], "calendar weeks keep parity over the holiday")
    }

    @Test("Restarting the cycle: from the given week on, counting starts again at the given letter")
    func restart() throws {
        var calendar = try calendar()
        calendar.cycleRestarts = [.init(date: try date("2026-09-16"), week: 0)]
        let weeks = calendar.weeks(of: school.days, weeksInCycle: 2)
        #expect(weeks.prefix(4).map { $0.cycleWeek } == [0, 1, 0, 1])
        calendar.cycleRestarts = [.init(date: try date("2026-09-07"), week: 0)]
        #expect(calendar.weeks(of: school.days, weeksInCycle: 2).prefix(3).map { $0.cycleWeek } == [0, 0, 1])
    }

    @Test("iCalendar with a school calendar: no lesson on a holiday or study day, holidays as EXDATE, expansion matches")
    func icsSkipsHolidays() throws {
        var school = school
        school.calendar = try calendar()
        let renderer = ICSRenderer(weeks: school.calendarWeeks())
        let builder = ScheduleBuilder(school: school, timetable: timetable)
        let group = try #require(builder.schedule(for: View(.group, "2V1")))
        let text = renderer.render(group, in: school)
        let closed = Set((19...23).map { "202610\($0)" } + ["20261009"])
        var seen: [String] = []
        for entry in group.entries {
            let dates = renderer.dates(of: entry)
            #expect(!dates.isEmpty)
            for date in dates {
                #expect(!closed.contains(date.compact), "\(entry.title) on \(date)")
                #expect(date.weekday == school.days[entry.day].weekday)
            }
            seen += dates.map(\.compact)
        }
        #expect(seen.contains("20261026") && seen.contains("20261016"), "lessons the week before and after the holiday")
        #expect(text.contains("EXDATE;TZID=Europe/Amsterdam:20261019T"), "the Monday of the holiday week is an exception of a weekly rule")
        #expect(!text.contains("DTSTART;TZID=Europe/Amsterdam:2026101"), "no event starts in the holiday week")
    }

    @Test("A student's choice lesson is dated to the enrolment's week only; the teacher's session runs every week")
    func choiceOnlyThatWeek() throws {
        var school = school
        school.calendar = try calendar()
        let builder = ScheduleBuilder(school: school, timetable: timetable)
        let student = try #require(builder.schedule(for: View(.student, "s1")))
        let choice = try #require(student.entries.first { $0.kind == .choice })
        #expect(choice.chosen)
        let week = try date("2026-09-16")
        let renderer = ICSRenderer(weeks: school.calendarWeeks(), enrolmentWeek: week)
        #expect(renderer.dates(of: choice).map(\.description) == ["2026-09-15"], "Tuesday of the week of 16 September")
        #expect(ICSRenderer(weeks: school.calendarWeeks()).dates(of: choice).map(\.description) == ["2026-09-01"], "default: first week")
        let teacher = try #require(builder.schedule(for: View(.teacher, "ABE")))
        let session = try #require(teacher.entries.first { $0.kind == .choice })
        #expect(!session.chosen && renderer.dates(of: session).count == 8, "eight school Tuesdays in the term")
        let text = renderer.render(student, in: school)
        let choiceEvents = text.components(separatedBy: "BEGIN:VEVENT").filter { $0.contains("CATEGORIES:choice") }
        #expect(choiceEvents.count == 1 && !choiceEvents[0].contains("RRULE"))
    }

    @Test("Runs expand to exactly the given dates (random date sets, seed 7)")
    func runsExpandExactly() throws {
        var generator = SeededGenerator(seed: 7)
        let start = try date("2026-08-31")
        print("runsExpandExactly: seed 7")
        for _ in 0..<200 {
            let step = [7, 14, 21].randomElement(using: &generator) ?? 7
            let dates = (0..<40).filter { _ in Bool.random(using: &generator) }.map { start.adding(days: $0 * 7) }
            let runs = ICSRenderer.runs(of: dates, step: step)
            var expanded: [CalendarDate] = []
            for run in runs {
                let points = (0..<run.count).map { run.first.adding(days: $0 * step) }
                #expect(Set(run.skipped).isSubset(of: Set(points)))
                expanded += points.filter { !run.skipped.contains($0) }
            }
            #expect(expanded.sorted() == dates)
        }
    }

    @Test("Calendar CSV and HTML: a row per week, the holiday named, the cycle letter of each school week")
    func calendarViews() throws {
        var school = school
        school.calendar = try calendar()
        var rendering = TimetableRendering(school: school, timetable: timetable)
        rendering.locale = .nl
        let csv = try #require(try rendering.files(.csv).first { $0.name == "calendar.csv" })
        let lines = csv.contents.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 10 && lines[0].hasSuffix("Week,Maandag,Cyclusweek,ma,di,wo,do,vr"))
        #expect(lines[8].hasPrefix("43,2026-10-19,–,2026-10-19 Herfstvakantie"))
        let html = try #require(try rendering.files(.html).first { $0.name == "calendar.html" })
        #expect(html.contents.contains("<td class=\"holiday\">19-10 <small>Herfstvakantie</small></td>"))
        #expect(html.contents.contains("Schooldagen: <strong>39</strong>"), "8 school weeks × 5 days, minus the study day")
        rendering.termStart = try date("2026-08-31")
        #expect(throws: TimetableRendering.Problem.termGivenTwice) { try rendering.files(.ics) }
    }

    @Test("ISO week numbers at year ends")
    func isoWeeks() throws {
        let weeks = try ["2026-12-28", "2027-01-04", "2026-08-31", "2021-01-03"].map { try date($0).isoWeek }
        #expect(weeks == [53, 1, 36, 53])
        #expect(CalendarDate(parsing: "99999-01-01") == nil && CalendarDate(parsing: "9223372036854775807-01-01") == nil)
    }
}
