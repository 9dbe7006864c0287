import Foundation
import RoosterModel
import RoosterRules

/// Reads a FET school file (`.fet`, the XML of the free timetabler FET) into a Rooster school.
///
/// The mapping, following FET's own documentation:
/// - Days and hours become the days of one day template; an hour named like `08:00` or `8.15-9.00`
///   gives its period's start time, otherwise periods are numbered from 08:00 in 50-minute steps.
/// - Students sets: a year's or group's activity is an activity of its subgroups, so Rooster's
///   groups are FET's smallest sets (subgroups, or groups and years without subgroups).
/// - Each active activity is a lesson; the sub-activities of one split activity (same
///   `Activity_Group_Id`, teachers, subject, students, tags, duration and rooms) are one lesson that occurs once
///   per sub-activity, so that FET's "min days between activities" becomes Rooster's spread over
///   days. An activity gets a room only when a space constraint asks for one, as in FET.
/// - Constraints with weight 100 % are hard, others soft; those Rooster represents exactly are
///   applied, every other one is counted by type. Unless the caller drops them, each type that
///   cannot be represented is an error naming its count and first line, so that nothing is lost
///   silently. Soft rules the file does not ask for are switched off (weight 0).
public enum FETImport {
    /// Reads FET XML text; `dropUnsupported` turns the errors for constraints Rooster cannot
    /// represent into warnings.
    public static func parse(_ text: String, file: String, dropUnsupported: Bool = false) throws(InputError) -> LoadedSchool {
        let root = try SafeXML.parse(text, file: file)
        guard root.name == "fet" else {
            throw InputError(file: file, line: root.line, message: "Not a FET file: the root element is <\(root.name)>, not <fet>")
        }
        var reader = Reader(root: root, file: file)
        try reader.read()
        var diagnostics = reader.diagnostics
        for (type, entry) in reader.unsupported.sorted(by: { $0.value.line < $1.value.line }) {
            let message =
                "\(entry.count) \(type) constraint(s) cannot be represented in Rooster (first on line \(entry.line))"
                + (entry.reason.map { ": \($0)" } ?? "")
            diagnostics.append(
                Diagnostic(
                    dropUnsupported ? .warning : .error, "unsupportedConstraint", message, at: "line \(entry.line)",
                    hint: dropUnsupported ? "dropped: the timetable ignores them" : "pass --drop-unsupported to solve without them"))
        }
        // Every diagnostic's path is "line N"; the source map gives it back as the line.
        return LoadedSchool(
            school: reader.school, file: file, format: .fet, readDiagnostics: diagnostics,
            sourceMap: SourceMap(lineDiagnostics: diagnostics))
    }

    /// The FET activity IDs behind each lesson of an imported school, in occurrence order, for
    /// writing a timetable back as FET activities.
    public static func activities(of school: School) -> [Lesson.ID: [Int]] {
        Dictionary(
            school.lessons.map { lesson in
                (lesson.id, lesson.id.rawValue.dropFirst().split(separator: "+").compactMap { Int($0) })
            }, uniquingKeysWith: { first, _ in first })
    }

    /// The state of one import: lookups by FET name, the school built so far, and what could not be represented.
    struct Reader {
        let root: XMLElement
        let file: String
        var school = School(name: "FET school")
        var diagnostics: [Diagnostic] = []
        var unsupported: [String: (count: Int, line: Int, reason: String?)] = [:]

        var dayIndex: [String: Int] = [:]
        var hourIndex: [String: Int] = [:]
        /// The smallest students sets of each students set name.
        var atomic: [String: [String]] = [:]
        var sizes: [String: Int] = [:]
        /// Per FET activity ID: its lesson's index, and its element; the active activities' IDs in file order.
        var lessonOfActivity: [Int: Int] = [:]
        var activities: [Int: XMLElement] = [:]
        var activityOrder: [Int] = []
        /// Start slots an activity may occupy (hard preferred time slots), intersected per activity.
        var allowedSlots: [Int: Set<TimeSlot>] = [:]
        /// Rooms an activity may use, per level of precedence (0: the activity's own constraints, then
        /// subject and tag, subject or tag, the students' home room, the teacher's home room).
        var allowedRooms: [Int: [Int: Set<String>]] = [:]
        /// Soft weights per Rooster rule, from the FET constraints mapped to it.
        var weights: [RuleID: [Int]] = [:]
        /// Soft min-days constraints that also ask for consecutive periods when on the same day.
        var consecutiveIfSameDay = 0

