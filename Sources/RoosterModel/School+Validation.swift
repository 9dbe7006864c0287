extension School {
    /// Checks the school before any solver runs and returns every problem found.
    ///
    /// Three families of checks, in the spirit of FET's pre-generation checks:
    /// - structure: duplicate IDs, references to things that do not exist, overlapping periods,
    ///   slots outside the calendar;
    /// - consistency: clusters whose lessons differ in length, coaching intervals that do not fit the
    ///   cycle;
    /// - impossible loads found by counting: a teacher or group with more lesson periods than
    ///   available periods, a lesson longer than any run of its allowed segments, a room kind no room
    ///   has, more choice demand than seats.
    ///
    /// A school without errors can still be infeasible, but a school with errors certainly is.
    ///
    /// - Returns: Diagnostics in the order of the document, errors and warnings mixed.
    /// - Complexity: O(lessons × (groups + slots) + students).
    public func validate() -> [Diagnostic] {
        var validator = SchoolValidator(school: self)
        validator.run()
        return validator.diagnostics
    }
}

/// The state of one validation run: the school, lookup sets and the diagnostics found so far.
struct SchoolValidator {
    let school: School
    var diagnostics: [Diagnostic] = []

    let segmentIDs: Set<Segment.ID>
    let templateIDs: Set<DayTemplate.ID>
    let subjectIDs: Set<Subject.ID>
    let teacherIDs: Set<Teacher.ID>
    let roomIDs: Set<Room.ID>
    let groupIDs: Set<Group.ID>
    let studentIDs: Set<Student.ID>
    let lessonIndex: [Lesson.ID: Int]

    init(school: School) {
        self.school = school
        segmentIDs = Set(school.segments.map(\.id))
        templateIDs = Set(school.dayTemplates.map(\.id))
        subjectIDs = Set(school.subjects.map(\.id))
        teacherIDs = Set(school.teachers.map(\.id))
        roomIDs = Set(school.rooms.map(\.id))
        groupIDs = Set(school.groups.map(\.id))
        studentIDs = Set(school.students.map(\.id))
        lessonIndex = Dictionary(school.lessons.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func run() {
        checkCalendar()
        checkSchoolYear()
        checkDuplicates()
        checkNames()
        checkTeachers()
        checkRooms()
        checkGroupsAndStudents()
        checkLessons()
        checkClusters()
        checkChoice()
        checkCoaching()
        checkTeamTimes()
        checkExemptions()
        checkDaySpreads()
        checkRuleWeights()
        checkTeacherLoads()
        checkGroupLoads()
        checkRoomLoads()
        checkLessonDays()
    }

    // MARK: - Helpers

    /// An error unless `value` lies in `range` (``InputRanges``).
    mutating func inRange(_ value: Int, _ range: ClosedRange<Int>, _ what: String, at path: String) {
        guard !range.contains(value) else { return }
        error(
            "invalidValue", "\(what) is \(value); it must be between \(range.lowerBound) and \(range.upperBound)", at: path,
            hint: "see the table of ranges in docs/school-format.md")
    }

    mutating func error(_ code: String, _ message: String, at path: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, code, message, at: path, hint: hint))
    }

