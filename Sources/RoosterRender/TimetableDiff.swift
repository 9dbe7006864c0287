import RoosterIO
import RoosterModel
import RoosterRules

/// What changed between two timetables of one school, lesson by lesson, and who is affected: the
/// list a roostermaker publishes after a re-solve (`rooster diff`).
public struct TimetableDiff: Sendable {
    /// One lesson occurrence that is not where it was.
    public struct Change: Hashable, Sendable {
        public enum Kind: String, Sendable {
            /// The occurrence runs at another time (its old time is `before`, its new one `after`).
            case moved
            /// Same time, other rooms.
            case roomChanged
            /// No longer in the timetable, or new in it.
            case removed, added
        }
        public var kind: Kind
        public var lesson: Lesson.ID
        public var before: Placement?
        public var after: Placement?
    }

    /// Who a change reaches: a teacher, group, student or room, with the number of changes.
    public struct Affected: Hashable, Sendable {
        public var kind: String
        public var id: String
        public var changes: Int
    }

    public var changes: [Change]
    /// Per teacher, group, room and student (through their groups and enrolments), most changes first.
    public var affected: [Affected]
    /// The checker's reports on both timetables against the school (the new one with the old as its reference).
    public var before: CheckReport
    public var after: CheckReport

    /// Compares `old` and `new` for `school`: an occurrence of a lesson at a start it also has in
    /// the other timetable is unchanged (or changed in rooms only); the remaining occurrences are
    /// paired in time order as moves, and what is left over is added or removed.
    public init(old: Timetable, new: Timetable, school: School, checker: Checker = Checker()) {
        var changes: [Change] = []
        let lessonIDs = Set(old.placements.map(\.lesson)).union(new.placements.map(\.lesson))
        let oldByLesson = Dictionary(grouping: old.placements, by: \.lesson)
        let newByLesson = Dictionary(grouping: new.placements, by: \.lesson)
        for lesson in lessonIDs.sorted() {
            var after = (newByLesson[lesson] ?? []).sorted { $0.start < $1.start }
            var before: [Placement] = []
            for placement in (oldByLesson[lesson] ?? []).sorted(by: { $0.start < $1.start }) {
                guard let match = after.firstIndex(where: { $0.start == placement.start }) else {
                    before.append(placement)
                    continue
                }
                if Set(after[match].rooms) != Set(placement.rooms) {
                    changes.append(Change(kind: .roomChanged, lesson: lesson, before: placement, after: after[match]))
                }
                after.remove(at: match)
            }
            for (old, new) in zip(before, after) { changes.append(Change(kind: .moved, lesson: lesson, before: old, after: new)) }
            for old in before.dropFirst(after.count) { changes.append(Change(kind: .removed, lesson: lesson, before: old, after: nil)) }
            for new in after.dropFirst(before.count) { changes.append(Change(kind: .added, lesson: lesson, before: nil, after: new)) }
        }
        self.changes = changes
        affected = Self.affected(by: changes, old: old, new: new, school: school)
        before = checker.check(old, against: school)
        var judge = checker
        judge.reference = old
        after = judge.check(new, against: school)
    }

    private static func affected(by changes: [Change], old: Timetable, new: Timetable, school: School) -> [Affected] {
        let lessons = Dictionary(school.lessons.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var counts: [String: [String: Int]] = [:]
        var groupsOfStudent: [Group.ID: [Student.ID]] = [:]
        for student in school.students { for group in student.groups { groupsOfStudent[group, default: []].append(student.id) } }
        var enrolled: [Lesson.ID: Set<Student.ID>] = [:]
        for enrolment in (old.enrolments ?? []) + (new.enrolments ?? []) {
            enrolled[enrolment.lesson, default: []].insert(enrolment.student)
        }
        for change in changes {
            guard let lesson = lessons[change.lesson] else { continue }
            for teacher in Set(lesson.teachers) { counts["teacher", default: [:]][teacher.rawValue, default: 0] += 1 }
            for group in Set(lesson.groups) { counts["group", default: [:]][group.rawValue, default: 0] += 1 }
            let rooms = Set((change.before?.rooms ?? []) + (change.after?.rooms ?? []))
            for room in rooms { counts["room", default: [:]][room.rawValue, default: 0] += 1 }
            var students = enrolled[lesson.id] ?? []
            for group in lesson.groups { students.formUnion(groupsOfStudent[group] ?? []) }
            for student in students { counts["student", default: [:]][student.rawValue, default: 0] += 1 }
        }
        return ["teacher", "group", "room", "student"].flatMap { kind in
            (counts[kind] ?? [:]).map { Affected(kind: kind, id: $0.key, changes: $0.value) }
                .sorted { $0.changes != $1.changes ? $0.changes > $1.changes : $0.id < $1.id }
        }
    }

    /// Occurrences moved in time, changed in rooms, removed and added.
    public func count(_ kind: Change.Kind) -> Int { changes.filter { $0.kind == kind }.count }
}

extension TimetableDiff {
    private func describe(_ placement: Placement?, in school: School, _ locale: RenderLocale) -> String {
        guard let placement else { return "—" }
        let rooms = placement.rooms.isEmpty ? "" : " " + placement.rooms.map(\.rawValue).joined(separator: "+")
        return (locale == .nl ? school.dutchLabel(placement.start) : school.label(placement.start)) + rooms
    }

