/// Text for HTML and XML: the five characters with a meaning in markup written as references,
/// so that a name like `Smith & <Jones>` stays text in a page or a FET file.
public enum MarkupText {
    public static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
