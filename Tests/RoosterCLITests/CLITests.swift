import Foundation
import Testing

/// Runs the built `rooster` binary, as a user would.
struct Rooster {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `rooster` executable next to the test bundle in the build folder.
    static var executable: URL {
        get throws {
            var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("rooster")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                folder = folder.deletingLastPathComponent()
            }
            let fallback = root.appendingPathComponent(".build/debug/rooster")
            try #require(FileManager.default.isExecutableFile(atPath: fallback.path), "build the rooster executable first")
            return fallback
        }
    }

    static func run(_ arguments: String...) throws -> Result { try run(arguments) }

    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = try executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryFile(_ name: String, _ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rooster-cli-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}

let fixtures = "Tests/RoosterIOTests/Fixtures"

@Suite("rooster command line")
struct CLITests {
    @Test("validate passes on every bundled example", arguments: ["bioritme", "coach", "blocks"])
    func validateExamples(example: String) throws {
        let result = try Rooster.run("validate", "Examples/\(example)/school.yaml")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("valid:"))
    }

    @Test("check scores every bundled example timetable as feasible", arguments: ["bioritme", "coach", "blocks"])
    func checkExamples(example: String) throws {
        let result = try Rooster.run("check", "Examples/\(example)/school.yaml", "Examples/\(example)/timetable.json", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(report?["hard"] as? Int == 0)
        #expect((report?["soft"] as? Int ?? 0) > 0, "a greedy example timetable has soft violations")
    }

    @Test(
        "validate passes on every ITC 2007 instance",
        arguments: ["comp01", "comp02", "comp03", "comp04", "comp05", "comp06", "comp07", "toy"])
    func validateInstances(instance: String) throws {
        let result = try Rooster.run("validate", "\(fixtures)/\(instance).ctt")
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("validate of a broken school names the file and line and exits 2")
    func validateBroken() throws {
        let school = try String(contentsOf: Rooster.root.appendingPathComponent("Examples/coach/school.yaml"), encoding: .utf8)
        let broken = try Rooster.temporaryFile("broken.yaml", school.replacingOccurrences(of: "teachers: [T02]", with: "teachers: [T2]"))
        let result = try Rooster.run("validate", broken)
        #expect(result.status == 2)
        #expect(result.stderr.contains("broken.yaml:"))
        #expect(result.stderr.contains("error: Unknown teacher 'T2'"))
        #expect(result.stderr.contains("hint:"))
    }

    @Test("validate of a .ctt with a missing section names the line and exits 2")
    func validateBrokenInstance() throws {
        let text = try String(contentsOf: Rooster.root.appendingPathComponent("\(fixtures)/comp01.ctt"), encoding: .utf8)
        let broken = try Rooster.temporaryFile("broken.ctt", text.replacingOccurrences(of: "CURRICULA:", with: ""))
        let result = try Rooster.run("validate", broken)
        #expect(result.status == 2)
        #expect(result.stderr.contains("broken.ctt:"))
        #expect(result.stderr.contains("Expected the section 'CURRICULA:'"))
    }

    @Test("validate --json reports diagnostics with line and path")
    func validateJSON() throws {
        let broken = try Rooster.temporaryFile(
            "s.json",
            #"{"name": "x", "dayTemplates": [{"id": "d", "periods": [{"start": "09:00", "length": 50}]}], "days": [{"id": "mon", "template": "e"}]}"#
        )
        let result = try Rooster.run("validate", broken, "--json")
        #expect(result.status == 2)
        let summary = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let diagnostics = summary?["diagnostics"] as? [[String: Any]]
        #expect(diagnostics?.first?["path"] as? String == "days[0].template")
        #expect(diagnostics?.first?["line"] as? Int == 1)
    }

    @Test("check of an ITC solution prints the UD2 score; --json is one line for scripts")
    func checkITC() throws {
        let text = try Rooster.run("check", "\(fixtures)/comp01.ctt", "\(fixtures)/comp01.sol")
        #expect(text.status == 0)
        #expect(text.stdout.contains("score: 0 hard, 5 soft"))
        let json = try Rooster.run("check", "\(fixtures)/comp01.ctt", "\(fixtures)/comp01.sol", "--json")
        #expect(json.stdout.split(separator: "\n").count == 1)
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(report?["hard"] as? Int == 0)
        #expect(report?["soft"] as? Int == 5)
        #expect((report?["violations"] as? [Any])?.count == 5)
    }

    @Test("check exits 1 on a clash and names it")
    func checkClash() throws {
        let solution = try String(contentsOf: Rooster.root.appendingPathComponent("\(fixtures)/comp01.sol"), encoding: .utf8)
        var lines = solution.split(separator: "\n").map(String.init)
        // Put the second lecture of the first course where its first lecture is.
        let first = lines[0].split(separator: " ")
        lines[1] = "\(first[0]) \(first[1]) \(first[2]) \(first[3])"
        let clash = try Rooster.temporaryFile("clash.sol", lines.joined(separator: "\n"))
        let result = try Rooster.run("check", "\(fixtures)/comp01.ctt", clash)
        #expect(result.status == 1)
        #expect(result.stdout.contains("hard teacherConflict"))
        #expect(result.stdout.contains("infeasible"))
    }

    @Test(
        "Absurd numbers on the command line are refused with their range (exit 64), never a trap",
        arguments: [
            ["--time-limit", "inf"], ["--time-limit", "1e300"], ["--time-limit", "nan"], ["--threads", "1000000"], ["--iterations", "0"],
        ])
    func absurdNumbers(_ option: [String]) throws {
        let result = try Rooster.run(["solve", "\(fixtures)/toy.ctt", "--quiet"] + option)
        #expect(result.status == 64, "\(option): \(result.stderr)")
        #expect(result.stderr.contains("must be between"), "\(option): \(result.stderr)")
    }

    @Test("check exits 2 for a missing or malformed timetable")
    func checkBadTimetable() throws {
        #expect(try Rooster.run("check", "\(fixtures)/comp01.ctt", "nowhere.sol").status == 2)
        let bad = try Rooster.temporaryFile("bad.json", #"{"placements": [{"lesson": "c0001", "day": "d9", "period": 0}]}"#)
        let result = try Rooster.run("check", "\(fixtures)/comp01.ctt", bad)
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.json:1"))
        #expect(result.stderr.contains("Unknown day 'd9'"))
    }

    @Test("--weight and --profile change the soft score")
    func weights() throws {
        let result = try Rooster.run("check", "\(fixtures)/comp01.ctt", "\(fixtures)/comp01.sol", "--json", "--weight", "roomCapacity=10")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(report?["soft"] as? Int == 41)
        #expect(try Rooster.run("check", "\(fixtures)/comp01.ctt", "\(fixtures)/comp01.sol", "--weight", "bogus=1").status == 64)
    }

    @Test("convert .ctt → YAML → check gives the same score; .sol → JSON round trip")
    func convert() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rooster-convert-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(try Rooster.run("convert", "\(fixtures)/comp04.ctt", "\(folder)/comp04.yaml").status == 0)
        #expect(
            try Rooster.run("convert", "\(fixtures)/comp04.sol", "\(folder)/comp04.json", "--school", "\(fixtures)/comp04.ctt").status == 0)
        let result = try Rooster.run("check", "\(folder)/comp04.yaml", "\(folder)/comp04.json")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("score: 0 hard, 37 soft"))
        #expect(try Rooster.run("convert", "\(folder)/comp04.json", "\(folder)/back.sol", "--school", "\(folder)/comp04.yaml").status == 0)
        let back = try String(contentsOfFile: "\(folder)/back.sol", encoding: .utf8)
        let original = try String(contentsOf: Rooster.root.appendingPathComponent("\(fixtures)/comp04.sol"), encoding: .utf8)
        #expect(
            Set(back.split(whereSeparator: \.isNewline))
                == Set(original.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces)[...] }))
    }

    @Test("solve writes an ITC solution that check scores the same")
    func solveITC() throws {
        let out = try Rooster.temporaryFile("comp01.sol", "")
        let result = try Rooster.run(
            "solve", "\(fixtures)/comp01.ctt", "--solver", "heuristic", "--iterations", "20000", "--seed", "3", "--out", out, "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(summary?["status"] as? String == "feasible")
        let check = try Rooster.run("check", "\(fixtures)/comp01.ctt", out, "--json")
        let report = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any]
        #expect(report?["hard"] as? Int == 0)
        #expect(report?["soft"] as? Int == summary?["soft"] as? Int)
    }

    @Test("solve --solver glpk proves the toy instance optimal, reports the bound, and writes MPS and LP files")
    func solveGLPK() throws {
        let folder = URL(fileURLWithPath: try Rooster.temporaryFile("toy.sol", "")).deletingLastPathComponent().path
        let result = try Rooster.run(
            "solve", "\(fixtures)/toy.ctt", "--solver", "glpk", "--time-limit", "60", "--out", "\(folder)/toy.sol", "--json", "--write-mps",
            "\(folder)/toy.mps", "--write-lp", "\(folder)/toy.lp")
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(summary?["status"] as? String == "optimal")
        #expect(summary?["bound"] as? Int == 0)
        #expect(summary?["soft"] as? Int == 0)
        let mps = try String(contentsOfFile: "\(folder)/toy.mps", encoding: .utf8)
        let lp = try String(contentsOfFile: "\(folder)/toy.lp", encoding: .utf8)
        #expect(mps.contains("COLUMNS") && lp.contains("Subject To"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".partial") }
        #expect(leftovers.isEmpty)
        let check = try Rooster.run("check", "\(fixtures)/toy.ctt", "\(folder)/toy.sol")
        #expect(check.status == 0)
    }

    @Test("--write-mps into a missing folder is a clear error with exit 3 and nothing written")
    func writeModelError() throws {
        let result = try Rooster.run("solve", "\(fixtures)/toy.ctt", "--solver", "glpk", "--write-mps", "/nonexistent-rooster/toy.mps")
        #expect(result.status == 3)
        #expect(
            result.stderr.contains("/nonexistent-rooster/toy.mps")
                && result.stderr.contains("the folder /nonexistent-rooster does not exist"),
            "\(result.stderr)")
    }

    @Test("render prints a view's week on stdout, and writes HTML, CSV, ICS and JSON into a folder")
    func render() throws {
        let school = "Examples/coach/school.yaml", timetable = "Examples/coach/timetable.json"
        let text = try Rooster.run("render", school, timetable, "--view", "teacher:T01", "--locale", "nl")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("Docent T01 — Julia Prins") && text.stdout.contains("| ma "))
        let folder = URL(fileURLWithPath: try Rooster.temporaryFile("x", "")).deletingLastPathComponent().path
        for format in ["html", "csv", "json"] {
            let result = try Rooster.run("render", school, timetable, "--format", format, "--out", "\(folder)/\(format)")
            #expect(result.status == 0, "\(format): \(result.stderr)")
        }
        let ics = try Rooster.run(
            "render", school, timetable, "--format", "ics", "--term-start", "2026-08-31", "--view", "student:L0001", "--out",
            "\(folder)/ics")
        #expect(ics.status == 0, "\(ics.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/html")
        #expect(files.contains("index.html") && files.contains("teacher-T01.html") && files.contains("report.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(folder)/ics") == ["student-L0001.ics"])
        let csv = try String(contentsOfFile: "\(folder)/csv/timetable.csv", encoding: .utf8)
        #expect(csv.contains("teacher:T01"))
    }

    @Test("the weekly workflow: enrol from a requests CSV, then coach; check scores the result without hard violations")
    func weeklyWorkflow() throws {
        let school = "Examples/bioritme/school.yaml"
        let requests = try Rooster.temporaryFile(
            "requests.csv", "student;lesson;rank;required\nS0001;K-mon1-02-wi-processing;1;yes\nS0001;K-tue1-03-du-talent;2;\n")
        let folder = URL(fileURLWithPath: requests).deletingLastPathComponent().path
        // This week's requests from a spreadsheet.
        let fromCSV = try Rooster.run(
            "enrol", school, "--timetable", "Examples/bioritme/timetable.json", "--requests", requests, "--method", "greedy", "--out",
            "\(folder)/enrolment.csv")
        #expect(fromCSV.status == 0, "\(fromCSV.stdout)\(fromCSV.stderr)")
        #expect(fromCSV.stdout.contains("600 students, 4800 enrolments") && fromCSV.stdout.contains("required 1 of 1"), "\(fromCSV.stdout)")
        let enrolment = try String(contentsOfFile: "\(folder)/enrolment.csv", encoding: .utf8)
        #expect(enrolment.contains("S0001,K-mon1-02-wi-processing,wi,processing,mon,08:55,"))
        // The school file's own requests, so that check judges the same requests.
        let enrol = try Rooster.run(
            "enrol", school, "--timetable", "Examples/bioritme/timetable.json", "--method", "greedy", "--unmet", "\(folder)/unmet.csv",
            "--timetable-out", "\(folder)/week.json")
        #expect(enrol.status == 0, "\(enrol.stdout)\(enrol.stderr)")
        #expect(
            try String(contentsOfFile: "\(folder)/unmet.csv", encoding: .utf8).hasPrefix("student,lesson,rank,required,reason,explanation"))
        let coach = try Rooster.run(
            "coach", school, "--timetable", "\(folder)/week.json", "--out", "\(folder)/coaching.csv", "--timetable-out",
            "\(folder)/full.json")
        #expect(coach.status == 0 && coach.stdout.contains("600 conversations"), "\(coach.stdout)\(coach.stderr)")
        let check = try Rooster.run("check", school, "\(folder)/full.json", "--json")
        #expect(check.status == 0 && check.stdout.contains("\"hard\":0"), "\(check.stderr)")
    }

    @Test("enrol names the line of a bad request and writes nothing (exit 2)")
    func enrolBadRequests() throws {
        let requests = try Rooster.temporaryFile(
            "requests.csv", "student,lesson\nS0001,K-mon1-02-wi-processing\nS9999,K-mon1-02-wi-processing\n")
        let out = URL(fileURLWithPath: requests).deletingLastPathComponent().appendingPathComponent("enrolment.csv").path
        let result = try Rooster.run(
            "enrol", "Examples/bioritme/school.yaml", "--timetable", "Examples/bioritme/timetable.json", "--requests", requests, "--out",
            out)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(
            result.stderr.contains("requests.csv:3: error: unknown student 'S9999'") && result.stderr.contains("hint:"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("render refuses unknown views, iCalendar without a term start, and an output folder that is a file (exit 2, 3)")
    func renderErrors() throws {
        let school = "Examples/coach/school.yaml", timetable = "Examples/coach/timetable.json"
        let unknown = try Rooster.run("render", school, timetable, "--view", "teacher:NOPE")
        #expect(unknown.status == 2 && unknown.stderr.contains("no teacher 'NOPE'"), "\(unknown.stderr)")
        let folder = URL(fileURLWithPath: try Rooster.temporaryFile("x", "")).deletingLastPathComponent().path
        let ics = try Rooster.run("render", school, timetable, "--format", "ics", "--out", folder)
        #expect(ics.status == 2 && ics.stderr.contains("--term-start"), "\(ics.stderr)")
        let file = try Rooster.temporaryFile("plain.txt", "keep me")
        let blocked = try Rooster.run("render", school, timetable, "--format", "html", "--out", file)
        #expect(blocked.status == 3 && blocked.stderr.contains(file), "\(blocked.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me", "nothing lost")
    }

    @Test("The bioritme term: iCalendar from the school's calendar, no event starting in the autumn holiday; --term-start refused")
    func schoolYear() throws {
        let school = "Examples/bioritme/school.yaml", timetable = "Examples/bioritme/timetable.json"
        let folder = URL(fileURLWithPath: try Rooster.temporaryFile("x", "")).deletingLastPathComponent().path
        let ics = try Rooster.run("render", school, timetable, "--format", "ics", "--view", "group:2M1", "--out", "\(folder)/ics")
        #expect(ics.status == 0, "\(ics.stderr)")
        let calendar = try String(contentsOfFile: "\(folder)/ics/group-2M1.ics", encoding: .utf8)
        #expect(calendar.contains("DTSTART;TZID=Europe/Amsterdam:20260831T083000"), "the first Monday's mentor lesson")
        #expect(calendar.contains("EXDATE;TZID=Europe/Amsterdam:20261019T083000"), "the autumn holiday's Monday is an exception")
        for day in 19...23 { #expect(!calendar.contains("DTSTART;TZID=Europe/Amsterdam:202610\(day)T"), "an event on 2026-10-\(day)") }
        let twice = try Rooster.run("render", school, timetable, "--format", "ics", "--term-start", "2026-08-31", "--out", folder)
        #expect(twice.status == 2 && twice.stderr.contains("has a calendar"), "\(twice.stderr)")
        let csv = try Rooster.run("render", school, timetable, "--format", "csv", "--out", "\(folder)/csv")
        #expect(csv.status == 0)
        let year = try String(contentsOfFile: "\(folder)/csv/calendar.csv", encoding: .utf8)
        #expect(year.contains("2026-10-19 Herfstvakantie") && year.contains("43,2026-10-19,–,"))
        let report = try Rooster.run("report", school, timetable, "--locale", "nl", "--format", "json", "--out", "\(folder)/report.json")
        #expect(report.status == 0, "\(report.stderr)")
        let json = try String(contentsOfFile: "\(folder)/report.json", encoding: .utf8)
        #expect(json.contains("\"schoolDaysPerYear\" : 185") && json.contains("\"hoursNorm\" : 940"))
        let check = try Rooster.run("check", school, timetable, "--locale", "nl", "--max-violations", "3")
        #expect(check.status == 0 && check.stdout.contains("wisselt tussen"), "\(check.stdout)")
    }

    @Test("A FET school: solve it, write the timetable as FET activities, read them back and check; convert to YAML")
    func fetSchool() throws {
        let school = "\(fixtures)/small.fet"
        let folder = URL(fileURLWithPath: try Rooster.temporaryFile("x", "")).deletingLastPathComponent().path
        let solved = try Rooster.run(
            "solve", school, "--solver", "heuristic", "--iterations", "20000", "--seed", "3", "--out", "\(folder)/t.json")
        #expect(solved.status == 0, "\(solved.stdout)\(solved.stderr)")
        let exported = try Rooster.run("convert", "\(folder)/t.json", "\(folder)/small_activities.xml", "--school", school)
        #expect(exported.status == 0, "\(exported.stderr)")
        let xml = try String(contentsOfFile: "\(folder)/small_activities.xml", encoding: .utf8)
        #expect(xml.components(separatedBy: "<Activity>").count - 1 == 18, "one line per FET activity")
        let checked = try Rooster.run("check", school, "\(folder)/small_activities.xml")
        #expect(checked.status == 0 && checked.stdout.contains("score: 0 hard"), "\(checked.stdout)")
        let yaml = try Rooster.run("convert", school, "\(folder)/small.yaml")
        #expect(yaml.status == 0 && yaml.stdout.contains("8 lessons"), "\(yaml.stdout)\(yaml.stderr)")
        let gaps =
            "<ConstraintTeachersMaxGapsPerWeek><Weight_Percentage>100</Weight_Percentage><Max_Gaps>3</Max_Gaps></ConstraintTeachersMaxGapsPerWeek>"
        let text = try String(contentsOfFile: school, encoding: .utf8).replacingOccurrences(
            of: "</Time_Constraints_List>", with: gaps + "\n</Time_Constraints_List>")
        let harder = try Rooster.temporaryFile("harder.fet", text)
        let refused = try Rooster.run("solve", harder, "--iterations", "1000")
        #expect(refused.status == 2 && refused.stderr.contains("1 ConstraintTeachersMaxGapsPerWeek constraint(s)"), "\(refused.stderr)")
        let dropped = try Rooster.run("validate", harder, "--drop-unsupported")
        #expect(dropped.status == 0 && dropped.stdout.contains("warning"), "\(dropped.stdout)\(dropped.stderr)")
    }

    @Test("An XHSTT archive: check scores its stored solutions; solve writes a solution archive that check scores with the XHSTT evaluator")
    func xhsttArchive() throws {
        let archive = "\(fixtures)/small-xhstt.xml"
        let text = try String(contentsOfFile: archive, encoding: .utf8)
        let harder = try Rooster.temporaryFile(
            "harder-xhstt.xml", text.replacingOccurrences(of: "<Maximum>999</Maximum>", with: "<Maximum>2</Maximum>"))
        let refused = try Rooster.run("check", harder)
        #expect(refused.status == 2 && refused.stderr.contains("LimitBusyTimesConstraint"), "\(refused.stderr)")
        let stored = try Rooster.run("check", archive)
        #expect(stored.status == 0, "\(stored.stderr)")
        #expect(stored.stdout.contains("1. ByHand: XHSTT cost (0, 22), archive reports (0, 22)"), "\(stored.stdout)")
        #expect(stored.stdout.contains("2. Broken: XHSTT cost (4, 7)") && stored.stdout.contains("Rooster: 4 hard"), "\(stored.stdout)")
        let folder = URL(fileURLWithPath: try Rooster.temporaryFile("x", "")).deletingLastPathComponent().path
        let solved = try Rooster.run(
            "solve", archive, "--solver", "heuristic", "--iterations", "5000", "--seed", "2", "--out",
            "\(folder)/solution.xml")
        #expect(solved.status == 0, "\(solved.stdout)\(solved.stderr)")
        let checked = try Rooster.run("check", archive, "\(folder)/solution.xml")
        #expect(checked.status == 0 && checked.stdout.contains("XHSTT cost: (0, "), "\(checked.stdout)\(checked.stderr)")
        let json = try Rooster.run("check", archive, "\(folder)/solution.xml", "--json")
        #expect(json.stdout.contains("\"xhstt\":{\"hard\":0,\"soft\":"), "\(json.stdout)")
        let converted = try Rooster.run("convert", "\(folder)/solution.xml", "\(folder)/t.json", "--school", archive)
        #expect(converted.status == 0 && converted.stdout.contains("6 placements"), "\(converted.stdout)\(converted.stderr)")
    }

    @Test("solve --render html writes the pages of the new timetable; report prints the quality report")
    func solveAndRender() throws {
        let folder = URL(fileURLWithPath: try Rooster.temporaryFile("x", "")).deletingLastPathComponent().path
        let result = try Rooster.run(
            "solve", "\(fixtures)/toy.ctt", "--solver", "heuristic", "--iterations", "2000", "--render", "html", "--render-out",
            "\(folder)/site")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(folder)/site/index.html"))
        let report = try Rooster.run("report", "Examples/coach/school.yaml", "Examples/coach/timetable.json", "--locale", "nl")
        #expect(report.status == 0)
        #expect(
            report.stdout.contains("Kwaliteitsrapport") && report.stdout.contains("Tussenuren") && report.stdout.contains("Onderwijstijd"))
    }

    @Test(
        "Ctrl-C (SIGINT) or SIGTERM during solve writes the best timetable so far and exits cleanly", arguments: [SIGINT, SIGTERM])
    func solveInterrupted(_ signalNumber: Int32) throws {
        let out = try Rooster.temporaryFile("interrupted.json", "")
        let process = Process()
        process.executableURL = try Rooster.executable
        process.arguments = ["solve", "\(fixtures)/comp01.ctt", "--time-limit", "60", "--out", out, "--quiet"]
        process.currentDirectoryURL = Rooster.root
        process.standardOutput = Pipe()
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        kill(process.processIdentifier, signalNumber)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let check = try Rooster.run("check", "\(fixtures)/comp01.ctt", out)
        #expect(check.status == 0, "\(check.stdout)")
    }

    /// GLPK calls no callback while it solves the root LP (about 40 s for the bioritme example);
    /// its progress output, every 200 ms, is where Rooster asks to abandon the solve. The solve is
    /// bounded by one branch-and-bound step (the time limit is the maximum, so it never decides):
    /// had GLPK finished the LP, its log would show the search starting (a line beginning "+").
    @Test("SIGTERM while GLPK solves the root LP of a large school abandons the LP and leaves --out alone")
    func glpkInterruptedInRootLP() throws {
        let out = try Rooster.temporaryFile("kept.json", "{\"placements\": []}")
        let process = Process()
        process.executableURL = try Rooster.executable
        process.arguments = [
            "solve", "Examples/bioritme/school.yaml", "--solver", "glpk", "--iterations", "1", "--time-limit", "604800", "--glpk-log",
            "--out", out, "--quiet",
        ]
        process.currentDirectoryURL = Rooster.root
        process.standardOutput = Pipe()
        let log = Pipe()
        process.standardError = log
        try process.run()
        Thread.sleep(forTimeInterval: 3)
        kill(process.processIdentifier, SIGTERM)
        let text = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("+") }, "GLPK finished the root LP after SIGTERM: \(text.suffix(300))")
        #expect(process.terminationStatus == 1, "no timetable found: exit 1")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "{\"placements\": []}", "--out is left as it was")
    }

    @Test("solve refuses what validate refuses, a misspelt key included, before any work (exit 2)")
    func solveValidatesLikeValidate() throws {
        let text = try String(contentsOf: Rooster.root.appendingPathComponent("Examples/coach/school.yaml"), encoding: .utf8)
        let school = try Rooster.temporaryFile(
            "typo.yaml", text.replacingOccurrences(of: "countPerWeek:", with: "countPerWek:", range: text.range(of: "countPerWeek:")))
        let validate = try Rooster.run("validate", school)
        let solve = try Rooster.run("solve", school, "--iterations", "100", "--quiet")
        #expect(validate.status == 2 && solve.status == 2, "\(solve.stdout)\(solve.stderr)")
        #expect(solve.stderr.contains("Unknown key 'countPerWek'") && solve.stderr.contains("not solved (invalidModel)"), "\(solve.stderr)")
        #expect(solve.stdout.isEmpty, "nothing was solved")
    }

    @Test("An output in a missing folder is refused before any work (exit 3), for every command that writes")
    func outputCheckedFirst() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("rooster-missing-\(UUID())/out").path
        let runs = [
            ["solve", "\(fixtures)/comp01.ctt", "--iterations", "1000", "--out", missing + ".sol"],
            ["solve", "\(fixtures)/comp01.ctt", "--iterations", "1000", "--write-lp", missing + ".lp"],
            ["convert", "\(fixtures)/comp01.ctt", missing + ".yaml"],
            ["generate", "--students", "100", "--out", missing + ".yaml"],
            [
                "enrol", "Examples/bioritme/school.yaml", "--timetable", "Examples/bioritme/timetable.json", "--out", missing + ".csv",
            ],
        ]
        for arguments in runs {
            let result = try Rooster.run(arguments)
            #expect(result.status == 3, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("does not exist; create it or choose another path"), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(arguments) worked before refusing: \(result.stdout)")
        }
    }

    @Test("A solve that finds no timetable leaves a good --out as it was (exit 1)")
    func emptyResultKeepsFile() throws {
        let out = try Rooster.temporaryFile("good.json", #"{"keep": true}"#)
        // One branch-and-bound step is not enough for GLPK to find a first timetable (it stops at its
        // first callback, before any heuristic), on any machine.
        let result = try Rooster.run("solve", "\(fixtures)/toy.ctt", "--solver", "glpk", "--iterations", "1", "--out", out)
        #expect(result.status == 1)
        #expect(result.stdout.contains("left as it was") && !result.stdout.contains("wrote"), "\(result.stdout)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == #"{"keep": true}"#)
    }

    @Test(
        "every command's --help shows examples", arguments: ["validate", "solve", "check", "render", "report", "convert", "rules", "diff"])
    func help(command: String) throws {
        let result = try Rooster.run(command, "--help")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("rooster \(command)"))
    }

    /// The README's scenario: the file changed by Examples/bioritme/t10-ill-on-tuesdays.patch, a
    /// re-solve from the example's timetable (bounded by moves), and the diff.
    @Test("T10 ill on Tuesdays: patch the bioritme school, re-solve from its timetable, diff — 0 hard, few moves")
    func t10IllOnTuesdays() throws {
        let folder = URL(fileURLWithPath: try Rooster.temporaryFile("x", "")).deletingLastPathComponent().path
        let school = folder + "/school.yaml", new = folder + "/new.json"
        let patch = Process()
        patch.executableURL = URL(fileURLWithPath: "/usr/bin/patch")
        patch.arguments = ["-s", "-o", school, "Examples/bioritme/school.yaml", "Examples/bioritme/t10-ill-on-tuesdays.patch"]
        patch.currentDirectoryURL = Rooster.root
        try patch.run()
        patch.waitUntilExit()
        #expect(patch.terminationStatus == 0, "the patch applies to the example")
        let solve = try Rooster.run(
            "solve", school, "--from", "Examples/bioritme/timetable.json", "--solver", "heuristic", "--iterations", "200000", "--seed", "1",
            "--out", new)
        #expect(solve.status == 0, "\(solve.stdout)\(solve.stderr)")
        #expect(solve.stdout.contains("the whole week: 0 hard"), "\(solve.stdout)")
        let diff = try Rooster.run("diff", "Examples/bioritme/timetable.json", new, "--school", school)
        #expect(diff.status == 0)
        let summary = diff.stdout.split(separator: "\n").first.map(String.init) ?? ""
        let moved = Int(summary.dropFirst("changes: ".count).prefix { $0.isNumber }) ?? .max
        // T10 taught five occurrences on Tuesday (the mentor lesson goes to T29): at most three times that move.
        #expect(moved <= 15, "\(summary)")
        #expect(diff.stdout.contains("added 2M1-men-tue: — → Tue 08:30 (mentor)"), "\(diff.stdout)")
    }

    @Test("Change without chaos: solve --from with --lock keeps the locked day; check --from and diff (text, CSV, HTML) report the changes")
    func resolveAndDiff() throws {
        let school = "Examples/coach/school.yaml", old = "Examples/coach/timetable.json"
        let new = try Rooster.temporaryFile("new.json", "")
        let solve = try Rooster.run(
            "solve", school, "--from", old, "--lock", "day:mon", "--solver", "heuristic", "--iterations", "3000", "--out", new, "--quiet")
        #expect(solve.status == 0, "\(solve.stdout)\(solve.stderr)")
        func monday(_ url: URL) throws -> Set<String> {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
            let placements = json?["placements"] as? [[String: Any]] ?? []
            return Set(placements.filter { $0["day"] as? String == "mon" }.map { "\($0["lesson"] ?? "")@\($0["period"] ?? "")" })
        }
        let kept = try monday(Rooster.root.appendingPathComponent(old))
        #expect(!kept.isEmpty)
        let now = try monday(URL(fileURLWithPath: new))
        #expect(now.isSuperset(of: kept), "every Monday lesson kept its time")

        let check = try Rooster.run("check", school, new, "--from", old, "--json")
        #expect(check.status == 0 && check.stdout.contains("\"soft\""), "\(check.stderr)")
        let text = try Rooster.run("diff", old, new, "--school", school)
        #expect(text.status == 0 && text.stdout.hasPrefix("changes: ") && text.stdout.contains("score: "), "\(text.stdout)\(text.stderr)")
        let csv = try Rooster.run("diff", old, new, "--school", school, "--format", "csv", "--delimiter", ";")
        #expect(csv.stdout.hasPrefix("change;lesson;before;before_rooms;after;after_rooms;teachers;groups\r\n"))
        let page = try Rooster.temporaryFile("changes.html", "")
        let html = try Rooster.run("diff", old, new, "--school", school, "--format", "html", "--out", page)
        let published = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.status == 0 && published.contains("<h1>Changes in the timetable of"))

        let badLock = try Rooster.run("solve", school, "--from", old, "--lock", "room:R1", "--iterations", "10")
        #expect(badLock.status == 2 && badLock.stderr.contains("--lock room:R1"), "\(badLock.stderr)")
        let lockWithoutFrom = try Rooster.run("solve", school, "--lock", "day:mon")
        #expect(lockWithoutFrom.status == 64 && lockWithoutFrom.stderr.contains("--from"))
    }

    @Test("rules lists the catalogue with ITC weights")
    func rules() throws {
        let result = try Rooster.run("rules", "--profile", "itc2007")
        #expect(result.status == 0)
        #expect(result.stdout.contains("minWorkingDays"))
        #expect(result.stdout.split(separator: "\n").count == 40)  // 24 hard and 16 soft rules
    }
}
