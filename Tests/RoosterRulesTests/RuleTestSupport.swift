import RoosterModel
import RoosterTestSupport

@testable import RoosterRules

/// Every soft rule at weight 1, so that tests see raw costs.
let allRulesOn = Dictionary(uniqueKeysWithValues: RuleCatalogue.descriptors.filter { $0.level == .soft }.map { ($0.id, 1) })

/// The violations of one rule.
func violations(_ rule: RuleID, _ timetable: Timetable, _ school: School) -> [Violation] {
    Checker(weightOverrides: allRulesOn).check(timetable, against: school).violations.filter { $0.rule == rule }
}

/// The total cost of one rule.
func cost(_ rule: RuleID, _ timetable: Timetable, _ school: School) -> Int {
    violations(rule, timetable, school).reduce(0) { $0 + $1.cost }
}

func place(_ lesson: Lesson.ID, _ slot: TimeSlot, _ rooms: [Room.ID] = ["R1"]) -> Placement {
    Placement(lesson: lesson, start: slot, rooms: rooms)
}
