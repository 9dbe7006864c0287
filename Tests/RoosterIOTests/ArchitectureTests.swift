import Foundation
import Testing

/// The module table of `docs/architecture.md` names every target of `Package.swift` with its
/// dependencies on Rooster's own modules, so that the page stays true as modules change.
@Suite("Architecture page")
struct ArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Targets of Package.swift (test targets excepted) with their dependencies on other targets.
    func packageTargets() throws -> [String: Set<String>] {
        var text = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        // External products are not Rooster's modules.
        text = text.replacingOccurrences(of: #"\.product\([^)]*\)"#, with: "", options: .regularExpression)
        let pattern = try NSRegularExpression(
            pattern: #"\.(?:target|executableTarget)\(\s*name:\s*"([^"]+)"(?:,\s*dependencies:\s*\[([^\]]*)\])?"#)
        var targets: [String: Set<String>] = [:]
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let name = Range(match.range(at: 1), in: text).map({ String(text[$0]) }) else { continue }
            let list = Range(match.range(at: 2), in: text).map { String(text[$0]) } ?? ""
            let dependencies = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { $0.hasPrefix("\"") }.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            targets[name] = Set(dependencies)
        }
        return targets
    }

    /// Rows of the module table: module → the modules in its "Uses" column.
    func documentedModules() throws -> [String: Set<String>] {
        let page = try String(contentsOf: Self.root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        let start = try #require(page.range(of: "## Modules"))
        let text = String(page[start.upperBound...]).components(separatedBy: "\n## ").first ?? ""
        var modules: [String: Set<String>] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 3 else { continue }
            let name = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let uses = cells[2] == "—" ? [] : cells[2].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            modules[name] = Set(uses)
        }
        return modules
    }

    @Test("Every target of Package.swift is in the module table with its dependencies, and nothing else is")
    func moduleTableMatchesPackage() throws {
        let package = try packageTargets()
        let documented = try documentedModules()
        #expect(package.count >= 12, "Package.swift was read")
        #expect(Set(documented.keys) == Set(package.keys))
        for (module, dependencies) in package {
            #expect(documented[module] == dependencies, "\(module): Package.swift says \(dependencies.sorted())")
        }
    }
}
