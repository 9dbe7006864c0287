import RoosterModel

/// Generates realistic Dutch flex schools for tests, benchmarks and trying Rooster out: years 1–6
/// (mavo to year 4, havo to 5, vwo to 6) in classes of 25–30, subject teachers sized by load (a
/// fifth part-time with a day off), classrooms, labs, gyms and an open learning centre, a mentor
/// (coach) per class, and students with coaches. Deterministic for its seed.
///
/// Profiles add what makes each kind of school:
/// - ``Profile/bioritme``: mentor lesson first, a choice period, instruction 10:00–14:00, a second
///   choice period and independent work after; choice sessions (support, processing, talent, and
///   the open learning centre) pinned to the choice periods; every student ranks ten of them and a
///   few have a support lesson required by their coach; on-track students skip the mentor lesson on
///   Tuesday to Thursday; coach conversations once in three weeks after the day.
/// - ``Profile/coach``: coach windows 8:15–8:45, day start for groups at 9:00, lessons until
///   14:00/15:00; two coaches per student, conversations every one to three weeks; a development
///   team released together.
/// - ``Profile/blocks``: block hours of three periods where maths, biology and physics-chemistry
///   run at once for a year and level, students rank the three subjects; German on three levels
///   at once for vwo.
public struct SchoolGenerator: Sendable {
    public enum Profile: String, Sendable, CaseIterable {
        case bioritme, coach, blocks
    }

    public var students: Int
    public var profile: Profile
    public var seed: UInt64

    public init(students: Int, profile: Profile = .bioritme, seed: UInt64 = 1) {
        self.students = max(students, 1)
        self.profile = profile
        self.seed = seed
    }

    /// Weekly instruction periods per subject, by year (public: the benchmarks' base generator uses it too).
    public static let curricula: [Int: [(String, Int)]] = [
        1: [("ne", 3), ("en", 2), ("wi", 3), ("bi", 2), ("gs", 2), ("ak", 2), ("lo", 2), ("fa", 2)],
        2: [("ne", 3), ("en", 2), ("wi", 3), ("bi", 1), ("gs", 1), ("ak", 1), ("lo", 2), ("du", 2), ("na", 2), ("fa", 1)],
        3: [("ne", 3), ("en", 2), ("wi", 3), ("bi", 1), ("gs", 1), ("lo", 2), ("du", 2), ("na", 2), ("ec", 1), ("fa", 1)],
        4: [("ne", 3), ("en", 2), ("wi", 3), ("bi", 2), ("gs", 2), ("lo", 1), ("du", 2), ("na", 2), ("ec", 2)],
        5: [("ne", 3), ("en", 2), ("wi", 3), ("bi", 2), ("gs", 2), ("lo", 1), ("du", 2), ("na", 2), ("ec", 2)],
        6: [("ne", 3), ("en", 3), ("wi", 3), ("bi", 2), ("gs", 2), ("lo", 1), ("na", 2), ("ec", 2)],
    ]

    static let subjectNames: [String: String] = [
        "ne": "Dutch", "en": "English", "wi": "Maths", "bi": "Biology", "gs": "History", "ak": "Geography", "lo": "Physical education",
        "fa": "French", "du": "German", "na": "Physics-chemistry", "ec": "Economics", "men": "Mentor lesson", "olc": "Open learning centre",
    ]

    public func make() -> School {
        var builder = Builder(generator: self)
        return builder.build()
    }

    /// The school under construction.
    struct Builder {
        let generator: SchoolGenerator
        var rng: SeededGenerator
        var school: School
        var classes: [Group] = []
        var pools: [String: [Teacher.ID]] = [:]
        var mentors: [Group.ID: Teacher.ID] = [:]
        let firstNames = [
            "Emma", "Daan", "Sophie", "Sem", "Julia", "Lucas", "Tess", "Milan", "Noa", "Finn", "Zoë", "Levi", "Lotte", "Bram",
        ]
        let lastNames = [
            "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Peters", "Dekker",
        ]

        init(generator: SchoolGenerator) {
            self.generator = generator
            rng = SeededGenerator(seed: generator.seed)
            school = School(name: "Generated \(generator.profile.rawValue) school, \(generator.students) students, seed \(generator.seed)")
        }