    /// Rules whose penalty differs, with both penalties, in catalogue order.
    public var ruleRows: [(rule: RuleID, before: Int, after: Int)] {
        let old = before.penaltyByRule, new = after.penaltyByRule
        return RuleCatalogue.descriptors.map(\.id).compactMap { rule in
            let a = old[rule] ?? 0, b = new[rule] ?? 0
            return a == 0 && b == 0 ? nil : (rule, a, b)
        }
    }

    /// The summary, every change and the people affected, as text for the terminal.
    public func text(school: School, limit: Int = 50, locale: RenderLocale = .en) -> String {
        var lines = [
            "\(locale.word(.changes).lowercased()): \(summary(locale))",
            "\(locale.word(.score).lowercased()): \(before.score) \(locale.word(.before).lowercased()), \(after.score) \(locale.word(.after).lowercased())",
        ]
        for row in ruleRows { lines.append("  \(row.rule.rawValue): \(row.before) → \(row.after)") }
        for change in changes.prefix(limit) {
            lines.append(
                "\(name(change.kind, locale)) \(change.lesson): \(describe(change.before, in: school, locale)) → \(describe(change.after, in: school, locale))"
            )
        }
        if changes.count > limit { lines.append("… \(changes.count - limit) \(locale.word(.more)) (--format csv)") }
        for kind in [ViewKind.teacher, .group, .room, .student] {
            let list = affected.filter { $0.kind == kind.rawValue }
            guard !list.isEmpty else { continue }
            let shown = list.prefix(12).map { "\($0.id) (\($0.changes))" }.joined(separator: ", ")
            lines.append(
                "\(locale.plural(kind).lowercased()) \(locale.word(.affected)): \(list.count): \(shown)\(list.count > 12 ? ", …" : "")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "9 moved, 0 in other rooms, 1 removed, 1 added", in the locale's words.
    private func summary(_ locale: RenderLocale) -> String {
        [Change.Kind.moved, .roomChanged, .removed, .added].map { "\(count($0)) \(name($0, locale))" }.joined(separator: ", ")
    }

    private func name(_ kind: Change.Kind, _ locale: RenderLocale) -> String {
        switch kind {
        case .moved: locale.word(.moved)
        case .roomChanged: locale.word(.inOtherRooms)
        case .removed: locale.word(.removed)
        case .added: locale.word(.added)
        }
    }

    /// One row per change: kind, lesson, old and new day, time and rooms, teachers and groups.
    public func csv(school: School, delimiter: Character = ",") -> String {
        let lessons = Dictionary(school.lessons.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let header = ["change", "lesson", "before", "before_rooms", "after", "after_rooms", "teachers", "groups"]
        var rows = [header]
        for change in changes {
            let lesson = lessons[change.lesson]
            rows.append([
                change.kind.rawValue, change.lesson.rawValue,
                change.before.map { school.label($0.start) } ?? "", change.before?.rooms.map(\.rawValue).joined(separator: "+") ?? "",
                change.after.map { school.label($0.start) } ?? "", change.after?.rooms.map(\.rawValue).joined(separator: "+") ?? "",
                lesson?.teachers.map(\.rawValue).joined(separator: " ") ?? "", lesson?.groups.map(\.rawValue).joined(separator: " ") ?? "",
            ])
        }
        return rows.map { $0.map { CSVField.escape($0, delimiter: delimiter) }.joined(separator: String(delimiter)) }
            .joined(separator: "\r\n") + "\r\n"
    }

    /// A page to publish: the summary, the scores rule by rule, every change, and who is affected.
    public func html(school: School, locale: RenderLocale = .en) -> String {
        let title = "\(locale.word(.changesIn)) \(school.name)"
        var body = "<h1>\(escape(title))</h1>\n"
        body += "<p>\(escape(summary(locale))).</p>\n"
        body += "<h2>\(escape(locale.word(.score)))</h2>\n<table><tr><th>\(escape(locale.word(.rule)))</th>"
        body += "<th>\(escape(locale.word(.before)))</th><th>\(escape(locale.word(.after)))</th></tr>"
        body += "<tr><th>\(escape(locale.word(.hard)))</th><td>\(before.score.hard)</td><td>\(after.score.hard)</td></tr>"
        body += "<tr><th>\(escape(locale.word(.soft)))</th><td>\(before.score.soft)</td><td>\(after.score.soft)</td></tr>"
        for row in ruleRows { body += "<tr><td>\(escape(row.rule.rawValue))</td><td>\(row.before)</td><td>\(row.after)</td></tr>" }
        body += "</table>\n<h2>\(escape(locale.word(.lessons)))</h2>\n<table><tr><th>\(escape(locale.word(.change)))</th>"
        body +=
            "<th>\(escape(locale.word(.lesson)))</th><th>\(escape(locale.word(.before)))</th><th>\(escape(locale.word(.after)))</th></tr>"
        for change in changes {
            body +=
                "<tr><td>\(escape(name(change.kind, locale)))</td><td>\(escape(change.lesson.rawValue))</td>"
                + "<td>\(escape(describe(change.before, in: school, locale)))</td><td>\(escape(describe(change.after, in: school, locale)))</td></tr>"
        }
        body += "</table>\n"
        for kind in [ViewKind.teacher, .group, .room, .student] {
            let list = affected.filter { $0.kind == kind.rawValue }
            guard !list.isEmpty else { continue }
            body += "<h2>\(escape(locale.plural(kind))) \(escape(locale.word(.affected))) (\(list.count))</h2>\n<p>"
            body += list.map { "\(escape($0.id)) (\($0.changes))" }.joined(separator: ", ") + "</p>\n"
        }
        return """
            <!doctype html>
            <html lang="\(locale.rawValue)">
            <head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}</style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }
}
