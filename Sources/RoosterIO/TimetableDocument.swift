import Foundation
import RoosterModel
import Yams

/// The file form of a timetable (schema `rooster-timetable/1`), in JSON. Days are referred to by
/// their ID in the school, periods by index from 0.
struct TimetableDocument: Codable, Equatable {
    static let currentSchema = "rooster-timetable/1"

    struct PlacementDocument: Codable, Equatable {
        var lesson: String
        var day: String
        var period: Int
        var rooms: [String]?
        /// Kept in place by a re-solve from this timetable (`rooster solve --from`); absent means false.
        var locked: Bool?
    }
    struct EnrolmentDocument: Codable, Equatable {
        var student: String
        var lesson: String
        var day: String?
        var period: Int?
    }
    struct CoachMeetingDocument: Codable, Equatable {
        var student: String
        var coach: String
        var week: Int
        var day: String
        var period: Int
        /// Set for a triad meeting.
        var parent: String?
    }

    var schema: String?
    /// The school's name, for people reading the file.
    var school: String?
    var placements: [PlacementDocument]
    var enrolments: [EnrolmentDocument]?
    var coachMeetings: [CoachMeetingDocument]?
}

/// Reading and writing timetable files: Rooster's JSON, and ITC 2007 `.sol`.
public enum TimetableFile {
    public enum Format: String, Sendable, CaseIterable {
        /// Rooster's timetable JSON, an ITC 2007 solution, or FET's activities timetable (`.xml`,
        /// for schools read from a FET file).
        case json, sol, fet

        public init?(fileName: String) {
            switch URL(fileURLWithPath: fileName).pathExtension.lowercased() {
            case "json": self = .json
            case "sol": self = .sol
            case "xml": self = .fet
            default: return nil
            }
        }
    }

    /// Reads a timetable for a school. JSON unless the extension is `.sol`.
    ///
    /// - Throws: ``InputError`` for unreadable files, unknown days, periods outside the day and
    ///   references to lessons, rooms, students or teachers the school does not have, with the path
    ///   and line.
    public static func load(_ url: URL, for school: School, displayName: String? = nil) throws(InputError) -> Timetable {
        let name = displayName ?? url.relativePath
        let text = try SourceText.read(url, displayName: name)
        return try parse(text, format: Format(fileName: url.path) ?? .json, for: school, file: name)
    }

    /// Reads a timetable for a school as loaded: for a school imported from an XHSTT archive, an
    /// `.xml` file is an XHSTT archive with a solution of the same instance (with several, the
    /// last, which `note` names).
    public static func load(_ url: URL, for loaded: LoadedSchool, displayName: String? = nil) throws(InputError)
        -> (timetable: Timetable, note: String?)
    {
        guard let instance = loaded.xhstt, url.pathExtension.lowercased() == "xml" else {
            return (try load(url, for: loaded.school, displayName: displayName), nil)
        }
        let name = displayName ?? url.relativePath
        let text = try SourceText.read(url, displayName: name)
        let (solution, chosen) = try XHSTTSolutionFile.read(text, instance: instance, file: name)
        let mapping = try XHSTTMapping(instance, file: loaded.file)
        let timetable = try XHSTTSolutionFile.timetable(solution, instance: instance, mapping: mapping, file: name)
        return (timetable, chosen.map { "\(name): read \($0)" })
    }

    /// Writes a timetable for a school as loaded: for a school imported from an XHSTT archive,
    /// `.xml` writes an archive with the instance and the timetable as its solution, with the
    /// solution's XHSTT cost as its report.
    public static func write(_ timetable: Timetable, for loaded: LoadedSchool, to url: URL, as format: Format) throws {
        guard let instance = loaded.xhstt, format == .fet else {
            return try write(timetable, for: loaded.school, to: url, as: format)
        }
        let mapping = try XHSTTMapping(instance, file: loaded.file)
        let solution = XHSTTSolutionFile.solution(timetable, instance: instance, mapping: mapping)
        let cost = XHSTTEvaluator(instance: instance).cost(of: solution)
        try AtomicFile.write(XHSTTSolutionFile.archive(solution, instance: instance, cost: cost), to: url)
    }

    public static func parse(_ text: String, format: Format, for school: School, file: String = "<input>") throws(InputError) -> Timetable {
        try read(text, format: format, for: school, file: file, lenient: false).timetable
    }

    /// Reads the timetable in use before a change of the school, as a re-solve's reference: its
    /// placements, enrolments and conversations of lessons, rooms, students or days that the
    /// changed school no longer has are dropped (and returned, with their place) instead of failing
    /// the read. Malformed files still fail.
    public static func loadReference(_ url: URL, for school: School, displayName: String? = nil) throws(InputError)
        -> (timetable: Timetable, dropped: [InputError])
    {
        let name = displayName ?? url.relativePath
        let text = try SourceText.read(url, displayName: name)
        return try read(text, format: Format(fileName: url.path) ?? .json, for: school, file: name, lenient: true)
    }