        mutating func build() -> School {
            makeCalendar()
            makeClasses()
            makeTeachersAndRooms()
            makeStudents()
            setCaseloads()
            switch generator.profile {
            case .bioritme:
                makeCurriculum(segment: "instruction", excluding: [])
                makeChoiceLessons()
            case .coach:
                makeCurriculum(segment: "lessons", excluding: [])
                makeTeamTime()
            case .blocks:
                makeBlockHours()
                makeCurriculum(segment: "lessons", excluding: ["wi", "bi", "na"])
            }
            school.subjects = Set(school.lessons.compactMap(\.subject)).sorted().map {
                Subject(id: $0, name: SchoolGenerator.subjectNames[$0.rawValue])
            }
            return school
        }

        mutating func person() -> String {
            "\(firstNames[rng.below(firstNames.count)]) \(lastNames[rng.below(lastNames.count)])"
        }

        // MARK: Calendar

        mutating func makeCalendar() {
            func at(_ h: Int, _ m: Int) -> TimeOfDay { TimeOfDay(hour: h, minute: m) }
            switch generator.profile {
            case .bioritme:
                school.weeksInCycle = 3
                school.segments = [
                    Segment(id: "mentor", name: "Mentor lesson", kind: .mentor),
                    Segment(id: "choice", name: "Choice lesson", kind: .choice),
                    Segment(id: "instruction", name: "Instruction (10:00-14:00)", kind: .instruction),
                    Segment(id: "work", name: "Independent work", kind: .independentWork),
                    Segment(id: "coach", name: "Coach conversations", kind: .coaching),
                ]
                let morning = [
                    Period(name: "mentor", start: at(8, 30), lengthInMinutes: 20, segment: "mentor"),
                    Period(name: "choice", start: at(8, 55), lengthInMinutes: 50, segment: "choice"),
                    Period(name: "1", start: at(10, 0), lengthInMinutes: 50, segment: "instruction"),
                    Period(name: "2", start: at(10, 50), lengthInMinutes: 50, segment: "instruction"),
                    Period(name: "3", start: at(12, 10), lengthInMinutes: 50, segment: "instruction"),
                    Period(name: "4", start: at(13, 0), lengthInMinutes: 50, segment: "instruction"),
                ]
                let coach = [(15, 30), (15, 45), (16, 0)].map { Period(start: at($0.0, $0.1), lengthInMinutes: 15, segment: "coach") }
                let afternoon = [
                    Period(name: "choice 2", start: at(14, 0), lengthInMinutes: 45, segment: "choice"),
                    Period(name: "work", start: at(14, 45), lengthInMinutes: 45, segment: "work"),
                ]
                school.dayTemplates = [
                    DayTemplate(id: "bioritme", periods: morning + afternoon + coach), DayTemplate(id: "friday", periods: morning + coach),
                ]
                school.days = days(["bioritme", "bioritme", "bioritme", "bioritme", "friday"])
                school.coaching = CoachingPolicy(lengthInMinutes: 15, intervalInWeeks: 3, segment: "coach")
                school.choiceLessonsPerWeek = 8
            case .coach:
                school.weeksInCycle = 3
                school.segments = [
                    Segment(id: "coach", name: "Coach conversations", kind: .coaching),
                    Segment(id: "teacherStart", name: "Teachers' day start"),
                    Segment(id: "dayStart", name: "Group day start", kind: .mentor),
                    Segment(id: "lessons", name: "Lessons", kind: .instruction),
                    Segment(id: "triad", name: "Triad meetings with parents", kind: .coaching),
                ]
                let start = [
                    Period(start: at(8, 15), lengthInMinutes: 15, segment: "coach"),
                    Period(start: at(8, 30), lengthInMinutes: 15, segment: "coach"),
                    Period(start: at(8, 45), lengthInMinutes: 15, segment: "teacherStart"),
                    Period(start: at(9, 0), lengthInMinutes: 15, segment: "dayStart"),
                ]
                let lessons = [(9, 15), (10, 15), (11, 30), (13, 0), (14, 0)].enumerated().map {
                    Period(name: "\($0.offset + 1)", start: at($0.element.0, $0.element.1), lengthInMinutes: 60, segment: "lessons")
                }
                // Triad meetings with parents after the lessons: three half hours.
                let triads = { (hour: Int) in
                    [0, 30, 60].map { Period(start: at(hour, 0).adding(minutes: $0), lengthInMinutes: 30, segment: "triad") }
                }
                school.dayTemplates = [
                    DayTemplate(id: "long", periods: start + lessons + triads(15)),
                    DayTemplate(id: "short", periods: start + lessons.prefix(4) + triads(14)),
                ]
                school.days = days(["long", "long", "short", "long", "short"])
                school.coaching = CoachingPolicy(
                    lengthInMinutes: 15, intervalInWeeks: 3, segment: "coach", triadsPerCycle: 1, triadSegments: ["triad"])
            case .blocks:
                school.segments = [
                    Segment(id: "block", name: "Block hours", kind: .block), Segment(id: "lessons", name: "Lessons", kind: .instruction),
                ]
                let blocks = [(8, 30), (9, 30), (10, 30)].enumerated().map {
                    Period(name: "B\($0.offset + 1)", start: at($0.element.0, $0.element.1), lengthInMinutes: 60, segment: "block")
                }
                let lessons = [(12, 0), (12, 50), (13, 40), (14, 30), (15, 20)].enumerated().map {
                    Period(name: "\($0.offset + 4)", start: at($0.element.0, $0.element.1), lengthInMinutes: 50, segment: "lessons")
                }
                school.dayTemplates = [DayTemplate(id: "day", periods: blocks + lessons)]
                school.days = days(Array(repeating: "day", count: 5))
            }
        }

