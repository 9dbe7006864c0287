import RoosterModel
import RoosterRules

/// ITC 2007 track 3 (curriculum-based course timetabling) instances, the `.ctt` format.
///
/// The format (Di Gaspero, McCollum, Schaerf, *The Second International Timetabling Competition:
/// Curriculum-based Course Timetabling*, 2007): header lines `Name:`, `Courses:`, `Rooms:`, `Days:`,
/// `Periods_per_day:`, `Curricula:`, `Constraints:`, then the sections `COURSES:`, `ROOMS:`,
/// `CURRICULA:`, `UNAVAILABILITY_CONSTRAINTS:` and `END.`. Tokens are separated by any whitespace.
///
/// The mapping onto the model: a course is a ``Lesson`` (lectures → `countPerWeek`, minimum working
/// days → `minDays`, students → `studentCount`), a curriculum is a ``Group``, an unavailability is
/// a lesson's unavailable slot, and the school carries the ``RuleProfile/itc2007`` weights (UD2).
/// Days are `d0`, `d1`, … named Mon, Tue, …; periods are one hour from 08:00, named `p0`, `p1`, ….
public enum CTTFormat {
    /// A line split into whitespace-separated tokens, with its 1-based line number.
    struct Line {
        var number: Int
        var tokens: [Substring]
    }

