import ArgumentParser

/// The `rooster` command: timetables for flexible Dutch secondary schools.
@main
struct RoosterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rooster",
        abstract: "Build and check school timetables for flexible Dutch secondary schools.",
        discussion: """
            A school file (YAML or JSON, or an ITC 2007 .ctt instance) describes days, teachers, rooms, \
            groups, students and lessons. A timetable file (JSON, or an ITC 2007 .sol solution) places them.

            Examples:
              rooster validate Examples/bioritme/school.yaml
              rooster solve Examples/bioritme/school.yaml --time-limit 60 --out timetable.json
              rooster check Examples/bioritme/school.yaml Examples/bioritme/timetable.json
              rooster check comp01.ctt comp01.sol --json
              rooster convert comp01.ctt comp01.yaml
              rooster rules

            Exit codes: 0 success, 1 the timetable breaks a hard rule, 2 bad input, 3 an output cannot be written.
            """,
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, SolveCommand.self, EnrolCommand.self, CoachCommand.self, CheckCommand.self, RenderCommand.self,
            ReportCommand.self, DiffCommand.self, ConvertCommand.self, GenerateCommand.self,
            RulesCommand.self,
        ]
    )
}
