import RoosterModel

/// The occurrences of a ``RoosterModel/DaySpread``'s lessons fall on days at least `minDays`
/// apart (FET's min days between activities): hard for spreads marked hard, soft for the others.
struct LessonsApart: Rule {
    let hard: Bool

    var descriptor: RuleDescriptor {
        hard
            ? RuleDescriptor(
                id: .lessonsApart, name: "Lessons days apart", level: .hard, defaultWeight: 1,
                summary: "Occurrences of the lessons of a hard day spread are at least its minDays days apart; cost 1 per pair closer.")
            : RuleDescriptor(
                id: .lessonsApartPreferred, name: "Lessons days apart (preferred)", level: .soft, defaultWeight: 1,
                summary: "Occurrences of the lessons of a soft day spread are at least its minDays days apart; cost 1 per pair closer.")
    }

    func violations(in context: CheckContext) -> [Violation] {
        context.school.daySpreads.enumerated().compactMap { index, spread -> Violation? in
            guard spread.hard == hard else { return nil }
            let days = spread.lessons.flatMap { lesson in
                (context.placementsOfLesson[lesson] ?? []).map { context.timetable.placements[$0].start.day }
            }.sorted()
            var close: [(Int, Int)] = []
            for i in days.indices {
                for j in (i + 1)..<days.count where days[j] - days[i] < spread.minDays { close.append((days[i], days[j])) }
            }
            guard !close.isEmpty else { return nil }
            let lessons = spread.lessons.map { context.label(ofLesson: $0) }.joined(separator: ", ")
            let pairs = close.prefix(3).map { "\(context.dayName($0.0))–\(context.dayName($0.1))" }.joined(separator: ", ")
            let dutchPairs = close.prefix(3).map { "\(context.dutchDayName($0.0))–\(context.dutchDayName($0.1))" }.joined(separator: ", ")
            return violation(
                close.count,
                "\(lessons): \(close.count) pair(s) of lessons fewer than \(spread.minDays) day(s) apart (\(pairs))",
                nl: "\(lessons): \(close.count) paar/paren lessen minder dan \(spread.minDays) dag(en) uit elkaar (\(dutchPairs))",
                involving: ["daySpread:\(index)"] + spread.lessons.map { "lesson:\($0)" })
        }
    }
}
