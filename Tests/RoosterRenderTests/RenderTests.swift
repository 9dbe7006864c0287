import Foundation
import RoosterModel
import RoosterRules
import RoosterTestSupport
import Testing

@testable import RoosterRender

/// A two-week school with every kind of entry: weekly lessons, a two-period lab lesson, a lesson in
/// week A only, a mentor lesson that on-track students skip Tuesday to Thursday, a choice session
/// with one student enrolled, and a coach conversation in week B.
enum RenderFixture {
    typealias F = Fixture

    static var school: School {
        var school = F.school(with: [F.german2V1(count: 2), F.maths2V1(count: 1)])
        school.name = "Fixture <College>"
        school.weeksInCycle = 2
        school.subjects[0].color = "#ffd8a8"
        school.lessons += [
            Lesson(id: "2V1-men", subject: "men", teachers: ["JDV"], groups: ["2V1"], countPerWeek: 5, allowedSegments: ["mentor"]),
            Lesson(
                id: "2V1-na", teachers: ["KOK"], groups: ["2V1"], durationInPeriods: 2, roomKind: .lab, allowedSegments: ["instruction"]),
            Lesson(id: "2V1-ak", teachers: ["ABE"], groups: ["2V1"], allowedSegments: ["instruction"], weeks: [0]),
            Lesson(
                id: "keuze-wi", subject: "wi", teachers: ["ABE"], allowedSegments: ["choice"],
                choice: ChoiceSettings(kind: .support, capacity: 20)),
        ]
        school.exemptions = [Exemption(lesson: "2V1-men", days: [F.tue, F.wed, F.thu])]
        school.coaching = CoachingPolicy(lengthInMinutes: 15, intervalInWeeks: 2, segment: "coach")
        school.students[0].name = "Sanne de Boer"
        return school
    }

    static var timetable: Timetable {
        var placements = [
            Placement(lesson: "2V1-du", start: F.at(F.mon, 3), rooms: ["R1"]),
            Placement(lesson: "2V1-du", start: F.at(F.wed, 5), rooms: ["R1"]),
            Placement(lesson: "2V1-wi", start: F.at(F.mon, 5), rooms: ["R2"]),
            Placement(lesson: "2V1-na", start: F.at(F.tue, 3), rooms: ["LAB"]),
            Placement(lesson: "2V1-ak", start: F.at(F.thu, 4), rooms: ["R2"]),
            Placement(lesson: "keuze-wi", start: F.at(F.tue, 2), rooms: ["R2"]),
        ]
        for day in 0..<5 { placements.append(Placement(lesson: "2V1-men", start: F.at(day, 1), rooms: ["R1"])) }
        return Timetable(
            placements: placements,
            enrolments: [Enrolment(student: "s1", lesson: "keuze-wi", start: F.at(F.tue, 2))],
            coachMeetings: [CoachMeeting(student: "s1", coach: "JDV", week: 1, slot: F.at(F.mon, 0))])
    }
}

@Suite("Rendering")
struct RenderTests {
    let school = RenderFixture.school
    let timetable = RenderFixture.timetable
    var builder: ScheduleBuilder { ScheduleBuilder(school: school, timetable: timetable) }