    mutating func warning(_ code: String, _ message: String, at path: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.warning, code, message, at: path, hint: hint))
    }

    mutating func reference<Tag>(
        _ id: Identifier<Tag>, in known: Set<Identifier<Tag>>, kind: String, listedIn list: String, at path: String
    ) {
        guard !known.contains(id) else { return }
        error(
            "unknownReference", "Unknown \(kind) '\(id)'", at: path,
            hint: "declare '\(id)' under \(list), or fix the spelling")
    }

    mutating func slots(_ slots: some Collection<TimeSlot>, at path: String) {
        for (index, slot) in slots.sorted().enumerated() where !school.contains(slot) {
            error(
                "slotOutOfRange",
                "Slot day \(slot.day), period \(slot.period) is not in the calendar", at: "\(path)[\(index)]",
                hint: "days count from 0 up to \(school.days.count - 1); periods from 0 within that day's template")
        }
    }

    mutating func dayIndices(_ days: some Collection<Int>, at path: String) {
        for day in days.sorted() where !school.days.indices.contains(day) {
            error("slotOutOfRange", "Day \(day) is not in the calendar", at: path, hint: "use one of the days under days")
        }
    }

    mutating func duplicates<ID: Hashable & CustomStringConvertible>(_ ids: [ID], list: String) {
        var seen: [ID: Int] = [:]
        for (index, id) in ids.enumerated() {
            if id.description.allSatisfy(\.isWhitespace) {
                error("emptyID", "Entry \(index + 1) under \(list) has an empty id", at: "\(list)[\(index)].id", hint: "give it a name")
            }
            printable(id.description, at: "\(list)[\(index)].id")
            if let first = seen[id] {
                error(
                    "duplicateID", "Duplicate id '\(id)' (first used at \(list)[\(first)])", at: "\(list)[\(index)].id",
                    hint: "every entry under \(list) needs its own id")
            } else {
                seen[id] = index
            }
        }
    }

    // MARK: - Structure

    mutating func checkCalendar() {
        inRange(school.weeksInCycle, InputRanges.weeksInCycle, "The number of weeks in the cycle", at: "weeksInCycle")
        if school.days.isEmpty {
            error("emptyCalendar", "The school has no days", at: "days", hint: "list the days of the week, each with a day template")
        }
        for (index, day) in school.days.enumerated() {
            reference(day.template, in: templateIDs, kind: "day template", listedIn: "dayTemplates", at: "days[\(index)].template")
        }
        for (templateIndex, template) in school.dayTemplates.enumerated() {
            let path = "dayTemplates[\(templateIndex)]"
            if template.periods.isEmpty {
                error("emptyTemplate", "Day template '\(template.id)' has no periods", at: "\(path).periods")
            }
            for (periodIndex, period) in template.periods.enumerated() {
                let periodPath = "\(path).periods[\(periodIndex)]"
                if period.lengthInMinutes <= 0 {
                    error("invalidValue", "A period must last at least one minute", at: "\(periodPath).length")
                }
                if let segment = period.segment {
                    reference(segment, in: segmentIDs, kind: "segment", listedIn: "segments", at: "\(periodPath).segment")
                }
                if periodIndex > 0 {
                    let previous = template.periods[periodIndex - 1]
                    if period.start < previous.end {
                        error(
                            "overlappingPeriods",
                            "Period \(periodIndex) of day template '\(template.id)' starts at \(period.start), before period \(periodIndex - 1) ends at \(previous.end)",
                            at: "\(periodPath).start", hint: "list periods in order of time without overlap")
                    }
                }
                if period.end.minutesSinceMidnight > 24 * 60 {
                    error("invalidValue", "Period \(periodIndex) of '\(template.id)' runs past midnight", at: "\(periodPath).length")
                }
            }
        }
    }

    mutating func checkDuplicates() {
        duplicates(school.segments.map(\.id), list: "segments")
        duplicates(school.dayTemplates.map(\.id), list: "dayTemplates")
        duplicates(school.days.map(\.id), list: "days")
        duplicates(school.subjects.map(\.id), list: "subjects")
        duplicates(school.teachers.map(\.id), list: "teachers")
        duplicates(school.rooms.map(\.id), list: "rooms")
        duplicates(school.groups.map(\.id), list: "groups")
        duplicates(school.students.map(\.id), list: "students")
        duplicates(school.lessons.map(\.id), list: "lessons")
        duplicates(school.clusters.map(\.id), list: "clusters")
        duplicates(school.teamTimes.map(\.id), list: "teamTimes")
    }

    /// Names reach terminals, web pages, calendars and spreadsheets: no control characters in them.
    mutating func checkNames() {
        printable(school.name, at: "name")
        let named: [(String, [String?])] = [
            ("segments", school.segments.map(\.name)), ("dayTemplates", school.dayTemplates.map(\.name)),
            ("days", school.days.map(\.name)), ("subjects", school.subjects.map(\.name)), ("teachers", school.teachers.map(\.name)),
            ("rooms", school.rooms.map(\.name)), ("groups", school.groups.map(\.name)), ("students", school.students.map(\.name)),
            ("parents", school.parents.map(\.name)), ("clusters", school.clusters.map(\.name)), ("teamTimes", school.teamTimes.map(\.name)),
        ]
        for (list, names) in named {
            for (index, name) in names.enumerated() { if let name { printable(name, at: "\(list)[\(index)].name") } }
        }
    }

    /// An error when text holds a control character (ESC, NUL, …): in a terminal it can rewrite
    /// the screen, and HTML, iCalendar and spreadsheets choke on it.
    mutating func printable(_ text: String, at path: String) {
        guard let bad = text.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) else { return }
        error(
            "controlCharacter", "The text at \(path) holds the control character U+\(String(bad.value, radix: 16, uppercase: true))",
            at: path, hint: "remove it; names and ids are plain text")
    }

    mutating func checkTeachers() {
        for (index, teacher) in school.teachers.enumerated() {
            let path = "teachers[\(index)]"
            slots(teacher.unavailable, at: "\(path).unavailable")
            slots(teacher.unwanted, at: "\(path).unwanted")
            dayIndices(teacher.daysOff, at: "\(path).daysOff")
            if let max = teacher.maxPeriodsPerDay, max < 1 {
                error("invalidValue", "maxPeriodsPerDay of teacher \(teacher.id) must be at least 1", at: "\(path).maxPeriodsPerDay")
            }
            if let max = teacher.maxDays, max < 1 {
                error("invalidValue", "maxDays of teacher \(teacher.id) must be at least 1", at: "\(path).maxDays")
            }
            if let max = teacher.preferredMaxDays, max < 1 {
                error("invalidValue", "preferredMaxDays of teacher \(teacher.id) must be at least 1", at: "\(path).preferredMaxDays")
            }
            if let min = teacher.minPeriodsPerDay, min < 1 {
                error("invalidValue", "minPeriodsPerDay of teacher \(teacher.id) must be at least 1", at: "\(path).minPeriodsPerDay")
            }
        }
    }

    mutating func checkRooms() {
        for (index, room) in school.rooms.enumerated() {
            inRange(room.capacity, InputRanges.students, "The capacity of room \(room.id)", at: "rooms[\(index)].capacity")
            slots(room.unavailable, at: "rooms[\(index)].unavailable")
        }
    }

    /// Daily lesson limits: 0 to the longest day's periods, the maximum not below the minimum.
    mutating func lessonsPerDay(_ limits: LessonsPerDay, at path: String) {
        let longest = school.dayTemplates.map(\.periods.count).max() ?? 0
        guard longest > 0 else { return }
        if limits.minimum < 0 || limits.minimum > longest {
            error(
                "invalidValue", "The daily minimum of lessons must be between 0 and \(longest) (the longest day's periods)",
                at: "\(path).min")
        }
        if let maximum = limits.maximum, maximum < max(limits.minimum, 0) || maximum > longest {
            error("invalidValue", "The daily maximum of lessons must be between the minimum and \(longest)", at: "\(path).max")
        }
    }

    mutating func checkGroupsAndStudents() {
        for (index, group) in school.groups.enumerated() {
            if let size = group.size { inRange(size, InputRanges.students, "The size of group \(group.id)", at: "groups[\(index)].size") }
            slots(group.unavailable, at: "groups[\(index)].unavailable")
            if let limits = group.lessonsPerDay { lessonsPerDay(limits, at: "groups[\(index)].lessonsPerDay") }
        }
        lessonsPerDay(school.lessonsPerDay, at: "lessonsPerDay")
        for (index, student) in school.students.enumerated() {
            for (g, group) in student.groups.enumerated() {
                reference(group, in: groupIDs, kind: "group", listedIn: "groups", at: "students[\(index)].groups[\(g)]")
            }
            for (c, coach) in student.coaches.enumerated() {
                reference(coach, in: teacherIDs, kind: "teacher", listedIn: "teachers", at: "students[\(index)].coaches[\(c)]")
            }
            if let parent = student.parent {
                reference(parent, in: Set(school.parents.map(\.id)), kind: "parent", listedIn: "parents", at: "students[\(index)].parent")
            }
        }
        for (index, parent) in school.parents.enumerated() { slots(parent.available, at: "parents[\(index)].available") }
    }

    mutating func checkLessons() {
        let roomKinds = Set(school.rooms.map(\.kind))
        for (index, lesson) in school.lessons.enumerated() {
            let path = "lessons[\(index)]"
            if let subject = lesson.subject {
                reference(subject, in: subjectIDs, kind: "subject", listedIn: "subjects", at: "\(path).subject")
            }
            for (t, teacher) in lesson.teachers.enumerated() {
                reference(teacher, in: teacherIDs, kind: "teacher", listedIn: "teachers", at: "\(path).teachers[\(t)]")
            }
            for (g, group) in lesson.groups.enumerated() {
                reference(group, in: groupIDs, kind: "group", listedIn: "groups", at: "\(path).groups[\(g)]")
            }
            for (s, segment) in lesson.allowedSegments.enumerated() {
                reference(segment, in: segmentIDs, kind: "segment", listedIn: "segments", at: "\(path).allowedSegments[\(s)]")
            }
            for (r, room) in (lesson.allowedRooms ?? []).enumerated() {
                reference(room, in: roomIDs, kind: "room", listedIn: "rooms", at: "\(path).allowedRooms[\(r)]")
            }
            if lesson.countPerWeek < 0 {
                error("invalidValue", "Lesson \(lesson.id) has a negative count per week", at: "\(path).countPerWeek")
            } else if lesson.countPerWeek > school.allSlots.count {
                error(
                    "invalidValue",
                    "Lesson \(lesson.id) runs \(lesson.countPerWeek) times a week, but the week has \(school.allSlots.count) periods",
                    at: "\(path).countPerWeek")
            }
            if lesson.durationInPeriods < 1 {
                error("invalidValue", "Lesson \(lesson.id) must last at least one period", at: "\(path).duration")
            }
            inRange(lesson.roomCount, InputRanges.roomCount, "The number of rooms of lesson \(lesson.id)", at: "\(path).roomCount")
            if let maxPerDay = lesson.maxPerDay, maxPerDay < 1 {
                error("invalidValue", "maxPerDay of lesson \(lesson.id) must be at least 1", at: "\(path).maxPerDay")
            }
            if let minDays = lesson.minDays, !(0...school.days.count).contains(minDays) {
                error(
                    "invalidValue",
                    "minDays of lesson \(lesson.id) is \(minDays); it must be between 0 and the number of days (\(school.days.count))",
                    at: "\(path).minDays")
            }
            if let count = lesson.studentCount {
                inRange(count, InputRanges.students, "The student count of lesson \(lesson.id)", at: "\(path).studentCount")
            }
            if lesson.pinned.count > lesson.countPerWeek {
                error(
                    "invalidValue", "Lesson \(lesson.id) pins \(lesson.pinned.count) slots but runs \(lesson.countPerWeek) times a week",
                    at: "\(path).pinned", hint: "pin at most countPerWeek slots")
            }
            slots(lesson.pinned, at: "\(path).pinned")
            slots(lesson.unavailable, at: "\(path).unavailable")
            for week in (lesson.weeks ?? []).sorted() where week < 0 || week >= school.weeksInCycle {
                error(
                    "invalidValue", "Lesson \(lesson.id) runs in week \(week), but the cycle has weeks 0–\(school.weeksInCycle - 1)",
                    at: "\(path).weeks")
            }
            if lesson.teachers.isEmpty && lesson.groups.isEmpty {
                warning("emptyLesson", "Lesson \(lesson.id) has neither teachers nor groups", at: path)
            }
            if let kind = lesson.neededRoomKind, lesson.allowedRooms == nil, lesson.roomCount > 0, !roomKinds.contains(kind) {
                error(
                    "noRoomOfKind", "Lesson \(lesson.id) needs a room of kind '\(kind)', and no room has that kind", at: "\(path).roomKind",
                    hint: lesson.roomKind == nil
                        ? "a lesson without roomKind needs a classroom: add rooms of kind classroom, or give the lesson a roomKind (any for every room)"
                        : "add a room of kind '\(kind)' or change the lesson's roomKind")
            }
            if lesson.roomCount > 0, lesson.durationInPeriods >= 1, lesson.countPerWeek > 0 {
                let suitable = school.rooms.filter(lesson.accepts)
                if suitable.count < lesson.roomCount, lesson.neededRoomKind.map(roomKinds.contains) ?? true {
                    error(
                        "notEnoughRooms", "Lesson \(lesson.id) needs \(lesson.roomCount) room(s) at once; only \(suitable.count) qualify",
                        at: "\(path).roomCount")
                } else if let largest = suitable.map(\.capacity).max() {
                    let students = school.expectedStudents(of: lesson)
                    if students > largest {
                        warning(
                            "roomTooSmall", "Lesson \(lesson.id) has \(students) students; the largest suitable room seats \(largest)",
                            at: "\(path).studentCount", hint: "every occurrence will violate roomCapacity")
                    }
                }
            }
            if lesson.durationInPeriods >= 1, lesson.countPerWeek > 0, !fitsSomewhere(lesson) {
                let scope = lesson.allowedSegments.isEmpty ? "day" : "run of its allowed segments"
                error(
                    "lessonTooLong", "Lesson \(lesson.id) lasts \(lesson.durationInPeriods) periods, longer than any \(scope)",
                    at: "\(path).duration", hint: "shorten the lesson or allow more segments")
            }
            for (p, start) in lesson.pinned.enumerated()
            where school.contains(start) && !school.fits(durationInPeriods: lesson.durationInPeriods, at: start, in: lesson.allowedSegments)
            {
                error(
                    "pinnedOutsideSegment",
                    "Lesson \(lesson.id) is pinned at \(school.label(start)), where it does not fit its allowed segments",
                    at: "\(path).pinned[\(p)]")
            }
            if let choice = lesson.choice {
                for (g, group) in choice.openTo.enumerated() {
                    reference(group, in: groupIDs, kind: "group", listedIn: "groups", at: "\(path).choice.openTo[\(g)]")
                }
                inRange(choice.minimumSize, InputRanges.students, "The minimum size of \(lesson.id)", at: "\(path).choice.minimumSize")
                if let capacity = choice.capacity {
                    inRange(capacity, InputRanges.students, "The capacity of \(lesson.id)", at: "\(path).choice.capacity")
                }
                if let capacity = choice.capacity, capacity < choice.minimumSize {
                    error(
                        "invalidValue", "Choice lesson \(lesson.id) has capacity \(capacity) below its minimum size \(choice.minimumSize)",
                        at: "\(path).choice.capacity")
                }
            }
        }
    }

    /// True when some day has room for the lesson in its allowed segments.
    func fitsSomewhere(_ lesson: Lesson) -> Bool {
        school.allSlots.contains { slot in
            school.fits(durationInPeriods: lesson.durationInPeriods, at: slot, in: lesson.allowedSegments)
        }
    }

    mutating func checkClusters() {
        var clusterOfLesson: [Lesson.ID: Cluster.ID] = [:]
        for (index, cluster) in school.clusters.enumerated() {
            let path = "clusters[\(index)]"
            if cluster.lessons.count < 2 {
                warning("smallCluster", "Cluster \(cluster.id) has fewer than two lessons", at: "\(path).lessons")
            }
            var shape: (count: Int, duration: Int)?
            for (l, lessonID) in cluster.lessons.enumerated() {
                let lessonPath = "\(path).lessons[\(l)]"
                guard let lessonIndex = lessonIndex[lessonID] else {
                    reference(lessonID, in: [], kind: "lesson", listedIn: "lessons", at: lessonPath)
                    continue
                }
                if let other = clusterOfLesson[lessonID], other != cluster.id {
                    error(
                        "lessonInTwoClusters", "Lesson \(lessonID) is in clusters \(other) and \(cluster.id)", at: lessonPath,
                        hint: "merge the clusters or split the lesson")
                }
                clusterOfLesson[lessonID] = cluster.id
                let lesson = school.lessons[lessonIndex]
                if let shape, shape != (lesson.countPerWeek, lesson.durationInPeriods) {
                    error(
                        "clusterShape",
                        "Lesson \(lessonID) runs \(lesson.countPerWeek)×\(lesson.durationInPeriods) periods, unlike the other lessons of cluster \(cluster.id) (\(shape.count)×\(shape.duration))",
                        at: lessonPath, hint: "lessons that run at the same time need the same count per week and duration")
                } else if shape == nil {
                    shape = (lesson.countPerWeek, lesson.durationInPeriods)
                }
            }
        }
    }

    mutating func checkChoice() {
        for (index, request) in school.choiceRequests.enumerated() {
            let path = "choiceRequests[\(index)]"
            reference(request.student, in: studentIDs, kind: "student", listedIn: "students", at: "\(path).student")
            if let lessonIndex = lessonIndex[request.lesson] {
                // Block-hour and other cluster lessons are chosen too: students rank the subjects of a block.
                if school.lessons[lessonIndex].choice == nil, !school.clusters.contains(where: { $0.lessons.contains(request.lesson) }) {
                    error(
                        "notAChoiceLesson",
                        "Lesson \(request.lesson) is requested as a choice but is neither a choice lesson nor in a cluster",
                        at: "\(path).lesson",
                        hint: "add a choice section to the lesson, or put it in a block-hour cluster")
                }
            } else {
                reference(request.lesson, in: [], kind: "lesson", listedIn: "lessons", at: "\(path).lesson")
            }
            inRange(request.rank, InputRanges.rank, "The rank of a choice request", at: "\(path).rank")
        }
        guard let perWeek = school.choiceLessonsPerWeek else { return }
        guard InputRanges.choiceLessonsPerWeek.contains(perWeek) else {
            inRange(perWeek, InputRanges.choiceLessonsPerWeek, "choiceLessonsPerWeek", at: "choiceLessonsPerWeek")
            return
        }
        let demand = min(perWeek, Self.countLimit) * school.students.count
        var seats = 0
        for lesson in school.lessons {
            guard let choice = lesson.choice else { continue }
            let roomSeats =
                lesson.allowedRooms.map { allowed in
                    school.rooms.filter { allowed.contains($0.id) }.map(\.capacity).max() ?? 0
                } ?? school.rooms.filter(lesson.accepts).map(\.capacity).max() ?? 0
            seats += min(max(lesson.countPerWeek, 0), Self.countLimit) * min(max(choice.capacity ?? roomSeats, 0), Self.countLimit)
        }
        if demand > seats {
            error(
                "choiceCapacity",
                "\(school.students.count) students × \(perWeek) choice lessons need \(demand) seats a week; the choice lessons offer \(seats)",
                at: "choiceLessonsPerWeek", hint: "add choice sessions or seats, or lower choiceLessonsPerWeek")
        }
        let choiceSlots = school.allSlots.filter { slot in
            guard let segment = school.period(at: slot)?.segment else { return false }
            return school.segments.first { $0.id == segment }?.kind == .choice
        }.count
        if perWeek > choiceSlots {
            error(
                "choiceCapacity", "Students take \(perWeek) choice lessons a week, but there are only \(choiceSlots) choice periods",
                at: "choiceLessonsPerWeek", hint: "at most one choice lesson per choice period")
        }
    }

    mutating func checkCoaching() {
        var caseload: [Teacher.ID: Int] = [:]
        for student in school.students { for coach in student.coaches { caseload[coach, default: 0] += 1 } }
        for (index, teacher) in school.teachers.enumerated() {
            guard let load = caseload[teacher.id] else { continue }
            if teacher.coach == nil {
                warning("notACoach", "Teacher \(teacher.id) coaches \(load) students but has no coach role", at: "teachers[\(index)].coach")
            } else if let limit = teacher.coach?.caseload, load > limit {
                error(
                    "caseloadExceeded", "Teacher \(teacher.id) coaches \(load) students, above the caseload of \(limit)",
                    at: "teachers[\(index)].coach.caseload", hint: "give some students another coach")
            }
        }
        guard let policy = school.coaching else { return }
        reference(policy.segment, in: segmentIDs, kind: "segment", listedIn: "segments", at: "coaching.segment")
        let intervals =
            [("coaching.intervalInWeeks", policy.intervalInWeeks)]
            + school.students.enumerated().compactMap { index, student in
                student.coachingIntervalInWeeks.map { ("students[\(index)].coachingIntervalInWeeks", $0) }
            }
        for (path, interval) in intervals where interval < 1 || school.weeksInCycle % interval != 0 {
            error(
                "invalidValue", "A coaching interval of \(interval) weeks does not divide the \(school.weeksInCycle)-week cycle", at: path,
                hint: "use a divisor of weeksInCycle, or lengthen the cycle")
        }
        let windows = school.allSlots.filter { school.period(at: $0)?.segment == policy.segment }
        if windows.isEmpty && segmentIDs.contains(policy.segment) {
            error(
                "noCoachWindows", "No period is in the coaching segment '\(policy.segment)'", at: "coaching.segment",
                hint: "give some periods of the day templates this segment")
        }
        if let shortest = windows.compactMap({ school.period(at: $0)?.lengthInMinutes }).min(), shortest < policy.lengthInMinutes {
            error(
                "invalidValue", "Coach conversations last \(policy.lengthInMinutes) minutes, longer than a \(shortest)-minute coach period",
                at: "coaching.lengthInMinutes")
        }
        for (index, segment) in policy.triadSegments.enumerated() {
            reference(segment, in: segmentIDs, kind: "segment", listedIn: "segments", at: "coaching.triadSegments[\(index)]")
        }
        inRange(policy.triadsPerCycle, InputRanges.periodsOrMeetings, "triadsPerCycle", at: "coaching.triadsPerCycle")
        for (index, student) in school.students.enumerated() where student.coaches.isEmpty {
            warning("noCoach", "Student \(student.id) has no coach", at: "students[\(index)].coaches")
        }
    }

    mutating func checkTeamTimes() {
        for (index, team) in school.teamTimes.enumerated() {
            for (t, teacher) in team.teachers.enumerated() {
                reference(teacher, in: teacherIDs, kind: "teacher", listedIn: "teachers", at: "teamTimes[\(index)].teachers[\(t)]")
            }
            if let segment = team.segment {
                reference(segment, in: segmentIDs, kind: "segment", listedIn: "segments", at: "teamTimes[\(index)].segment")
            }
            inRange(team.commonFreePeriods, InputRanges.periodsOrMeetings, "commonFreePeriods", at: "teamTimes[\(index)].commonFreePeriods")
        }
    }

    mutating func checkExemptions() {
        for (index, exemption) in school.exemptions.enumerated() {
            if lessonIndex[exemption.lesson] == nil {
                reference(exemption.lesson, in: [], kind: "lesson", listedIn: "lessons", at: "exemptions[\(index)].lesson")
            }
            dayIndices(exemption.days, at: "exemptions[\(index)].days")
        }
    }

    /// Spreads name lessons the school has, and a distance of at least one day and at most the week.
    mutating func checkDaySpreads() {
        for (index, spread) in school.daySpreads.enumerated() {
            let path = "daySpreads[\(index)]"
            for (position, lesson) in spread.lessons.enumerated() where lessonIndex[lesson] == nil {
                reference(lesson, in: [], kind: "lesson", listedIn: "lessons", at: "\(path).lessons[\(position)]")
            }
            inRange(spread.minDays, 1...max(school.days.count, 1), "minDays of a day spread (days apart)", at: "\(path).minDays")
        }
    }

    mutating func checkRuleWeights() {
        for (rule, weight) in school.ruleWeights.sorted(by: { $0.key < $1.key }) {
            inRange(weight, InputRanges.weight, "The weight of rule \(rule)", at: "ruleWeights.\(rule)")
        }
    }
}
