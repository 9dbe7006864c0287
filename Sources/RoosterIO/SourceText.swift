import Foundation

/// Reads input files defensively: a size limit, UTF-8 only, and a nesting limit, so that a
/// truncated file or ten megabytes of garbage give a clear ``InputError`` instead of a crash or a
/// stack overflow in a parser.
enum SourceText {
    /// Files above this size are refused; a 2,400-student school with weekly requests is a few MB.
    static let maximumBytes = 64 * 1024 * 1024
    /// Deeper nesting than this is refused before any parser sees it. Real files nest about 6 deep.
    static let maximumDepth = 200

    /// Reads a file as UTF-8 text.
    static func read(_ url: URL, displayName: String) throws(InputError) -> String {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if let size = attributes[.size] as? Int, size > maximumBytes {
                throw InputError(
                    file: displayName,
                    message: "The file is \(size / 1_048_576) MB; Rooster reads files up to \(maximumBytes / 1_048_576) MB",
                    hint: "check that this is the right file")
            }
            data = try Data(contentsOf: url)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(
                file: displayName, message: "Cannot read the file: \(readableReason(error))",
                hint: "check the path and that the file is readable")
        }
        return try decode(data, displayName: displayName)
    }

    /// Turns bytes into text, refusing anything that is not UTF-8 or nests too deep.
    static func decode(_ data: Data, displayName: String) throws(InputError) -> String {
        if data.count > maximumBytes {
            throw InputError(file: displayName, message: "The input is larger than \(maximumBytes / 1_048_576) MB")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw InputError(
                file: displayName, line: firstInvalidUTF8Line(data), message: "The file is not UTF-8 text",
                hint: "save it as UTF-8; binary files cannot be read")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.utf8.contains(0) {
            throw InputError(file: displayName, message: "The file contains NUL bytes and is not a text file")
        }
        try checkNesting(text, displayName: displayName)
        return text
    }

    /// Refuses bracket nesting or indentation deep enough to exhaust a recursive parser.
    static func checkNesting(_ text: String, displayName: String) throws(InputError) {
        var depth = 0, line = 1, lineStart = true, indentation = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumDepth {
                    throw InputError(
                        file: displayName, line: line, message: "The input nests more than \(maximumDepth) levels deep",
                        hint: "this is not a Rooster file, or it is damaged")
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(depth - 1, 0)
            case UInt8(ascii: "\n"):
                line += 1
                lineStart = true
                indentation = 0
                continue
            case UInt8(ascii: " ") where lineStart, UInt8(ascii: "-") where lineStart:
                indentation += 1
                if indentation > 4 * maximumDepth {
                    throw InputError(
                        file: displayName, line: line, message: "Line \(line) is indented more than \(4 * maximumDepth) levels",
                        hint: "this is not a Rooster file, or it is damaged")
                }
                continue
            default:
                break
            }
            lineStart = false
        }
    }

    private static func firstInvalidUTF8Line(_ data: Data) -> Int? {
        var line = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var index = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                index += 1
            case .emptyInput: return nil
            case .error: return line
            }
        }
    }

    private static func readableReason(_ error: Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError || nsError.code == 260 {
            return "no such file"
        }
        return nsError.localizedDescription
    }
}
