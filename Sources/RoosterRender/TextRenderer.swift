import RoosterModel

/// A timetable as a grid for the terminal: one column per day, one row per start time (days may
/// follow different day templates; `·` marks a time a day has no period), each lesson with what
/// it is and where.
public struct TextRenderer: Sendable {
    public var locale: RenderLocale
    /// Characters per day column.
    public var columnWidth: Int

    public init(locale: RenderLocale = .en, columnWidth: Int = 24) {
        self.locale = locale
        self.columnWidth = max(columnWidth, 8)
    }

    public func render(_ schedule: Schedule, in school: School) -> String {
        let grid = Grid(schedule: schedule, school: school)
        var lines = [
            "\(locale.noun(schedule.view.kind)) \(schedule.view.id)" + (schedule.name != schedule.view.id ? " — \(schedule.name)" : "")
        ]
        let labels = (0..<grid.rowCount).map { grid.rowLabels[$0] + (grid.rowSegments[$0].map { " \($0)" } ?? "") }
        let labelWidth = max(labels.map(\.count).max() ?? 0, 5)
        let header = [pad("", labelWidth)] + school.days.indices.map { pad(locale.dayLabel($0, in: school), columnWidth) }
        lines.append(header.joined(separator: " | "))
        lines.append(
            ([String(repeating: "-", count: labelWidth)] + school.days.map { _ in String(repeating: "-", count: columnWidth) }).joined(
                separator: "-+-"))
        for row in 0..<grid.rowCount {
            // Each cell wrapped to the column, every entry from a line of its own: a row is as high
            // as its fullest cell, and nothing is cut (rooms, or three conversations in one period).
            let columns: [[String]] = school.days.indices.map { day in
                let starting = grid.entries(startingAt: day, row)
                if !starting.isEmpty {
                    return starting.flatMap { entry in
                        wrap(cellText(entry, schedule.view.kind, school, showingTime: grid.rowLabels[row] != entry.start.description))
                    }
                }
                return [grid.isCovered(day, row) ? "  ┆" : grid.hasPeriod(day, row) ? "" : "  ·"]
            }
            let height = columns.map(\.count).max() ?? 1
            for line in 0..<height {
                let label = line == 0 ? labels[row] : ""
                let cells = [pad(label, labelWidth)] + columns.map { pad(line < $0.count ? $0[line] : "", columnWidth) }
                lines.append(cells.joined(separator: " | "))
            }
        }
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n") + "\n"
    }

    /// The entry in a few words; the time only where the row does not already say it.
    func cellText(_ entry: ScheduleEntry, _ kind: ViewKind, _ school: School, showingTime: Bool) -> String {
        var parts = showingTime ? [entry.start.description] : []
        parts.append(locale.title(of: entry, separator: " "))
        parts += EntryDetail.details(of: entry, for: kind)
        if entry.weeks.count < max(school.weeksInCycle, 1) {
            parts.append("(" + entry.weeks.map(locale.weekName).joined(separator: ",") + ")")
        }
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Splits a text into lines of at most the column width, between words where it can.
    func wrap(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            var word = word
            while word.count > columnWidth {
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                }
                lines.append(String(word.prefix(columnWidth)))
                word = String(word.dropFirst(columnWidth))
            }
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= columnWidth {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    private func pad(_ text: String, _ width: Int) -> String {
        let count = text.count
        if count > width { return String(text.prefix(width - 1)) + "…" }
        return text + String(repeating: " ", count: width - count)
    }
}

/// What a cell says besides the title: for a teacher the groups and rooms, for a group the
/// teachers and rooms, for a room the teachers and groups, for a student the teachers and rooms;
/// nothing for conversations, whose title says who.
enum EntryDetail {
    static func details(of entry: ScheduleEntry, for kind: ViewKind) -> [String] {
        let teachers = entry.teachers.map(\.rawValue).joined(separator: ",")
        let groups = entry.groups.map(\.rawValue).joined(separator: ",")
        let rooms = entry.rooms.map(\.rawValue).joined(separator: ",")
        guard !entry.isConversation else { return [] }
        switch kind {
        case .teacher: return [groups, rooms]
        case .group, .student: return [teachers, rooms]
        case .room: return [teachers, groups]
        case .parent: return []
        }
    }
}

/// Entries laid out by day and row, one row per distinct start time of the week: days that
/// follow different day templates still line up by the clock (10:00 on Monday beside 10:00 on
/// Friday), and a day without a period at a row's time shows no cell there.
struct Grid {
    let rowCount: Int
    /// Each row's start time, as its label.
    let rowLabels: [String]
    /// The segment of each row when every day that has the row agrees (mentor, choice, instruction…).
    let rowSegments: [Segment.ID?]
    private let rowOfPeriod: [[Int]]
    private let periodAtRow: [[Int?]]
    private let starting: [[Int]: [ScheduleEntry]]
    private let covered: Set<[Int]>

    init(schedule: Schedule, school: School) {
        let periodsPerDay = school.days.indices.map { school.periods(ofDay: $0) }
        let times = Set(periodsPerDay.flatMap { $0.map(\.start) }).sorted()
        let rowOfTime = Dictionary(uniqueKeysWithValues: times.enumerated().map { ($1, $0) })
        rowCount = times.count
        rowLabels = times.map(\.description)
        rowOfPeriod = periodsPerDay.map { periods in periods.map { rowOfTime[$0.start] ?? 0 } }
        var periodAtRow = periodsPerDay.map { _ in [Int?](repeating: nil, count: times.count) }
        for (day, rows) in rowOfPeriod.enumerated() {
            for (period, row) in rows.enumerated() where periodAtRow[day][row] == nil { periodAtRow[day][row] = period }
        }
        self.periodAtRow = periodAtRow
        rowSegments = times.indices.map { row in
            let segments = Set(periodsPerDay.indices.compactMap { day in periodAtRow[day][row].flatMap { periodsPerDay[day][$0].segment } })
            return segments.count == 1 ? segments.first : nil
        }
        var starting: [[Int]: [ScheduleEntry]] = [:]
        var covered = Set<[Int]>()
        let rowOfPeriod = self.rowOfPeriod
        func row(_ day: Int, _ period: Int) -> Int? {
            rowOfPeriod.indices.contains(day) && rowOfPeriod[day].indices.contains(period) ? rowOfPeriod[day][period] : nil
        }
        for entry in schedule.entries {
            guard let first = row(entry.day, entry.firstPeriod) else { continue }
            starting[[entry.day, first], default: []].append(entry)
            for offset in 1..<max(entry.periodCount, 1) {
                if let next = row(entry.day, entry.firstPeriod + offset) { covered.insert([entry.day, next]) }
            }
        }
        self.starting = starting
        self.covered = covered
    }

    func entries(startingAt day: Int, _ row: Int) -> [ScheduleEntry] { starting[[day, row]] ?? [] }
    func isCovered(_ day: Int, _ row: Int) -> Bool { covered.contains([day, row]) }
    /// False where the day has no period starting at the row's time.
    func hasPeriod(_ day: Int, _ row: Int) -> Bool {
        periodAtRow.indices.contains(day) && periodAtRow[day].indices.contains(row) && periodAtRow[day][row] != nil
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
