import Foundation
import RoosterModel
import RoosterRules
import Testing

@testable import RoosterIO

/// The fuzzers' inputs, replayed in the ordinary suite (`Tests/Fuzz` runs libFuzzer on the same
/// readers). Every seed is read successfully — a seed the reader refuses would start the fuzzer
/// from nothing — and every saved finding in `Tests/Fuzz/Findings/TARGET` is read or refused with
/// an input error, and then scored, without a crash.
@Suite("Fuzz corpus")
struct FuzzCorpusTests {
    static let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    static func files(_ folder: String, _ target: String) -> [URL] {
        let directory = fuzz.appendingPathComponent(folder).appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { directory.appendingPathComponent($0) }
    }

    static func text(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    static func fixture(_ name: String) throws -> String {
        try text(fuzz.appendingPathComponent("Fixtures").appendingPathComponent(name))
    }

    static let bioritme: School? = try? SchoolFile.parse(fixture("bioritme-12.yaml"), format: .yaml).school
    static let toy: School? = try? CTTFormat.parse(fixture("toy.ctt"), file: "toy.ctt")

    /// Reads one input as the target does; returns whether the reader accepted it.
    static func read(_ text: String, target: String) throws -> Bool {
        let bioritme = try #require(bioritme), toy = try #require(toy)
        do {
            switch target {
            case "school-yaml", "school-json":
                let loaded = try SchoolFile.parse(text, format: target == "school-yaml" ? .yaml : .json)
                _ = loaded.validate()
                _ = Checker().check(Timetable(), against: loaded.school)
                _ = loaded.school.calendarWeeks()
            case "timetable-json":
                _ = Checker().check(try TimetableFile.parse(text, format: .json, for: bioritme), against: bioritme)
            case "ctt":
                let school = try CTTFormat.parse(text, file: "fuzz.ctt")
                _ = school.validate()
                _ = Checker().check(Timetable(), against: school)
            case "sol":
                _ = Checker().check(try SolutionFormat.parse(text, school: toy, file: "fuzz.sol"), against: toy)
            case "fet":
                let loaded = try FETImport.parse(text, file: "fuzz.fet", dropUnsupported: true)
                _ = loaded.validate()
                _ = Checker().check(Timetable(), against: loaded.school)
            case "xhstt":
                let (instance, solutions) = try XHSTTArchive.read(text, file: "fuzz.xml")
                let loaded = try XHSTTImport.school(from: instance, file: "fuzz.xml", dropUnsupported: true)
                _ = loaded.validate()
                let mapping = try XHSTTMapping(instance, file: "fuzz.xml")
                for solution in solutions {
                    _ = XHSTTEvaluator(instance: instance).cost(of: solution)
                    let timetable = try XHSTTSolutionFile.timetable(solution, instance: instance, mapping: mapping, file: "fuzz.xml")
                    _ = Checker().check(timetable, against: loaded.school)
                }
            case "requests-csv": _ = try WeeklyFiles.parseRequests(text, for: bioritme, file: "fuzz.csv")
            case "enrolments-csv": _ = try WeeklyFiles.parseEnrolments(text, for: bioritme, file: "fuzz.csv")
            default: Issue.record("unknown fuzz target \(target)")
            }
            return true
        } catch {
            return false
        }
    }

    static let targets = ["school-yaml", "school-json", "timetable-json", "ctt", "sol", "requests-csv", "enrolments-csv", "fet", "xhstt"]

    @Test("every seed is read by its reader", arguments: targets)
    func seedsAreAccepted(target: String) throws {
        let seeds = Self.files("Corpus", target)
        #expect(!seeds.isEmpty, "no seeds for \(target)")
        for seed in seeds {
            #expect(try Self.read(Self.text(seed), target: target), "\(seed.lastPathComponent) is refused")
        }
    }

    @Test("every saved finding is read or refused without a crash", arguments: targets)
    func findingsDoNotCrash(target: String) throws {
        for finding in Self.files("Findings", target) {
            _ = try Self.read(Self.text(finding), target: target)
        }
    }
}
