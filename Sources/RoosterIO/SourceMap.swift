import RoosterModel
import Yams

/// Where each document path starts in the source text, so that any diagnostic or decoding error
/// can name a line.
///
/// Built from the YAML node tree; since JSON is YAML, it works for both formats.
struct SourceMap: Sendable {
    /// 1-based line and column per path (`lessons[3].teachers[0]`).
    private(set) var positions: [String: (line: Int, column: Int)] = [:]

    init() {}

    /// Lines of paths found by another reader (the FET import's `line N` paths).
    init(lines: [String: Int]) {
        for (path, line) in lines { positions[path] = (line, 1) }
    }

    /// The lines of diagnostics whose path is "line N", as the XML imports (FET, XHSTT) write them.
    init(lineDiagnostics diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            if let line = Int(diagnostic.path.dropFirst(5)) { positions[diagnostic.path] = (line, 1) }
        }
    }

    init(root: Node) {
        record(root, at: "")
    }

    /// Parses text only to locate paths; nil when the text is not parseable YAML or too large.
    init?(text: String) {
        guard let root = try? YAMLText.compose(text, file: "") else { return nil }
        self.init(root: root)
    }

    private mutating func record(_ node: Node, at path: String, keyMark: Mark? = nil) {
        if let mark = keyMark ?? node.mark { positions[path] = (mark.line, mark.column) }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                record(value, at: path.isEmpty ? name : "\(path).\(name)", keyMark: key.mark)
            }
        case .sequence(let sequence):
            for (index, element) in sequence.enumerated() {
                record(element, at: "\(path)[\(index)]")
            }
        default:
            break
        }
    }

    /// The line of a path, or of its nearest enclosing path that is known.
    func line(of path: String) -> Int? {
        position(of: path)?.line
    }

    func position(of path: String) -> (line: Int, column: Int)? {
        var current = path
        while true {
            if let position = positions[current] { return position }
            guard let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) else {
                return current.isEmpty ? nil : positions[""]
            }
            current = String(current[..<cut])
        }
    }
}

/// Finds keys the schema does not know (`teacher:` where `teachers:` was meant), which decoding
/// would silently ignore.
func unknownKeys(in node: Node, schema: [String: [String]], path: String = "", pattern: String = "") -> [Diagnostic] {
    switch node {
    case .mapping(let mapping):
        var found: [Diagnostic] = []
        let known = schema[pattern]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            let childPath = path.isEmpty ? name : "\(path).\(name)"
            let childPattern = pattern.isEmpty ? name : "\(pattern).\(name)"
            if let known, !known.contains(name) {
                let suggestion = closest(to: name, in: known).map { "did you mean '\($0)'?" }
                found.append(
                    Diagnostic(
                        .error, "unknownKey", "Unknown key '\(name)'", at: childPath,
                        hint: suggestion ?? "allowed here: \(known.joined(separator: ", "))"))
                continue
            }
            found += unknownKeys(in: value, schema: schema, path: childPath, pattern: childPattern)
        }
        return found
    case .sequence(let sequence):
        return sequence.enumerated().flatMap { index, element in
            unknownKeys(in: element, schema: schema, path: "\(path)[\(index)]", pattern: "\(pattern)[]")
        }
    default:
        return []
    }
}

/// The known name nearest to a misspelt one, if it is close enough to be a typo.
func closest(to name: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, name.count / 3) else { return nil }
    return best.0
}

/// Levenshtein distance between two short strings.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}

/// `lessons[3].teachers[0]` from a decoding error's coding path.
func pathString(_ codingPath: [any CodingKey]) -> String {
    var path = ""
    for key in codingPath {
        if let index = key.intValue {
            path += "[\(index)]"
        } else {
            path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
        }
    }
    return path
}
