import RoosterModel

/// ITC 2007 track 3 solutions, the `.sol` format: one line `course room day period` per lecture,
/// day and period counted from 0, in any order.
public enum SolutionFormat {
    /// Reads a solution for a school (usually one read from a `.ctt`).
    ///
    /// - Throws: ``InputError`` naming the line for a malformed line, an unknown course or room, or
    ///   a day or period outside the calendar. Clashes and missing lectures are not errors: the
    ///   checker scores them.
    public static func parse(_ text: String, school: School, file: String) throws(InputError) -> Timetable {
        let lessons = Set(school.lessons.map(\.id))
        let rooms = Set(school.rooms.map(\.id))
        var placements: [Placement] = []
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let tokens = rawLine.split(whereSeparator: \.isWhitespace)
            guard !tokens.isEmpty else { continue }
            let number = offset + 1
            guard tokens.count == 4, let day = Int(tokens[2]), let period = Int(tokens[3]) else {
                throw InputError(
                    file: file, line: number, message: "Expected 'course room day period', found '\(tokens.joined(separator: " "))'",
                    hint: "day and period are whole numbers from 0")
            }
            let lesson = Lesson.ID(String(tokens[0])), room = Room.ID(String(tokens[1]))
            guard lessons.contains(lesson) else {
                throw InputError(
                    file: file, line: number, message: "Unknown course '\(lesson)'", hint: "is this the solution of this instance?")
            }
            guard rooms.contains(room) else {
                throw InputError(
                    file: file, line: number, message: "Unknown room '\(room)'",
                    hint: "rooms are: \(school.rooms.prefix(8).map(\.id.rawValue).joined(separator: ", "))…")
            }
            let slot = TimeSlot(day: day, period: period)
            guard school.contains(slot) else {
                throw InputError(
                    file: file, line: number, message: "Day \(day), period \(period) is not in the calendar",
                    hint: "there are \(school.days.count) days of \(school.periods(ofDay: 0).count) periods, counted from 0")
            }
            placements.append(Placement(lesson: lesson, start: slot, rooms: [room]))
        }
        return Timetable(placements: placements)
    }

    /// Writes a timetable as a solution. Every placement must have exactly one room.
    public static func format(_ timetable: Timetable) throws(InputError) -> String {
        var text = ""
        for (index, placement) in timetable.placements.enumerated() {
            guard placement.rooms.count == 1, let room = placement.rooms.first else {
                throw InputError(
                    file: "timetable", path: "placements[\(index)].rooms",
                    message: "The .sol format needs exactly one room per lecture; \(placement.lesson) has \(placement.rooms.count)")
            }
            text += "\(placement.lesson) \(room) \(placement.start.day) \(placement.start.period)\n"
        }
        return text
    }
}