        func days(_ templates: [String]) -> [Day] {
            zip(["mon", "tue", "wed", "thu", "fri"], zip(["Mon", "Tue", "Wed", "Thu", "Fri"], templates)).map {
                Day(id: .init($0.0), name: $0.1.0, template: .init($0.1.1))
            }
        }

        // MARK: People and rooms

        /// Classes spread over six years and three levels (mavo has four years, havo five).
        mutating func makeClasses() {
            let levels = [("M", "mavo", 4), ("H", "havo", 5), ("V", "vwo", 6)]
            var remaining = generator.students
            var year = 1, level = 0
            // The blocks profile keeps three parallel classes per year and level, so that block hours split trios.
            let years = generator.profile == .blocks ? 3 : 6
            while remaining > 0 {
                let (letter, name, lastYear) = levels[level]
                if year <= lastYear {
                    let size = min(remaining, 25 + rng.below(6))
                    let number = classes.filter { $0.year == year && $0.level == name }.count + 1
                    classes.append(Group(id: .init("\(year)\(letter)\(number)"), year: year, level: name, size: size))
                    remaining -= size
                }
                level = (level + 1) % 3
                if level == 0 { year = year % years + 1 }
            }
            school.groups = classes
        }

        mutating func makeTeachersAndRooms() {
            var load: [String: Int] = [:]
            for group in classes {
                for (subject, count) in SchoolGenerator.curricula[group.year ?? 1] ?? [] { load[subject, default: 0] += count }
            }
            // About 80 % of the periods a full-time teacher could teach in the lesson segment.
            let perTeacher = max(8, segmentSlots(lessonSegment) * 4 / 5)
            for subject in load.keys.sorted() {
                for _ in 0..<max(1, ((load[subject] ?? 0) + perTeacher - 1) / perTeacher) {
                    let id = Teacher.ID("T\(school.teachers.count + 1)")
                    let partTime = rng.below(5) == 0
                    school.teachers.append(Teacher(id: id, name: person(), daysOff: partTime ? [rng.below(5)] : []))
                    pools[subject, default: []].append(id)
                }
            }
            var fullTime = school.teachers.filter { $0.daysOff.isEmpty }.map(\.id)
            while fullTime.count < classes.count {
                let id = Teacher.ID("T\(school.teachers.count + 1)")
                school.teachers.append(Teacher(id: id, name: person()))
                fullTime.append(id)
            }
            for (index, group) in classes.enumerated() { mentors[group.id] = fullTime[index] }
            let coaches = generator.profile == .coach ? Set(school.teachers.map(\.id)) : Set(mentors.values)
            for index in school.teachers.indices where coaches.contains(school.teachers[index].id) {
                school.teachers[index].coach = Teacher.CoachRole(caseload: 40)
            }
            let labs = max(1, ((load["na"] ?? 0) + (load["bi"] ?? 0) / 2) / 18 + 1) + (generator.profile == .blocks ? classes.count / 3 : 0)
            let gyms = max(1, (load["lo"] ?? 0) / 18 + 1)
            for n in 0..<(classes.count + classes.count / 5 + 2) { school.rooms.append(Room(id: .init("C\(n + 1)"), capacity: 32)) }
            for n in 0..<labs { school.rooms.append(Room(id: .init("LAB\(n + 1)"), capacity: 30, kind: .lab)) }
            for n in 0..<gyms { school.rooms.append(Room(id: .init("GYM\(n + 1)"), capacity: 32, kind: .gym)) }
            let olc = max(120, generator.students / 12)
            school.rooms.append(Room(id: "OLC", name: "Open learning centre", capacity: olc, kind: .openLearningCentre))
        }

