import RoosterIO
import RoosterModel

/// A rendered file: a safe relative name and its text.
public struct RenderedFile: Hashable, Sendable {
    public var name: String
    public var contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}

/// Timetables as static HTML: an index that links every view, and one page per view with the week
/// as a grid (real times, segments, a colour per subject). The pages print on A4 landscape and, on a
/// phone, show the week as a list of days. No scripts, no external files.
public struct HTMLRenderer: Sendable {
    public var locale: RenderLocale

    public init(locale: RenderLocale = .en) { self.locale = locale }

    /// The index, one page per schedule, the quality report, the school calendar and a day overview
    /// per day (from `overview`, which builds every teacher's and group's schedule) when given.
    public func render(
        _ schedules: [Schedule], in school: School, report: QualityReport? = nil, calendar: [SchoolCalendar.Week] = [],
        overview: ScheduleBuilder? = nil
    ) -> [RenderedFile] {
        let names = FileNames()
        var files: [RenderedFile] = []
        var links: [(View, String, String)] = []
        for schedule in schedules {
            let name = names.unique(schedule.view.kind.rawValue + "-" + schedule.view.id, extension: "html")
            links.append((schedule.view, schedule.name, name))
            files.append(RenderedFile(name: name, contents: page(schedule, in: school)))
        }
        if let report {
            files.append(RenderedFile(name: "report.html", contents: reportPage(report, school)))
        }
        if !calendar.isEmpty {
            files.append(RenderedFile(name: "calendar.html", contents: calendarPage(calendar, school)))
        }
        if let overview {
            for day in school.days.indices {
                let page = DayOverview(locale: locale, school: school, builder: overview)
                files.append(
                    RenderedFile(
                        name: DayOverview.fileName(day, in: school),
                        contents: document(
                            title: "\(locale.word(.dayOverview)) \(locale.dayLabel(day, in: school))", body: page.body(day: day),
                            print: "A3 landscape")))
            }
        }
        files.insert(
            RenderedFile(
                name: "index.html",
                contents: index(links, school, hasReport: report != nil, hasCalendar: !calendar.isEmpty, hasOverview: overview != nil)),
            at: 0)
        return files
    }

    /// One view's week.
    public func page(_ schedule: Schedule, in school: School) -> String {
        let grid = Grid(schedule: schedule, school: school)
        let colours = SubjectColours(schedule.entries, in: school)
        let title =
            "\(locale.noun(schedule.view.kind)) \(schedule.view.id)" + (schedule.name != schedule.view.id ? " — \(schedule.name)" : "")
        var body = "<nav><a href=\"index.html\">\(escape(locale.word(.timetables)))</a></nav>\n<h1>\(escape(title))</h1>\n"
        body += "<table class=\"week\">\n<thead><tr><th></th>"
        for day in school.days.indices { body += "<th>\(escape(locale.dayLabel(day, in: school)))</th>" }
        body += "</tr></thead>\n<tbody>\n"
        for row in 0..<grid.rowCount {
            let segment = grid.rowSegments[row].flatMap { id in school.segments.first { $0.id == id }?.name }
            body += "<tr><th>\(escape(grid.rowLabels[row]))" + (segment.map { "<small>\(escape($0))</small>" } ?? "") + "</th>"
            for day in school.days.indices {
                let starting = grid.entries(startingAt: day, row)
                if !starting.isEmpty {
                    body += "<td>" + starting.map { block($0, schedule.view.kind, school, colours) }.joined() + "</td>"
                } else if grid.isCovered(day, row) {
                    body += "<td class=\"continued\"></td>"
                } else if !grid.hasPeriod(day, row) {
                    body += "<td class=\"none\"></td>"
                } else {
                    body += "<td></td>"
                }
            }
            body += "</tr>\n"
        }
        body += "</tbody>\n</table>\n<div class=\"days\">\n"
        for day in school.days.indices {
            let entries = schedule.entries.filter { $0.day == day }
            body += "<section><h2>\(escape(locale.dayLabel(day, in: school)))</h2>"
            body += entries.isEmpty ? "<p class=\"empty\">–</p>" : entries.map { block($0, schedule.view.kind, school, colours) }.joined()
            body += "</section>\n"
        }
        body += "</div>\n"
        return document(title: title, body: body)
    }

