import Foundation

/// An element of an XML document: its name, attributes, child elements and the text directly
/// inside it, with the line it starts on for messages.
public struct XMLElement: Sendable {
    public var name: String
    public var attributes: [String: String]
    public var children: [XMLElement]
    /// The character data directly inside the element, entities resolved, not trimmed.
    public var text: String
    /// 1-based line of the element's start tag.
    public var line: Int

    /// The first child with this name.
    public func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }

    /// Every child with this name, in order.
    public func children(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }

    /// The trimmed text of the first child with this name.
    public func value(_ name: String) -> String? {
        child(name).map(\.trimmedText)
    }

    /// The trimmed texts of every child with this name, in order.
    public func values(_ name: String) -> [String] {
        children(name).map(\.trimmedText)
    }

    var trimmedText: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// A strict, small XML reader for the timetabling formats Rooster imports (FET, XHSTT): elements,
/// attributes, text, comments, CDATA and processing instructions. It reads no DTD at all — a
/// document with `<!DOCTYPE` or `<!ENTITY` is refused — so there are no external entities and no
/// entity expansion beyond the five predefined entities and character references. Nesting is
/// limited like every other reader's, and every error names its line.
public enum SafeXML {

    public static func parse(_ text: String, file: String) throws(InputError) -> XMLElement {
        var reader = Reader(bytes: Array(text.utf8), file: file)
        return try reader.document()
    }

    private struct Reader {
        let bytes: [UInt8]
        let file: String
        var index = 0
        var line = 1

        init(bytes: [UInt8], file: String) {
            // A byte-order mark is not part of the document.
            self.bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            self.file = file
        }

        func error(_ message: String, hint: String? = nil) -> InputError {
            InputError(file: file, line: line, message: message, hint: hint)
        }

        var atEnd: Bool { index >= bytes.count }

        func peek(_ literal: String) -> Bool {
            let utf8 = Array(literal.utf8)
            return index + utf8.count <= bytes.count && Array(bytes[index..<(index + utf8.count)]) == utf8
        }

        mutating func advance(_ count: Int = 1) {
            for _ in 0..<count where index < bytes.count {
                if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                index += 1
            }
        }

        mutating func skipWhitespace() {
            while !atEnd, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { advance() }
        }

        /// Skips to just after `terminator`, or fails naming what was left open.
        mutating func skip(past terminator: String, what: String) throws(InputError) {
            let start = line
            while !atEnd, !peek(terminator) { advance() }
            guard !atEnd else { throw InputError(file: file, line: start, message: "\(what) is never closed") }
            advance(terminator.utf8.count)
        }

        /// Comments, processing instructions and whitespace between elements; DTDs are refused.
        mutating func skipMisc() throws(InputError) {
            while true {
                skipWhitespace()
                if peek("<!--") {
                    try skip(past: "-->", what: "A comment")
                } else if peek("<?") {
                    try skip(past: "?>", what: "A processing instruction")
                } else if peek("<!DOCTYPE") || peek("<!ENTITY") {
                    throw error(
                        "The document declares a DTD or entities, which Rooster does not read",
                        hint: "remove the <!DOCTYPE …> declaration; FET and XHSTT files need none")
                } else {
                    return
                }
            }
        }

        mutating func document() throws(InputError) -> XMLElement {
            try skipMisc()
            guard peek("<") else { throw error("Not an XML document: it does not start with an element") }
            let root = try element(depth: 1)
            try skipMisc()
            guard atEnd else { throw error("Text after the end of the document's root element <\(root.name)>") }
            return root
        }