        init(root: XMLElement, file: String) {
            self.root = root
            self.file = file
        }

        mutating func note(_ message: String, line: Int) {
            diagnostics.append(Diagnostic(.warning, "approximated", message, at: "line \(line)"))
        }

        mutating func unsupported(_ element: XMLElement, _ reason: String? = nil) {
            unsupported(element.name, line: element.line, reason)
        }

        mutating func unsupported(_ type: String, line: Int, _ reason: String? = nil) {
            let old = unsupported[type]
            unsupported[type] = ((old?.count ?? 0) + 1, old?.line ?? line, old?.reason ?? reason)
        }

        mutating func read() throws(InputError) {
            school.name = root.value("Institution_Name").flatMap { $0.isEmpty ? nil : $0 } ?? "FET school"
            school.lessonsPerDay = LessonsPerDay(minimum: 0)
            try readCalendar()
            readSubjectsTeachersRooms()
            readStudents()
            for activity in root.child("Activities_List")?.children("Activity") ?? [] where activity.value("Active") != "false" {
                guard let id = Int(activity.value("Id") ?? "") else { continue }
                guard activities[id] == nil else {
                    diagnostics.append(Diagnostic(.error, "duplicateID", "Activity id \(id) appears twice", at: "line \(activity.line)"))
                    continue
                }
                activities[id] = activity
                activityOrder.append(id)
            }
            // Rooms first: the parts of a split activity are one lesson only when they also share their rooms.
            applyConstraints(in: "Space_Constraints_List")
            makeLessons()
            applyConstraints(in: "Time_Constraints_List")
            finishActivities()
            if consecutiveIfSameDay > 0 {
                note(
                    "\(consecutiveIfSameDay) soft min-days constraint(s) ask for consecutive periods when two parts fall on one day; Rooster spreads them but does not make such parts consecutive",
                    line: root.child("Time_Constraints_List")?.line ?? root.line)
            }
            for rule in RuleCatalogue.descriptors where rule.level == .soft {
                if let values = weights[rule.id], let first = values.first {
                    school.ruleWeights[rule.id] = first
                    if Set(values).count > 1 {
                        note(
                            "\(values.count) soft constraints map to \(rule.id) with different weights (\(Set(values).sorted().map { "\($0) %" }.joined(separator: ", "))); Rooster has one weight per rule and uses \(first)",
                            line: root.line)
                    }
                } else if rule.id != .roomCapacity {
                    school.ruleWeights[rule.id] = 0
                }
            }
        }

        // MARK: - Calendar, people and rooms

        mutating func readCalendar() throws(InputError) {
            let days = (root.child("Days_List")?.children("Day") ?? []).compactMap { $0.value("Name") }
            let hours = (root.child("Hours_List")?.children("Hour") ?? []).compactMap { $0.value("Name") }
            guard !days.isEmpty, !hours.isEmpty else {
                throw InputError(
                    file: file, line: root.line, message: "The FET file lists no days or no hours",
                    hint: "FET files have Days_List and Hours_List")
            }
            let starts = hours.map(Self.startTime)
            let parsed =
                starts.allSatisfy { $0 != nil }
                && zip(starts, starts.dropFirst()).allSatisfy { ($0 ?? .init(hour: 0, minute: 0)) < ($1 ?? .init(hour: 0, minute: 0)) }
            var periods: [Period] = []
            for (index, name) in hours.enumerated() {
                let start: TimeOfDay, length: Int
                if parsed, let own = starts[index] {
                    start = own
                    let next = index + 1 < starts.count ? starts[index + 1] : nil
                    length = next.map { $0.minutesSinceMidnight - own.minutesSinceMidnight } ?? periods.last?.lengthInMinutes ?? 50
                } else {
                    start = TimeOfDay(hour: 8, minute: 0).adding(minutes: min(index, 30) * 50)
                    length = 50
                }
                periods.append(Period(name: name, start: start, lengthInMinutes: max(min(length, 600), 1)))
                hourIndex[name] = index
            }
            school.dayTemplates = [DayTemplate(id: "fet", periods: periods)]
            var used: Set<String> = []
            for (index, name) in days.enumerated() {
                var id = name.lowercased().filter { $0.isLetter || $0.isNumber }
                if id.isEmpty || used.contains(id) { id = "d\(index + 1)" }
                used.insert(id)
                school.days.append(Day(id: .init(id), name: name, template: "fet"))
                dayIndex[name] = index
            }
        }