        mutating func makeStudents() {
            let coachPool = school.teachers.filter { $0.coach != nil }.map(\.id)
            var number = 0
            for group in classes {
                guard let mentor = mentors[group.id] else { continue }
                for _ in 0..<(group.size ?? 0) {
                    number += 1
                    var coaches = [mentor]
                    var interval: Int? = nil
                    if generator.profile == .coach {
                        coaches.append(coachPool[rng.below(coachPool.count)])
                        if coaches[1] == mentor { coaches.removeLast() }
                        // One in twenty needs a conversation every week; the others once in the three-week cycle.
                        if rng.below(20) == 0 { interval = 1 }
                    }
                    school.students.append(
                        Student(
                            id: .init("S\(number)"), name: person(), groups: [group.id], coaches: coaches,
                            onTrack: generator.profile == .bioritme && rng.below(100) < 35, coachingIntervalInWeeks: interval,
                            parent: generator.profile == .coach ? parent(forStudent: number) : nil))
                }
            }
        }

        /// A caseload limit per coach of at least 40, and never below the students who list them.
        mutating func setCaseloads() {
            var listed: [Teacher.ID: Int] = [:]
            for student in school.students { for coach in Set(student.coaches) { listed[coach, default: 0] += 1 } }
            for index in school.teachers.indices where school.teachers[index].coach != nil {
                school.teachers[index].coach = Teacher.CoachRole(caseload: max(40, listed[school.teachers[index].id] ?? 0))
            }
        }

        /// The coach profile's parents: one per family; a tenth of the students are siblings of the
        /// student before them (same parent). Each parent can come after the lessons on two days of the week.
        mutating func parent(forStudent number: Int) -> Parent.ID {
            if number > 1, rng.below(10) == 0, let last = school.parents.last { return last.id }
            let id = Parent.ID("P\(school.parents.count + 1)")
            let first = rng.below(5), second = (first + 1 + rng.below(4)) % 5
            let available = school.allSlots.filter { ($0.day == first || $0.day == second) && school.period(at: $0)?.segment == "triad" }
            school.parents.append(Parent(id: id, available: Set(available)))
            return id
        }

        // MARK: Lessons

        /// The class lessons: a mentor lesson (day start) each day, and the curriculum per subject,
        /// each lesson to the subject teacher with the lightest load per working day.
        /// Slots of the week in a segment.
        func segmentSlots(_ segment: Segment.ID) -> Int {
            school.allSlots.filter { school.period(at: $0)?.segment == segment }.count
        }

        var lessonSegment: Segment.ID { generator.profile == .bioritme ? "instruction" : "lessons" }

