import Foundation
import RoosterModel
import RoosterRules
import Testing

@testable import RoosterIO

/// The safe XML reader and the FET import, on small files written for these tests (FET's own
/// example files are under FET's licence and stay out of the repository).
@Suite("FET import")
struct FETImportTests {
    /// Two days of three hours, a year with two groups (one split in two subgroups), three
    /// teachers, two rooms; activity 1–2 is one split activity, 3 a year activity, 4 a group's.
    static func fet(time: String = "", space: String = "", rooms: String? = nil) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <fet version="6.8.5">
        <Institution_Name>Test &amp; School</Institution_Name>
        <Days_List><Number_of_Days>2</Number_of_Days><Day><Name>Monday</Name></Day><Day><Name>Tuesday</Name></Day></Days_List>
        <Hours_List><Number_of_Hours>3</Number_of_Hours>
        <Hour><Name>08:00</Name></Hour><Hour><Name>08:50</Name></Hour><Hour><Name>09:40</Name></Hour></Hours_List>
        <Subjects_List><Subject><Name>Maths</Name></Subject><Subject><Name>Art</Name></Subject></Subjects_List>
        <Activity_Tags_List><Activity_Tag><Name>Lab</Name></Activity_Tag></Activity_Tags_List>
        <Teachers_List><Teacher><Name>Ann</Name></Teacher><Teacher><Name>Bob</Name></Teacher><Teacher><Name>Cy</Name></Teacher></Teachers_List>
        <Students_List>
        <Year><Name>Y1</Name><Number_of_Students>50</Number_of_Students>
          <Group><Name>Y1a</Name><Number_of_Students>25</Number_of_Students>
            <Subgroup><Name>Y1a-x</Name><Number_of_Students>12</Number_of_Students></Subgroup>
            <Subgroup><Name>Y1a-y</Name><Number_of_Students>13</Number_of_Students></Subgroup>
          </Group>
          <Group><Name>Y1b</Name><Number_of_Students>25</Number_of_Students></Group>
        </Year>
        </Students_List>
        <Activities_List>
        <Activity><Teacher>Ann</Teacher><Subject>Maths</Subject><Students>Y1a</Students><Duration>1</Duration>
          <Total_Duration>2</Total_Duration><Id>1</Id><Activity_Group_Id>1</Activity_Group_Id><Active>true</Active></Activity>
        <Activity><Teacher>Ann</Teacher><Subject>Maths</Subject><Students>Y1a</Students><Duration>1</Duration>
          <Total_Duration>2</Total_Duration><Id>2</Id><Activity_Group_Id>1</Activity_Group_Id><Active>true</Active></Activity>
        <Activity><Teacher>Bob</Teacher><Subject>Art</Subject><Activity_Tag>Lab</Activity_Tag><Students>Y1</Students><Duration>2</Duration>
          <Total_Duration>2</Total_Duration><Id>3</Id><Activity_Group_Id>0</Activity_Group_Id><Active>true</Active></Activity>
        <Activity><Teacher>Cy</Teacher><Subject>Maths</Subject><Students>Y1b</Students><Duration>1</Duration>
          <Total_Duration>1</Total_Duration><Id>4</Id><Activity_Group_Id>0</Activity_Group_Id><Active>true</Active></Activity>
        <Activity><Teacher>Cy</Teacher><Subject>Art</Subject><Students>Y1b</Students><Duration>1</Duration>
          <Total_Duration>1</Total_Duration><Id>5</Id><Activity_Group_Id>0</Activity_Group_Id><Active>false</Active></Activity>
        </Activities_List>
        <Buildings_List></Buildings_List>
        <Rooms_List>\(rooms ?? "<Room><Name>R1</Name><Capacity>30</Capacity><Virtual>false</Virtual></Room><Room><Name>Lab</Name><Capacity>60</Capacity></Room>")</Rooms_List>
        <Time_Constraints_List>
        <ConstraintBasicCompulsoryTime><Weight_Percentage>100</Weight_Percentage><Active>true</Active></ConstraintBasicCompulsoryTime>
        \(time)
        </Time_Constraints_List>
        <Space_Constraints_List>
        <ConstraintBasicCompulsorySpace><Weight_Percentage>100</Weight_Percentage><Active>true</Active></ConstraintBasicCompulsorySpace>
        \(space)
        </Space_Constraints_List>
        </fet>
        """
    }

    func load(time: String = "", space: String = "", drop: Bool = false) throws -> LoadedSchool {
        try SchoolFile.parse(Self.fet(time: time, space: space), format: .fet, file: "test.fet", dropUnsupported: drop)
    }

    func lesson(_ school: School, _ id: String) throws -> Lesson { try #require(school.lessons.first { $0.id.rawValue == id }) }

    // MARK: - Safe XML

    @Test("XML: elements, attributes, the five entities, character references, CDATA, comments and a BOM")
    func xml() throws {
        let text =
            "\u{FEFF}<?xml version=\"1.0\"?>\n<!-- c -->\n<a x='1' y=\"&lt;2&gt;\">t &amp; &#233;&#x41;<b/><![CDATA[<raw>]]><!-- d --></a>\n"
        let root = try SafeXML.parse(text, file: "t.xml")
        #expect(root.name == "a" && root.attributes == ["x": "1", "y": "<2>"] && root.children.map(\.name) == ["b"])
        #expect(root.text == "t & éA<raw>")
        #expect(root.line == 3)
    }

    @Test(
        "XML: no DTD, no unknown entity, no mismatched or unclosed tag, no deep nesting; each refused with its line",
        arguments: [
            ("<?xml version=\"1.0\"?>\n<!DOCTYPE fet [<!ENTITY a \"aaaa\">]>\n<fet/>", 2, "DTD"),
            ("<fet>\n&bomb;</fet>", 2, "Unknown entity"),
            ("<fet>\n<a></b></fet>", 2, "closes <a>"),
            ("<fet>\n<a>", 2, "never closed"),
            (String(repeating: "<a>", count: 300), 1, "nest"),
            ("<fet></fet>junk", 1, "after the end"),
            ("<fet a=1/>", 1, "quoted"),
        ])
    func xmlRefused(text: String, line: Int, words: String) {
        let error = #expect(throws: InputError.self) { try SafeXML.parse(text, file: "bad.xml") }
        #expect(error?.line == line && error?.message.contains(words) == true, "\(String(describing: error))")
    }

    // MARK: - Structure

    @Test("Days, hours with their times, subgroups as groups, split activities as one lesson, inactive activities left out")
    func structure() throws {
        let loaded = try load()
        let school = loaded.school
        #expect(loaded.readDiagnostics.isEmpty, "\(loaded.readDiagnostics)")
        #expect(school.name == "Test & School")
        #expect(school.days.map(\.name) == ["Monday", "Tuesday"] && school.days.map(\.weekday) == [0, 1])
        #expect(school.periods(ofDay: 0).map(\.start.description) == ["08:00", "08:50", "09:40"])
        #expect(school.groups.map(\.id.rawValue) == ["Y1a-x", "Y1a-y", "Y1b"] && school.groups.map(\.size) == [12, 13, 25])
        let maths = try lesson(school, "A1+2")
        #expect(maths.countPerWeek == 2 && maths.groups == ["Y1a-x", "Y1a-y"] && maths.teachers == ["Ann"] && maths.roomCount == 0)
        #expect(try lesson(school, "A3").groups.count == 3 && lesson(school, "A3").durationInPeriods == 2)
        #expect(!school.lessons.contains { $0.id == "A5" }, "inactive")
        #expect(
            school.ruleWeights[.teacherGaps] == 0 && school.ruleWeights[.groupGaps] == 0, "soft rules the file does not ask for are off")
        #expect(school.validate().filter { $0.severity == .error }.isEmpty)
        #expect(FETImport.activities(of: school)["A1+2"] == [1, 2])
    }

    // MARK: - One given/expect per supported constraint

    @Test("Break: no lesson in the break's periods")
    func breakTimes() throws {
        let school = try load(
            time:
                "<ConstraintBreakTimes><Weight_Percentage>100</Weight_Percentage><Break_Time><Day>Monday</Day><Hour>08:50</Hour></Break_Time></ConstraintBreakTimes>"
        ).school
        #expect(school.lessons.allSatisfy { $0.unavailable.contains(TimeSlot(day: 0, period: 1)) })
    }

    @Test("Teacher not available: hard at 100 %, an unwanted period with the rule's weight below")
    func teacherNotAvailable() throws {
        let times = "<Not_Available_Time><Day>Tuesday</Day><Hour>08:00</Hour></Not_Available_Time>"
        let hard = try load(
            time:
                "<ConstraintTeacherNotAvailableTimes><Weight_Percentage>100</Weight_Percentage><Teacher>Ann</Teacher>\(times)</ConstraintTeacherNotAvailableTimes>"
        ).school
        #expect(hard.teachers[0].unavailable == [TimeSlot(day: 1, period: 0)])
        let soft = try load(
            time:
                "<ConstraintTeacherNotAvailableTimes><Weight_Percentage>80</Weight_Percentage><Teacher>Ann</Teacher>\(times)</ConstraintTeacherNotAvailableTimes>"
        ).school
        #expect(soft.teachers[0].unwanted == [TimeSlot(day: 1, period: 0)] && soft.ruleWeights[.teacherUnwantedTime] == 80)
    }

    @Test("Students set and room not available: the set's smallest groups, the room")
    func notAvailable() throws {
        let times = "<Not_Available_Time><Day>Monday</Day><Hour>09:40</Hour></Not_Available_Time>"
        let school = try load(
            time:
                "<ConstraintStudentsSetNotAvailableTimes><Weight_Percentage>100</Weight_Percentage><Students>Y1a</Students>\(times)</ConstraintStudentsSetNotAvailableTimes>",
            space:
                "<ConstraintRoomNotAvailableTimes><Weight_Percentage>100</Weight_Percentage><Room>Lab</Room>\(times)</ConstraintRoomNotAvailableTimes>"
        ).school
        #expect(school.groups.map { !$0.unavailable.isEmpty } == [true, true, false])
        #expect(school.rooms.first { $0.id == "Lab" }?.unavailable == [TimeSlot(day: 0, period: 2)])
    }

    @Test("Teacher max hours daily and max days per week, for one teacher and for all")
    func teacherLimits() throws {
        let school = try load(
            time: """
                <ConstraintTeacherMaxHoursDaily><Weight_Percentage>100</Weight_Percentage><Teacher_Name>Ann</Teacher_Name><Maximum_Hours_Daily>2</Maximum_Hours_Daily></ConstraintTeacherMaxHoursDaily>
                <ConstraintTeachersMaxHoursDaily><Weight_Percentage>100</Weight_Percentage><Maximum_Hours_Daily>3</Maximum_Hours_Daily></ConstraintTeachersMaxHoursDaily>
                <ConstraintTeacherMaxDaysPerWeek><Weight_Percentage>100</Weight_Percentage><Teacher_Name>Bob</Teacher_Name><Max_Days_Per_Week>1</Max_Days_Per_Week></ConstraintTeacherMaxDaysPerWeek>
                """
        ).school
        #expect(school.teachers.map(\.maxPeriodsPerDay) == [2, 3, 3])
        #expect(school.teachers.map(\.maxDays) == [nil, 1, nil])
    }

    @Test("Preferred starting time: the occurrence is pinned there")
    func preferredStart() throws {
        let school = try load(
            time:
                "<ConstraintActivityPreferredStartingTime><Weight_Percentage>100</Weight_Percentage><Activity_Id>4</Activity_Id><Preferred_Day>Tuesday</Preferred_Day><Preferred_Hour>08:50</Preferred_Hour></ConstraintActivityPreferredStartingTime>"
        ).school
        #expect(try lesson(school, "A4").pinned == [TimeSlot(day: 1, period: 1)])
    }

    @Test("Preferred time slots (one activity, or filtered activities): every other period is unavailable to the lesson")
    func preferredSlots() throws {
        let slots =
            "<Preferred_Time_Slot><Preferred_Day>Monday</Preferred_Day><Preferred_Hour>08:00</Preferred_Hour></Preferred_Time_Slot><Preferred_Time_Slot><Preferred_Day>Monday</Preferred_Day><Preferred_Hour>08:50</Preferred_Hour></Preferred_Time_Slot>"
        let one = try load(
            time:
                "<ConstraintActivityPreferredTimeSlots><Weight_Percentage>100</Weight_Percentage><Activity_Id>4</Activity_Id>\(slots)</ConstraintActivityPreferredTimeSlots>"
        ).school
        #expect(try lesson(one, "A4").unavailable.count == 4)
        let filtered = try load(
            time:
                "<ConstraintActivitiesPreferredTimeSlots><Weight_Percentage>100</Weight_Percentage><Teacher_Name></Teacher_Name><Students_Name></Students_Name><Subject_Name>Art</Subject_Name><Activity_Tag_Name></Activity_Tag_Name>\(slots)</ConstraintActivitiesPreferredTimeSlots>"
        ).school
        #expect(try lesson(filtered, "A3").unavailable.count == 4 && lesson(filtered, "A4").unavailable.isEmpty)
    }

    @Test("Preferred starting times of one-hour activities restrict them; of longer ones they cannot be represented")
    func preferredStarts() throws {
        let starts =
            "<Preferred_Starting_Time><Preferred_Starting_Day>Tuesday</Preferred_Starting_Day><Preferred_Starting_Hour>08:00</Preferred_Starting_Hour></Preferred_Starting_Time>"
        let one = try load(
            time:
                "<ConstraintActivityPreferredStartingTimes><Weight_Percentage>100</Weight_Percentage><Activity_Id>4</Activity_Id>\(starts)</ConstraintActivityPreferredStartingTimes>"
        ).school
        #expect(try lesson(one, "A4").unavailable.count == 5)
        let long = try load(
            time:
                "<ConstraintActivityPreferredStartingTimes><Weight_Percentage>100</Weight_Percentage><Activity_Id>3</Activity_Id>\(starts)</ConstraintActivityPreferredStartingTimes>"
        )
        #expect(
            long.readDiagnostics.contains {
                $0.code == "unsupportedConstraint" && $0.message.contains("ConstraintActivityPreferredStartingTimes")
            })
    }

    @Test("Min days between the parts of a split activity: at most once a day when hard, spread (minWorkingDays) when soft")
    func minDays() throws {
        func constraint(_ weight: Int) -> String {
            "<ConstraintMinDaysBetweenActivities><Weight_Percentage>\(weight)</Weight_Percentage><Consecutive_If_Same_Day>true</Consecutive_If_Same_Day><Number_of_Activities>2</Number_of_Activities><Activity_Id>1</Activity_Id><Activity_Id>2</Activity_Id><MinDays>1</MinDays></ConstraintMinDaysBetweenActivities>"
        }
        #expect(try lesson(load(time: constraint(100)).school, "A1+2").maxPerDay == 1)
        let soft = try load(time: constraint(95)).school
        #expect(try lesson(soft, "A1+2").minDays == 2 && soft.ruleWeights[.minWorkingDays] == 95)
        let across = try load(
            time: constraint(95).replacingOccurrences(of: "<Activity_Id>2</Activity_Id>", with: "<Activity_Id>4</Activity_Id>"))
        #expect(across.readDiagnostics.contains { $0.severity == .error && $0.message.contains("1 ConstraintMinDaysBetweenActivities") })
    }

    @Test("Min days between parts of different lengths, or several days apart: a day spread over whole lessons")
    func minDaysSpread() throws {
        let text = Self.fet(
            time:
                "<ConstraintMinDaysBetweenActivities><Weight_Percentage>100</Weight_Percentage><Number_of_Activities>3</Number_of_Activities><Activity_Id>1</Activity_Id><Activity_Id>2</Activity_Id><Activity_Id>7</Activity_Id><MinDays>1</MinDays></ConstraintMinDaysBetweenActivities>"
        ).replacingOccurrences(
            of: "</Activities_List>",
            with:
                "<Activity><Teacher>Ann</Teacher><Subject>Maths</Subject><Students>Y1a</Students><Duration>2</Duration><Total_Duration>4</Total_Duration><Id>7</Id><Activity_Group_Id>1</Activity_Group_Id><Active>true</Active></Activity></Activities_List>"
        )
        let loaded = try SchoolFile.parse(text, format: .fet, file: "t.fet")
        #expect(loaded.readDiagnostics.isEmpty, "\(loaded.readDiagnostics)")
        #expect(loaded.school.daySpreads == [DaySpread(lessons: ["A1+2", "A7"], minDays: 1, hard: true)])
        let twoDays = try load(
            time:
                "<ConstraintMinDaysBetweenActivities><Weight_Percentage>90</Weight_Percentage><Activity_Id>1</Activity_Id><Activity_Id>2</Activity_Id><MinDays>2</MinDays></ConstraintMinDaysBetweenActivities>"
        ).school
        #expect(
            twoDays.daySpreads == [DaySpread(lessons: ["A1+2"], minDays: 2, hard: false)]
                && twoDays.ruleWeights[.lessonsApartPreferred] == 90)
    }

    @Test("Same starting time of lessons with no students in common: a cluster")
    func sameStart() throws {
        let school = try load(
            time:
                "<ConstraintActivitiesSameStartingTime><Weight_Percentage>100</Weight_Percentage><Number_of_Activities>2</Number_of_Activities><Activity_Id>4</Activity_Id><Activity_Id>1</Activity_Id></ConstraintActivitiesSameStartingTime>"
        )
        // A4 (once a week) and A1+2 (twice) differ in count: not representable.
        #expect(school.readDiagnostics.contains { $0.message.contains("ConstraintActivitiesSameStartingTime") })
        let one = try SchoolFile.parse(
            Self.fet(
                time:
                    "<ConstraintActivitiesSameStartingTime><Weight_Percentage>100</Weight_Percentage><Activity_Id>4</Activity_Id><Activity_Id>6</Activity_Id></ConstraintActivitiesSameStartingTime>"
            )
            .replacingOccurrences(
                of: "</Activities_List>",
                with:
                    "<Activity><Teacher>Ann</Teacher><Subject>Art</Subject><Students>Y1a</Students><Duration>1</Duration><Id>6</Id><Activity_Group_Id>0</Activity_Group_Id><Active>true</Active></Activity></Activities_List>"
            ),
            format: .fet, file: "t.fet")
        #expect(one.school.clusters.map(\.lessons) == [["A4", "A6"]], "\(one.readDiagnostics)")
    }

    @Test("Preferred rooms: the activity's own, then subject and tag, then home rooms (for activities of that teacher or set alone)")
    func rooms() throws {
        let school = try load(
            space: """
                <ConstraintActivityPreferredRoom><Weight_Percentage>100</Weight_Percentage><Activity_Id>4</Activity_Id><Room>Lab</Room></ConstraintActivityPreferredRoom>
                <ConstraintTeacherHomeRoom><Weight_Percentage>100</Weight_Percentage><Teacher>Cy</Teacher><Room>R1</Room></ConstraintTeacherHomeRoom>
                <ConstraintSubjectActivityTagPreferredRooms><Weight_Percentage>100</Weight_Percentage><Subject>Art</Subject><Activity_Tag>Lab</Activity_Tag><Preferred_Room>Lab</Preferred_Room></ConstraintSubjectActivityTagPreferredRooms>
                <ConstraintStudentsSetHomeRoom><Weight_Percentage>100</Weight_Percentage><Students>Y1a</Students><Room>R1</Room></ConstraintStudentsSetHomeRoom>
                """
        ).school
        #expect(
            try lesson(school, "A4").allowedRooms == ["Lab"] && lesson(school, "A4").roomCount == 1,
            "the activity's own beats Cy's home room")
        #expect(try lesson(school, "A3").allowedRooms == ["Lab"])
        #expect(try lesson(school, "A1+2").allowedRooms == ["R1"], "Y1a's home room")
    }

    @Test("Parts of a split activity with different rooms are separate lessons: a part without a room constraint needs no room")
    func partsWithDifferentRooms() throws {
        let school = try load(
            space:
                "<ConstraintActivityPreferredRoom><Weight_Percentage>100</Weight_Percentage><Activity_Id>1</Activity_Id><Room>Lab</Room></ConstraintActivityPreferredRoom>"
        ).school
        #expect(try lesson(school, "A1").roomCount == 1 && lesson(school, "A1").allowedRooms == ["Lab"])
        #expect(try lesson(school, "A2").roomCount == 0, "as in FET, where activity 2 gets no room")
        #expect(!school.lessons.contains { $0.id == "A1+2" })
    }

    // MARK: - What cannot be represented

    @Test("Unsupported constraints refuse the file by type, count and first line; --drop-unsupported makes them warnings")
    func unsupported() throws {
        let gaps =
            "<ConstraintTeachersMaxGapsPerWeek><Weight_Percentage>100</Weight_Percentage><Max_Gaps>3</Max_Gaps></ConstraintTeachersMaxGapsPerWeek>"
        let refused = try load(time: gaps + "\n" + gaps)
        let error = try #require(refused.validate().first { $0.diagnostic.code == "unsupportedConstraint" })
        #expect(
            error.diagnostic.severity == .error && error.diagnostic.message.hasPrefix("2 ConstraintTeachersMaxGapsPerWeek constraint(s)"))
        let text = Self.fet(time: gaps + "\n" + gaps)
        let firstLine = text.components(separatedBy: "\n").firstIndex { $0.contains("<ConstraintTeachersMaxGapsPerWeek>") }.map { $0 + 1 }
        #expect(error.line == firstLine && error.description.hasPrefix("test.fet:\(firstLine ?? 0): error:"), "\(error)")
        let dropped = try load(time: gaps, drop: true)
        #expect(dropped.validate().allSatisfy { $0.diagnostic.severity != .error })
        #expect(dropped.readDiagnostics.contains { $0.severity == .warning && $0.code == "unsupportedConstraint" })
        let inactive = try load(time: gaps.replacingOccurrences(of: "<Max_Gaps>", with: "<Active>false</Active><Max_Gaps>"))
        #expect(inactive.readDiagnostics.isEmpty, "inactive constraints are not counted")
    }

    // MARK: - Timetables

    @Test("A timetable goes out as FET activities and comes back the same; the parts of a split activity get their own ids")
    func timetableRoundTrip() throws {
        let school = try load(
            space:
                "<ConstraintActivityPreferredRoom><Weight_Percentage>100</Weight_Percentage><Activity_Id>4</Activity_Id><Room>Lab</Room></ConstraintActivityPreferredRoom>"
        ).school
        let timetable = Timetable(placements: [
            Placement(lesson: "A1+2", start: TimeSlot(day: 0, period: 0)), Placement(lesson: "A1+2", start: TimeSlot(day: 1, period: 0)),
            Placement(lesson: "A3", start: TimeSlot(day: 0, period: 1)),
            Placement(lesson: "A4", start: TimeSlot(day: 1, period: 2), rooms: ["Lab"]),
        ])
        let xml = FETTimetable.write(timetable, for: school)
        #expect(xml.contains("<Id>2</Id>\n\t<Day>Tuesday</Day>\n\t<Hour>08:00</Hour>\n</Activity>"))
        #expect(xml.contains("<Id>4</Id>\n\t<Day>Tuesday</Day>\n\t<Hour>09:40</Hour>\n\t<Room>Lab</Room>"))
        let back = try TimetableFile.parse(xml, format: .fet, for: school, file: "t_activities.xml")
        #expect(Set(back.placements) == Set(timetable.placements))
        #expect(Checker().check(back, against: school).score.hard == 0)
        let wrong = xml.replacingOccurrences(of: "<Id>4</Id>", with: "<Id>99</Id>")
        let error = #expect(throws: InputError.self) { try TimetableFile.parse(wrong, format: .fet, for: school, file: "x.xml") }
        #expect(error?.message.contains("'99'") == true && error?.line != nil)
    }
}