        /// The first time in an hour's name: `08:00`, `8.15-9.00`, `1 (09:10)`.
        static func startTime(_ name: String) -> TimeOfDay? {
            let characters = Array(name)
            var index = 0
            while index < characters.count {
                guard characters[index].isNumber else {
                    index += 1
                    continue
                }
                var hour = 0, digits = 0
                while index < characters.count, let digit = characters[index].wholeNumberValue, digits < 2 {
                    hour = hour * 10 + digit
                    digits += 1
                    index += 1
                }
                if index + 2 < characters.count, [":", ".", "h"].contains(characters[index]),
                    let tens = characters[index + 1].wholeNumberValue, let ones = characters[index + 2].wholeNumberValue, hour < 24
                {
                    return TimeOfDay(hour: hour, minute: tens * 10 + ones)
                }
                while index < characters.count, characters[index].isNumber { index += 1 }
            }
            return nil
        }

        mutating func readSubjectsTeachersRooms() {
            school.subjects = Self.unique((root.child("Subjects_List")?.children("Subject") ?? []).compactMap { $0.value("Name") })
                .filter { !$0.isEmpty }
                .map { Subject(id: .init($0)) }
            school.teachers = Self.unique((root.child("Teachers_List")?.children("Teacher") ?? []).compactMap { $0.value("Name") })
                .filter { !$0.isEmpty }
                .map { Teacher(id: .init($0)) }
            for room in root.child("Rooms_List")?.children("Room") ?? [] {
                guard let name = room.value("Name"), !school.rooms.contains(where: { $0.id.rawValue == name }) else { continue }
                if room.value("Virtual") == "true" {
                    unsupported(room, "virtual rooms (a set of real rooms used at once)")
                    continue
                }
                school.rooms.append(Room(id: .init(name), capacity: Int(room.value("Capacity") ?? "") ?? 100_000))
            }
            if root.child("Buildings_List")?.children("Building").isEmpty == false {
                note("Buildings are not used: Rooster has no building changes", line: root.child("Buildings_List")?.line ?? root.line)
            }
        }

        /// Names in their first order, each once (FET names that differ only in surrounding spaces are one).
        static func unique(_ names: [String]) -> [String] {
            var seen: Set<String> = []
            return names.filter { seen.insert($0).inserted }
        }

        /// Years, groups and subgroups; Rooster's groups are the smallest sets.
        mutating func readStudents() {
            var order: [String] = []
            func add(_ name: String, size: Int) {
                if sizes[name] == nil { order.append(name) }
                sizes[name] = max(sizes[name] ?? 0, size)
            }
            for year in root.child("Students_List")?.children("Year") ?? [] {
                guard let yearName = year.value("Name") else { continue }
                var yearAtoms: [String] = []
                for group in year.children("Group") {
                    guard let groupName = group.value("Name") else { continue }
                    let subgroups = group.children("Subgroup").compactMap { subgroup -> String? in
                        guard let name = subgroup.value("Name") else { return nil }
                        add(name, size: Int(subgroup.value("Number_of_Students") ?? "") ?? 0)
                        atomic[name] = [name]
                        return name
                    }
                    let atoms = subgroups.isEmpty ? [groupName] : subgroups
                    if subgroups.isEmpty { add(groupName, size: Int(group.value("Number_of_Students") ?? "") ?? 0) }
                    atomic[groupName] = Array(Set((atomic[groupName] ?? []) + atoms)).sorted()
                    yearAtoms += atoms
                }
                if yearAtoms.isEmpty {
                    add(yearName, size: Int(year.value("Number_of_Students") ?? "") ?? 0)
                    yearAtoms = [yearName]
                }
                atomic[yearName] = Array(Set(yearAtoms)).sorted()
            }
            school.groups = order.map { Group(id: .init($0), size: sizes[$0]) }
        }

        // MARK: - Activities