        mutating func name() throws(InputError) -> String {
            let start = index
            while !atEnd {
                let byte = bytes[index]
                let isNameByte =
                    byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
                guard isNameByte else { break }
                advance()
            }
            guard index > start else { throw error("Expected a name") }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func element(depth: Int) throws(InputError) -> XMLElement {
            // The same limit as every other reader's (FET and XHSTT need fewer than ten levels).
            guard depth <= SourceText.maximumDepth else {
                throw error("Elements nest more than \(SourceText.maximumDepth) levels deep")
            }
            let startLine = line
            advance()  // <
            let tag = try name()
            var attributes: [String: String] = [:]
            while true {
                skipWhitespace()
                if peek("/>") {
                    advance(2)
                    return XMLElement(name: tag, attributes: attributes, children: [], text: "", line: startLine)
                }
                if peek(">") {
                    advance()
                    break
                }
                guard !atEnd else { throw InputError(file: file, line: startLine, message: "The start tag <\(tag)> is never closed") }
                let key = try name()
                skipWhitespace()
                guard peek("=") else { throw error("Attribute '\(key)' of <\(tag)> has no value") }
                advance()
                skipWhitespace()
                guard !atEnd, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                    throw error("The value of attribute '\(key)' must be quoted")
                }
                let quote = bytes[index]
                advance()
                let start = index
                while !atEnd, bytes[index] != quote { advance() }
                guard !atEnd else { throw error("The value of attribute '\(key)' is never closed") }
                let raw = String(decoding: bytes[start..<index], as: UTF8.self)
                advance()
                guard attributes[key] == nil else { throw error("Attribute '\(key)' appears twice in <\(tag)>") }
                attributes[key] = try resolve(raw)
            }
            var children: [XMLElement] = []
            var text = ""
            while true {
                guard !atEnd else { throw InputError(file: file, line: startLine, message: "<\(tag)> is never closed") }
                if peek("</") {
                    advance(2)
                    let closing = try name()
                    skipWhitespace()
                    guard closing == tag, peek(">") else {
                        throw error("</\(closing)> closes <\(tag)> (opened on line \(startLine))")
                    }
                    advance()
                    return XMLElement(name: tag, attributes: attributes, children: children, text: text, line: startLine)
                }
                if peek("<!--") {
                    try skip(past: "-->", what: "A comment")
                } else if peek("<![CDATA[") {
                    advance(9)
                    let start = index
                    try skip(past: "]]>", what: "A CDATA section")
                    text += String(decoding: bytes[start..<(index - 3)], as: UTF8.self)
                } else if peek("<?") {
                    try skip(past: "?>", what: "A processing instruction")
                } else if peek("<!") {
                    throw error("Declarations inside elements are not read")
                } else if peek("<") {
                    children.append(try element(depth: depth + 1))
                } else {
                    let start = index
                    while !atEnd, bytes[index] != UInt8(ascii: "<") { advance() }
                    text += try resolve(String(decoding: bytes[start..<index], as: UTF8.self))
                }
            }
        }

        /// Replaces the predefined entities and character references; any other entity is an error.
        func resolve(_ raw: String) throws(InputError) -> String {
            guard raw.contains("&") else { return raw }
            var result = ""
            var rest = Substring(raw)
            while let ampersand = rest.firstIndex(of: "&") {
                result += rest[..<ampersand]
                guard let semicolon = rest[ampersand...].firstIndex(of: ";"),
                    rest.distance(from: ampersand, to: semicolon) <= 12
                else { throw error("An '&' that starts no entity", hint: "write &amp; for a literal ampersand") }
                let entity = rest[rest.index(after: ampersand)..<semicolon]
                switch entity {
                case "amp": result += "&"
                case "lt": result += "<"
                case "gt": result += ">"
                case "apos": result += "'"
                case "quot": result += "\""
                default:
                    let number: UInt32? =
                        entity.hasPrefix("#x") || entity.hasPrefix("#X")
                        ? UInt32(entity.dropFirst(2), radix: 16) : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                    guard let number, let scalar = Unicode.Scalar(number), number != 0 else {
                        throw error("Unknown entity '&\(entity);'", hint: "only &amp; &lt; &gt; &apos; &quot; and &#…; are read")
                    }
                    result.unicodeScalars.append(scalar)
                }
                rest = rest[rest.index(after: semicolon)...]
            }
            return result + rest
        }
    }
}
