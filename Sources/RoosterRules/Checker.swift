import RoosterModel

/// The result of checking a timetable: its score and every violation in words.
public struct CheckReport: Hashable, Sendable {
    public var score: Score
    /// Violations of hard rules first, then soft rules, each with its weighted penalty.
    public var violations: [Violation]
    /// The weights that were applied to soft rules.
    public var weights: [RuleID: Int]

    /// Total penalty per rule, only for rules with violations.
    public var penaltyByRule: [RuleID: Int] {
        violations.reduce(into: [:]) { $0[$1.rule, default: 0] += $1.penalty }
    }
}

/// Scores timetables against the rule catalogue. The one judge of every timetable in Rooster.
///
/// A checker holds only weights, so it is cheap to make and safe to share between threads.
///
/// ```swift
/// let report = Checker().check(timetable, against: school)
/// print(report.score)          // 0 hard, 36 soft
/// ```
public struct Checker: Sendable {
    /// Weights that override the school's and the catalogue's.
    public var weightOverrides: [RuleID: Int]
    /// The timetable that changes are counted against (the one in use before a re-solve); the
    /// change rules (``RuleCatalogue/changeRules``) count only with one.
    public var reference: Timetable?

    /// - Parameters:
    ///   - weightOverrides: soft-rule weights that win over the school's `ruleWeights` and the
    ///     catalogue's defaults; 0 switches a rule off.
    ///   - reference: the timetable that `timeChanges` and `roomChanges` compare with.
    public init(weightOverrides: [RuleID: Int] = [:], reference: Timetable? = nil) {
        self.weightOverrides = weightOverrides
        self.reference = reference
    }

    /// Whether a rule counts in a school under this checker: a positive weight and, for the change
    /// rules, a reference timetable.
    public func counts(_ descriptor: RuleDescriptor, in school: School) -> Bool {
        weight(of: descriptor, in: school) > 0 && (reference != nil || !RuleCatalogue.changeRules.contains(descriptor.id))
    }

    /// The weight used for a rule in a school: the override, else the school's weight, else the default.
    /// Hard rules always weigh 1.
    public func weight(of descriptor: RuleDescriptor, in school: School) -> Int {
        guard descriptor.level == .soft else { return 1 }
        return weightOverrides[descriptor.id] ?? school.ruleWeights[descriptor.id] ?? descriptor.defaultWeight
    }

    /// Checks a timetable against every rule.
    ///
    /// The school need not be valid: references to unknown lessons or rooms are reported as hard
    /// violations, never a crash.
    ///
    /// - Returns: the score and every violation; soft rules of weight 0 are not evaluated.
    public func check(_ timetable: Timetable, against school: School) -> CheckReport {
        check(timetable, against: CompiledSchool(school: school, checker: self))
    }

    /// Checks a timetable against a school compiled once for many checks (the solvers' own).
    package func check(_ timetable: Timetable, against compiled: CompiledSchool) -> CheckReport {
        let school = compiled.school
        let context = CheckContext(compiled: compiled, timetable: timetable)
        var score = Score.zero
        var violations: [Violation] = []
        var weights: [RuleID: Int] = [:]
        for rule in RuleCatalogue.rules {
            let weight = weight(of: rule.descriptor, in: school)
            if rule.descriptor.level == .soft { weights[rule.descriptor.id] = weight }
            guard counts(rule.descriptor, in: school) else { continue }
            for var violation in rule.violations(in: context) {
                violation.penalty = saturating(violation.cost, times: weight)
                switch violation.level {
                case .hard: score.hard = saturating(score.hard, plus: violation.penalty)
                case .soft: score.soft = saturating(score.soft, plus: violation.penalty)
                }
                violations.append(violation)
            }
        }
        return CheckReport(score: score, violations: violations, weights: weights)
    }
}

/// `a × b`, or `Int.max` when that overflows: absurd inputs give an absurd score, not a trap.
func saturating(_ a: Int, times b: Int) -> Int {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? .max : product
}

/// `a + b`, or `Int.max` when that overflows.
func saturating(_ a: Int, plus b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? .max : sum
}
