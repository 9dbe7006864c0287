import RoosterModel
import RoosterRules

/// The quality report as a page people look at: totals first (score, hours taught, idle periods,
/// room use, instruction time against the norm), then charts — score by rule, room use per period
/// as a heat map, the distribution of idle periods, students' instruction hours a year — then the
/// details, with the long lists folded away.
struct ReportPage {
    var locale: RenderLocale
    var report: QualityReport
    var school: School
    var linksIndex = true

    func body() -> String {
        let summary = ReportSummary(report)
        var body = linksIndex ? "<nav><a href=\"index.html\">\(escape(locale.word(.timetables)))</a></nav>\n" : ""
        body += "<h1>\(escape(locale.word(.quality))) — \(escape(school.name))</h1>\n"
        body += cards(summary)
        body += "<section class=\"charts\">\n"
        if !summary.rules.isEmpty {
            body += figure(
                locale.word(.scoreByRule),
                SVGChart.bars(
                    summary.rules.map { ("\($0.rule) (\(locale.word($0.level == "hard" ? .hard : .soft)))", $0.penalty) },
                    title: locale.word(.scoreByRule)))
        }
        body += figure(locale.word(.roomUseByPeriod), heatMap())
        let gapLabels = (0..<ReportSummary.histogramBars).map { $0 == ReportSummary.histogramBars - 1 ? "\($0)+" : "\($0)" }
        body += figure(
            locale.word(.teacherGapDistribution),
            SVGChart.histogram(
                summary.teacherGapHistogram, labels: gapLabels, title: locale.word(.teacherGapDistribution), axis: locale.word(.gapsPerWeek)
            ))
        body += figure(
            locale.word(.groupGapDistribution),
            SVGChart.histogram(
                summary.groupGapHistogram, labels: gapLabels, title: locale.word(.groupGapDistribution), axis: locale.word(.gapsPerWeek)))
        if let yearly = instructionHistogram(summary) { body += figure(locale.word(.hoursPerYear), yearly) }
        body += "</section>\n"
        body += details()
        return body
    }

    private func figure(_ caption: String, _ svg: String) -> String {
        "<figure>\(svg)<figcaption>\(escape(caption))</figcaption></figure>\n"
    }

    private func cards(_ summary: ReportSummary) -> String {
        func card(_ title: String, _ value: String, _ note: String, bad: Bool = false) -> String {
            "<div class=\"card\(bad ? " bad" : "")\"><h2>\(escape(title))</h2><p class=\"value\">\(escape(value))</p><p>\(escape(note))</p></div>"
        }
        var cards = [
            card(
                locale.word(.score), "\(summary.hard) \(locale.word(.hard)) · \(summary.soft) \(locale.word(.soft))",
                summary.hard == 0 ? locale.word(.noHardViolations) : locale.word(.hardViolationsLeft), bad: summary.hard > 0),
            card(
                locale.word(.hoursTaught), "\(summary.periodsTaught.total) \(locale.word(.periods).lowercased())",
                "\(summary.periodsTaught.count) \(locale.word(.teachers).lowercased()), \(locale.word(.median)) \(summary.periodsTaught.median) · \(locale.word(.perWeek))"
            ),
            card(
                locale.word(.teacherGaps), "\(summary.teacherGaps.total)",
                "\(locale.word(.median)) \(summary.teacherGaps.median), \(locale.word(.maximum)) \(summary.teacherGaps.maximum) · \(locale.word(.perWeek))"
            ),
            card(
                locale.word(.groupGaps), "\(summary.groupGaps.total)",
                "\(locale.word(.median)) \(summary.groupGaps.median), \(locale.word(.maximum)) \(summary.groupGaps.maximum) · \(locale.word(.perWeek))"
            ),
            card(
                locale.word(.roomUse), "\(summary.roomUsePercent) %", "\(locale.word(.busiestPeriod)): \(summary.busiestPeriodPercent) %"),
        ]
        if let yearly = summary.hoursPerYear {
            let norm = summary.hoursNorm.map { " · \(locale.word(.norm)) \($0)" } ?? ""
            let below = summary.studentsBelowNorm ?? 0
            cards.append(
                card(
                    locale.word(.hoursPerYear), "\(yearly.minimum)–\(yearly.maximum)",
                    "\(locale.word(.median)) \(yearly.median)\(norm)"
                        + (summary.studentsBelowNorm == nil ? "" : " · \(below) \(locale.word(.belowNorm))"), bad: below > 0))
        } else {
            let week = summary.instructionMinutesPerWeek
            cards.append(
                card(
                    locale.word(.instructionMinutes), "\(week.minimum)–\(week.maximum)", "\(locale.word(.median)) \(week.median)"))
        }
        return "<section class=\"cards\">\n" + cards.joined(separator: "\n") + "\n</section>\n"
    }