        /// One lesson per active activity, the parts of a split activity together.
        mutating func makeLessons() {
            var groupsOf: [String: Int] = [:]
            for id in activityOrder {
                guard let activity = activities[id] else { continue }
                let teachers = activity.values("Teacher")
                let students = activity.values("Students")
                let groups = Array(Set(students.flatMap { atomic[$0] ?? [$0] })).sorted()
                let subject = activity.value("Subject") ?? ""
                let duration = Int(activity.value("Duration") ?? "") ?? 1
                let groupID = Int(activity.value("Activity_Group_Id") ?? "") ?? 0
                let tags = activity.values("Activity_Tag")
                let rooms = roomsOf(id).map { $0.sorted().joined(separator: ",") } ?? "-"
                let key = [
                    "\(groupID)", teachers.joined(separator: ","), subject, groups.joined(separator: ","), "\(duration)",
                    tags.joined(separator: ","), rooms,
                ].joined(separator: "|")
                if groupID != 0, let index = groupsOf[key] {
                    school.lessons[index].countPerWeek += 1
                    school.lessons[index].id = .init(school.lessons[index].id.rawValue + "+\(id)")
                    lessonOfActivity[id] = index
                    continue
                }
                let lesson = Lesson(
                    id: .init("A\(id)"), subject: subject.isEmpty ? nil : .init(subject), teachers: teachers.map { .init($0) },
                    groups: groups.map { .init($0) }, countPerWeek: 1, durationInPeriods: duration, roomCount: 0,
                    studentCount: Int(activity.value("Number_Of_Students") ?? ""))
                groupsOf[key] = school.lessons.count
                lessonOfActivity[id] = school.lessons.count
                school.lessons.append(lesson)
            }
        }

        /// Applies per-activity time slots and rooms to their lessons, where all occurrences of a lesson agree.
        mutating func finishActivities() {
            let all = Set(school.allSlots)
            var byLesson: [Int: [Int]] = [:]
            for (activity, lesson) in lessonOfActivity { byLesson[lesson, default: []].append(activity) }
            for (lesson, members) in byLesson.sorted(by: { $0.key < $1.key }) {
                let slotSets = members.map { allowedSlots[$0] ?? all }
                if slotSets.contains(where: { $0 != all }) {
                    if Set(slotSets).count == 1 {
                        school.lessons[lesson].unavailable.formUnion(all.subtracting(slotSets[0]))
                    } else {
                        unsupported(
                            "ConstraintActivityPreferredTimeSlots", line: activities[members[0]]?.line ?? root.line,
                            "different time slots for sub-activities of one split activity")
                    }
                }
                // The parts of a lesson share their rooms (makeLessons groups them so).
                if let rooms = roomsOf(members[0]) {
                    school.lessons[lesson].roomCount = 1
                    school.lessons[lesson].allowedRooms = rooms.sorted().map { .init($0) }
                    if rooms.isEmpty {
                        diagnostics.append(
                            Diagnostic(
                                .error, "noRoom", "Lesson \(school.lessons[lesson].id) has preferred-room constraints that leave no room",
                                at: "line \(activities[members[0]]?.line ?? root.line)"))
                    }
                }
            }
        }

        /// The rooms an activity may use: its most specific level of room constraints decides, as
        /// FET's own preferred rooms override home rooms; nil when it needs no room.
        func roomsOf(_ activity: Int) -> Set<String>? {
            allowedRooms[activity].flatMap { levels in levels.keys.min().flatMap { levels[$0] } }
        }

        // MARK: - Constraints

        mutating func applyConstraints(in list: String) {
            for constraint in root.child(list)?.children ?? [] where constraint.value("Active") != "false" { apply(constraint) }
        }

        func weight(_ constraint: XMLElement) -> Double {
            Double(constraint.value("Weight_Percentage") ?? "100") ?? 100
        }

        func slot(_ element: XMLElement, day dayKey: String = "Day", hour hourKey: String = "Hour") -> TimeSlot? {
            guard let day = element.value(dayKey).flatMap({ dayIndex[$0] }), let hour = element.value(hourKey).flatMap({ hourIndex[$0] })
            else { return nil }
            return TimeSlot(day: day, period: hour)
        }

        func slots(_ constraint: XMLElement, _ name: String, day: String = "Day", hour: String = "Hour") -> Set<TimeSlot> {
            Set(constraint.children(name).compactMap { slot($0, day: day, hour: hour) })
        }

