import RoosterModel

/// The school's day at a glance, as roostermakers print it (the "overzicht"): for one day, every
/// teacher and every group as a row and the day's periods as columns, each cell saying in a few
/// characters what happens there. One page per day, printable on A3 landscape.
struct DayOverview {
    var locale: RenderLocale
    var school: School
    var builder: ScheduleBuilder

    /// The body of the page for `day`.
    func body(day: Int) -> String {
        let periods = school.periods(ofDay: day)
        var body = "<nav><a href=\"index.html\">\(escape(locale.word(.timetables)))</a></nav>\n"
        body += "<h1>\(escape(locale.word(.dayOverview))) \(escape(locale.dayLabel(day, in: school))) — \(escape(school.name))</h1>\n"
        body +=
            "<p class=\"days-nav\">"
            + school.days.indices.map { other in
                other == day
                    ? "<strong>\(escape(locale.dayLabel(other, in: school)))</strong>"
                    : "<a href=\"\(Self.fileName(other, in: school))\">\(escape(locale.dayLabel(other, in: school)))</a>"
            }.joined(separator: " · ") + "</p>\n"
        for kind in [ViewKind.teacher, .group] {
            body += "<h2>\(escape(locale.plural(kind)))</h2>\n<table class=\"overview\"><thead><tr><th></th>"
            body += periods.map { "<th>\($0.start)</th>" }.joined() + "</tr></thead><tbody>\n"
            for view in builder.views(including: [kind]) {
                guard let schedule = builder.schedule(for: view) else { continue }
                let entries = schedule.entries.filter { $0.day == day }
                body += "<tr><th>\(escape(view.id))</th>"
                var period = 0
                while period < periods.count {
                    let starting = entries.filter { $0.firstPeriod == period }
                    let span = max(starting.filter { !$0.isConversation }.map(\.periodCount).max() ?? 1, 1)
                    let text = cell(starting, kind)
                    let colspan = min(span, periods.count - period)
                    body += "<td" + (colspan > 1 ? " colspan=\"\(colspan)\"" : "") + (text.isEmpty ? "" : " class=\"busy\"") + ">"
                    body += escape(text) + "</td>"
                    period += colspan
                }
                body += "</tr>\n"
            }
            body += "</tbody></table>\n"
        }
        return body
    }

    /// A cell in a few characters: for a teacher the group (or subject) and room, for a group the
    /// subject, teacher and room; conversations counted.
    private func cell(_ entries: [ScheduleEntry], _ kind: ViewKind) -> String {
        let lessons = entries.filter { !$0.isConversation }.map { entry -> String in
            let weeks = entry.weeks.count < max(school.weeksInCycle, 1) ? " (" + entry.weeks.map(locale.weekName).joined() + ")" : ""
            let rooms = entry.rooms.map(\.rawValue).joined(separator: "+")
            let who =
                kind == .teacher
                ? (entry.groups.isEmpty ? entry.subject?.rawValue ?? entry.title : entry.groups.map(\.rawValue).joined(separator: "+"))
                : "\(entry.subject?.rawValue ?? entry.title) \(entry.teachers.map(\.rawValue).joined(separator: "+"))"
            return [who, rooms].filter { !$0.isEmpty }.joined(separator: " ") + weeks
        }
        let conversations = entries.filter(\.isConversation).count
        return (lessons + (conversations > 0 ? ["\(conversations)× \(locale.word(.coachConversation).lowercased())"] : []))
            .joined(separator: " / ")
    }

    static func fileName(_ day: Int, in school: School) -> String {
        let id = school.days.indices.contains(day) ? school.days[day].id.rawValue : "\(day)"
        let safe = id.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return "day-\(safe.isEmpty ? "\(day)" : safe).html"
    }
}
