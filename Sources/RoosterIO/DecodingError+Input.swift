import Foundation

extension InputError {
    /// A clear error from a `DecodingError`: what was expected, at which path and line.
    init(_ error: DecodingError, file: String, sourceMap: SourceMap?) {
        func typeName(_ type: Any.Type) -> String {
            switch type {
            case is Int.Type, is Int?.Type: "a whole number"
            case is Bool.Type, is Bool?.Type: "true or false"
            case is String.Type, is String?.Type: "text"
            case is Double.Type: "a number"
            default: String(describing: type).hasPrefix("Array") ? "a list" : "a mapping (key: value)"
            }
        }
        let path: String
        let message: String
        var hint: String?
        switch error {
        case .typeMismatch(let type, let context):
            path = pathString(context.codingPath)
            message = "Expected \(typeName(type)) here"
            hint = path.isEmpty ? "a school file is a mapping with keys such as name, days, dayTemplates, lessons" : nil
        case .valueNotFound(let type, let context):
            path = pathString(context.codingPath)
            message = "Missing value: expected \(typeName(type))"
        case .keyNotFound(let key, let context):
            let parent = pathString(context.codingPath)
            path = parent.isEmpty ? key.stringValue : "\(parent).\(key.stringValue)"
            message = "Missing required key '\(key.stringValue)'"
            hint = "add '\(key.stringValue):' here"
        case .dataCorrupted(let context):
            path = pathString(context.codingPath)
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            message = underlying.map { "\(context.debugDescription): \($0)" } ?? context.debugDescription
        @unknown default:
            path = ""
            message = "The file could not be read: \(error)"
        }
        var line: Int?
        var column: Int?
        if let position = sourceMap?.position(of: path) {
            line = position.line
            column = position.column
        } else if let found = Self.lineMentioned(in: message) {
            line = found
        }
        self.init(file: file, line: line, column: column, path: path.isEmpty ? nil : path, message: message, hint: hint)
    }

    /// The line number in a parser message such as "… around line 3, column 7".
    static func lineMentioned(in message: String) -> Int? {
        guard let range = message.range(of: "line ") else { return nil }
        return Int(message[range.upperBound...].prefix { $0.isNumber })
    }
}