        /// Activities a filtered constraint applies to. Filters named `…_Name` (the Activities…
        /// constraints) match anything when empty; the others (subject, teacher, students, tag of a
        /// Subject…/Teacher…/StudentsSet…/ActivityTag… constraint) always name their value, even a
        /// blank one.
        func matching(_ constraint: XMLElement, teacher: String, students: String, subject: String, tag: String) -> [Int] {
            func filter(_ key: String) -> String? {
                guard let value = constraint.value(key) else { return nil }
                return value.isEmpty && key.hasSuffix("_Name") ? nil : value
            }
            let wantedTeacher = filter(teacher), wantedStudents = filter(students), wantedSubject = filter(subject)
            let wantedTag = filter(tag)
            let studentAtoms = wantedStudents.map { Set(atomic[$0] ?? [$0]) }
            return activities.keys.sorted().filter { id in
                guard let activity = activities[id] else { return false }
                let teachers = activity.values("Teacher"), sets = activity.values("Students"), tags = activity.values("Activity_Tag")
                return (wantedTeacher.map(teachers.contains) ?? true)
                    && (studentAtoms.map { !$0.isDisjoint(with: sets.flatMap { atomic[$0] ?? [$0] }) } ?? true)
                    && (wantedSubject.map { (activity.value("Subject") ?? "") == $0 } ?? true) && (wantedTag.map(tags.contains) ?? true)
            }
        }

        /// The teachers a Teacher… constraint names (`Teacher_Name`), or every teacher for its Teachers… form.
        func teachers(_ constraint: XMLElement, allFor plural: String) -> [Int] {
            school.teachers.indices.filter {
                constraint.name == plural || school.teachers[$0].id.rawValue == constraint.value("Teacher_Name")
            }
        }

        func activityIDs(_ constraint: XMLElement) -> [Int] {
            constraint.values("Activity_Id").compactMap { Int($0) }.filter { activities[$0] != nil }
        }

        mutating func restrictSlots(_ ids: [Int], to allowed: Set<TimeSlot>) {
            for id in ids { allowedSlots[id] = (allowedSlots[id] ?? allowed).intersection(allowed) }
        }

        mutating func restrictRooms(_ ids: [Int], to rooms: Set<String>, level: Int, _ constraint: XMLElement) {
            let known = rooms.intersection(school.rooms.map(\.id.rawValue))
            guard !known.isEmpty else { return unsupported(constraint, "rooms that are virtual or not in the rooms list") }
            for id in ids {
                allowedRooms[id, default: [:]][level] = (allowedRooms[id]?[level] ?? known).intersection(known)
            }
        }

        /// The slots a starting-time constraint allows, as occupied slots: exact only for one-period activities.
        func startsAsSlots(_ ids: [Int], _ starts: Set<TimeSlot>) -> Set<TimeSlot>? {
            ids.allSatisfy { (activities[$0]?.value("Duration") ?? "1") == "1" } ? starts : nil
        }

