/// File names that are safe on every file system: a class called `../../x`, `CON` or `a/b` cannot
/// escape the output folder or break it, and two views never share a file (also where names
/// differ only in case).
final class FileNames {
    private var used = Set<String>()

    /// Windows device names, which no file may be called whatever its extension.
    static let reserved = Set(["con", "prn", "aux", "nul"] + (1...9).map { "com\($0)" } + (1...9).map { "lpt\($0)" })

    /// A safe stem for a name: letters, digits, `-`, `_` and `.` kept, the rest `_`; no leading dot
    /// or dash; at most 100 characters; never a Windows device name.
    static func safeStem(_ name: String) -> String {
        var stem = String(
            name.unicodeScalars.map { scalar -> Character in
                let ok =
                    scalar.isASCII
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
                return ok ? Character(scalar) : "_"
            })
        while stem.contains("..") { stem = stem.replacingDoubleDots() }
        while let first = stem.first, first == "." || first == "-" { stem.removeFirst() }
        while stem.last == "." { stem.removeLast() }
        stem = String(stem.prefix(100))
        if stem.isEmpty { stem = "unnamed" }
        let base = stem.split(separator: ".", maxSplits: 1).first.map(String.init)?.lowercased() ?? ""
        if reserved.contains(base) { stem = "_" + stem }
        return stem
    }

    /// A safe, unused file name for `name` with the extension.
    func unique(_ name: String, extension ext: String) -> String {
        let stem = Self.safeStem(name)
        var candidate = "\(stem).\(ext)", number = 2
        while used.contains(candidate.lowercased()) || candidate.lowercased() == "index.html" || candidate.lowercased() == "report.html" {
            candidate = "\(stem)-\(number).\(ext)"
            number += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }
}

extension String {
    /// Each `..` becomes `_`, so no part of a name reads as the parent folder.
    fileprivate func replacingDoubleDots() -> String {
        var result = ""
        var previousDot = false
        for character in self {
            if character == ".", previousDot {
                result.removeLast()
                result.append("_")
                previousDot = false
            } else {
                result.append(character)
                previousDot = character == "."
            }
        }
        return result
    }
}
