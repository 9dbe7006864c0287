import ArgumentParser
import Foundation
import Rooster

/// `rooster convert INPUT OUTPUT`: between school formats, or between timetable formats.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a school (.ctt/.fet/XHSTT .xml/.yaml/.json → .yaml/.json) or a timetable (.sol/.xml/.json → .json/.sol/.xml).",
        discussion: """
            The formats follow the file extensions. A timetable needs its school (--school) to resolve \
            days, lessons and rooms; .xml is FET's activities timetable, for schools read from a .fet \
            file (activity id → day, hour, room), both ways, and an XHSTT archive with the instance and \
            the timetable as its solution for schools read from one. A FET or XHSTT file with constraints Rooster cannot \
            represent is refused, naming each kind and count, unless --drop-unsupported. Output is \
            written atomically: an interrupted run leaves no half file.

            Examples:
              rooster convert comp01.ctt comp01.yaml
              rooster convert school.yaml school.json
              rooster convert comp01.sol comp01-timetable.json --school comp01.ctt
              rooster convert timetable.json timetable.sol --school comp01.ctt
              rooster convert Hopwood.fet hopwood.yaml
              rooster convert timetable.json Hopwood_activities.xml --school Hopwood.fet
              rooster convert timetable.json solution.xml --school NetherlandsKottenpark2005.xml --drop-unsupported
            """
    )

    @Argument(help: "The file to read.")
    var input: String

    @Argument(help: "The file to write (.yaml, .json or .sol).")
    var output: String

    @Option(help: "The school a timetable belongs to; makes INPUT a timetable.")
    var school: String?

    @OptionGroup var importOptions: ImportOptions

    func validate() throws {
        if school == nil, TimetableFile.Format(fileName: input) == .sol || TimetableFile.Format(fileName: output) == .sol {
            throw ValidationError("Converting a timetable needs its school: add --school SCHOOL")
        }
    }

    func run() throws {
        try checkOutputs(output)
        if let school {
            let loaded = try loadSchool(school, dropUnsupported: importOptions.dropUnsupported)
            guard let format = TimetableFile.Format(fileName: output) else {
                throw ValidationError("Cannot tell the timetable format of '\(output)': use .json, .sol or .xml (FET or XHSTT)")
            }
            let timetable = try loadTimetable(input, for: loaded)
            try reportingInputErrors {
                try TimetableFile.write(timetable, for: loaded, to: URL(fileURLWithPath: output), as: format)
            }
            print("wrote \(output): \(timetable.placements.count) placements")
            return
        }
        guard let format = SchoolFormat(fileName: output), format == .yaml || format == .json else {
            throw ValidationError("Cannot write a school as '\(output)': use .yaml or .json")
        }
        let loaded = try loadSchool(input, dropUnsupported: importOptions.dropUnsupported)
        let readErrors = loaded.readDiagnostics.filter { $0.severity == .error }
        if !readErrors.isEmpty {
            for error in readErrors { printError(loaded.locate(error).description) }
            printError("\(input): not converted, because parts of it could not be read")
            throw Exit.badInput
        }
        try reportingInputErrors { try SchoolFile.write(loaded.school, to: URL(fileURLWithPath: output), as: format) }
        print(
            "wrote \(output): \(loaded.school.lessons.count) lessons, \(loaded.school.teachers.count) teachers, \(loaded.school.rooms.count) rooms"
        )
    }
}