        mutating func apply(_ constraint: XMLElement) {
            let hard = weight(constraint) >= 100
            let percent = Int(weight(constraint).rounded())
            switch constraint.name {
            case "ConstraintBasicCompulsoryTime", "ConstraintBasicCompulsorySpace":
                return
            case "ConstraintBreakTimes" where hard:
                let breaks = slots(constraint, "Break_Time")
                for index in school.lessons.indices { school.lessons[index].unavailable.formUnion(breaks) }
            case "ConstraintTeacherNotAvailableTimes":
                guard let name = constraint.value("Teacher"), let index = school.teachers.firstIndex(where: { $0.id.rawValue == name })
                else {
                    return unsupported(constraint, "unknown teacher")
                }
                let times = slots(constraint, "Not_Available_Time")
                if hard {
                    school.teachers[index].unavailable.formUnion(times)
                } else {
                    school.teachers[index].unwanted.formUnion(times)
                    weights[.teacherUnwantedTime, default: []].append(percent)
                }
            case "ConstraintStudentsSetNotAvailableTimes" where hard:
                let times = slots(constraint, "Not_Available_Time")
                let atoms = Set(constraint.value("Students").flatMap { atomic[$0] } ?? [])
                for index in school.groups.indices where atoms.contains(school.groups[index].id.rawValue) {
                    school.groups[index].unavailable.formUnion(times)
                }
            case "ConstraintRoomNotAvailableTimes" where hard:
                let times = slots(constraint, "Not_Available_Time")
                for index in school.rooms.indices where school.rooms[index].id.rawValue == constraint.value("Room") {
                    school.rooms[index].unavailable.formUnion(times)
                }
            case "ConstraintTeacherMaxHoursDaily" where hard, "ConstraintTeachersMaxHoursDaily" where hard:
                guard let limit = Int(constraint.value("Maximum_Hours_Daily") ?? "") else { return unsupported(constraint) }
                for index in teachers(constraint, allFor: "ConstraintTeachersMaxHoursDaily") {
                    school.teachers[index].maxPeriodsPerDay = min(school.teachers[index].maxPeriodsPerDay ?? limit, limit)
                }
            case "ConstraintTeacherMaxDaysPerWeek" where hard, "ConstraintTeachersMaxDaysPerWeek" where hard:
                guard let limit = Int(constraint.value("Max_Days_Per_Week") ?? "") else { return unsupported(constraint) }
                for index in teachers(constraint, allFor: "ConstraintTeachersMaxDaysPerWeek") {
                    school.teachers[index].maxDays = min(school.teachers[index].maxDays ?? limit, limit)
                }
            case "ConstraintActivityPreferredStartingTime" where hard:
                guard let id = Int(constraint.value("Activity_Id") ?? ""), let lesson = lessonOfActivity[id],
                    let start = slot(constraint, day: "Preferred_Day", hour: "Preferred_Hour")
                else { return unsupported(constraint, "a day, hour or activity FET does not list") }
                school.lessons[lesson].pinned.append(start)
            case "ConstraintActivityPreferredTimeSlots" where hard:
                guard let id = Int(constraint.value("Activity_Id") ?? ""), activities[id] != nil else { return }
                restrictSlots([id], to: slots(constraint, "Preferred_Time_Slot", day: "Preferred_Day", hour: "Preferred_Hour"))
            case "ConstraintActivitiesPreferredTimeSlots" where hard:
                let ids = matching(
                    constraint, teacher: "Teacher_Name", students: "Students_Name", subject: "Subject_Name", tag: "Activity_Tag_Name")
                restrictSlots(ids, to: slots(constraint, "Preferred_Time_Slot", day: "Preferred_Day", hour: "Preferred_Hour"))
            case "ConstraintActivityPreferredStartingTimes" where hard:
                guard let id = Int(constraint.value("Activity_Id") ?? ""), activities[id] != nil else { return }
                let starts = slots(constraint, "Preferred_Starting_Time", day: "Preferred_Starting_Day", hour: "Preferred_Starting_Hour")
                guard let allowed = startsAsSlots([id], starts) else {
                    return unsupported(constraint, "starting times of activities longer than one hour")
                }
                restrictSlots([id], to: allowed)
            case "ConstraintActivitiesPreferredStartingTimes" where hard:
                let ids = matching(
                    constraint, teacher: "Teacher_Name", students: "Students_Name", subject: "Subject_Name", tag: "Activity_Tag_Name")
                let starts = slots(constraint, "Preferred_Starting_Time", day: "Preferred_Starting_Day", hour: "Preferred_Starting_Hour")
                guard let allowed = startsAsSlots(ids, starts) else {
                    return unsupported(constraint, "starting times of activities longer than one hour")
                }
                restrictSlots(ids, to: allowed)
            case "ConstraintMinDaysBetweenActivities":
                applyMinDays(constraint, hard: hard, percent: percent)
            case "ConstraintActivitiesSameStartingTime" where hard:
                applySameStart(constraint)
            case "ConstraintActivityPreferredRoom" where hard:
                guard let id = Int(constraint.value("Activity_Id") ?? ""), let room = constraint.value("Room") else {
                    return unsupported(constraint)
                }
                restrictRooms([id], to: [room], level: 0, constraint)
            case "ConstraintActivityPreferredRooms" where hard:
                guard let id = Int(constraint.value("Activity_Id") ?? "") else { return unsupported(constraint) }
                restrictRooms([id], to: Set(constraint.values("Preferred_Room")), level: 0, constraint)
            case "ConstraintSubjectPreferredRoom" where hard, "ConstraintSubjectPreferredRooms" where hard,
                "ConstraintTeacherHomeRoom" where hard, "ConstraintTeacherHomeRooms" where hard,
                "ConstraintStudentsSetHomeRoom" where hard, "ConstraintStudentsSetHomeRooms" where hard,
                "ConstraintActivityTagPreferredRoom" where hard, "ConstraintActivityTagPreferredRooms" where hard,
                "ConstraintSubjectActivityTagPreferredRoom" where hard, "ConstraintSubjectActivityTagPreferredRooms" where hard:
                // A home room is for the activities of that teacher or students set alone, as FET defines it.
                let homeTeacher = constraint.name.hasPrefix("ConstraintTeacherHome") ? constraint.value("Teacher") : nil
                let homeStudents = constraint.name.hasPrefix("ConstraintStudentsSetHome") ? constraint.value("Students") : nil
                let ids = matching(constraint, teacher: "Teacher", students: "Students", subject: "Subject", tag: "Activity_Tag").filter {
                    id in
                    let teachers = activities[id]?.values("Teacher") ?? [], students = activities[id]?.values("Students") ?? []
                    return (homeTeacher.map { teachers == [$0] } ?? true) && (homeStudents.map { students == [$0] } ?? true)
                }
                let rooms = Set(constraint.values("Room") + constraint.values("Preferred_Room"))
                let level =
                    constraint.name.hasPrefix("ConstraintSubjectActivityTag")
                    ? 1
                    : constraint.name.hasPrefix("ConstraintSubject") || constraint.name.hasPrefix("ConstraintActivityTag")
                        ? 2
                        : constraint.name.hasPrefix("ConstraintStudentsSet") ? 3 : 4
                restrictRooms(ids, to: rooms, level: level, constraint)
            default:
                unsupported(constraint, hard ? nil : "soft (weight \(percent) %)")
            }
        }

