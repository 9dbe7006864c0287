import Foundation
import RoosterModel

/// The CSV files of the weekly layers: choice requests in, enrolments, unmet requests and coach
/// conversations out (and enrolments in again, to re-enrol after the base timetable changed).
///
/// Requests come from spreadsheets and student apps, so CSV with a header row: `student`,
/// `lesson`, and optionally `rank` (1 is the first choice; by default the order of the student's
/// rows) and `required` (`yes`/`no`, `true`/`false`, `1`/`0`, `ja`/`nee`). Written files use `,`,
/// a header row and CRLF line ends; fields are quoted where needed.
public enum WeeklyFiles {
    // MARK: Requests

    public static func loadRequests(_ url: URL, for school: School, displayName: String? = nil) throws(InputError) -> [ChoiceRequest] {
        let name = displayName ?? url.path
        return try parseRequests(read(url, name: name), for: school, file: name)
    }

    public static func parseRequests(_ text: String, for school: School, file: String) throws(InputError) -> [ChoiceRequest] {
        let table = try CSVTable(text: text, file: file)
        let studentColumn = try table.column("student")
        let lessonColumn = try table.column("lesson")
        let rankColumn = try table.column("rank", required: false)
        let requiredColumn = try table.column("required", required: false)
        let students = Set(school.students.map(\.id))
        let lessons = Dictionary(school.lessons.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let clustered = Set(school.clusters.flatMap(\.lessons))
        var rowsSoFar: [Student.ID: Int] = [:]
        var requests: [ChoiceRequest] = []
        for row in table.rows {
            let student = Student.ID(table.value(row, studentColumn))
            let lesson = Lesson.ID(table.value(row, lessonColumn))
            guard students.contains(student) else {
                throw InputError(
                    file: file, line: row.line, message: "unknown student '\(student)'",
                    hint: "use a student ID of the school file, or remove this row")
            }
            guard let target = lessons[lesson], target.choice != nil || clustered.contains(lesson) else {
                throw InputError(
                    file: file, line: row.line,
                    message: lessons[lesson] == nil
                        ? "unknown lesson '\(lesson)'" : "lesson '\(lesson)' is neither a choice lesson nor part of a cluster",
                    hint: "use the ID of a choice lesson (with `choice:` in the school file) or of a block-hour lesson")
            }
            rowsSoFar[student, default: 0] += 1
            let rankText = table.value(row, rankColumn)
            let rank: Int
            if rankText.isEmpty {
                rank = rowsSoFar[student] ?? 1
            } else if let value = Int(rankText), value >= 1 {
                rank = value
            } else {
                throw InputError(
                    file: file, line: row.line, message: "rank '\(rankText)' is not a whole number from 1", hint: "1 is the first choice")
            }
            let requiredText = table.value(row, requiredColumn).lowercased()
            guard let required = flag(requiredText) else {
                throw InputError(
                    file: file, line: row.line, message: "required '\(requiredText)' is not yes or no",
                    hint: "write yes or no (or leave it empty)")
            }
            requests.append(ChoiceRequest(student: student, lesson: lesson, rank: rank, required: required))
        }
        return requests
    }

    private static func flag(_ text: String) -> Bool? {
        switch text {
        case "", "no", "false", "0", "n", "nee": false
        case "yes", "true", "1", "y", "x", "ja", "j": true
        default: nil
        }
    }

    // MARK: Enrolments

    /// The columns of an enrolment file; `day` and `time` are empty for a cluster lesson taken in all its occurrences.
    public static let enrolmentColumns = ["student", "lesson", "subject", "kind", "day", "time", "rooms", "rank"]

    public static func encodeEnrolments(_ enrolments: [Enrolment], school: School, timetable: Timetable, requests: [ChoiceRequest])
        -> String
    {
        let lessons = Dictionary(school.lessons.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var ranks: [String: Int] = [:]
        for request in requests {
            ranks["\(request.student)|\(request.lesson)"] = min(ranks["\(request.student)|\(request.lesson)"] ?? .max, request.rank)
        }
        var roomsOf: [String: [Room.ID]] = [:]
        for placement in timetable.placements {
            roomsOf["\(placement.lesson)|\(placement.start.day).\(placement.start.period)"] = placement.rooms
        }
        var lines = [enrolmentColumns.joined(separator: ",")]
        for enrolment in enrolments {
            let lesson = lessons[enrolment.lesson]
            let kind = lesson?.choice?.kind.rawValue ?? "cluster"
            let day = enrolment.start.map { school.days.indices.contains($0.day) ? school.days[$0.day].id.rawValue : "\($0.day)" } ?? ""
            let time = enrolment.start.flatMap { school.period(at: $0)?.start.description } ?? ""
            let rooms =
                enrolment.start.flatMap { roomsOf["\(enrolment.lesson)|\($0.day).\($0.period)"] }?.map(\.rawValue).joined(separator: " ")
                ?? ""
            let rank = ranks["\(enrolment.student)|\(enrolment.lesson)"].map(String.init) ?? ""
            lines.append(
                [enrolment.student.rawValue, enrolment.lesson.rawValue, lesson?.subject?.rawValue ?? "", kind, day, time, rooms, rank]
                    .map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    public static func loadEnrolments(_ url: URL, for school: School, displayName: String? = nil) throws(InputError) -> [Enrolment] {
        let name = displayName ?? url.path
        return try parseEnrolments(read(url, name: name), for: school, file: name)
    }

    /// Reads an enrolment file written by ``encodeEnrolments(_:school:timetable:requests:)`` (only
    /// `student`, `lesson`, `day` and `time` are needed).
    public static func parseEnrolments(_ text: String, for school: School, file: String) throws(InputError) -> [Enrolment] {
        let table = try CSVTable(text: text, file: file)
        let studentColumn = try table.column("student"), lessonColumn = try table.column("lesson")
        let dayColumn = try table.column("day"), timeColumn = try table.column("time")
        let students = Set(school.students.map(\.id)), lessons = Set(school.lessons.map(\.id))
        return try table.rows.map { row throws(InputError) in
            let student = Student.ID(table.value(row, studentColumn)), lesson = Lesson.ID(table.value(row, lessonColumn))
            guard students.contains(student) else {
                throw InputError(
                    file: file, line: row.line, message: "unknown student '\(student)'", hint: "use a student ID of the school file")
            }
            guard lessons.contains(lesson) else {
                throw InputError(
                    file: file, line: row.line, message: "unknown lesson '\(lesson)'", hint: "use a lesson ID of the school file")
            }
            let dayText = table.value(row, dayColumn), timeText = table.value(row, timeColumn)
            guard !dayText.isEmpty || !timeText.isEmpty else { return Enrolment(student: student, lesson: lesson) }
            guard let day = school.days.firstIndex(where: { $0.id.rawValue == dayText }) else {
                throw InputError(
                    file: file, line: row.line, message: "unknown day '\(dayText)'",
                    hint: "use a day ID of the school file: \(school.days.map(\.id.rawValue).joined(separator: ", "))")
            }
            let time = TimeOfDay(parsing: timeText)
            guard let period = school.periods(ofDay: day).firstIndex(where: { $0.start == time }) else {
                throw InputError(
                    file: file, line: row.line, message: "no period starts at '\(timeText)' on \(dayText)",
                    hint: "use a start time of that day, e.g. \(school.periods(ofDay: day).first?.start.description ?? "08:30")")
            }
            return Enrolment(student: student, lesson: lesson, start: TimeSlot(day: day, period: period))
        }
    }

    /// One row of the unmet-requests file: a request with the reason it was not met, or (without
    /// a request) a student short of choice lessons.
    public struct UnmetRow: Sendable {
        public var student: Student.ID
        public var request: ChoiceRequest?
        /// A short code (`full`, `clash`, `short`, …) and the sentence that explains it.
        public var reason: String
        public var explanation: String

        public init(student: Student.ID, request: ChoiceRequest?, reason: String, explanation: String) {
            self.student = student
            self.request = request
            self.reason = reason
            self.explanation = explanation
        }
    }

    /// Every unmet request with its reason, and every student short of choices.
    public static func encodeUnmet(_ rows: [UnmetRow]) -> String {
        var lines = [["student", "lesson", "rank", "required", "reason", "explanation"].joined(separator: ",")]
        for row in rows {
            lines.append(
                [
                    row.student.rawValue, row.request?.lesson.rawValue ?? "", row.request.map { String($0.rank) } ?? "",
                    row.request.map { $0.required ? "yes" : "no" } ?? "", row.reason, row.explanation,
                ].map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    // MARK: Coach conversations

    public static func encodeCoachMeetings(_ meetings: [CoachMeeting], school: School, lengthInMinutes: Int) -> String {
        var lines = [["week", "day", "time", "end", "coach", "student", "parent"].joined(separator: ",")]
        for meeting in meetings {
            let day = school.days.indices.contains(meeting.slot.day) ? school.days[meeting.slot.day].id.rawValue : "\(meeting.slot.day)"
            let start = school.period(at: meeting.slot)?.start
            let week = (0..<26).contains(meeting.week) ? String(UnicodeScalar(UInt8(65 + meeting.week))) : "\(meeting.week + 1)"
            // A triad meeting takes its whole period; a conversation the policy's length.
            let minutes = meeting.parent == nil ? lengthInMinutes : (school.period(at: meeting.slot)?.lengthInMinutes ?? lengthInMinutes)
            lines.append(
                [
                    week, day, start?.description ?? "", start.map { $0.adding(minutes: minutes).description } ?? "",
                    meeting.coach.rawValue,
                    meeting.student.rawValue, meeting.parent?.rawValue ?? "",
                ].map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    // MARK: Helpers

    private static func read(_ url: URL, name: String) throws(InputError) -> String {
        guard let data = try? Data(contentsOf: url) else {
            throw InputError(file: name, message: "cannot read the file", hint: "check the path and that the file exists")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: name, message: "the file is not UTF-8 text", hint: "save it as CSV UTF-8")
        }
        return text
    }

    static func csvField(_ value: String) -> String { CSVField.escape(value) }
}
