import RoosterModel
import RoosterTestSupport
import Testing

@testable import RoosterRules

/// Day spreads (FET's min days between activities): every two occurrences of the spread's lessons
/// closer than `minDays` days are one violation, hard or soft.
@Suite("Day spreads")
struct DaySpreadTests {
    typealias F = Fixture

    /// German twice and maths once for 2V1, kept two days apart.
    func school(hard: Bool, minDays: Int = 2) -> School {
        var school = F.school(with: [F.german2V1(count: 2), F.maths2V1(count: 1)])
        school.daySpreads = [DaySpread(lessons: ["2V1-du", "2V1-wi"], minDays: minDays, hard: hard)]
        return school
    }

    @Test("lessonsApart (hard): pairs fewer than minDays apart, counted across the lessons of the spread")
    func hardSpread() {
        let school = school(hard: true)
        let close = Timetable(placements: [
            place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.tue, 3)), place("2V1-wi", F.at(F.thu, 3), ["R2"]),
        ])
        #expect(cost("lessonsApart", close, school) == 1, "Mon–Tue only; Tue–Thu and Mon–Thu are two or more days apart")
        #expect(cost("lessonsApartPreferred", close, school) == 0, "a hard spread is not judged by the soft rule")
        let sameDay = Timetable(placements: [
            place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.wed, 3)), place("2V1-wi", F.at(F.wed, 5), ["R2"]),
        ])
        #expect(cost("lessonsApart", sameDay, school) == 1, "German and maths both on Wednesday")
        let apart = Timetable(placements: [
            place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.wed, 3)), place("2V1-wi", F.at(F.fri, 3), ["R2"]),
        ])
        #expect(cost("lessonsApart", apart, school) == 0)
    }

    @Test("lessonsApartPreferred (soft): the same count, weighted; one day apart means different days")
    func softSpread() {
        let school = school(hard: false, minDays: 1)
        let twoOnMonday = Timetable(placements: [
            place("2V1-du", F.at(F.mon, 3)), place("2V1-du", F.at(F.mon, 5)), place("2V1-wi", F.at(F.mon, 4), ["R2"]),
        ])
        #expect(cost("lessonsApartPreferred", twoOnMonday, school) == 3, "three occurrences on one day: three pairs")
        var weighted = school
        weighted.ruleWeights[.lessonsApartPreferred] = 4
        #expect(Checker().check(twoOnMonday, against: weighted).penaltyByRule[.lessonsApartPreferred] == 12)
    }

    @Test("Validation: unknown lessons and a distance outside 1 to the days of the week are errors at their paths")
    func validation() {
        var school = school(hard: true, minDays: 9)
        school.daySpreads.append(DaySpread(lessons: ["nope"], minDays: 1))
        let errors = school.validate().filter { $0.severity == .error }.map(\.path)
        #expect(errors.contains("daySpreads[0].minDays") && errors.contains("daySpreads[1].lessons[0]"), "\(errors)")
    }
}