    /// Compares with a file in Golden/; `ROOSTER_UPDATE_GOLDEN=1 swift test` rewrites the files.
    func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        if ProcessInfo.processInfo.environment["ROOSTER_UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: source)
            return
        }
        let golden = try #require(Bundle.module.url(forResource: "Golden/\(name)", withExtension: nil), "missing golden file \(name)")
        let expected = String(decoding: try Data(contentsOf: golden), as: UTF8.self)  // keeps a byte-order mark
        #expect(text == expected, "\(name) differs from its golden file", sourceLocation: sourceLocation)
    }

    @Test(
        "A student sees their group's lessons, their choice session and coach conversation, and not the mentor lesson they are exempt from")
    func studentView() throws {
        var school = self.school
        school.students[0].onTrack = true
        let schedule = try #require(ScheduleBuilder(school: school, timetable: timetable).schedule(for: View(.student, "s1")))
        let mentorDays = schedule.entries.filter { $0.lesson == "2V1-men" }.map(\.day)
        #expect(mentorDays == [Fixture.mon, Fixture.fri], "on-track: no mentor lesson Tue–Thu")
        #expect(schedule.entries.contains { $0.kind == .choice && $0.lesson == "keuze-wi" && $0.enrolled == 1 })
        let coach = try #require(schedule.entries.first { $0.kind == .coach })
        #expect(coach.weeks == [1] && coach.minutes == 15 && coach.title == "JDV")
        let other = try #require(builder.schedule(for: View(.student, "s2")))
        #expect(!other.entries.contains { $0.kind == .choice }, "s2 is not enrolled in the choice session")
        #expect(builder.schedule(for: View(.student, "nobody")) == nil)
    }

    @Test("The terminal grid wraps a cell between words instead of cutting it; a word longer than the column is split")
    func wrapping() {
        let renderer = TextRenderer(columnWidth: 10)
        #expect(renderer.wrap("Coach conversation Sanne de Boer (B)") == ["Coach", "conversati", "on Sanne", "de Boer", "(B)"])
        #expect(renderer.wrap("German 2V1") == ["German 2V1"])
        #expect(renderer.wrap("") == [""])
    }

    @Test("Terminal grid of a teacher and of a group in Dutch match their golden files")
    func text() throws {
        let english = TextRenderer(locale: .en)
        try expectGolden(english.render(try #require(builder.schedule(for: View(.teacher, "JDV"))), in: school), "teacher-JDV.txt")
        let dutch = TextRenderer(locale: .nl)
        let group = try #require(builder.schedule(for: View(.group, "2V1")))
        let rendered = dutch.render(group, in: school)
        #expect(rendered.contains("ma ") && rendered.contains("vr"), "Dutch day labels")
        try expectGolden(rendered, "group-2V1.nl.txt")
    }

    @Test("CSV for Dutch Excel: BOM, semicolons, CRLF, quoted fields, no formulas; matches its golden file")
    func csv() throws {
        let schedules = try TimetableRendering(school: school, timetable: timetable).schedules([View(.group, "2V1"), View(.student, "s1")])
        let csv = CSVRenderer(locale: .nl, delimiter: ";").render(schedules, in: school)
        #expect(csv.hasPrefix("\u{FEFF}view;name;day;"))
        #expect(csv.contains("\r\n"))
        try expectGolden(csv, "views.nl.csv")
        var tricky = schedules[0]
        tricky.entries[0].title = "=HYPERLINK(\"x\"); \"quoted\""
        let line = CSVRenderer(delimiter: ";").render([tricky], in: school).components(separatedBy: "\r\n")[1]
        #expect(line.contains("\"'=HYPERLINK(\"\"x\"\"); \"\"quoted\"\"\""), "\(line)")
    }

    @Test("iCalendar: real dates from the term start, A-week lessons every other week, folded lines; matches its golden file")
    func ics() throws {
        let start = try #require(CalendarDate(parsing: "2026-08-31"))
        let renderer = ICSRenderer(locale: .en, weeks: school.calendarWeeks(.plainTerm(from: start, weeks: 10)))
        let calendar = renderer.render(try #require(builder.schedule(for: View(.student, "s1"))), in: school)
        #expect(calendar.contains("DTSTART;TZID=Europe/Amsterdam:20260831T100000"), "German on Monday of week A at 10:00")
        #expect(calendar.contains("RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=10"), "a lesson of every week repeats weekly for the 10 weeks")
        #expect(calendar.contains("RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=5"), "the A-week lesson: every 2 weeks")
        #expect(calendar.contains("DTSTART;TZID=Europe/Amsterdam:20260907T081500"), "the coach conversation in week B")
        for line in calendar.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        try expectGolden(calendar, "student-s1.ics")
    }

    @Test("Long iCalendar lines fold at 75 octets without splitting a character, and unfold to the original")
    func folding() throws {
        var schedule = try #require(builder.schedule(for: View(.teacher, "JDV")))
        let title = String(repeating: "Één ë ", count: 30)
        schedule.entries[0].title = title
        let start = try #require(CalendarDate(parsing: "2026-08-31"))
        let calendar = ICSRenderer(weeks: school.calendarWeeks(.plainTerm(from: start, weeks: 20))).render(schedule, in: school)
        for line in calendar.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        let unfolded = calendar.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains(title), "the folded summary unfolds to the original text")
    }

    @Test("Dates: weekdays and day arithmetic over month and year ends")
    func dates() throws {
        let monday = try #require(CalendarDate(parsing: "2026-11-23"))
        #expect(monday.weekday == 0)
        #expect(monday.adding(days: 40).description == "2027-01-02")
        #expect(CalendarDate(parsing: "2024-02-29")?.adding(days: 1).description == "2024-03-01")
        #expect(CalendarDate(parsing: "2026-02-30") == nil && CalendarDate(parsing: "31-08-2026") == nil)
    }

    @Test("File names are safe: no escape from the folder, no device names, no clashes by case")
    func fileNames() {
        let names = FileNames()
        let made = ["../../x", "CON", "con.txt", "a/b", ".hidden", "2V1", "2v1", "", "Ü ber"].map { names.unique($0, extension: "html") }
        #expect(Set(made.map { $0.lowercased() }).count == made.count)
        for name in made {
            #expect(!name.contains("/") && !name.hasPrefix(".") && !name.contains(".."), "\(name)")
            #expect(!FileNames.reserved.contains(name.split(separator: ".")[0].lowercased()), "\(name)")
        }
    }

    @Test("HTML: an index linking every page, a week grid per view with escaped names, and no half-written files")
    func html() throws {
        let rendering = TimetableRendering(school: school, timetable: timetable)
        let files = try rendering.files(.html)
        let index = try #require(files.first { $0.name == "index.html" })
        #expect(index.contents.contains("Fixture &lt;College&gt;") && !index.contents.contains("<College>"))
        for file in files where file.name != "index.html" && file.name != "report.html" {
            #expect(index.contents.contains("href=\"\(file.name)\""), "\(file.name) is linked")
        }
        let page = try #require(files.first { $0.name == "group-2V1.html" })
        #expect(page.contents.components(separatedBy: "<tr><th>").count - 1 == 1 + 6, "a header row and six period rows")
        #expect(page.contents.components(separatedBy: "<th>").count - 1 >= 5 + 6, "five day columns")
        #expect(page.contents.contains("@page { size: A4 landscape"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rooster-html-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try RenderOutput.write(files, to: folder)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(written == files.map(\.name).sorted(), "exactly the rendered files, no temporary leftovers")
        #expect(throws: RenderOutput.WriteError.self) {
            try RenderOutput.write([RenderedFile(name: "../x.html", contents: "")], to: folder)
        }
    }

    @Test("Quality report: a teacher's idle periods, days, room use and a student's instruction minutes")
    func report() throws {
        let report = QualityReport(school: school, timetable: timetable)
        let jdv = try #require(report.teachers.first { $0.id == "JDV" })
        // JDV: mentor 08:30 daily, German Mon 10:00 and Wed 12:00, coach Mon 08:15 in week B only.
        #expect(jdv.days == 5)
        #expect(
            jdv.gaps == 4, "Monday: mentor at period 1, German at 3, one idle; Wednesday: mentor at 1, German at 5, three idle; both weeks")
        let s2 = try #require(report.students.first { $0.id == "s2" })
        // s2 (2V1, on track): German 2×50, maths 50, the lab 10:00–11:50 (110), geography 50 in week A only
        // → (260 × 2 + 50) / 2 = 285 instruction minutes; plus the mentor lesson (20) on Monday and Friday only.
        #expect(s2.instructionMinutes == 285)
        #expect(s2.scheduledMinutes == 285 + 2 * 20)
        let lab = try #require(report.rooms.first { $0.id == "LAB" })
        #expect(lab.usedPeriods == 2 && lab.availablePeriods == 30)
        let text = QualityReportRenderer(locale: .nl).text(report)
        #expect(text.contains("Tussenuren") && text.contains("Onderwijstijd"))
    }
}
