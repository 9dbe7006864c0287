import Foundation

/// A CSV file as spreadsheets and student apps write it: RFC 4180 quoting, a header row, `,` or `;`
/// as delimiter (Dutch Excel writes `;`), an optional byte-order mark, CRLF or LF line ends.
///
/// Rows keep their line number so that every error can point at the line to fix.
struct CSVTable {
    struct Row {
        /// 1-based line of the row's first character.
        var line: Int
        var fields: [String]
    }

    let file: String
    /// Header names, lower-cased and trimmed.
    let header: [String]
    let rows: [Row]

    init(text: String, file: String) throws(InputError) {
        self.file = file
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        let firstLine = body.prefix { !Self.isLineEnd($0) }
        let delimiter: Character = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
        var rows = try Self.split(body, delimiter: delimiter, file: file)
        guard !rows.isEmpty else {
            throw InputError(file: file, line: 1, message: "the file is empty", hint: "the first line must name the columns")
        }
        header = rows.removeFirst().fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        self.rows = rows.filter { !$0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
    }

    /// The position of a column, or an error naming the columns there are.
    func column(_ name: String, required: Bool = true) throws(InputError) -> Int? {
        if let index = header.firstIndex(of: name) { return index }
        guard required else { return nil }
        throw InputError(
            file: file, line: 1, message: "no column '\(name)' in the header (columns: \(header.joined(separator: ", ")))",
            hint: "add a column named '\(name)' to the first line")
    }

    /// A field of a row, trimmed; empty when the row is short.
    func value(_ row: Row, _ column: Int?) -> String {
        guard let column, row.fields.indices.contains(column) else { return "" }
        return row.fields[column].trimmingCharacters(in: .whitespaces)
    }

    /// Line ends of every origin: Unix (LF), Windows (CR LF, one Swift character) and old Mac Excel (CR).
    private static func isLineEnd(_ character: Character) -> Bool { character == "\n" || character == "\r\n" || character == "\r" }

    private static func split(_ text: Substring, delimiter: Character, file: String) throws(InputError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var line = 1, rowLine = 1
        var quoted = false, wasQuoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let held = pending {
                pending = nil
                return held
            }
            return characters.next()
        }
        while let character = next() {
            if quoted {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            pending = following
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    if Self.isLineEnd(character) { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty && !wasQuoted:
                quoted = true
                wasQuoted = true
            case delimiter:
                fields.append(field)
                field = ""
                wasQuoted = false
            case "\n", "\r\n", "\r":
                fields.append(field)
                rows.append(Row(line: rowLine, fields: fields))
                fields = []
                field = ""
                wasQuoted = false
                line += 1
                rowLine = line
            default:
                field.append(character)
            }
        }
        if quoted {
            throw InputError(file: file, line: rowLine, message: "a quoted field is not closed", hint: "add the closing \" on this row")
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append(Row(line: rowLine, fields: fields))
        }
        return rows
    }
}
