import ArgumentParser
import Foundation
import Rooster

/// `rooster generate --students N --profile P --seed S --out school.yaml`: a realistic generated school.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a realistic Dutch flex school for trying Rooster out and for benchmarks.",
        discussion: """
            Years 1-6 in mavo, havo and vwo classes of 25-30, subject teachers sized by load (a fifth \
            part-time), classrooms, labs, gyms and an open learning centre, mentors as coaches. Profiles: \
            'bioritme' (mentor lesson, choice periods with sessions and ranked requests, instruction \
            10:00-14:00, independent work, coach windows after the day), 'coach' (coach windows \
            8:15-8:45, two coaches per student, conversations every 1-3 weeks, team time), 'blocks' \
            (maths, biology and physics-chemistry in three-period block hours, students rank the subjects). \
            The same seed gives the same school.

            Example:
              rooster generate --students 1200 --profile bioritme --seed 7 --out school.yaml
              rooster solve school.yaml --time-limit 120 --out timetable.json
            """
    )

    @Option(help: "Number of students.")
    var students: Int

    @Option(help: "bioritme, coach or blocks.")
    var profile: SchoolGenerator.Profile = .bioritme

    @Option(help: "Seed; the same seed gives the same school.")
    var seed: UInt64 = 1

    @Option(help: "Write the school here (.yaml or .json).")
    var out: String

    func validate() throws {
        guard (1...20_000).contains(students) else { throw ValidationError("--students must be between 1 and 20000") }
        guard SchoolFormat(fileName: out) == .yaml || SchoolFormat(fileName: out) == .json else {
            throw ValidationError("--out must end in .yaml, .yml or .json")
        }
    }

    func run() throws {
        try checkOutputs(out)
        let school = SchoolGenerator(students: students, profile: profile, seed: seed).make()
        let format: SchoolFormat = SchoolFormat(fileName: out) ?? .yaml
        do {
            try SchoolFile.write(school, to: URL(fileURLWithPath: out), as: format)
        } catch {
            printError("\(out): cannot write: \(error.localizedDescription)")
            throw Exit.cannotWrite
        }
        print(
            "\(out): \(school.students.count) students in \(school.groups.count) classes, \(school.teachers.count) teachers, \(school.rooms.count) rooms, \(school.lessons.count) lessons, \(school.choiceRequests.count) requests"
        )
    }
}

extension SchoolGenerator.Profile: ExpressibleByArgument {}
