// libFuzzer entry point for Rooster's readers. The target is chosen by ROOSTER_FUZZ_TARGET; each one
// feeds the bytes to a reader the command line uses and, when the reader accepts them, goes on:
// validation, then the checker on the empty timetable — valid or not, since the solvers report an
// invalid school by checking it and a library caller may check any school — and a school file's
// calendar, dated week by week. Reader errors are
// expected; any crash, trap or hang is a finding.
import Foundation
import Rooster

/// The readers that can be fuzzed, by the name `Tests/Fuzz/run` and the corpus folders use.
enum FuzzTarget: String, CaseIterable {
    case schoolYAML = "school-yaml"
    case schoolJSON = "school-json"
    case timetableJSON = "timetable-json"
    case ctt
    case sol
    case requestsCSV = "requests-csv"
    case enrolmentsCSV = "enrolments-csv"
    case fet
    case xhstt

    /// Runs one input through the reader and what follows it.
    func run(_ text: String) {
        switch self {
        case .schoolYAML: Self.readSchool(text, format: .yaml)
        case .schoolJSON: Self.readSchool(text, format: .json)
        case .timetableJSON:
            guard let timetable = try? TimetableFile.parse(text, format: .json, for: Fixed.bioritme, file: "fuzz.json") else { return }
            _ = Checker().check(timetable, against: Fixed.bioritme)
        case .ctt:
            guard let school = try? CTTFormat.parse(text, file: "fuzz.ctt") else { return }
            Self.validateAndScore(school)
        case .sol:
            guard let timetable = try? SolutionFormat.parse(text, school: Fixed.toy, file: "fuzz.sol") else { return }
            _ = Checker().check(timetable, against: Fixed.toy)
        case .requestsCSV:
            _ = try? WeeklyFiles.parseRequests(text, for: Fixed.bioritme, file: "fuzz.csv")
        case .enrolmentsCSV:
            _ = try? WeeklyFiles.parseEnrolments(text, for: Fixed.bioritme, file: "fuzz.csv")
        case .fet:
            guard let loaded = try? FETImport.parse(text, file: "fuzz.fet", dropUnsupported: true) else { return }
            _ = loaded.validate()
            _ = Checker().check(Timetable(), against: loaded.school)
        case .xhstt:
            Self.readXHSTT(text)
        }
    }

    /// The archive, its stored solutions scored and turned into timetables, the import checked.
    static func readXHSTT(_ text: String) {
        guard let (instance, solutions) = try? XHSTTArchive.read(text, file: "fuzz.xml") else { return }
        let evaluator = XHSTTEvaluator(instance: instance)
        for solution in solutions { _ = evaluator.cost(of: solution) }
        guard let loaded = try? XHSTTImport.school(from: instance, file: "fuzz.xml", dropUnsupported: true),
            let mapping = try? XHSTTMapping(instance, file: "fuzz.xml")
        else { return }
        _ = loaded.validate()
        for solution in solutions {
            guard let timetable = try? XHSTTSolutionFile.timetable(solution, instance: instance, mapping: mapping, file: "fuzz.xml")
            else { continue }
            _ = Checker().check(timetable, against: loaded.school)
            _ = evaluator.cost(of: XHSTTSolutionFile.solution(timetable, instance: instance, mapping: mapping))
        }
    }

    private static func readSchool(_ text: String, format: SchoolFormat) {
        guard let loaded = try? SchoolFile.parse(text, format: format, file: "fuzz") else { return }
        _ = loaded.validate()
        _ = Checker().check(Timetable(), against: loaded.school)
        _ = loaded.school.calendarWeeks()
    }

    /// Validates and scores the empty timetable: every rule's counting runs, on any school.
    private static func validateAndScore(_ school: School) {
        _ = school.validate()
        _ = Checker().check(Timetable(), against: school)
    }
}

/// The schools that timetable, solution and CSV inputs are read against, loaded once.
enum Fixed {
    static let bioritme: School = load("bioritme-12.yaml") { try SchoolFile.parse($0, format: .yaml).school }
    static let toy: School = load("toy.ctt") { try CTTFormat.parse($0, file: "toy.ctt") }

    private static func load(_ name: String, _ parse: (String) throws -> School) -> School {
        let folder = ProcessInfo.processInfo.environment["ROOSTER_FUZZ_FIXTURES"] ?? "Tests/Fuzz/Fixtures"
        do {
            return try parse(String(contentsOfFile: folder + "/" + name, encoding: .utf8))
        } catch {
            fatalError("rooster-fuzz: cannot read the fixture \(folder)/\(name): \(error)")
        }
    }
}

private let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["ROOSTER_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        fatalError("rooster-fuzz: set ROOSTER_FUZZ_TARGET to one of \(names)")
    }
    return target
}()

/// One input, as libFuzzer hands it over.
private func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    target.run(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
    return 0
}

/// libFuzzer's driver, from the runtime that `-sanitize=fuzzer` links in. SwiftPM gives every
/// executable its own `main`, so the program starts the driver itself instead of using libFuzzer's.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@main
enum RoosterFuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        _ = target
        exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    }
}
