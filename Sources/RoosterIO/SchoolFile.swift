import Foundation
import RoosterModel
import RoosterRules
import Yams

/// The formats a school can be read from.
public enum SchoolFormat: String, Sendable, CaseIterable {
    /// Rooster's school schema in YAML.
    case yaml
    /// Rooster's school schema in JSON.
    case json
    /// An ITC 2007 track 3 instance (curriculum-based course timetabling).
    case ctt
    /// A school file of FET, the free timetabler (XML), read by ``FETImport``.
    case fet
    /// An XHSTT archive (the XML of the ITC 2011 high-school timetabling archive), read by ``XHSTTImport``.
    case xhstt

    /// The format for a file name's extension, if it has a known one.
    public init?(fileName: String) {
        switch URL(fileURLWithPath: fileName).pathExtension.lowercased() {
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        case "ctt": self = .ctt
        case "fet": self = .fet
        default: return nil
        }
    }

    /// Guesses the format of text without a known extension.
    static func sniff(_ text: String) -> SchoolFormat {
        let start = text.drop { $0.isWhitespace }
        if start.hasPrefix("{") { return .json }
        if start.hasPrefix("Name:") && text.contains("COURSES:") { return .ctt }
        if start.hasPrefix("<") && text.prefix(4096).contains("<fet") { return .fet }
        if start.hasPrefix("<") && text.prefix(4096).contains("<HighSchoolTimetableArchive") { return .xhstt }
        return .yaml
    }
}

/// A school read from a file, with what was found while reading and where each path is.
public struct LoadedSchool: Sendable {
    public var school: School
    /// The file name as the user gave it, used in messages.
    public var file: String
    public var format: SchoolFormat
    /// Problems found while reading (unknown keys, unknown days); validation adds the rest.
    public var readDiagnostics: [Diagnostic]
    var sourceMap: SourceMap?
    /// The XHSTT instance the school was imported from, for reading and writing its solutions.
    public var xhstt: XHSTTInstance? = nil

    /// Every diagnostic: those found while reading, then ``RoosterModel/School/validate()``, then
    /// unknown rule names, each with its line where the file has one.
    public func validate() -> [LocatedDiagnostic] {
        var all = readDiagnostics + school.validate()
        for (rule, _) in school.ruleWeights.sorted(by: { $0.key < $1.key }) {
            guard let descriptor = RuleCatalogue.descriptor(rule) else {
                let names = RuleCatalogue.descriptors.filter { $0.level == .soft }.map(\.id.rawValue)
                all.append(
                    Diagnostic(
                        .error, "unknownRule", "Unknown rule '\(rule)'", at: "ruleWeights.\(rule)",
                        hint: closest(to: rule.rawValue, in: names).map { "did you mean '\($0)'?" }
                            ?? "soft rules are: \(names.joined(separator: ", "))"))
                continue
            }
            if descriptor.level == .hard {
                all.append(
                    Diagnostic(
                        .warning, "hardRuleWeight", "Rule '\(rule)' is hard; hard rules have no weight", at: "ruleWeights.\(rule)",
                        hint: "remove this line"))
            }
        }
        return all.map(locate)
    }

    /// The diagnostic with the line of its path.
    public func locate(_ diagnostic: Diagnostic) -> LocatedDiagnostic {
        LocatedDiagnostic(diagnostic, file: file, line: sourceMap?.line(of: diagnostic.path))
    }
}

/// Reading and writing school files: Rooster's YAML and JSON schema, and ITC 2007 `.ctt`.
public enum SchoolFile {
    /// Reads a school from a file; the format follows the extension, or the content when unknown.
    ///
    /// - Parameter displayName: the name used in messages; defaults to the path as given.
    /// - Throws: ``InputError`` when the file cannot be read or parsed. Problems in a readable file
    ///   are diagnostics of the result instead.
    /// - Parameter dropUnsupported: for a FET file, warn about constraints Rooster cannot
    ///   represent instead of refusing the file.
    public static func load(_ url: URL, displayName: String? = nil, dropUnsupported: Bool = false) throws(InputError) -> LoadedSchool {
        let name = displayName ?? url.relativePath
        let text = try SourceText.read(url, displayName: name)
        return try parse(text, format: SchoolFormat(fileName: url.path), file: name, dropUnsupported: dropUnsupported)
    }