    /// An entry as a block: a bar of its subject's colour (distinct on the page) over a light tint
    /// of it, so that text stays readable.
    private func block(_ entry: ScheduleEntry, _ kind: ViewKind, _ school: School, _ colours: SubjectColours) -> String {
        let title = locale.title(of: entry)
        var details = EntryDetail.details(of: entry, for: kind).filter { !$0.isEmpty }
        if entry.kind == .choice { details.append(locale.word(.choiceLesson)) }
        if entry.kind == .block { details.append(locale.word(.blockHour)) }
        if entry.weeks.count < max(school.weeksInCycle, 1) {
            details.append("\(locale.word(.weekPrefix)) " + entry.weeks.map(locale.weekName).joined(separator: ","))
        }
        let colour = colours.colour(of: entry)
        let tint = [colour.r, colour.g, colour.b].map { 255 - (255 - $0) * 3 / 10 }
        let style = "background:rgb(\(tint[0]),\(tint[1]),\(tint[2]));border-left-color:rgb(\(colour.r),\(colour.g),\(colour.b))"
        return "<div class=\"entry \(entry.kind.rawValue)\" style=\"\(style)\">"
            + "<span class=\"time\">\(entry.start)–\(entry.end)</span> <strong>\(escape(title))</strong>"
            + (details.isEmpty ? "" : " <span class=\"detail\">\(escape(details.joined(separator: " · ")))</span>") + "</div>"
    }

    private func index(_ links: [(View, String, String)], _ school: School, hasReport: Bool, hasCalendar: Bool, hasOverview: Bool)
        -> String
    {
        var body = "<h1>\(escape(locale.word(.timetables))) \(escape(school.name))</h1>\n"
        if hasReport { body += "<p><a href=\"report.html\">\(escape(locale.word(.quality)))</a></p>\n" }
        if hasCalendar { body += "<p><a href=\"calendar.html\">\(escape(locale.word(.calendar)))</a></p>\n" }
        if hasOverview {
            body +=
                "<p>\(escape(locale.word(.dayOverview))): "
                + school.days.indices.map {
                    "<a href=\"\(DayOverview.fileName($0, in: school))\">\(escape(locale.dayLabel($0, in: school)))</a>"
                }.joined(separator: " · ") + "</p>\n"
        }
        for kind in ViewKind.allCases {
            let ofKind = links.filter { $0.0.kind == kind }
            guard !ofKind.isEmpty else { continue }
            body += "<section class=\"views\"><h2>\(escape(locale.plural(kind)))</h2><ul>"
            for (view, name, file) in ofKind {
                body +=
                    "<li><a href=\"\(escape(file))\">\(escape(view.id))</a>" + (name != view.id ? " <span>\(escape(name))</span>" : "")
                    + "</li>"
            }
            body += "</ul></section>\n"
        }
        return document(title: "\(locale.word(.timetables)) \(school.name)", body: body)
    }

    /// The quality report page; `standalone` leaves out the link back to the index of a site.
    public func reportPage(_ report: QualityReport, _ school: School, standalone: Bool = false) -> String {
        let page = ReportPage(locale: locale, report: report, school: school, linksIndex: !standalone)
        return document(title: "\(locale.word(.quality)) \(school.name)", body: page.body())
    }

    /// The school year week by week: holidays, study days and exam weeks shaded, the cycle week of each school week.
    func calendarPage(_ weeks: [SchoolCalendar.Week], _ school: School) -> String {
        let renderer = CalendarRenderer(locale: locale)
        let totals = renderer.totals(weeks)
        var body = "<nav><a href=\"index.html\">\(escape(locale.word(.timetables)))</a></nav>\n"
        body += "<h1>\(escape(locale.word(.calendar))) — \(escape(school.name))</h1>\n<p class=\"totals\">"
        body += [
            (locale.word(.schoolWeeks), totals.schoolWeeks), (locale.word(.schoolDays), totals.schoolDays),
            (locale.word(.examDays), totals.examDays), (locale.word(.closedDays), totals.closedDays),
        ].map { "\(escape($0.0)): <strong>\($0.1)</strong>" }.joined(separator: " · ")
        body += "</p>\n<table class=\"calendar\">\n<thead><tr>"
        body += renderer.header(in: school).map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for week in weeks {
            body +=
                "<tr><th>\(week.monday.isoWeek)</th><td>\(week.monday)</td><td>\(escape(week.cycleWeek.map(locale.weekName) ?? "–"))</td>"
            for day in week.days {
                let kind: String
                switch day.status {
                case .school: kind = "school"
                case .holiday: kind = "holiday"
                case .studyDay: kind = "study"
                case .exam: kind = "exam"
                case .outsideTerm: kind = "outside"
                }
                let note = renderer.note(day.status)
                body +=
                    "<td class=\"\(kind)\">\(day.date.day)-\(day.date.month)" + (note.isEmpty ? "" : " <small>\(escape(note))</small>")
                    + "</td>"
            }
            body += "</tr>\n"
        }
        body += "</tbody>\n</table>\n"
        return document(title: "\(locale.word(.calendar)) \(school.name)", body: body)
    }