    static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// Parses a `.ctt` instance into a school.
    public static func parse(_ text: String, file: String) throws(InputError) -> School {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .enumerated()
            .map { Line(number: $0.offset + 1, tokens: $0.element.split(whereSeparator: { $0.isWhitespace })) }
            .filter { !$0.tokens.isEmpty }
        var position = 0
        var lastLine = 0

        func fail(_ message: String, line: Int? = nil, hint: String? = nil) -> InputError {
            InputError(file: file, line: line ?? lastLine, message: message, hint: hint ?? "see the ITC 2007 track 3 format description")
        }
        func next(_ what: String) throws(InputError) -> Line {
            guard position < lines.count else {
                throw fail("The file ends early: expected \(what)", line: lastLine + 1, hint: "the file may be truncated")
            }
            let line = lines[position]
            position += 1
            lastLine = line.number
            return line
        }
        func integer(_ token: Substring, _ what: String, line: Line, minimum: Int = 0) throws(InputError) -> Int {
            guard let value = Int(token), value >= minimum else {
                throw fail("Expected \(what) (a whole number ≥ \(minimum)), found '\(token)'", line: line.number)
            }
            return value
        }
        func header(_ key: String) throws(InputError) -> Line {
            let line = try next("'\(key)'")
            guard line.tokens.first == Substring(key), line.tokens.count == 2 else {
                throw fail("Expected '\(key) <value>', found '\(line.tokens.joined(separator: " "))'", line: line.number)
            }
            return line
        }
        func section(_ key: String) throws(InputError) {
            let line = try next("'\(key)'")
            guard line.tokens == [Substring(key)] else {
                throw fail(
                    "Expected the section '\(key)', found '\(line.tokens.joined(separator: " "))'", line: line.number,
                    hint: "a section has fewer or more lines than its header count says, or '\(key)' is missing")
            }
        }

        let name = String(try header("Name:").tokens[1])
        var line = try header("Courses:")
        let courseCount = try integer(line.tokens[1], "the number of courses", line: line)
        line = try header("Rooms:")
        let roomCount = try integer(line.tokens[1], "the number of rooms", line: line)
        line = try header("Days:")
        let dayCount = try integer(line.tokens[1], "the number of days", line: line, minimum: 1)
        line = try header("Periods_per_day:")
        let periodsPerDay = try integer(line.tokens[1], "the number of periods per day", line: line, minimum: 1)
        line = try header("Curricula:")
        let curriculumCount = try integer(line.tokens[1], "the number of curricula", line: line)
        if position < lines.count, lines[position].tokens.first == "Min_Max_Daily_Lectures:" {
            throw fail(
                "This is an extended ITC instance (.ectt), which Rooster does not read yet", line: lines[position].number,
                hint: "use the .ctt version of the instance")
        }
        line = try header("Constraints:")
        let constraintCount = try integer(line.tokens[1], "the number of constraints", line: line)
        guard dayCount <= 31, periodsPerDay <= 24 else {
            throw fail("\(dayCount) days of \(periodsPerDay) periods is not a weekly timetable", line: line.number)
        }

        var school = School(name: name, ruleWeights: RuleProfile.itc2007.weights)
        let template = DayTemplate(
            id: "day",
            periods: (0..<periodsPerDay).map { period in
                Period(name: "p\(period)", start: TimeOfDay(hour: 8 + period, minute: 0), lengthInMinutes: 60)
            })
        school.dayTemplates = [template]
        school.days = (0..<dayCount).map { day in
            Day(id: .init("d\(day)"), name: day < dayNames.count ? dayNames[day] : "Day \(day)", template: template.id)
        }

        try section("COURSES:")
        var lessonIndex: [Lesson.ID: Int] = [:]
        // Sets beside the lists: a file may hold hundreds of thousands of entries, and a search
        // through the list per line would make reading quadratic.
        var teachers: [Teacher.ID] = []
        var knownTeachers = Set<Teacher.ID>()
        for _ in 0..<courseCount {
            let line = try next("a course line")
            guard line.tokens.count == 5 else {
                throw fail(
                    "A course line has 5 fields (course teacher lectures minWorkingDays students), found \(line.tokens.count)",
                    line: line.number)
            }
            let id = Lesson.ID(String(line.tokens[0]))
            guard lessonIndex[id] == nil else { throw fail("Course \(id) is listed twice", line: line.number) }
            let teacher = Teacher.ID(String(line.tokens[1]))
            if knownTeachers.insert(teacher).inserted { teachers.append(teacher) }
            lessonIndex[id] = school.lessons.count
            school.lessons.append(
                Lesson(
                    id: id, teachers: [teacher], countPerWeek: try integer(line.tokens[2], "the number of lectures", line: line),
                    studentCount: try integer(line.tokens[4], "the number of students", line: line),
                    minDays: try integer(line.tokens[3], "the minimum working days", line: line)))
        }
        school.teachers = teachers.map { Teacher(id: $0) }

        try section("ROOMS:")
        var knownRooms = Set<Room.ID>()
        for _ in 0..<roomCount {
            let line = try next("a room line")
            guard line.tokens.count == 2 else {
                throw fail("A room line has 2 fields (room capacity), found \(line.tokens.count)", line: line.number)
            }
            let id = Room.ID(String(line.tokens[0]))
            guard knownRooms.insert(id).inserted else { throw fail("Room \(id) is listed twice", line: line.number) }
            school.rooms.append(Room(id: id, capacity: try integer(line.tokens[1], "the room capacity", line: line)))
        }

        try section("CURRICULA:")
        var knownGroups = Set<Group.ID>()
        for _ in 0..<curriculumCount {
            let line = try next("a curriculum line")
            guard line.tokens.count >= 2 else {
                throw fail("A curriculum line starts with its id and number of courses", line: line.number)
            }
            let group = Group.ID(String(line.tokens[0]))
            let members = try integer(line.tokens[1], "the number of courses", line: line)
            guard line.tokens.count == 2 + members else {
                throw fail("Curriculum \(group) announces \(members) courses but lists \(line.tokens.count - 2)", line: line.number)
            }
            guard knownGroups.insert(group).inserted else {
                throw fail("Curriculum \(group) is listed twice", line: line.number)
            }
            school.groups.append(Group(id: group))
            for token in line.tokens.dropFirst(2) {
                guard let index = lessonIndex[Lesson.ID(String(token))] else {
                    throw fail("Curriculum \(group) lists course \(token), which is not under COURSES", line: line.number)
                }
                if !school.lessons[index].groups.contains(group) { school.lessons[index].groups.append(group) }
            }
        }

        try section("UNAVAILABILITY_CONSTRAINTS:")
        for _ in 0..<constraintCount {
            let line = try next("an unavailability line")
            guard line.tokens.count == 3 else {
                throw fail("An unavailability line has 3 fields (course day period), found \(line.tokens.count)", line: line.number)
            }
            guard let index = lessonIndex[Lesson.ID(String(line.tokens[0]))] else {
                throw fail("Unavailability for course \(line.tokens[0]), which is not under COURSES", line: line.number)
            }
            let day = try integer(line.tokens[1], "a day", line: line)
            let period = try integer(line.tokens[2], "a period", line: line)
            guard day < dayCount, period < periodsPerDay else {
                throw fail("Day \(day), period \(period) is outside \(dayCount) days of \(periodsPerDay) periods", line: line.number)
            }
            school.lessons[index].unavailable.insert(TimeSlot(day: day, period: period))
        }
        let end = try next("'END.'")
        guard end.tokens == ["END."] else {
            throw fail(
                "Expected 'END.', found '\(end.tokens.joined(separator: " "))'", line: end.number,
                hint: "a section has more lines than its header count says")
        }
        return school
    }
}
