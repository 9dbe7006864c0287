import RoosterModel

/// Converts between the file form and the model. Problems that only the file form can have (an
/// unknown day ID, a time like "25:00", an unknown kind) become diagnostics with document paths;
/// everything else is left to ``RoosterModel/School/validate()``.
struct SchoolDocumentReader {
    let document: SchoolDocument
    private(set) var diagnostics: [Diagnostic] = []
    private let dayIndex: [String: Int]
    private let periodsPerDay: [Int]

    init(_ document: SchoolDocument) {
        self.document = document
        dayIndex = Dictionary(document.days.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let templateLength = Dictionary(document.dayTemplates.map { ($0.id, $0.periods.count) }, uniquingKeysWith: { first, _ in first })
        periodsPerDay = document.days.map { templateLength[$0.template] ?? 0 }
    }

    private mutating func error(_ message: String, at path: String, hint: String? = nil, code: String = "invalidValue") {
        diagnostics.append(Diagnostic(.error, code, message, at: path, hint: hint))
    }

    private mutating func day(_ id: String, at path: String) -> Int? {
        if let index = dayIndex[id] { return index }
        let known = document.days.map(\.id)
        error(
            "Unknown day '\(id)'", at: path,
            hint: closest(to: id, in: known).map { "did you mean '\($0)'?" } ?? "days are: \(known.joined(separator: ", "))",
            code: "unknownReference")
        return nil
    }

    private mutating func period(_ period: Int, ofDay day: Int, dayID: String, at path: String) -> Int? {
        guard (0..<periodsPerDay[day]).contains(period) else {
            error(
                "Day \(dayID) has no period \(period)", at: path,
                hint: "periods count from 0; day \(dayID) has periods 0–\(max(periodsPerDay[day] - 1, 0))", code: "slotOutOfRange")
            return nil
        }
        return period
    }

    private mutating func slots(_ documents: [SlotsDocument]?, at path: String) -> Set<TimeSlot> {
        var result: Set<TimeSlot> = []
        for (index, entry) in (documents ?? []).enumerated() {
            guard let day = day(entry.day, at: "\(path)[\(index)].day") else { continue }
            guard let periods = entry.periods else {
                result.formUnion((0..<periodsPerDay[day]).map { TimeSlot(day: day, period: $0) })
                continue
            }
            for (p, value) in periods.enumerated() {
                if let period = period(value, ofDay: day, dayID: entry.day, at: "\(path)[\(index)].periods[\(p)]") {
                    result.insert(TimeSlot(day: day, period: period))
                }
            }
        }
        return result
    }

    private mutating func slot(_ entry: SlotDocument, at path: String) -> TimeSlot? {
        guard let day = day(entry.day, at: "\(path).day"),
            let period = period(entry.period, ofDay: day, dayID: entry.day, at: "\(path).period")
        else { return nil }
        return TimeSlot(day: day, period: period)
    }

    private mutating func days(_ ids: [String]?, at path: String) -> Set<Int> {
        Set((ids ?? []).enumerated().compactMap { index, id in day(id, at: "\(path)[\(index)]") })
    }

    private mutating func kind<Kind: RawRepresentable & CaseIterable>(_ value: String?, default fallback: Kind, at path: String) -> Kind
    where Kind.RawValue == String {
        guard let value else { return fallback }
        if let kind = Kind(rawValue: value) { return kind }
        let allowed = Kind.allCases.map(\.rawValue)
        error(
            "Unknown kind '\(value)'", at: path,
            hint: closest(to: value, in: allowed).map { "did you mean '\($0)'?" } ?? "use one of: \(allowed.joined(separator: ", "))")
        return fallback
    }

    /// The school this document describes; problems are added to ``diagnostics``.
    mutating func school() -> School {
        var school = School(name: document.name, weeksInCycle: document.weeksInCycle ?? 1)
        if let schema = document.schema, schema != SchoolDocument.currentSchema {
            error("Unknown schema '\(schema)'", at: "schema", hint: "this version of Rooster reads '\(SchoolDocument.currentSchema)'")
        }
        school.segments = (document.segments ?? []).enumerated().map { index, segment in
            Segment(id: .init(segment.id), name: segment.name, kind: kind(segment.kind, default: .other, at: "segments[\(index)].kind"))
        }
        school.dayTemplates = document.dayTemplates.enumerated().map { t, template in
            DayTemplate(
                id: .init(template.id), name: template.name,
                periods: template.periods.enumerated().map { p, period in
                    let start = TimeOfDay(parsing: period.start)
                    if start == nil {
                        error(
                            "'\(period.start)' is not a time", at: "dayTemplates[\(t)].periods[\(p)].start",
                            hint: "write times as HH:MM, e.g. \"08:15\"")
                    }
                    return Period(
                        name: period.name, start: start ?? TimeOfDay(minutesSinceMidnight: 0), lengthInMinutes: period.length,
                        segment: period.segment.map { .init($0) })
                })
        }
        school.days = document.days.map { Day(id: .init($0.id), name: $0.name, template: .init($0.template)) }
        school.subjects = (document.subjects ?? []).map { Subject(id: .init($0.id), name: $0.name, color: $0.color) }
        school.teachers = (document.teachers ?? []).enumerated().map { index, teacher in
            let path = "teachers[\(index)]"
            return Teacher(
                id: .init(teacher.id), name: teacher.name, unavailable: slots(teacher.unavailable, at: "\(path).unavailable"),
                unwanted: slots(teacher.unwanted, at: "\(path).unwanted"), daysOff: days(teacher.daysOff, at: "\(path).daysOff"),
                maxPeriodsPerDay: teacher.maxPeriodsPerDay, maxDays: teacher.maxDays, preferredMaxDays: teacher.preferredMaxDays,
                minPeriodsPerDay: teacher.minPeriodsPerDay, coach: teacher.coach.map { Teacher.CoachRole(caseload: $0.caseload) })
        }
        school.rooms = (document.rooms ?? []).enumerated().map { index, room in
            Room(
                id: .init(room.id), name: room.name, capacity: room.capacity, kind: room.kind.map { RoomKind($0) } ?? .classroom,
                site: room.site, unavailable: slots(room.unavailable, at: "rooms[\(index)].unavailable"))
        }
        school.groups = (document.groups ?? []).enumerated().map { index, group in
            Group(
                id: .init(group.id), name: group.name, year: group.year, level: group.level, size: group.size,
                unavailable: slots(group.unavailable, at: "groups[\(index)].unavailable"),
                lessonsPerDay: group.lessonsPerDay.map { LessonsPerDay(minimum: $0.min ?? 1, maximum: $0.max) })
        }
        if let limits = document.lessonsPerDay { school.lessonsPerDay = LessonsPerDay(minimum: limits.min ?? 1, maximum: limits.max) }
        school.students = (document.students ?? []).map { student in
            Student(
                id: .init(student.id), name: student.name, groups: (student.groups ?? []).map { .init($0) },
                coaches: (student.coaches ?? []).map { .init($0) }, onTrack: student.onTrack ?? false,
                coachingIntervalInWeeks: student.coachingIntervalInWeeks, parent: student.parent.map { .init($0) })
        }
        school.parents = (document.parents ?? []).enumerated().map { index, parent in
            Parent(id: .init(parent.id), name: parent.name, available: slots(parent.available, at: "parents[\(index)].available"))
        }
        school.lessons = (document.lessons ?? []).enumerated().map { index, lesson in lessonModel(lesson, at: "lessons[\(index)]") }
        school.clusters = (document.clusters ?? []).enumerated().map { index, cluster in
            Cluster(
                id: .init(cluster.id), name: cluster.name, kind: kind(cluster.kind, default: .blockHour, at: "clusters[\(index)].kind"),
                lessons: cluster.lessons.map { .init($0) })
        }
        school.choiceRequests = (document.choiceRequests ?? []).map {
            ChoiceRequest(student: .init($0.student), lesson: .init($0.lesson), rank: $0.rank ?? 1, required: $0.required ?? false)
        }
        school.choiceLessonsPerWeek = document.choiceLessonsPerWeek
        school.coaching = document.coaching.map {
            CoachingPolicy(
                lengthInMinutes: $0.length ?? 15, intervalInWeeks: $0.intervalInWeeks ?? 1, segment: .init($0.segment),
                triadsPerCycle: $0.triadsPerCycle ?? 0, triadSegments: ($0.triadSegments ?? []).map { .init($0) })
        }
        school.teamTimes = (document.teamTimes ?? []).map {
            TeamTime(
                id: .init($0.id), name: $0.name, teachers: $0.teachers.map { .init($0) }, commonFreePeriods: $0.commonFreePeriods,
                segment: $0.segment.map { .init($0) })
        }
        school.exemptions = (document.exemptions ?? []).enumerated().map { index, exemption in
            Exemption(lesson: .init(exemption.lesson), days: days(exemption.days, at: "exemptions[\(index)].days"))
        }
        school.ruleWeights = Dictionary(uniqueKeysWithValues: (document.ruleWeights ?? [:]).map { (RuleID($0.key), $0.value) })
        school.calendar = document.calendar.flatMap { calendarModel($0) }
        school.daySpreads = (document.daySpreads ?? []).map {
            DaySpread(lessons: $0.lessons.map { .init($0) }, minDays: $0.minDays ?? 1, hard: $0.hard ?? false)
        }
        return school
    }

    private mutating func date(_ text: String, at path: String) -> CalendarDate? {
        if let date = CalendarDate(parsing: text) { return date }
        error("Not a date: '\(text)'", at: path, hint: "write dates as YYYY-MM-DD, e.g. 2026-10-19")
        return nil
    }

    private mutating func calendarModel(_ calendar: CalendarDocument) -> SchoolCalendar? {
        let first = date(calendar.start, at: "calendar.start")
        let last = date(calendar.end, at: "calendar.end")
        var counting = SchoolCalendar.CycleCounting.schoolWeeks
        if let cycle = calendar.cycle {
            counting = kind(cycle, default: .schoolWeeks, at: "calendar.cycle")
        }
        func periods(_ list: [DatedPeriodDocument]?, _ name: String, into reader: inout SchoolDocumentReader) -> [SchoolCalendar
            .DatedPeriod]
        {
            (list ?? []).enumerated().compactMap { index, entry in
                let path = "calendar.\(name)[\(index)]"
                guard let start = entry.date ?? entry.from else {
                    reader.error(
                        "'\(entry.name)' has no date", at: path, hint: "give date: YYYY-MM-DD, or from: and to:", code: "missingValue")
                    return nil
                }
                guard let from = reader.date(start, at: path + (entry.date != nil ? ".date" : ".from")) else { return nil }
                let to = entry.to.flatMap { reader.date($0, at: path + ".to") } ?? from
                return SchoolCalendar.DatedPeriod(name: entry.name, first: from, last: to, regions: entry.regions ?? [])
            }
        }
        let holidays = periods(calendar.holidays, "holidays", into: &self)
        let studyDays = periods(calendar.studyDays, "studyDays", into: &self)
        let examWeeks = periods(calendar.examWeeks, "examWeeks", into: &self)
        let cycle = max(document.weeksInCycle ?? 1, 1)
        let restarts = (calendar.cycleRestarts ?? []).enumerated().compactMap { index, restart -> SchoolCalendar.CycleRestart? in
            let path = "calendar.cycleRestarts[\(index)]"
            let letters = (0..<min(cycle, 26)).map { String(UnicodeScalar(UInt8(65 + $0))) }
            guard let week = letters.firstIndex(of: restart.week.uppercased()) else {
                error(
                    "Unknown cycle week '\(restart.week)'", at: path + ".week",
                    hint: "the \(cycle)-week cycle has weeks \(letters.joined(separator: ", "))")
                return nil
            }
            return date(restart.date, at: path + ".date").map { SchoolCalendar.CycleRestart(date: $0, week: week) }
        }
        guard let first, let last else { return nil }
        return SchoolCalendar(
            first: first, last: last, region: calendar.region, holidays: holidays, studyDays: studyDays, examWeeks: examWeeks,
            cycleCounting: counting, cycleRestarts: restarts, instructionHoursPerYear: calendar.instructionHoursPerYear)
    }

    private mutating func lessonModel(_ lesson: LessonDocument, at path: String) -> Lesson {
        Lesson(
            id: .init(lesson.id), subject: lesson.subject.map { .init($0) }, teachers: (lesson.teachers ?? []).map { .init($0) },
            groups: (lesson.groups ?? []).map { .init($0) }, countPerWeek: lesson.countPerWeek ?? 1,
            durationInPeriods: lesson.duration ?? 1, roomKind: lesson.roomKind.map { RoomKind($0) }, roomCount: lesson.roomCount ?? 1,
            allowedRooms: lesson.allowedRooms.map { $0.map { .init($0) } }, studentCount: lesson.studentCount,
            allowedSegments: (lesson.allowedSegments ?? []).map { .init($0) }, maxPerDay: lesson.maxPerDay, minDays: lesson.minDays,
            pinned: (lesson.pinned ?? []).enumerated().compactMap { slot($1, at: "\(path).pinned[\($0)]") },
            unavailable: slots(lesson.unavailable, at: "\(path).unavailable"),
            weeks: lesson.weeks.map(Set.init),
            choice: lesson.choice.map { choice in
                ChoiceSettings(
                    kind: kind(choice.kind, default: .other, at: "\(path).choice.kind"), capacity: choice.capacity,
                    minimumSize: choice.minimumSize ?? 0, openTo: (choice.openTo ?? []).map { .init($0) })
            })
    }
}

extension SchoolDocument {
    /// The file form of a school; defaults are left out so that files stay short.
    init(_ school: School) {
        func dayID(_ day: Int) -> String { school.days.indices.contains(day) ? school.days[day].id.rawValue : "\(day)" }
        func slots(_ slots: Set<TimeSlot>) -> [SlotsDocument]? {
            guard !slots.isEmpty else { return nil }
            return Dictionary(grouping: slots, by: \.day).sorted { $0.key < $1.key }.map { day, daySlots in
                let periods = daySlots.map(\.period).sorted()
                let whole = periods == Array(school.periods(ofDay: day).indices)
                return SlotsDocument(day: dayID(day), periods: whole ? nil : periods)
            }
        }
        func name(_ name: String, _ id: some CustomStringConvertible) -> String? { name == id.description ? nil : name }
        func list<T>(_ values: [T]) -> [T]? { values.isEmpty ? nil : values }

        schema = SchoolDocument.currentSchema
        self.name = school.name
        weeksInCycle = school.weeksInCycle == 1 ? nil : school.weeksInCycle
        segments = list(school.segments.map { SegmentDocument(id: $0.id.rawValue, name: name($0.name, $0.id), kind: $0.kind.rawValue) })
        dayTemplates = school.dayTemplates.map { template in
            DayTemplateDocument(
                id: template.id.rawValue, name: name(template.name, template.id),
                periods: template.periods.map {
                    PeriodDocument(name: $0.name, start: $0.start.description, length: $0.lengthInMinutes, segment: $0.segment?.rawValue)
                })
        }
        days = school.days.map { DayDocument(id: $0.id.rawValue, name: name($0.name, $0.id), template: $0.template.rawValue) }
        subjects = list(school.subjects.map { SubjectDocument(id: $0.id.rawValue, name: name($0.name, $0.id), color: $0.color) })
        teachers = list(
            school.teachers.map { teacher in
                TeacherDocument(
                    id: teacher.id.rawValue, name: name(teacher.name, teacher.id), unavailable: slots(teacher.unavailable),
                    unwanted: slots(teacher.unwanted), daysOff: list(teacher.daysOff.sorted().map(dayID)),
                    maxPeriodsPerDay: teacher.maxPeriodsPerDay, maxDays: teacher.maxDays, preferredMaxDays: teacher.preferredMaxDays,
                    minPeriodsPerDay: teacher.minPeriodsPerDay, coach: teacher.coach.map { CoachRoleDocument(caseload: $0.caseload) })
            })
        rooms = list(
            school.rooms.map { room in
                RoomDocument(
                    id: room.id.rawValue, name: name(room.name, room.id), capacity: room.capacity,
                    kind: room.kind == .classroom ? nil : room.kind.rawValue, site: room.site, unavailable: slots(room.unavailable))
            })
        groups = list(
            school.groups.map { group in
                GroupDocument(
                    id: group.id.rawValue, name: name(group.name, group.id), year: group.year, level: group.level, size: group.size,
                    unavailable: slots(group.unavailable), lessonsPerDay: group.lessonsPerDay.map(LessonsPerDayDocument.init))
            })
        students = list(
            school.students.map { student in
                StudentDocument(
                    id: student.id.rawValue, name: name(student.name, student.id), groups: list(student.groups.map(\.rawValue)),
                    coaches: list(student.coaches.map(\.rawValue)), onTrack: student.onTrack ? true : nil,
                    coachingIntervalInWeeks: student.coachingIntervalInWeeks, parent: student.parent?.rawValue)
            })
        parents = list(
            school.parents.map {
                ParentDocument(id: $0.id.rawValue, name: name($0.name, $0.id), available: slots($0.available))
            })
        lessons = list(
            school.lessons.map { lesson in
                LessonDocument(
                    id: lesson.id.rawValue, subject: lesson.subject?.rawValue, teachers: list(lesson.teachers.map(\.rawValue)),
                    groups: list(lesson.groups.map(\.rawValue)), countPerWeek: lesson.countPerWeek,
                    duration: lesson.durationInPeriods == 1 ? nil : lesson.durationInPeriods, roomKind: lesson.roomKind?.rawValue,
                    roomCount: lesson.roomCount == 1 ? nil : lesson.roomCount, allowedRooms: lesson.allowedRooms?.map(\.rawValue),
                    studentCount: lesson.studentCount, allowedSegments: list(lesson.allowedSegments.map(\.rawValue)),
                    maxPerDay: lesson.maxPerDay, minDays: lesson.minDays,
                    pinned: list(lesson.pinned.map { SlotDocument(day: dayID($0.day), period: $0.period) }),
                    unavailable: slots(lesson.unavailable), weeks: lesson.weeks.map { $0.sorted() },
                    choice: lesson.choice.map { choice in
                        ChoiceSettingsDocument(
                            kind: choice.kind.rawValue, capacity: choice.capacity,
                            minimumSize: choice.minimumSize == 0 ? nil : choice.minimumSize,
                            openTo: list(choice.openTo.map(\.rawValue)))
                    })
            })
        clusters = list(
            school.clusters.map {
                ClusterDocument(id: $0.id.rawValue, name: name($0.name, $0.id), kind: $0.kind.rawValue, lessons: $0.lessons.map(\.rawValue))
            })
        choiceRequests = list(
            school.choiceRequests.map {
                ChoiceRequestDocument(
                    student: $0.student.rawValue, lesson: $0.lesson.rawValue, rank: $0.rank, required: $0.required ? true : nil)
            })
        choiceLessonsPerWeek = school.choiceLessonsPerWeek
        coaching = school.coaching.map {
            CoachingDocument(
                length: $0.lengthInMinutes, intervalInWeeks: $0.intervalInWeeks, segment: $0.segment.rawValue,
                triadsPerCycle: $0.triadsPerCycle == 0 ? nil : $0.triadsPerCycle, triadSegments: list($0.triadSegments.map(\.rawValue)))
        }
        teamTimes = list(
            school.teamTimes.map {
                TeamTimeDocument(
                    id: $0.id.rawValue, name: name($0.name, $0.id), teachers: $0.teachers.map(\.rawValue),
                    commonFreePeriods: $0.commonFreePeriods, segment: $0.segment?.rawValue)
            })
        exemptions = list(school.exemptions.map { ExemptionDocument(lesson: $0.lesson.rawValue, days: $0.days.sorted().map(dayID)) })
        lessonsPerDay = school.lessonsPerDay == LessonsPerDay() ? nil : LessonsPerDayDocument(school.lessonsPerDay)
        calendar = school.calendar.map(CalendarDocument.init)
        daySpreads = list(
            school.daySpreads.map {
                DaySpreadDocument(
                    lessons: $0.lessons.map(\.rawValue), minDays: $0.minDays == 1 ? nil : $0.minDays, hard: $0.hard ? true : nil)
            })
        ruleWeights =
            school.ruleWeights.isEmpty
            ? nil : Dictionary(uniqueKeysWithValues: school.ruleWeights.map { ($0.key.rawValue, $0.value) })
    }
}

extension LessonsPerDayDocument {
    init(_ limits: LessonsPerDay) {
        self.init(min: limits.minimum, max: limits.maximum)
    }
}

extension CalendarDocument {
    init(_ calendar: SchoolCalendar) {
        func periods(_ list: [SchoolCalendar.DatedPeriod]) -> [DatedPeriodDocument]? {
            list.isEmpty
                ? nil
                : list.map { period in
                    period.first == period.last
                        ? DatedPeriodDocument(
                            name: period.name, date: period.first.description, regions: period.regions.isEmpty ? nil : period.regions)
                        : DatedPeriodDocument(
                            name: period.name, from: period.first.description, to: period.last.description,
                            regions: period.regions.isEmpty ? nil : period.regions)
                }
        }
        self.init(
            start: calendar.first.description, end: calendar.last.description, region: calendar.region,
            cycle: calendar.cycleCounting == .schoolWeeks ? nil : calendar.cycleCounting.rawValue,
            instructionHoursPerYear: calendar.instructionHoursPerYear, holidays: periods(calendar.holidays),
            studyDays: periods(calendar.studyDays), examWeeks: periods(calendar.examWeeks),
            cycleRestarts: calendar.cycleRestarts.isEmpty
                ? nil
                : calendar.cycleRestarts.map {
                    CycleRestartDocument(date: $0.date.description, week: String(UnicodeScalar(UInt8(65 + min(max($0.week, 0), 25)))))
                })
    }
}