        /// FET's minimum days between activities. For all the parts of one lesson one day apart:
        /// "at most once a day" when hard, Rooster's spread over days (minWorkingDays) when soft.
        /// Otherwise — parts of different lengths, several lessons, more days apart — a day spread
        /// over whole lessons (rules lessonsApart, lessonsApartPreferred).
        mutating func applyMinDays(_ constraint: XMLElement, hard: Bool, percent: Int) {
            let ids = activityIDs(constraint)
            let lessons = Array(Set(ids.compactMap { lessonOfActivity[$0] })).sorted()
            // With fewer than two active activities the constraint has nothing to keep apart.
            guard ids.count > 1 else { return }
            guard let minDays = Int(constraint.value("MinDays") ?? ""), minDays >= 1 else {
                return unsupported(constraint, "a min-days constraint without a positive MinDays")
            }
            if constraint.value("Consecutive_If_Same_Day") == "true", !hard { consecutiveIfSameDay += 1 }
            if minDays == 1, lessons.count == 1, let lesson = lessons.first, school.lessons[lesson].countPerWeek == ids.count {
                if hard {
                    school.lessons[lesson].maxPerDay = 1
                } else {
                    school.lessons[lesson].minDays = min(ids.count, school.days.count)
                    weights[.minWorkingDays, default: []].append(percent)
                }
                return
            }
            // Every occurrence of each lesson must be among the activities: a spread is over whole lessons.
            let counted = lessons.reduce(0) { $0 + school.lessons[$1].countPerWeek }
            guard counted == ids.count else {
                return unsupported(constraint, "min days between some, not all, parts of a split activity")
            }
            school.daySpreads.append(
                DaySpread(lessons: lessons.map { school.lessons[$0].id }, minDays: min(minDays, school.days.count), hard: hard))
            if !hard { weights[.lessonsApartPreferred, default: []].append(percent) }
        }

        /// Same starting time for whole lessons of equal length and count with no group in common: a cluster.
        mutating func applySameStart(_ constraint: XMLElement) {
            let ids = activityIDs(constraint)
            let lessons = Array(Set(ids.compactMap { lessonOfActivity[$0] })).sorted()
            let members = lessons.map { school.lessons[$0] }
            let groups = members.flatMap(\.groups)
            guard lessons.count > 1,
                members.allSatisfy({ $0.countPerWeek == members[0].countPerWeek && $0.durationInPeriods == members[0].durationInPeriods }),
                ids.count == members.reduce(0, { $0 + $1.countPerWeek }), Set(groups).count == groups.count
            else {
                return unsupported(
                    constraint, "same starting time for parts of lessons, lessons of different length, or lessons sharing students")
            }
            school.addCluster(startingTogether: Set(members.map(\.id))) { _ in "same-start-\(constraint.line)" }
        }
    }
}