    private static func read(_ text: String, format: Format, for school: School, file: String, lenient: Bool) throws(InputError)
        -> (timetable: Timetable, dropped: [InputError])
    {
        switch format {
        case .sol:
            let timetable = try SolutionFormat.parse(text, school: school, file: file)
            try checkOccurrences(timetable, school: school, file: file) { index in (index + 1, nil) }
            return (timetable, [])
        case .fet:
            let timetable = try FETTimetable.read(text, for: school, file: file)
            try checkOccurrences(timetable, school: school, file: file) { _ in (nil, nil) }
            return (timetable, [])
        case .json:
            let sourceMap = SourceMap(text: text)
            let document: TimetableDocument
            do {
                document = try JSONDecoder().decode(TimetableDocument.self, from: Data(text.utf8))
            } catch let error as DecodingError {
                throw InputError(error, file: file, sourceMap: sourceMap)
            } catch {
                throw InputError(file: file, message: "The JSON could not be read: \(error)")
            }
            var reader = TimetableDocumentReader(school: school, file: file, sourceMap: sourceMap)
            reader.lenient = lenient
            let timetable = try reader.timetable(document)
            try checkOccurrences(timetable, school: school, file: file) { index in
                let path = "placements[\(index)]"
                return (sourceMap?.line(of: path), path)
            }
            return (timetable, reader.dropped)
        }
    }

    /// Refuses a lesson placed more often than it is taught and than the week has periods: such
    /// a file is a mistake (a loop that wrote one line 2,000 times), and judging it would compare
    /// every copy with every other — minutes and gigabytes for a 26 KB file.
    private static func checkOccurrences(
        _ timetable: Timetable, school: School, file: String, place: (Int) -> (line: Int?, path: String?)
    ) throws(InputError) {
        var limit: [Lesson.ID: Int] = [:]
        let periods = school.allSlots.count * max(school.weeksInCycle, 1)
        for lesson in school.lessons where limit[lesson.id] == nil { limit[lesson.id] = max(lesson.countPerWeek, periods) }
        var seen: [Lesson.ID: Int] = [:]
        for (index, placement) in timetable.placements.enumerated() {
            seen[placement.lesson, default: 0] += 1
            guard let allowed = limit[placement.lesson], let count = seen[placement.lesson], count > allowed else { continue }
            let (line, path) = place(index)
            throw InputError(
                file: file, line: line, path: path,
                message:
                    "lesson \(placement.lesson) is placed more than \(allowed) times; it is taught \(max(school.lessons.first { $0.id == placement.lesson }?.countPerWeek ?? 0, 0)) times a week and the cycle has \(periods) periods",
                hint: "remove the repeated placements")
        }
    }

    /// The timetable as text in the given format.
    public static func encode(_ timetable: Timetable, for school: School, as format: Format) throws -> String {
        switch format {
        case .sol:
            return try SolutionFormat.format(timetable)
        case .fet:
            return FETTimetable.write(timetable, for: school)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(TimetableDocument(timetable, school: school)), as: UTF8.self) + "\n"
        }
    }

    /// Writes a timetable atomically.
    public static func write(_ timetable: Timetable, for school: School, to url: URL, as format: Format) throws {
        try AtomicFile.write(try encode(timetable, for: school, as: format), to: url)
    }
}

/// Resolves a timetable document against its school, failing on the first reference that does not exist.
struct TimetableDocumentReader {
    let school: School
    let file: String
    let sourceMap: SourceMap?
    let dayIndex: [String: Int]
    let lessons: Set<Lesson.ID>
    let rooms: Set<Room.ID>
    let students: Set<Student.ID>
    let teachers: Set<Teacher.ID>
    /// Drop entries that do not fit the school (a reference timetable after a change) instead of failing.
    var lenient = false
    /// What a lenient read dropped, one message per entry.
    private(set) var dropped: [InputError] = []