    /// Room use per period, rows by real time: a period that starts at 08:55 on Monday and on
    /// Friday shares a row even when the days follow different templates.
    private func heatMap() -> String {
        let times = Set(report.slotUse.map(\.start)).sorted()
        let byKey = Dictionary(report.slotUse.map { ("\($0.day)|\($0.start)", $0.share) }, uniquingKeysWith: { first, _ in first })
        let cells = times.map { time in school.days.indices.map { day in byKey["\(day)|\(time)"] } }
        return SVGChart.heatMap(
            rows: times.map(\.description), columns: school.days.indices.map { locale.dayLabel($0, in: school) }, cells: cells,
            title: locale.word(.roomUseByPeriod))
    }

    /// Students by instruction hours a year, in twelve bins, with the norm marked.
    private func instructionHistogram(_ summary: ReportSummary) -> String? {
        guard let yearly = summary.hoursPerYear, yearly.count > 0 else { return nil }
        let hours = report.students.compactMap(\.scheduledMinutesPerYear).map { $0 / 60 }
        let norm = summary.hoursNorm
        let low = min(yearly.minimum, norm ?? yearly.minimum), high = max(yearly.maximum, norm ?? yearly.maximum)
        let binCount = 12
        let width = max((high - low + binCount) / binCount, 1)
        var counts = Array(repeating: 0, count: binCount)
        for value in hours { counts[min((value - low) / width, binCount - 1)] += 1 }
        let labels = (0..<binCount).map { "\(low + $0 * width)" }
        let marker = norm.map { (position: Double($0 - low) / Double(width), label: "\(locale.word(.norm)) \($0)") }
        return SVGChart.histogram(
            counts, labels: labels, title: locale.word(.hoursPerYear), axis: locale.word(.hoursPerYearAxis), marker: marker,
            width: 640)
    }

    private func details() -> String {
        var html = "<h2>\(escape(locale.word(.details)))</h2>\n"
        let violations = report.check.violations
        html +=
            "<details\(violations.count <= 50 ? " open" : "")><summary>\(escape(locale.word(.violations))) (\(violations.count))</summary>"
        if violations.isEmpty {
            html += "<p>\(escape(locale.word(.noViolations)))</p>"
        } else {
            html += table(
                [locale.word(.rule), "", locale.word(.cost), ""],
                violations.prefix(2_000).map {
                    [$0.rule.rawValue, locale.word($0.level == .hard ? .hard : .soft), "\($0.penalty)", $0.message]
                })
            if violations.count > 2_000 { html += "<p>… \(violations.count - 2_000)</p>" }
        }
        html += "</details>\n"
        html += section(
            locale.word(.teachers), open: true, [locale.word(.teacher), locale.word(.days), locale.word(.periods), locale.word(.gaps)],
            report.teachers.map { [$0.id, "\($0.days)", "\($0.periods)", "\($0.gaps)"] })
        html += section(
            locale.word(.groups), open: true, [locale.word(.group), locale.word(.days), locale.word(.periods), locale.word(.gaps)],
            report.groups.map { [$0.id, "\($0.days)", "\($0.periods)", "\($0.gaps)"] })
        html += section(
            locale.word(.rooms), open: false, [locale.word(.room), locale.word(.periods), locale.word(.use)],
            report.rooms.map { ["\($0.id)", "\($0.usedPeriods)/\($0.availablePeriods)", "\(Int(($0.share * 100).rounded())) %"] })
        var studentHeader = [locale.word(.student), locale.word(.gaps), locale.word(.scheduledMinutes), locale.word(.instructionMinutes)]
        if report.schoolDaysPerYear != nil { studentHeader.append(locale.word(.hoursPerYear)) }
        html += section(
            locale.word(.students), open: false, studentHeader,
            report.students.map { line in
                [line.id, "\(line.gaps)", "\(line.scheduledMinutes)", "\(line.instructionMinutes)"]
                    + (line.scheduledMinutesPerYear.map { ["\($0 / 60)"] } ?? [])
            })
        return html
    }

    private func section(_ title: String, open: Bool, _ header: [String], _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "" }
        return "<details\(open ? " open" : "")><summary>\(escape(title)) (\(rows.count))</summary>" + table(header, rows) + "</details>\n"
    }

    private func table(_ header: [String], _ rows: [[String]]) -> String {
        "<table class=\"lines\"><thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
            + rows.map { "<tr>" + $0.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }.joined() + "</tbody></table>"
    }
}
