import ArgumentParser
import Foundation
import Rooster

/// Options shared by `rooster render` and `rooster solve --render`.
struct RenderOptions: ParsableArguments {
    @Option(help: "Language of the labels: en or nl (days ma di wo do vr).")
    var locale: RenderLocale = .en

    @Option(name: .customLong("view"), help: "Only these views, e.g. --view teacher:JDV --view group:2V1 (default: all).")
    var views: [String] = []

    @Option(help: "First day of week A, for iCalendar dates of a school file without a calendar (YYYY-MM-DD).")
    var termStart: String?

    @Option(help: "Weeks in that term (1 to 156; default 20): iCalendar events repeat until then.")
    var termWeeks: Int?

    @Option(help: "A day in the week the timetable's enrolment is for (YYYY-MM-DD; default the first school week).")
    var enrolmentWeek: String?

    @Option(help: "CSV field separator: ',' or ';' (Dutch Excel).")
    var delimiter: String = ","

    func validate() throws {
        for view in views where View(parsing: view) == nil {
            throw ValidationError("--view takes KIND:ID with KIND group, teacher, room, student or parent, e.g. teacher:JDV; got '\(view)'")
        }
        for (flag, value) in [("--term-start", termStart), ("--enrolment-week", enrolmentWeek)] {
            if let value, CalendarDate(parsing: value) == nil {
                throw ValidationError("\(flag) takes a date as YYYY-MM-DD, e.g. 2026-08-31; got '\(value)'")
            }
        }
        guard delimiter == "," || delimiter == ";" else { throw ValidationError("--delimiter is ',' or ';'") }
        if let termWeeks, !(1...156).contains(termWeeks) { throw ValidationError("--term-weeks is 1 to 156; got \(termWeeks)") }
        if termWeeks != nil, termStart == nil { throw ValidationError("--term-weeks needs --term-start") }
    }

    /// Renders and writes the files; text without a folder goes to stdout.
    func render(_ format: RenderFormat, school: School, timetable: Timetable, to folder: String?) throws {
        var rendering = TimetableRendering(school: school, timetable: timetable)
        rendering.locale = locale
        rendering.csvDelimiter = delimiter == ";" ? ";" : ","
        rendering.termStart = termStart.flatMap(CalendarDate.init(parsing:))
        rendering.termWeeks = termWeeks ?? 20
        rendering.enrolmentWeek = enrolmentWeek.flatMap(CalendarDate.init(parsing:))
        let files: [RenderedFile]
        do {
            files = try rendering.files(format, views: views.compactMap(View.init(parsing:)))
        } catch {
            printError("error: \(error)")
            throw Exit.badInput
        }
        guard let folder else {
            guard format == .text || format == .csv || format == .json else {
                printError("error: --format \(format.rawValue) writes several files; give a folder with --out DIR")
                throw Exit.badInput
            }
            if format == .text {
                for file in files { print(file.contents) }
            } else if let first = files.first {
                // One file on stdout; the school calendar (calendar.csv) only goes to a folder.
                print(first.contents, terminator: "")
            }
            return
        }
        do {
            try RenderOutput.write(files, to: URL(fileURLWithPath: folder))
        } catch {
            printError("\(error)")
            throw Exit.cannotWrite
        }
        printError("wrote \(files.count) file(s) to \(folder)")
    }
}

extension RenderLocale: ExpressibleByArgument {}
extension RenderFormat: ExpressibleByArgument {}

/// `rooster render SCHOOL TIMETABLE`: timetables for people.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render timetables for groups, teachers, rooms and students.",
        discussion: """
            Formats: text (a grid for the terminal, with real times), html (an index and one page per \
            view, printable on A4 landscape, readable on a phone, plus the quality report), csv (one \
            row per lesson; --delimiter ';' for Dutch Excel), ics (one iCalendar file per view with \
            real dates from the school file's calendar, or from --term-start without one; \
            Europe/Amsterdam time; weekly repeats that follow the A/B/C weeks and skip holidays, study \
            days and exam weeks; a student's chosen lessons dated to the enrolment's week only) and \
            json. With a calendar, html adds calendar.html and csv adds calendar.csv: the school \
            year week by week. Files are written atomically into the --out folder, with \
            safe file names.

            Examples:
              rooster render Examples/coach/school.yaml Examples/coach/timetable.json --view teacher:T01
              rooster render school.yaml timetable.json --format html --locale nl --out site
              rooster render school.yaml timetable.json --format ics --term-start 2026-08-31 --out calendars
              rooster render school.yaml timetable.json --format csv --delimiter ';' --out export
            """
    )

    @Argument(help: "The school: .yaml, .json, .ctt, .fet or an XHSTT archive (.xml).")
    var school: String

    @Argument(help: "The timetable: .json, .sol or .xml (FET).")
    var timetable: String

    @OptionGroup var importOptions: ImportOptions

    @Option(help: "text, html, csv, ics or json.")
    var format: RenderFormat = .text

    @Option(help: "The folder to write into (text, csv and json go to stdout without it).")
    var out: String?

    @OptionGroup var options: RenderOptions

    func run() throws {
        let (school, table) = try loadSchoolAndTimetable(school, timetable, dropUnsupported: importOptions.dropUnsupported)
        try options.render(format, school: school, timetable: table, to: out)
    }
}

/// `rooster report SCHOOL TIMETABLE`: the quality report.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "How good a timetable is: score, violations in words, gaps, days, room use, instruction minutes.",
        discussion: """
            Per teacher: days at school, periods taught and idle periods (tussenuren). Per group: the \
            same. Per student: idle periods, scheduled minutes and instruction minutes a week \
            (onderwijstijd), and hours a year when the school file has a calendar. Per room: periods \
            used of those available. --format html writes a page with the totals first and charts \
            (score by rule, room use per period, idle periods, instruction hours against the norm); \
            --format json the same numbers for other tools.

            Examples:
              rooster report Examples/bioritme/school.yaml Examples/bioritme/timetable.json
              rooster report school.yaml timetable.json --locale nl --format html --out rapport.html
              rooster report school.yaml timetable.json --format json --out report.json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, html, json }

    @Argument(help: "The school: .yaml, .json, .ctt, .fet or an XHSTT archive (.xml).")
    var school: String

    @Argument(help: "The timetable: .json, .sol or .xml (FET).")
    var timetable: String

    @OptionGroup var importOptions: ImportOptions

    @Option(help: "Language of the labels: en or nl.")
    var locale: RenderLocale = .en

    @Option(help: "text, html or json.")
    var format: Format = .text

    @Option(help: "The file to write (default: standard output).")
    var out: String?

    func run() throws {
        try checkOutputs(out)
        let (school, table) = try loadSchoolAndTimetable(school, timetable, dropUnsupported: importOptions.dropUnsupported)
        let report = QualityReport(school: school, timetable: table)
        let text: String
        switch format {
        case .text: text = QualityReportRenderer(locale: locale).text(report) + "\n"
        case .html: text = HTMLRenderer(locale: locale).reportPage(report, school, standalone: true)
        case .json: text = ReportJSONRenderer(locale: locale).render(report, in: school)
        }
        guard let out else {
            print(text, terminator: "")
            return
        }
        try reportingInputErrors { try AtomicFile.write(text, to: URL(fileURLWithPath: out)) }
        printError("wrote \(out)")
    }
}
