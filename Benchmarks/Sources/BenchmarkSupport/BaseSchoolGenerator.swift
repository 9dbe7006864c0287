import Rooster

/// A small generator of Dutch bioritme schools for the scaling benchmark: years 1–6, mavo, havo and
/// vwo classes of 25–30, subject teachers sized by load (some part-time), classrooms, labs and gyms,
/// a mentor lesson each morning and instruction between 10:00 and 14:00. Deterministic for its seed.
///
/// Only the base timetable is generated (no students, choice requests or coaching): that is what the
/// heuristic places. Kept so that recorded results stay reproducible; `rooster generate` (`SchoolGenerator`
/// in the library) makes full flex schools with students, choices and coaching.
public struct BaseSchoolGenerator {
    public var students: Int
    public var seed: UInt64

    public init(students: Int, seed: UInt64) {
        self.students = students
        self.seed = seed
    }

    /// Weekly instruction periods per subject, by year (upper years: a common core).
    /// Weekly instruction periods per subject, by year: the library generator's table.
    static let curricula = SchoolGenerator.curricula

    public func make() -> School {
        var rng = SeededGenerator(seed: seed)
        let instruction = (0..<4).map {
            Period(name: "\($0 + 1)", start: TimeOfDay(hour: 10 + $0, minute: 0), lengthInMinutes: 50, segment: "instruction")
        }
        let template = DayTemplate(
            id: "bioritme",
            periods: [
                Period(name: "mentor", start: TimeOfDay(hour: 8, minute: 30), lengthInMinutes: 20, segment: "mentor"),
                Period(name: "choice", start: TimeOfDay(hour: 8, minute: 55), lengthInMinutes: 50, segment: "choice"),
            ] + instruction + [
                Period(start: TimeOfDay(hour: 14, minute: 0), lengthInMinutes: 45, segment: "instruction"),
                Period(start: TimeOfDay(hour: 14, minute: 45), lengthInMinutes: 45, segment: "work"),
            ])
        var school = School(
            name: "Generated bioritme school, \(students) students, seed \(seed)",
            segments: [
                Segment(id: "mentor", kind: .mentor), Segment(id: "choice", kind: .choice),
                Segment(id: "instruction", kind: .instruction), Segment(id: "work", kind: .independentWork),
            ],
            dayTemplates: [template],
            days: ["mon", "tue", "wed", "thu", "fri"].map { Day(id: .init($0), template: "bioritme") })

        // Classes: an even spread over six years and three levels (mavo has four years).
        var classes: [(id: Group.ID, year: Int)] = []
        var remaining = students
        var year = 1, level = 0
        let levels = ["M", "H", "V"]
        while remaining > 0 {
            let size = min(remaining, 25 + rng.below(6))
            let id = Group.ID("\(year)\(levels[level])\(classes.count + 1)")
            school.groups.append(Group(id: id, year: year, level: ["mavo", "havo", "vwo"][level], size: size))
            classes.append((id, year))
            remaining -= size
            level = (level + 1) % 3
            if level == 0 { year = year % 6 + 1 }
            if levels[level] == "M" && year > 4 { level = 1 }
        }

        // Teachers per subject, about 18 instruction periods each, a fifth part-time.
        var load: [String: Int] = [:]
        for (_, year) in classes { for (subject, count) in Self.curricula[year] ?? [] { load[subject, default: 0] += count } }
        var pools: [String: [Teacher.ID]] = [:]
        for subject in load.keys.sorted() {
            for _ in 0..<max(1, ((load[subject] ?? 0) + 17) / 18) {
                let id = Teacher.ID("T\(school.teachers.count + 1)")
                let partTime = rng.below(5) == 0
                school.teachers.append(Teacher(id: id, daysOff: partTime ? [rng.below(5)] : []))
                pools[subject, default: []].append(id)
            }
        }
        // Rooms: enough classrooms for the busiest period, labs and gyms for their subjects.
        let labs = max(1, ((load["na"] ?? 0) + (load["bi"] ?? 0) / 2) / 18 + 1)
        let gyms = max(1, (load["lo"] ?? 0) / 18 + 1)
        for n in 0..<(classes.count + classes.count / 5 + 2) { school.rooms.append(Room(id: .init("C\(n + 1)"), capacity: 32)) }
        for n in 0..<labs { school.rooms.append(Room(id: .init("LAB\(n + 1)"), capacity: 30, kind: .lab)) }
        for n in 0..<gyms { school.rooms.append(Room(id: .init("GYM\(n + 1)"), capacity: 32, kind: .gym)) }

        // Every class has its own mentor, a full-time teacher (more are hired if needed).
        var mentorPool = school.teachers.filter { $0.daysOff.isEmpty }.map(\.id)
        while mentorPool.count < classes.count {
            let id = Teacher.ID("T\(school.teachers.count + 1)")
            school.teachers.append(Teacher(id: id))
            mentorPool.append(id)
        }
        // Each lesson goes to the subject teacher with the lightest load per working day.
        var assigned: [Teacher.ID: Int] = [:]
        let workingDays = Dictionary(uniqueKeysWithValues: school.teachers.map { ($0.id, 5 - $0.daysOff.count) })
        for (index, entry) in classes.enumerated() {
            let mentor = mentorPool[index]
            school.lessons.append(
                Lesson(
                    id: .init("\(entry.id)-men"), teachers: [mentor], groups: [entry.id], countPerWeek: 5,
                    allowedSegments: ["mentor"], maxPerDay: 1))
            for (subject, count) in Self.curricula[entry.year] ?? [] {
                guard let pool = pools[subject], !pool.isEmpty else { continue }
                let teacher =
                    pool.min { a, b in
                        Double(assigned[a] ?? 0) / Double(workingDays[a] ?? 5) < Double(assigned[b] ?? 0) / Double(workingDays[b] ?? 5)
                    } ?? pool[0]
                assigned[teacher, default: 0] += count
                school.lessons.append(
                    Lesson(
                        id: .init("\(entry.id)-\(subject)"), teachers: [teacher], groups: [entry.id], countPerWeek: count,
                        roomKind: subject == "lo" ? .gym : (subject == "na" ? .lab : nil), allowedSegments: ["instruction"],
                        maxPerDay: 1, minDays: count))
            }
        }
        return school
    }
}
