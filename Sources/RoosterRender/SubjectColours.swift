import RoosterModel

/// Colours for the subjects on one page, each distinct from the others there: a subject keeps the
/// colour the school gave it (`#rrggbb`) unless that colour is too close to one already on the
/// page (or to the blue of conversations, when the page has some); the others get the colour of a
/// 24-hue palette farthest from those taken. Assigned in the order the subjects first appear, so a
/// page renders the same every time.
struct SubjectColours {
    typealias RGB = (r: Int, g: Int, b: Int)

    /// Two colours closer than this (Euclidean distance in RGB) are too alike to tell apart.
    static let minimumDistance = 70.0

    private var assigned: [String: RGB] = [:]

    init(_ entries: [ScheduleEntry], in school: School) {
        let own = Dictionary(
            school.subjects.compactMap { subject in subject.color.flatMap(Self.parse).map { (subject.id.rawValue, $0) } },
            uniquingKeysWith: { first, _ in first })
        var keys: [String] = []
        for entry in entries where !entry.isConversation {
            let key = Self.key(entry)
            if !keys.contains(key) { keys.append(key) }
        }
        var taken: [RGB] = entries.contains(where: \.isConversation) ? [Self.coach] : []
        func isFree(_ colour: RGB) -> Bool { taken.allSatisfy { Self.distance($0, colour) >= Self.minimumDistance } }
        // First the school's own colours that stand apart, then the rest from the palette.
        var rest: [String] = []
        for key in keys {
            if let colour = own[key], isFree(colour) {
                assigned[key] = colour
                taken.append(colour)
            } else {
                rest.append(key)
            }
        }
        for key in rest {
            let first = Self.palette[Self.hash(key) % Self.palette.count]
            let colour =
                isFree(first)
                ? first
                : Self.palette.max { a, b in
                    (taken.map { Self.distance($0, a) }.min() ?? 0) < (taken.map { Self.distance($0, b) }.min() ?? 0)
                } ?? first
            assigned[key] = colour
            taken.append(colour)
        }
    }

    /// The colour of an entry's subject (coach conversations: blue).
    func colour(of entry: ScheduleEntry) -> RGB {
        entry.isConversation ? Self.coach : assigned[Self.key(entry)] ?? Self.palette[Self.hash(Self.key(entry)) % Self.palette.count]
    }

    static let coach: RGB = (48, 86, 160)

    /// Twenty-four hues at two lightnesses, mid saturation, readable under dark text as a tint.
    static let palette: [RGB] = (0..<24).map { (index: Int) -> RGB in
        let even = index % 2 == 0
        let hue: Double = Double(index) * 15 + (even ? 0 : 7)
        return hsl(hue: hue, saturation: 0.65, lightness: even ? 0.45 : 0.6)
    }

    static func key(_ entry: ScheduleEntry) -> String { entry.subject?.rawValue ?? entry.title }

    static func parse(_ text: String) -> RGB? {
        guard text.count == 7, text.first == "#", let value = Int(text.dropFirst(), radix: 16) else { return nil }
        return ((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)
    }

    static func distance(_ a: RGB, _ b: RGB) -> Double {
        let (dr, dg, db) = (Double(a.r - b.r), Double(a.g - b.g), Double(a.b - b.b))
        return (dr * dr + dg * dg + db * db).squareRoot()
    }

    /// FNV-1a, so that a subject without a colour gets the same first choice on every page.
    static func hash(_ text: String) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash % 1_000_003)
    }

    static func hsl(hue: Double, saturation: Double, lightness: Double) -> RGB {
        let chroma = (1 - abs(2 * lightness - 1)) * saturation
        let h = hue.truncatingRemainder(dividingBy: 360) / 60
        let x = chroma * (1 - abs(h.truncatingRemainder(dividingBy: 2) - 1))
        let (r, g, b): (Double, Double, Double) =
            switch h {
            case ..<1: (chroma, x, 0)
            case ..<2: (x, chroma, 0)
            case ..<3: (0, chroma, x)
            case ..<4: (0, x, chroma)
            case ..<5: (x, 0, chroma)
            default: (chroma, 0, x)
            }
        let m = lightness - chroma / 2
        return (Int(((r + m) * 255).rounded()), Int(((g + m) * 255).rounded()), Int(((b + m) * 255).rounded()))
    }
}
