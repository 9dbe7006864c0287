import Foundation
import RoosterModel

/// Timetables in FET's activities-timetable XML (`*_activities.xml`, as `fet-cl` writes it): one
/// `<Activity>` per FET activity with its `Id`, `Day`, `Hour` (the names of the FET file) and
/// `Room`. Written so that FET users can open a Rooster timetable; read so that a timetable FET
/// made can be scored by Rooster's checker. Works with schools read by ``FETImport``, whose lesson
/// IDs carry the activity IDs (`A12`, or `A21+22+23` for the parts of a split activity).
public enum FETTimetable {
    /// The timetable as FET activities; the parts of a split activity take its lesson's
    /// occurrences in order of time.
    public static func write(_ timetable: Timetable, for school: School) -> String {
        let activities = FETImport.activities(of: school)
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<Activities_Timetable>"]
        var used: [Lesson.ID: Int] = [:]
        let ordered = timetable.placements.sorted { ($0.start.day, $0.start.period) < ($1.start.day, $1.start.period) }
        var rows: [(id: Int, text: [String])] = []
        for placement in ordered {
            guard let ids = activities[placement.lesson], !ids.isEmpty else { continue }
            let occurrence = used[placement.lesson, default: 0]
            used[placement.lesson] = occurrence + 1
            guard occurrence < ids.count, school.days.indices.contains(placement.start.day),
                let period = school.period(at: placement.start)
            else { continue }
            var text = [
                "<Activity>", "\t<Id>\(ids[occurrence])</Id>", "\t<Day>\(MarkupText.escaped(school.days[placement.start.day].name))</Day>",
                "\t<Hour>\(MarkupText.escaped(period.name ?? period.start.description))</Hour>",
            ]
            if let room = placement.rooms.first { text.append("\t<Room>\(MarkupText.escaped(room.rawValue))</Room>") }
            text.append("</Activity>")
            rows.append((ids[occurrence], text))
        }
        for row in rows.sorted(by: { $0.id < $1.id }) { lines += row.text }
        lines.append("</Activities_Timetable>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads FET's activities timetable for a school imported from the same FET file.
    public static func read(_ text: String, for school: School, file: String) throws(InputError) -> Timetable {
        let root = try SafeXML.parse(text, file: file)
        guard root.name == "Activities_Timetable" else {
            throw InputError(
                file: file, line: root.line, message: "Not a FET activities timetable: the root is <\(root.name)>",
                hint: "give the *_activities.xml that fet-cl writes")
        }
        var lessonOf: [Int: Lesson.ID] = [:]
        for (lesson, ids) in FETImport.activities(of: school) { for id in ids { lessonOf[id] = lesson } }
        let days = Dictionary(school.days.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        let hours = Dictionary(
            school.periods(ofDay: 0).enumerated().compactMap { index, period in period.name.map { ($0, index) } },
            uniquingKeysWith: { first, _ in first })
        var placements: [Placement] = []
        for activity in root.children("Activity") {
            guard let id = activity.value("Id").flatMap({ Int($0) }), let lesson = lessonOf[id] else {
                throw InputError(
                    file: file, line: activity.line, message: "Activity '\(activity.value("Id") ?? "")' is not an activity of the school",
                    hint: "read the timetable with the FET file it was made for")
            }
            guard let day = activity.value("Day").flatMap({ days[$0] }), let hour = activity.value("Hour").flatMap({ hours[$0] }) else {
                throw InputError(
                    file: file, line: activity.line,
                    message:
                        "Activity \(id) is on day '\(activity.value("Day") ?? "")', hour '\(activity.value("Hour") ?? "")', which the school does not have"
                )
            }
            let room = activity.value("Room").flatMap { $0.isEmpty ? nil : Room.ID($0) }
            placements.append(Placement(lesson: lesson, start: TimeSlot(day: day, period: hour), rooms: room.map { [$0] } ?? []))
        }
        return Timetable(placements: placements)
    }
}