    /// Reads a school from text.
    public static func parse(
        _ text: String, format: SchoolFormat? = nil, file: String = "<input>", dropUnsupported: Bool = false
    ) throws(InputError) -> LoadedSchool {
        let format = format ?? SchoolFormat.sniff(text)
        // XML nests by tags, which SafeXML limits itself; the bracket count is for YAML and JSON.
        if format != .fet && format != .xhstt { try SourceText.checkNesting(text, displayName: file) }
        switch format {
        case .fet:
            return try FETImport.parse(text, file: file, dropUnsupported: dropUnsupported)
        case .xhstt:
            return try XHSTTImport.parse(text, file: file, dropUnsupported: dropUnsupported)
        case .ctt:
            let school = try CTTFormat.parse(text, file: file)
            return LoadedSchool(school: school, file: file, format: .ctt, readDiagnostics: [], sourceMap: nil)
        case .yaml:
            let root = try composeYAML(text, file: file)
            return try read(root: root, text: text, format: .yaml, file: file) { () throws(InputError) in
                do {
                    return try YAMLDecoder().decode(SchoolDocument.self, from: root)
                } catch let error as DecodingError {
                    throw InputError(error, file: file, sourceMap: SourceMap(root: root))
                } catch {
                    throw InputError(file: file, message: "The YAML could not be read: \(error)")
                }
            }
        case .json:
            let root = try YAMLText.composeJSON(text, file: file)
            return try read(root: root, text: text, format: .json, file: file) { () throws(InputError) in
                do {
                    return try JSONDecoder().decode(SchoolDocument.self, from: Data(text.utf8))
                } catch let error as DecodingError {
                    throw InputError(error, file: file, sourceMap: root.map(SourceMap.init(root:)))
                } catch {
                    throw InputError(file: file, message: "The JSON could not be read: \(error)")
                }
            }
        }
    }

    private static func read(
        root: Node?, text: String, format: SchoolFormat, file: String, decode: () throws(InputError) -> SchoolDocument
    ) throws(InputError) -> LoadedSchool {
        if let root, case .mapping = root {
        } else if root != nil || format == .yaml {
            throw InputError(
                file: file, line: root?.mark?.line,
                message: "Expected a school: a mapping with keys such as name, days, dayTemplates, lessons",
                hint: "see docs/school-format.md for an annotated example")
        }
        let document = try decode()
        var reader = SchoolDocumentReader(document)
        let school = reader.school()
        let keyDiagnostics = root.map { unknownKeys(in: $0, schema: SchoolSchema.keys) } ?? []
        return LoadedSchool(
            school: school, file: file, format: format, readDiagnostics: keyDiagnostics + reader.diagnostics,
            sourceMap: root.map(SourceMap.init(root:)))
    }

    /// Parses YAML into a node tree, turning parser errors into ``InputError``s with a line.
    static func composeYAML(_ text: String, file: String) throws(InputError) -> Node {
        guard let root = try YAMLText.compose(text, file: file) else {
            throw InputError(file: file, message: "The file is empty", hint: "a school file needs at least name, dayTemplates and days")
        }
        return root
    }

    /// The school in Rooster's schema, as YAML or JSON text.
    public static func encode(_ school: School, as format: SchoolFormat) throws -> String {
        let document = SchoolDocument(school)
        switch format {
        case .yaml:
            return try YAMLNodeEncoder.encode(document)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        case .ctt, .fet, .xhstt:
            throw InputError(
                file: school.name, message: "Writing .\(format.rawValue) school files is not supported", hint: "convert to yaml or json")
        }
    }

    /// Writes a school atomically (a temporary file, then a rename), so an interrupted run never
    /// leaves a half-written file.
    public static func write(_ school: School, to url: URL, as format: SchoolFormat) throws {
        try AtomicFile.write(try encode(school, as: format), to: url)
    }
}

extension InputError {
    /// A clear error from a YAML parser error, with its line and column.
    init(yaml error: YamlError, file: String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { " \($0.text)" } ?? ""
            self.init(
                file: file, line: mark.line, column: mark.column, message: "Invalid YAML: \(problem)\(detail)",
                hint: "check indentation and quoting around this line")
        case .reader(let problem, _, _, _):
            self.init(file: file, message: "The file cannot be read as text: \(problem)", hint: "save it as UTF-8")
        case .duplicatedKeysInMapping(let duplicates, let context):
            self.init(
                file: file, line: context.mark.line, message: "Duplicate key(s) \(duplicates.joined(separator: ", "))",
                hint: "each key may appear once per mapping")
        default:
            self.init(file: file, message: "Invalid YAML: \(error)")
        }
    }
}