        mutating func makeCurriculum(segment: Segment.ID, excluding: Set<String>) {
            var assigned: [Teacher.ID: Int] = [:]
            let workingDays = Dictionary(uniqueKeysWithValues: school.teachers.map { ($0.id, 5 - $0.daysOff.count) })
            let capacity = Dictionary(
                uniqueKeysWithValues: school.teachers.map { teacher in
                    (
                        teacher.id,
                        school.allSlots.filter { !teacher.daysOff.contains($0.day) && school.period(at: $0)?.segment == segment }.count
                    )
                })
            let mentorSegment: Segment.ID? =
                switch generator.profile {
                case .bioritme: "mentor"
                case .coach: "dayStart"
                case .blocks: nil
                }
            for group in classes {
                if let mentorSegment, let mentor = mentors[group.id] {
                    school.lessons.append(
                        Lesson(
                            id: .init("\(group.id)-men"), subject: "men", teachers: [mentor], groups: [group.id], countPerWeek: 5,
                            allowedSegments: [mentorSegment], maxPerDay: 1))
                    if generator.profile == .bioritme {
                        school.exemptions.append(Exemption(lesson: .init("\(group.id)-men"), days: [1, 2, 3]))
                    }
                }
                for (subject, count) in SchoolGenerator.curricula[group.year ?? 1] ?? [] where !excluding.contains(subject) {
                    guard var pool = pools[subject], !pool.isEmpty else { continue }
                    // A teacher never gets more periods than they can teach in the segment; a new one is hired otherwise.
                    pool = pool.filter { (assigned[$0] ?? 0) + count <= (capacity[$0] ?? segmentSlots(segment)) }
                    if pool.isEmpty {
                        let id = Teacher.ID("T\(school.teachers.count + 1)")
                        school.teachers.append(Teacher(id: id, name: person()))
                        pools[subject, default: []].append(id)
                        pool = [id]
                    }
                    let teacher =
                        pool.min { a, b in
                            Double(assigned[a] ?? 0) / Double(workingDays[a] ?? 5) < Double(assigned[b] ?? 0) / Double(workingDays[b] ?? 5)
                        } ?? pool[0]
                    assigned[teacher, default: 0] += count
                    school.lessons.append(
                        Lesson(
                            id: .init("\(group.id)-\(subject)"), subject: .init(subject), teachers: [teacher], groups: [group.id],
                            countPerWeek: count, roomKind: subject == "lo" ? .gym : (subject == "na" ? .lab : nil),
                            allowedSegments: [segment],
                            maxPerDay: 1, minDays: count))
                }
            }
        }

        /// Choice sessions pinned to every choice period: enough classroom sessions (28 seats,
        /// at least 5 students) for nine in ten students, each with a teacher who works that day
        /// and teaches one session at a time, and the open learning centre for the rest.
        /// Students rank ten sessions (mostly subjects of their year's curriculum); one in twenty
        /// has a support session required by their coach.
        mutating func makeChoiceLessons() {
            let slots = school.allSlots.filter { school.period(at: $0)?.segment == "choice" }
            let kinds: [ChoiceSettings.Kind] = [.support, .processing, .talent]
            let subjectOf = Dictionary(
                pools.flatMap { subject, teachers in teachers.map { ($0, subject) } }, uniquingKeysWith: { a, _ in a })
            let seats = 28
            var sessionsAt: [TimeSlot: [Lesson.ID]] = [:]
            var teacherCursor = 0
            let teachers = school.teachers
            for slot in slots {
                let wanted = (generator.students * 9 / 10 + seats - 1) / seats
                var chosen: [Teacher.ID] = []
                var looked = 0
                while chosen.count < wanted + 1, looked < teachers.count {
                    let teacher = teachers[(teacherCursor + looked) % teachers.count]
                    looked += 1
                    if !teacher.daysOff.contains(slot.day) { chosen.append(teacher.id) }
                }
                teacherCursor = (teacherCursor + looked) % teachers.count
                let dayName = school.days[slot.day].id.rawValue
                // The last teacher supervises the open learning centre.
                let supervisor = chosen.count > 1 ? chosen.removeLast() : nil
                for (k, teacher) in chosen.enumerated() {
                    let subject = subjectOf[teacher] ?? "ne"
                    let kind = kinds[(k + slot.period) % kinds.count]
                    let id = Lesson.ID("K-\(dayName)\(slot.period)-\(k + 1)-\(subject)-\(kind.rawValue)")
                    school.lessons.append(
                        Lesson(
                            id: id, subject: .init(subject), teachers: [teacher], countPerWeek: 1, roomKind: .classroom,
                            studentCount: seats,
                            allowedSegments: ["choice"], pinned: [slot], choice: ChoiceSettings(kind: kind, capacity: seats, minimumSize: 5)
                        ))
                    sessionsAt[slot, default: []].append(id)
                }
                // The open learning centre, open to everyone.
                let olc = Lesson.ID("K-\(dayName)\(slot.period)-olc")
                school.lessons.append(
                    Lesson(
                        id: olc, subject: "olc", teachers: supervisor.map { [$0] } ?? [], countPerWeek: 1, roomKind: .openLearningCentre,
                        allowedSegments: ["choice"], pinned: [slot],
                        choice: ChoiceSettings(kind: .processing)))
            }
            // Requests: ten classroom sessions at different times where possible, ranked.
            let allSessions = slots.flatMap { slot in (sessionsAt[slot] ?? []).map { (slot, $0) } }
            for student in school.students {
                var picked: [Lesson.ID] = []
                var usedSlots = Set<TimeSlot>()
                var attempts = 0
                while picked.count < 10, attempts < 60, !allSessions.isEmpty {
                    attempts += 1
                    let (slot, lesson) = allSessions[rng.below(allSessions.count)]
                    guard !picked.contains(lesson), attempts > 30 || !usedSlots.contains(slot) else { continue }
                    picked.append(lesson)
                    usedSlots.insert(slot)
                }
                let requiresSupport = rng.below(20) == 0
                for (index, lesson) in picked.enumerated() {
                    let required = requiresSupport && index == 0 && lesson.rawValue.hasSuffix("support")
                    school.choiceRequests.append(ChoiceRequest(student: student.id, lesson: lesson, rank: index + 1, required: required))
                }
            }
        }

