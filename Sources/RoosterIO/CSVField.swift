/// One cell of a CSV file Rooster writes, safe to open in a spreadsheet.
public enum CSVField {
    /// Quotes the value when it holds a delimiter, a quote, a line break or leading or trailing
    /// space. A value a spreadsheet would run as a formula — starting with `=`, `+`, `-`, `@`, a
    /// tab or a carriage return (OWASP's list), and not a plain number — gets a leading `'`.
    public static func escape(_ value: String, delimiter: Character = ",") -> String {
        var text = value
        if let first = text.first, "=+-@\t\r".contains(first), Double(text) == nil { text = "'" + text }
        let needsQuotes =
            text.contains { $0 == delimiter || ",;\"\n\r".contains($0) } || text.first == " " || text.last == " "
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