    init(school: School, file: String, sourceMap: SourceMap?) {
        self.school = school
        self.file = file
        self.sourceMap = sourceMap
        dayIndex = Dictionary(school.days.enumerated().map { ($1.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        lessons = Set(school.lessons.map(\.id))
        rooms = Set(school.rooms.map(\.id))
        students = Set(school.students.map(\.id))
        teachers = Set(school.teachers.map(\.id))
    }

    func fail(_ message: String, at path: String, hint: String? = nil) -> InputError {
        let position = sourceMap?.position(of: path)
        return InputError(file: file, line: position?.line, column: position?.column, path: path, message: message, hint: hint)
    }

    func slot(day: String, period: Int, at path: String) throws(InputError) -> TimeSlot {
        guard let index = dayIndex[day] else {
            throw fail(
                "Unknown day '\(day)'", at: "\(path).day", hint: "days are: \(school.days.map(\.id.rawValue).joined(separator: ", "))")
        }
        let slot = TimeSlot(day: index, period: period)
        guard school.contains(slot) else {
            throw fail(
                "Day \(day) has no period \(period)", at: "\(path).period",
                hint: "periods count from 0; \(day) has \(school.periods(ofDay: index).count)")
        }
        return slot
    }

    func check<Tag>(_ id: Identifier<Tag>, in known: Set<Identifier<Tag>>, _ kind: String, at path: String) throws(InputError) {
        guard known.contains(id) else {
            throw fail("Unknown \(kind) '\(id)'", at: path, hint: "is this timetable made for this school?")
        }
    }

    /// Runs the reading of one entry; a lenient reader returns its error instead of throwing it.
    private func entry(_ read: () throws(InputError) -> Void) throws(InputError) -> InputError? {
        do {
            try read()
            return nil
        } catch {
            guard lenient else { throw error }
            return error
        }
    }

    mutating func timetable(_ document: TimetableDocument) throws(InputError) -> Timetable {
        if let schema = document.schema, schema != TimetableDocument.currentSchema {
            throw fail(
                "Unknown schema '\(schema)'", at: "schema", hint: "this version of Rooster reads '\(TimetableDocument.currentSchema)'")
        }
        var timetable = Timetable()
        for (index, entry) in document.placements.enumerated() {
            let path = "placements[\(index)]"
            if let error = try self.entry({ () throws(InputError) in
                try check(Lesson.ID(entry.lesson), in: lessons, "lesson", at: "\(path).lesson")
                for (r, room) in (entry.rooms ?? []).enumerated() { try check(Room.ID(room), in: rooms, "room", at: "\(path).rooms[\(r)]") }
                timetable.placements.append(
                    Placement(
                        lesson: .init(entry.lesson), start: try slot(day: entry.day, period: entry.period, at: path),
                        rooms: (entry.rooms ?? []).map { .init($0) }, locked: entry.locked ?? false))
            }) {
                dropped.append(error)
            }
        }
        if let enrolments = document.enrolments {
            timetable.enrolments = []
            for (index, entry) in enrolments.enumerated() {
                let path = "enrolments[\(index)]"
                if let error = try self.entry({ () throws(InputError) in
                    try check(Student.ID(entry.student), in: students, "student", at: "\(path).student")
                    try check(Lesson.ID(entry.lesson), in: lessons, "lesson", at: "\(path).lesson")
                    var start: TimeSlot?
                    switch (entry.day, entry.period) {
                    case (let day?, let period?): start = try slot(day: day, period: period, at: path)
                    case (nil, nil): start = nil
                    default: throw fail("An enrolment gives both day and period, or neither", at: path)
                    }
                    timetable.enrolments?.append(Enrolment(student: .init(entry.student), lesson: .init(entry.lesson), start: start))
                }) {
                    dropped.append(error)
                }
            }
        }
        if let meetings = document.coachMeetings {
            timetable.coachMeetings = []
            for (index, entry) in meetings.enumerated() {
                let path = "coachMeetings[\(index)]"
                if let error = try self.entry({ () throws(InputError) in
                    try check(Student.ID(entry.student), in: students, "student", at: "\(path).student")
                    try check(Teacher.ID(entry.coach), in: teachers, "teacher", at: "\(path).coach")
                    if let parent = entry.parent {
                        try check(Parent.ID(parent), in: Set(school.parents.map(\.id)), "parent", at: "\(path).parent")
                    }
                    timetable.coachMeetings?.append(
                        CoachMeeting(
                            student: .init(entry.student), coach: .init(entry.coach), week: entry.week,
                            slot: try slot(day: entry.day, period: entry.period, at: path), parent: entry.parent.map { .init($0) }))
                }) {
                    dropped.append(error)
                }
            }
        }
        return timetable
    }
}

extension TimetableDocument {
    init(_ timetable: Timetable, school: School) {
        func dayID(_ day: Int) -> String { school.days.indices.contains(day) ? school.days[day].id.rawValue : "\(day)" }
        schema = Self.currentSchema
        self.school = school.name
        placements = timetable.placements.map {
            PlacementDocument(
                lesson: $0.lesson.rawValue, day: dayID($0.start.day), period: $0.start.period, rooms: $0.rooms.map(\.rawValue),
                locked: $0.locked ? true : nil)
        }
        enrolments = timetable.enrolments?.map {
            EnrolmentDocument(
                student: $0.student.rawValue, lesson: $0.lesson.rawValue, day: $0.start.map { dayID($0.day) }, period: $0.start?.period)
        }
        coachMeetings = timetable.coachMeetings?.map {
            CoachMeetingDocument(
                student: $0.student.rawValue, coach: $0.coach.rawValue, week: $0.week, day: dayID($0.slot.day), period: $0.slot.period,
                parent: $0.parent?.rawValue)
        }
    }
}
