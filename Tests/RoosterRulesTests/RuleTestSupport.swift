import RoosterModel
import RoosterTestSupport
import Testing

@testable import RoosterRules

/// Every soft rule at weight 1, so that tests see raw costs.
let allRulesOn = Dictionary(uniqueKeysWithValues: RuleCatalogue.descriptors.filter { $0.level == .soft }.map { ($0.id, 1) })

/// Words of the English sentences that Dutch ones never use.
let englishWords: Set<String> = [
    "has", "have", "on", "but", "which", "with", "the", "and", "Teacher", "Group", "Room", "Student", "Parent",
]

/// The violations of one rule. Every violation any rule test provokes is also checked for its
/// Dutch text: written (not the English copied) and free of the English words of the sentences.
func violations(_ rule: RuleID, _ timetable: Timetable, _ school: School) -> [Violation] {
    let found = Checker(weightOverrides: allRulesOn).check(timetable, against: school).violations.filter { $0.rule == rule }
    for violation in found {
        #expect(violation.dutchMessage != violation.message, "\(rule) has no Dutch text: \(violation.message)")
        let words = Set(violation.dutchMessage.split(whereSeparator: { !$0.isLetter }).map(String.init))
        let english = words.intersection(englishWords)
        #expect(english.isEmpty, "\(rule): English words \(english.sorted()) in \(violation.dutchMessage)")
    }
    return found
}

/// The total cost of one rule.
func cost(_ rule: RuleID, _ timetable: Timetable, _ school: School) -> Int {
    violations(rule, timetable, school).reduce(0) { $0 + $1.cost }
}

func place(_ lesson: Lesson.ID, _ slot: TimeSlot, _ rooms: [Room.ID] = ["R1"]) -> Placement {
    Placement(lesson: lesson, start: slot, rooms: rooms)
}
