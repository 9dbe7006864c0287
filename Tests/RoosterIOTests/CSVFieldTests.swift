import Testing

@testable import RoosterIO

@Suite("CSV cells safe for spreadsheets")
struct CSVFieldTests {
    @Test(
        "Formulas are defused, including after a tab or carriage return; numbers and text stay; delimiters and edges are quoted",
        arguments: [
            ("=SUM(A1:A9)", "'=SUM(A1:A9)"), ("+31 6 1234", "'+31 6 1234"), ("@cmd", "'@cmd"), ("\t=1+1", "'\t=1+1"),
            ("\r=1+1", "\"'\r=1+1\""), ("-5", "-5"), ("-2.5", "-2.5"), ("2V1 Duits", "2V1 Duits"), ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""), (" padded", "\" padded\""), ("a;b", "\"a;b\""),
        ])
    func escape(_ value: String, _ expected: String) {
        #expect(CSVField.escape(value) == expected)
    }

    @Test("With ';' as delimiter (Dutch Excel) the same rules hold")
    func semicolon() {
        #expect(CSVField.escape("=HYPERLINK(\"x\")", delimiter: ";") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVField.escape("1,5", delimiter: ";") == "\"1,5\"")
    }
}