    /// A page with the shared style; `paper` is the size of its @page rule (A4 landscape by default).
    func document(title: String, body: String, print paper: String = "A4 landscape") -> String {
        let style = paper == "A4 landscape" ? Self.style : Self.style.replacingOccurrences(of: "size: A4 landscape", with: "size: \(paper)")
        return """
            <!doctype html>
            <html lang="\(locale.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    static let style = """
        body { font: 14px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 1.5rem; color: #1d2430; }
        h1 { font-size: 1.4rem; margin: 0.4rem 0 1rem; }
        nav a { color: #3056a0; text-decoration: none; }
        table.week { border-collapse: collapse; width: 100%; table-layout: fixed; }
        table.week th, table.week td { border: 1px solid #d5dae3; padding: 3px; vertical-align: top; }
        table.week thead th { background: #f1f3f7; }
        table.week th:first-child { width: 5.5rem; }
        table.week tbody th { font-weight: normal; color: #5b6575; text-align: right; }
        table.week tbody th small { display: block; font-size: 0.75em; color: #8a93a3; }
        td.none { background: #f1f3f7; }
        td.continued { background: repeating-linear-gradient(135deg, #f6f7fa, #f6f7fa 4px, #eceff4 4px, #eceff4 8px); }
        .entry { border-radius: 4px; padding: 3px 5px; margin: 1px 0; border-left: 5px solid #888; }
        .entry .time { color: #4a5363; font-size: 0.85em; }
        .entry .detail { display: block; color: #333c4a; font-size: 0.85em; }
        .entry.choice, .entry.block { outline: 1px dashed #7a8394; outline-offset: -1px; }
        .days { display: none; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.7rem; margin-bottom: 1.2rem; }
        .card { border: 1px solid #d5dae3; border-radius: 6px; padding: 0.5rem 0.8rem; background: #f8f9fb; }
        .card h2 { font-size: 0.85rem; margin: 0; color: #5b6575; font-weight: 600; }
        .card p { margin: 0.2rem 0 0; color: #4a5363; font-size: 0.85rem; }
        .card p.value { font-size: 1.45rem; color: #1d2430; font-weight: 600; }
        .card.bad { border-color: #c0392b; background: #fdf0ee; }
        .charts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; }
        .charts figure { margin: 0; }
        .charts figcaption { color: #5b6575; font-size: 0.85rem; }
        svg.chart { max-width: 100%; height: auto; }
        details { margin: 0.4rem 0; }
        details summary { cursor: pointer; font-weight: 600; }
        table.lines { border-collapse: collapse; margin: 0.4rem 0 0.8rem; }
        table.lines th, table.lines td { border-bottom: 1px solid #e3e6ec; padding: 2px 8px; text-align: left; vertical-align: top; }
        table.overview { border-collapse: collapse; font-size: 0.8rem; margin-bottom: 1rem; }
        table.overview th, table.overview td { border: 1px solid #d5dae3; padding: 1px 4px; white-space: nowrap; }
        table.overview thead th { background: #f1f3f7; }
        table.overview tbody th { text-align: left; }
        table.overview td.busy { background: #e6eefa; }
        table.calendar { border-collapse: collapse; }
        table.calendar th, table.calendar td { border: 1px solid #d5dae3; padding: 2px 6px; }
        table.calendar td.holiday { background: #fde2c8; }
        table.calendar td.study { background: #e3dcf5; }
        table.calendar td.exam { background: #d7ecf7; }
        table.calendar td.outside { color: #b0b6c0; }
        table.calendar small { color: #4a5363; }
        .views ul { columns: 14rem; padding-left: 1.2rem; }
        .views span { color: #5b6575; }
        @media (max-width: 700px) {
          body { margin: 0.8rem; }
          table.week { display: none; }
          .days { display: block; }
          .days section h2 { font-size: 1.05rem; margin: 1rem 0 0.3rem; }
        }
        @media print {
          @page { size: A4 landscape; margin: 10mm; }
          body { margin: 0; font-size: 10px; }
          nav { display: none; }
          .entry { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}

/// HTML text escaping.
func escape(_ text: String) -> String { MarkupText.escaped(text) }