        /// Block hours: for each year and level, maths, biology and physics-chemistry at the same
        /// time, three periods twice a week; each student ranks the three subjects.
        mutating func makeBlockHours() {
            let byTrack = Dictionary(grouping: classes) { "\($0.year ?? 0)\($0.level ?? "")" }
            let tracks = byTrack.keys.sorted()
            // Rooms per subject and track: a room of 30 for every 30 students over three subjects, plus one.
            let roomsPerSubject = tracks.map { key in
                let size = (byTrack[key] ?? []).reduce(0) { $0 + ($1.size ?? 0) }
                return max(1, (size + 29) / 30 / 3 + 1)
            }
            // Dedicated block teachers: two block lessons each (12 of the 15 block periods of a week).
            let lessonsPerSubject = roomsPerSubject.reduce(0, +)
            var blockTeachers: [String: [Teacher.ID]] = [:]
            for subject in ["wi", "bi", "na"] {
                for _ in 0..<((lessonsPerSubject + 1) / 2) {
                    let id = Teacher.ID("T\(school.teachers.count + 1)")
                    school.teachers.append(Teacher(id: id, name: person()))
                    blockTeachers[subject, default: []].append(id)
                }
            }
            var subjectLessons: [Group.ID: [[Lesson.ID]]] = [:]
            var used: [String: Int] = [:]
            for (track, key) in tracks.enumerated() {
                guard let groups = byTrack[key]?.map(\.id) else { continue }
                var lessons: [Lesson.ID] = []
                var bySubject: [[Lesson.ID]] = []
                for subject in ["wi", "bi", "na"] {
                    var rooms: [Lesson.ID] = []
                    for room in 1...roomsPerSubject[track] {
                        let pool = blockTeachers[subject] ?? []
                        let id = Lesson.ID("BLK\(key)-\(subject)\(room)")
                        school.lessons.append(
                            Lesson(
                                id: id, subject: .init(subject), teachers: pool.isEmpty ? [] : [pool[(used[subject] ?? 0) % pool.count]],
                                groups: groups,
                                countPerWeek: 2, durationInPeriods: 3, roomKind: subject == "na" ? .lab : .classroom, studentCount: 30,
                                allowedSegments: ["block"], maxPerDay: 1))
                        rooms.append(id)
                        used[subject, default: 0] += 1
                    }
                    lessons += rooms
                    bySubject.append(rooms)
                }
                school.clusters.append(Cluster(id: .init("block-\(key)"), name: "Block hour \(key)", kind: .blockHour, lessons: lessons))
                for group in groups { subjectLessons[group] = bySubject }
            }
            // Each student ranks the three subjects; every room of a subject carries the subject's rank.
            for student in school.students {
                guard let group = student.groups.first, var subjects = subjectLessons[group] else { continue }
                subjects.shuffle(using: &rng)
                for (index, rooms) in subjects.enumerated() {
                    for lesson in rooms {
                        school.choiceRequests.append(ChoiceRequest(student: student.id, lesson: lesson, rank: index + 1))
                    }
                }
            }
        }

        /// A development team of five full-time teachers released together twice a week.
        mutating func makeTeamTime() {
            let team = school.teachers.filter { $0.daysOff.isEmpty }.prefix(5).map(\.id)
            guard team.count == 5 else { return }
            school.teamTimes.append(
                TeamTime(id: "devteam", name: "Development team", teachers: team, commonFreePeriods: 2, segment: "lessons"))
        }
    }
}
