import Foundation
import RoosterModel
import RoosterTestSupport
import Testing

@testable import RoosterRender

/// Views that read at a glance: rows by the clock when days follow different templates, subject
/// colours distinct on a page, a parent's view of triad meetings, and the day overview.
@Suite("Views")
struct ViewTests {
    let school = RenderFixture.school
    let timetable = RenderFixture.timetable

    /// The fixture with Friday on a shorter template that starts at 08:45 instead of 08:15.
    var twoTemplates: School {
        var school = school
        let friday = DayTemplate(
            id: "short",
            periods: [
                Period(start: TimeOfDay(hour: 8, minute: 45), lengthInMinutes: 15, segment: "coach"),
                Period(start: TimeOfDay(hour: 9, minute: 0), lengthInMinutes: 50, segment: "choice"),
                Period(start: TimeOfDay(hour: 10, minute: 0), lengthInMinutes: 50, segment: "instruction"),
            ])
        school.dayTemplates.append(friday)
        school.days[Fixture.fri].template = "short"
        return school
    }

    @Test("Rows follow the clock: every start time of the week once, in order; a day without that time shows no period")
    func rowsByRealTime() throws {
        let school = twoTemplates
        let schedule = try #require(ScheduleBuilder(school: school, timetable: Timetable()).schedule(for: View(.group, "2V1")))
        let grid = Grid(schedule: schedule, school: school)
        let times = Set(school.days.indices.flatMap { school.periods(ofDay: $0).map(\.start.description) }).sorted()
        #expect(grid.rowLabels == times, "labels are times, never period numbers")
        let row0845 = try #require(grid.rowLabels.firstIndex(of: "08:45"))
        let row0815 = try #require(grid.rowLabels.firstIndex(of: "08:15"))
        #expect(grid.hasPeriod(Fixture.fri, row0845) && !grid.hasPeriod(Fixture.mon, row0845))
        #expect(!grid.hasPeriod(Fixture.fri, row0815) && grid.hasPeriod(Fixture.mon, row0815))
        let row1000 = try #require(grid.rowLabels.firstIndex(of: "10:00"))
        #expect(grid.hasPeriod(Fixture.fri, row1000) && grid.hasPeriod(Fixture.mon, row1000), "10:00 lines up on Monday and Friday")
        let text = TextRenderer().render(schedule, in: school)
        #expect(text.contains("08:45") && !text.contains("\n1 "), "\(text)")
        let html = HTMLRenderer().page(schedule, in: school)
        #expect(html.contains("<td class=\"none\"></td>"))
    }

    @Test("Subjects on a page get distinct colours even when the school gives two of them the same colour")
    func distinctColours() throws {
        var school = school
        for index in school.subjects.indices { school.subjects[index].color = "#e6194b" }
        let builder = ScheduleBuilder(school: school, timetable: timetable)
        let schedule = try #require(builder.schedule(for: View(.group, "2V1")))
        let colours = SubjectColours(schedule.entries, in: school)
        var seen: [String: SubjectColours.RGB] = [:]
        for entry in schedule.entries where !entry.isConversation { seen[SubjectColours.key(entry)] = colours.colour(of: entry) }
        #expect(seen.count >= 4)
        let keys = seen.keys.sorted()
        for (i, a) in keys.enumerated() {
            for b in keys[(i + 1)...] {
                let distance = SubjectColours.distance(seen[a] ?? (0, 0, 0), seen[b] ?? (0, 0, 0))
                #expect(distance >= SubjectColours.minimumDistance, "\(a) and \(b) look alike")
            }
        }
        let first = try #require(schedule.entries.first { $0.subject != nil && !$0.isConversation })
        #expect(colours.colour(of: first) == (230, 25, 75), "the first subject keeps the school's colour")
    }

    @Test("A parent's view holds their child's triad meeting; the student's names the parent; Dutch says Driegesprek")
    func parentView() throws {
        var school = school
        school.parents = [Parent(id: "p1", name: "Ouder de Boer")]
        school.students[0].parent = "p1"
        var timetable = timetable
        timetable.coachMeetings = [CoachMeeting(student: "s1", coach: "JDV", week: 0, slot: Fixture.at(Fixture.thu, 4), parent: "p1")]
        let builder = ScheduleBuilder(school: school, timetable: timetable)
        #expect(builder.views().contains(View(.parent, "p1")))
        let parent = try #require(builder.schedule(for: View(.parent, "p1")))
        #expect(parent.entries.count == 1 && parent.entries[0].kind == .triad)
        #expect(parent.entries[0].title == "Sanne de Boer, JDV")
        let student = try #require(builder.schedule(for: View(.student, "s1")))
        let triad = try #require(student.entries.first { $0.kind == .triad })
        #expect(triad.title.hasSuffix("+ Ouder de Boer"))
        #expect(RenderLocale.nl.title(of: triad).hasPrefix("Driegesprek: "))
        let page = HTMLRenderer(locale: .nl).page(parent, in: school)
        #expect(page.contains("Ouder p1") && page.contains("Driegesprek"))
        #expect(!page.contains("Coachgesprek"), "no English or coach label mixed in")
    }

    @Test("Day overview: a page per day with every teacher and group as a row and the day's periods as columns, for A3")
    func dayOverview() throws {
        var rendering = TimetableRendering(school: school, timetable: timetable)
        rendering.locale = .nl
        let files = try rendering.files(.html)
        let monday = try #require(files.first { $0.name == "day-mon.html" })
        #expect(files.filter { $0.name.hasPrefix("day-") }.count == school.days.count)
        #expect(monday.contents.contains("size: A3 landscape"))
        #expect(monday.contents.contains("<h2>Docenten</h2>") && monday.contents.contains("<h2>Klassen</h2>"))
        // JDV teaches 2V1 German in R1 on Monday at 10:00 (period 3).
        #expect(monday.contents.contains("<tr><th>JDV</th>"))
        #expect(monday.contents.contains(">2V1 R1</td>"))
        let index = try #require(files.first { $0.name == "index.html" })
        #expect(index.contents.contains("href=\"day-mon.html\""))
    }
}
