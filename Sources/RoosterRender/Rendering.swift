import Foundation
import RoosterIO
import RoosterModel
import RoosterRules

/// The output formats of `rooster render`.
public enum RenderFormat: String, CaseIterable, Sendable {
    case text, html, csv, ics, json
}

/// Renders the chosen views of a timetable in one format, as files for a folder.
public struct TimetableRendering: Sendable {
    public let school: School
    public let timetable: Timetable
    public var locale: RenderLocale = .en
    /// Field separator of CSV files (`;` for Dutch Excel).
    public var csvDelimiter: Character = ","
    /// First day of week A and the weeks of the term, for iCalendar dates of a school whose file
    /// has no calendar (``RoosterModel/SchoolCalendar/plainTerm(from:weeks:)``).
    public var termStart: CalendarDate?
    public var termWeeks = 20
    /// A day in the week whose enrolment the timetable holds (see ``ICSRenderer/enrolmentWeek``).
    public var enrolmentWeek: CalendarDate?
    public var checker = Checker()

    public init(school: School, timetable: Timetable) {
        self.school = school
        self.timetable = timetable
    }

    /// Problems with the request: unknown views, an iCalendar without a term start.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unknownView(View)
        case termStartNeeded
        case termGivenTwice

        public var description: String {
            switch self {
            case .unknownView(let view): "The school has no \(view.kind.rawValue) '\(view.id)'"
            case .termStartNeeded:
                "iCalendar files need real dates: add a calendar to the school file (docs/school-format.md), or give the first day of week A with --term-start YYYY-MM-DD"
            case .termGivenTwice:
                "The school file has a calendar; --term-start and --term-weeks are for schools without one (leave them out, or change the calendar)"
            }
        }
    }

    /// The schedules of the views, or every view when `views` is empty.
    public func schedules(_ views: [View]) throws(Problem) -> [Schedule] {
        let builder = ScheduleBuilder(school: school, timetable: timetable)
        let chosen = views.isEmpty ? builder.views() : views
        var schedules: [Schedule] = []
        for view in chosen {
            guard let schedule = builder.schedule(for: view) else { throw .unknownView(view) }
            schedules.append(schedule)
        }
        return schedules
    }

    /// The dated weeks: the school's calendar, or a plain term from `termStart`.
    public func calendarWeeks() throws(Problem) -> [SchoolCalendar.Week] {
        if school.calendar != nil {
            guard termStart == nil else { throw .termGivenTwice }
            return school.calendarWeeks()
        }
        guard let termStart else { throw .termStartNeeded }
        return school.calendarWeeks(.plainTerm(from: termStart, weeks: termWeeks))
    }

    public func files(_ format: RenderFormat, views: [View] = []) throws(Problem) -> [RenderedFile] {
        let schedules = try schedules(views)
        let names = FileNames()
        switch format {
        case .text:
            let renderer = TextRenderer(locale: locale)
            return schedules.map { schedule in
                RenderedFile(
                    name: names.unique(schedule.view.kind.rawValue + "-" + schedule.view.id, extension: "txt"),
                    contents: renderer.render(schedule, in: school))
            }
        case .html:
            let report = views.isEmpty ? QualityReport(school: school, timetable: timetable, checker: checker) : nil
            let calendar = views.isEmpty && school.calendar != nil ? school.calendarWeeks() : []
            let overview = views.isEmpty ? ScheduleBuilder(school: school, timetable: timetable) : nil
            return HTMLRenderer(locale: locale).render(schedules, in: school, report: report, calendar: calendar, overview: overview)
        case .csv:
            var files = [
                RenderedFile(
                    name: "timetable.csv", contents: CSVRenderer(locale: locale, delimiter: csvDelimiter).render(schedules, in: school))
            ]
            if school.calendar != nil {
                let calendar = CalendarRenderer(locale: locale).csv(school.calendarWeeks(), in: school, delimiter: csvDelimiter)
                files.append(RenderedFile(name: "calendar.csv", contents: calendar))
            }
            return files
        case .ics:
            let weeks = try calendarWeeks()
            let renderer = ICSRenderer(locale: locale, weeks: weeks, enrolmentWeek: enrolmentWeek)
            return schedules.map { schedule in
                RenderedFile(
                    name: names.unique(schedule.view.kind.rawValue + "-" + schedule.view.id, extension: "ics"),
                    contents: renderer.render(schedule, in: school))
            }
        case .json:
            return [RenderedFile(name: "timetable-views.json", contents: JSONRenderer(locale: locale).render(schedules, in: school))]
        }
    }
}

/// Schedules as JSON for other programs: one object per view with its entries.
public struct JSONRenderer: Sendable {
    public var locale: RenderLocale

    public init(locale: RenderLocale = .en) { self.locale = locale }

    struct Document: Encodable {
        var format = "rooster-views/1"
        var school: String
        var views: [ViewDocument]
    }

    struct ViewDocument: Encodable {
        var view: String, kind: String, id: String, name: String
        var entries: [EntryDocument]
    }

    struct EntryDocument: Encodable {
        var day: Int, dayLabel: String, start: String, end: String, firstPeriod: Int, periods: Int, kind: String, title: String
        var lesson: String?, subject: String?, segment: String?
        var teachers: [String], groups: [String], rooms: [String], weeks: [String]
        var enrolled: Int?
    }

    public func render(_ schedules: [Schedule], in school: School) -> String {
        let document = Document(
            school: school.name,
            views: schedules.map { schedule in
                ViewDocument(
                    view: schedule.view.description, kind: schedule.view.kind.rawValue, id: schedule.view.id, name: schedule.name,
                    entries: schedule.entries.map { entry in
                        EntryDocument(
                            day: entry.day, dayLabel: locale.dayLabel(entry.day, in: school), start: entry.start.description,
                            end: entry.end.description, firstPeriod: entry.firstPeriod, periods: entry.periodCount,
                            kind: entry.kind.rawValue,
                            title: entry.title, lesson: entry.lesson?.rawValue, subject: entry.subject?.rawValue,
                            segment: entry.segment?.rawValue,
                            teachers: entry.teachers.map(\.rawValue), groups: entry.groups.map(\.rawValue),
                            rooms: entry.rooms.map(\.rawValue),
                            weeks: entry.weeks.map(locale.weekName), enrolled: entry.enrolled)
                    })
            })
        return encodeJSON(document)
    }
}

/// Pretty, sorted, deterministic JSON for the renderers' documents.
func encodeJSON(_ document: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(document) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
}

/// Writes rendered files into a folder: the folder is created if needed, each file is written to
/// a temporary file and renamed into place, so an interrupted run never leaves a half-written
/// timetable, and no name can point outside the folder.
public enum RenderOutput {
    /// A file or folder that could not be written, with the reason: the error of ``RoosterIO/AtomicFile``.
    public typealias WriteError = AtomicFile.WriteError

    public static func write(_ files: [RenderedFile], to folder: URL) throws(WriteError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(
                path: folder.path, reason: "\(error.localizedDescription) (check that the parent folder exists and is writable)")
        }
        for file in files {
            let name = file.name
            guard !name.isEmpty, !name.contains("/"), !name.contains("\\"), name != ".", name != "..", !name.hasPrefix(".") else {
                throw WriteError(path: name, reason: "not a plain file name")
            }
            let url = folder.appendingPathComponent(name)
            try AtomicFile.write(file.contents, to: url)
        }
    }
}
